package corpus

import "testing"

func TestHTMLHeadingLevel(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"centred div with logo and h1", "<div align=\"center\">\n  <img src=\"logo.png\">\n  <h1>Weekly Puzzles</h1>\n</div>", 1},
		{"upper-case tag with attributes", "<H2 id=\"x\">Правила клуба</H2>", 2},
		{"highest level wins", "<div><h3>Sub</h3><h2>Main</h2></div>", 2},
		{"empty heading is none", "<p align=\"center\"><h1> </h1><img src=\"a.png\"></p>", 0},
		{"paragraph element", "<p>Hello</p>", 0},
		{"prose mentioning a tag", "Use <h1> for titles.", 0},
		{"broken markup", "<div><h1>Title", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLHeadingLevel(tt.text); got != tt.want {
				t.Errorf("HTMLHeadingLevel(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}
