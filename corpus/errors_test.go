package corpus

import (
	"errors"
	"testing"
)

// TestParseErrorQuotesName: a name holding a tab or newline is quoted,
// so the message stays one line (issue 12).
func TestParseErrorQuotesName(t *testing.T) {
	for _, tt := range []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{File: "a.txt", Line: 3, Err: ErrEncoding}, "a.txt:3: invalid encoding"},
		{&ParseError{File: "a\tb.txt", Line: 3, Err: ErrEncoding}, `"a\tb.txt":3: invalid encoding`},
		{&ParseError{File: "new\nline.txt", Err: ErrEmpty}, `"new\nline.txt": empty input: no text`},
		{&ParseError{File: "bad\xff.txt", Err: errors.New("x")}, `"bad\xff.txt": x`},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("(%#v).Error() = %q, want %q", tt.err, got, tt.want)
		}
	}
}
