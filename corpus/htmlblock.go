package corpus

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLHeadingLevel returns the level (1–6) of the outermost-level HTML
// heading element (<h1>…<h6>) holding text in an HTML block of a Markdown
// document, such as a centred <div> around a logo and an <h1> title; 0
// when text is no HTML block (it must start with "<") or holds no heading.
func HTMLHeadingLevel(text string) int {
	t := strings.TrimLeft(text, " \t\ufeff")
	if !strings.HasPrefix(t, "<") {
		return 0
	}
	z := html.NewTokenizer(strings.NewReader(t))
	best, open := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return best
		case html.StartTagToken:
			if lvl := headingAtom(z); lvl > 0 {
				open = lvl
			}
		case html.EndTagToken:
			if headingAtom(z) > 0 {
				open = 0
			}
		case html.TextToken:
			if open > 0 && strings.TrimSpace(string(z.Text())) != "" && (best == 0 || open < best) {
				best = open
			}
		}
	}
}

// headingAtom returns the level of the tag the tokenizer is at when it is
// h1–h6, else 0.
func headingAtom(z *html.Tokenizer) int {
	name, _ := z.TagName()
	return headingAtomLevel(atom.Lookup(name))
}
