package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/qa"
	"github.com/paralign/paralign/view"
)

// TestEvidenceMarks: a finding's evidence lights up where it belongs.
func TestEvidenceMarks(t *testing.T) {
	tests := []struct {
		name string
		f    qa.Finding
		want []view.Mark
	}{
		{"a changed number: each value in its language's cell",
			qa.Finding{Evidence: []string{"en:30", "es:35"}}, []view.Mark{{Lang: "en", Text: "30"}, {Lang: "es", Text: "35"}}},
		{"a quotation: wherever it occurs",
			qa.Finding{Evidence: []string{"We particularly salute the…"}}, []view.Mark{{Text: "We particularly salute the…"}}},
		{"a language code is no text (it lit up every Spanish \"de\")",
			qa.Finding{Evidence: []string{"de", "Die Würde des Menschen…"}}, []view.Mark{{Text: "Die Würde des Menschen…"}}},
		{"a truncated version: where it ends, section ids not",
			qa.Finding{Sections: []string{"26", "27"}, Evidence: []string{"ends:и высшее образование должно бы", "26", "27"}},
			[]view.Mark{{Lang: "ru", Text: "и высшее образование должно бы"}}},
		{"a colon in a quotation is no language",
			qa.Finding{Evidence: []string{"Article 5: no one"}}, []view.Mark{{Text: "Article 5: no one"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, evidenceMarks(tt.f, "ru")); diff != "" {
				t.Errorf("evidenceMarks(%q) mismatch (-want +got):\n%s", tt.f.Evidence, diff)
			}
		})
	}
}

// TestComparePage plants the screenshot script's two faults in the seed
// statement: the page lists both at the top, linking to their rows, and
// highlights the changed number in the es cell, the en number only as
// the reference.
func TestComparePage(t *testing.T) {
	data, err := os.ReadFile("../../testdata/kazakhstan-2022/combined.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "30 años", "35 años", 1)
	text = strings.Replace(text, " En especial, saludamos a los trabajadores industriales de Kazajistán Occidental que han sido el corazón de esta gran movilización popular.", "", 1)
	if text == string(data) {
		t.Fatal("the faults were not planted: the seed has changed")
	}
	in := filepath.Join(t.TempDir(), "seed.txt")
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	page := runCLI(t, "compare", "--format", "html", "--fail-on", "none", in)
	for _, want := range []string{
		`<li class="sev-error chk-number_missing"><a href="#s-1">§1</a>`,
		`<li class="sev-warning chk-missing_sentence"><a href="#s-2">§2</a>`,
		`<tr id="s-1" class="sev-error">`,
		`<mark>35</mark> años`,
		`<mark class="ref">30</mark> years`,
		`<mark class="ref">We particularly salute the industrial workers`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<mark>30</mark>") {
		t.Errorf("the pivot's 30 is highlighted as the fault; the fault is es's 35")
	}
}
