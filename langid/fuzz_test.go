package langid

import (
	"strings"
	"testing"
)

// FuzzExcerpt: excerpt never panics, and an excerpt is made of the
// text's own words.
func FuzzExcerpt(f *testing.F) {
	f.Add(strings.Repeat("Haus ", 20) + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 3))
	f.Add(strings.Repeat("All human beings are born free and equal in dignity and rights. ", 8))
	f.Add(strings.Repeat("这是一个很长的段落", 60))
	f.Fuzz(func(t *testing.T, text string) {
		ex, ok := excerpt(text)
		if !ok {
			return
		}
		if strings.TrimSpace(ex) == "" {
			t.Fatalf("excerpt(%q) is blank", text)
		}
		for _, w := range strings.Fields(ex) {
			if !strings.Contains(text, w) {
				t.Fatalf("excerpt(%q) = %q: %q is not a word of the text", text, ex, w)
			}
		}
	})
}
