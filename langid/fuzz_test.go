package langid

import (
	"strings"
	"testing"
)

// FuzzExcerpt: excerpt never panics, and an excerpt of a text without
// blank lines is excerptWindows windows of the text, in order and apart.
func FuzzExcerpt(f *testing.F) {
	f.Add(strings.Repeat("Haus ", 20) + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 3))
	f.Add(strings.Repeat("All human beings are born free and equal in dignity and rights. ", 8))
	f.Add(strings.Repeat("这是一个很长的段落", 60))
	f.Fuzz(func(t *testing.T, text string) {
		ex, ok := excerpt(text)
		if !ok || strings.Contains(text, "\n\n") {
			return
		}
		windows := strings.Split(ex, "\n\n")
		if len(windows) != excerptWindows {
			t.Fatalf("excerpt(%q) = %q: %d windows, want %d", text, ex, len(windows), excerptWindows)
		}
		at := 0 // where the last window ended
		for _, w := range windows {
			i := strings.Index(text[at:], w)
			if w == "" || i < 0 {
				t.Fatalf("excerpt(%q) = %q: window %q is not in the text after the one before", text, ex, w)
			}
			at += i + len(w)
		}
	})
}
