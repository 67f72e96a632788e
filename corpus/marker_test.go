package corpus

import "testing"

func TestParseMarker(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ok     bool
		id     string
		label  string
		punct  string
		head   int
		rest   string // text after the marker
		reason string
	}{
		{name: "dot", text: "1. The text", ok: true, id: "1", punct: ".", rest: "The text"},
		{name: "paren", text: "1) Текст", ok: true, id: "1", punct: ")", rest: "Текст"},
		{name: "both parens", text: "(12) Text", ok: true, id: "12", punct: "()", rest: "Text"},
		{name: "escaped dot", text: `#### 1\. Text`, ok: true, id: "1", punct: ".", head: 4, rest: "Text", reason: "Markdown escapes a dot that would start a list"},
		{name: "nbsp run", text: "1.\u00a0\u00a0 At the", ok: true, id: "1", punct: ".", rest: "At the", reason: "the seed statement puts NO-BREAK SPACEs after every marker"},
		{name: "roman", text: "IV. Backing services", ok: true, id: "IV", punct: ".", rest: "Backing services"},
		{name: "roman heading", text: "## XII. Admin processes", ok: true, id: "XII", punct: ".", head: 2, rest: "Admin processes"},
		{name: "heading without space", text: "##X. Dev-Prod", ok: true, id: "X", punct: ".", head: 2, rest: "Dev-Prod", reason: "twelve-factor de.md writes ##X."},
		{name: "bom before heading", text: "\ufeff## I. Codebase", ok: true, id: "I", punct: ".", head: 2, rest: "Codebase"},
		{name: "paragraph sign", text: "# § 3 Mitgliedschaft", ok: true, id: "§3", label: "§", head: 1, rest: "Mitgliedschaft"},
		{name: "paragraph sign tight", text: "§3 Text", ok: true, id: "§3", label: "§", rest: "Text"},
		{name: "article", text: "Article 5 ", ok: true, id: "5", label: "article", rest: ""},
		{name: "статья", text: "Статья 5", ok: true, id: "5", label: "article", rest: ""},
		{name: "artículo", text: "Artículo 12. Nadie", ok: true, id: "12", label: "article", punct: ".", rest: "Nadie"},
		{name: "artikel", text: "Artikel 3\nJeder", ok: true, id: "3", label: "article", rest: "Jeder"},
		{name: "nested dotted", text: "12.1 Scope of work", ok: true, id: "12.1", rest: "Scope of work"},
		{name: "nested dotted dot", text: "20.2.1. Sub", ok: true, id: "20.2.1", punct: ".", rest: "Sub"},
		{name: "roman nested", text: "III.1.a) Text", ok: true, id: "III.1.a", punct: ")", rest: "Text"},
		{name: "letter", text: "a) first", ok: true, id: "a", punct: ")", rest: "first"},
		{name: "cyrillic letter", text: "б) второй", ok: true, id: "b", punct: ")", rest: "второй"},
		{name: "anchor", text: `###### <a name="20190629"></a>64. Text`, ok: true, id: "64", punct: ".", head: 6, rest: "Text"},
		{name: "hashes after number", text: "1. #### Title", ok: true, id: "1", punct: ".", rest: "Title"},
		{name: "bold", text: "**2.** Bold marker", ok: true, id: "2", punct: ".", rest: "Bold marker"},

		{name: "bare number", text: "12 months later", ok: false, reason: "a number without punctuation is text"},
		{name: "year", text: "2022. The year", ok: false, reason: "four digits are a year, not a section"},
		{name: "version", text: "1.0.0. If you", ok: false, reason: "a wrapped line of semver prose; zero parts are no section numbers"},
		{name: "decimal", text: "3.5 million", ok: true, id: "3.5", rest: "million", reason: "parses; the outline rejects it unless it extends section 3"},
		{name: "word", text: "Indeed. Yes", ok: false},
		{name: "pronoun", text: "I am here", ok: false, reason: "Roman I needs punctuation"},
		{name: "initial", text: "J.R.R. Tolkien", ok: false},
		{name: "letter colon", text: "a: b", ok: false},
		{name: "empty", text: "", ok: false},
		{name: "hashtag", text: "#hashtag", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := ParseMarker(tt.text)
			if ok != tt.ok {
				t.Fatalf("ParseMarker(%q) ok = %v, want %v (%s)", tt.text, ok, tt.ok, tt.reason)
			}
			if !ok {
				return
			}
			if m.ID() != tt.id || m.Label != tt.label || m.Punct != tt.punct || m.Heading != tt.head {
				t.Errorf("ParseMarker(%q) = id %q label %q punct %q heading %d, want %q %q %q %d", tt.text, m.ID(), m.Label, m.Punct, m.Heading, tt.id, tt.label, tt.punct, tt.head)
			}
			if rest := tt.text[m.Len:]; rest != tt.rest {
				t.Errorf("ParseMarker(%q): text after marker %q, want %q", tt.text, rest, tt.rest)
			}
		})
	}
}

func TestRomanValue(t *testing.T) {
	for s, want := range map[string]int{"I": 1, "IV": 4, "XII": 12, "xiv": 14, "IIII": 0, "VX": 0, "Iv": 0, "MCMXCIV": 1994} {
		if got := romanValue(s); got != want {
			t.Errorf("romanValue(%q) = %d, want %d", s, got, want)
		}
	}
}
