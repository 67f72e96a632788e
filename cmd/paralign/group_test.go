package main

import (
	"testing"

	"github.com/paralign/paralign/corpus"
)

func TestPlace(t *testing.T) {
	g := grouper{langs: []corpus.Lang{"en", "ru", "es", "de"}}
	tests := []struct {
		rel, root string
		doc       string
		lang      corpus.Lang
		reason    string
	}{
		{"name.en.md", "corpus", "name", "en", ""},
		{"name_en.txt", "corpus", "name", "en", ""},
		{"name-ru.html", "corpus", "name", "ru", ""},
		{"en/name.md", "corpus", "name", "en", ""},
		{"name/ru.docx", "corpus", "name", "ru", ""},
		{"ru.txt", "charter", "charter", "ru", "a folder of one document, charter/ru.txt"},
		{"statements/en/opening.md", "corpus", "statements/opening", "en", ""},
		{"notice.FR.txt", "corpus", "notice", "fr", "codes lingua knows count beyond --langs, in either case"},
		{"report-2022.txt", "corpus", "report-2022", corpus.Und, "a year is no language"},
		{"notes_v2.md", "corpus", "notes_v2", corpus.Und, "a version is no language"},
		{"memo-xx.txt", "corpus", "memo-xx", corpus.Und, "two letters lingua does not know"},
		{"combined.txt", "corpus", "combined", corpus.Und, ""},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			doc, lang, named := g.place(tt.rel, tt.root)
			if doc != tt.doc || lang != tt.lang || named != (tt.lang != corpus.Und) {
				t.Errorf("place(%q) = %q, %q, %v; want %q, %q (%s)", tt.rel, doc, lang, named, tt.doc, tt.lang, tt.reason)
			}
		})
	}
}

func TestSkipReason(t *testing.T) {
	tests := map[string]string{
		"a.txt": "", "a.HTML": "", "a.docx": "", ".hidden.txt": "hidden file", "a.txt~": "editor backup",
		".a.txt.swp": "hidden file", "a.swp": "editor backup", "#a.txt#": "editor backup", "gold.tsv": "unknown extension",
	}
	for name, want := range tests {
		if got := skipReason(name); got != want {
			t.Errorf("skipReason(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCompileGroup(t *testing.T) {
	p, err := compileGroup("statements/{name}.{lang}.txt")
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]string{
		"statements/opening.en.txt":        "opening",
		"corpus/statements/closing.ru.txt": "closing",
		"xstatements/opening.en.txt":       "",
		"statements/sub/opening.en.txt":    "",
	} {
		got := ""
		if m := p.re.FindStringSubmatch(rel); m != nil {
			got = m[p.re.SubexpIndex("name")]
		}
		if got != want {
			t.Errorf("%q matches name %q, want %q", rel, got, want)
		}
	}
	if _, err := compileGroup("statements/*.txt"); err == nil {
		t.Error("a pattern without {name} is accepted")
	}
}
