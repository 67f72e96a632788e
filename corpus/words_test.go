package corpus

import "testing"

// proseByPatterns is Prose without its shortcut: the three patterns on
// every text.
func proseByPatterns(text string) string {
	text = reMarkup.ReplaceAllString(text, " ")
	text = reURL.ReplaceAllString(text, " ")
	return reEntities.ReplaceAllString(text, " ")
}

var proseCases = []string{
	"Plain prose. Two sentences, no link.",
	"See www.example.org for more.",
	"Write to iso@intersoz.org today",
	"Visit intersoz.org.",
	"Visit intersoz.org\u00a0now",
	"www.\u00a0x",
	"http://localhost:8080 is up",
	"A [link](target) and `code` and <b>bold</b> and &amp; and {{ shortcode }}",
	"Resolution 217 A (III) vom 10.12.1948",
	"e.g. this, i.e. that",
	"ends with a full stop.",
	"",
}

// TestProseShortcut: Prose's shortcut never changes what it returns.
func TestProseShortcut(t *testing.T) {
	for _, text := range proseCases {
		if got, want := Prose(text), proseByPatterns(text); got != want {
			t.Errorf("Prose(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzProse(f *testing.F) {
	for _, text := range proseCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Prose(text), proseByPatterns(text); got != want {
			t.Errorf("Prose(%q) = %q, want %q", text, got, want)
		}
	})
}
