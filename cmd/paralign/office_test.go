package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

// TestOfficeAlignsLikeText aligns the Word and OpenDocument versions of
// the charter and the Kazakhstan statement (testdata/office, made by
// scripts/make-office-fixtures.sh with pandoc and LibreOffice, points
// numbered by the word processor) and their text versions: both must give
// the same rows, ids and cells. The rendered numbers are the typed ones,
// so the cells match exactly.
func TestOfficeAlignsLikeText(t *testing.T) {
	const office = "../../testdata/office"
	tests := []struct{ doc, text string }{
		{"charter-en.docx", "charter/en.txt"},
		{"charter-de.docx", "charter/de.txt"},
		{"charter-ru.docx", "charter/ru.txt"},
		{"charter-es.docx", "charter/es.txt"},
		{"charter-ru.lo.docx", "charter/ru.txt"},
		{"kazakhstan-2022.docx", "kazakhstan-2022/combined.txt"},
		{"kazakhstan-2022.lo.docx", "kazakhstan-2022/combined.txt"},
		{"charter-en.odt", "charter/en.txt"},
		{"charter-de.odt", "charter/de.txt"},
		{"charter-ru.odt", "charter/ru.txt"},
		{"charter-es.odt", "charter/es.txt"},
		{"charter-ru.lo.odt", "charter/ru.txt"},
		{"kazakhstan-2022.odt", "kazakhstan-2022/combined.txt"},
		{"kazakhstan-2022.lo.odt", "kazakhstan-2022/combined.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			want := runCLI(t, "align", "--format", "tsv", filepath.Join("../../testdata", tt.text))
			got := runCLI(t, "align", "--format", "tsv", filepath.Join(office, tt.doc))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("align %s mismatch with %s (-text +office):\n%s", tt.doc, tt.text, diff)
			}
		})
	}
}

// TestPandocCorpus converts every version of every case of the shared
// corpus (../shared/corpus, skipped when absent) to Word with pandoc
// (skipped when pandoc is not installed) and checks that align gives the
// same section ids for the Word files as for the originals. It logs the
// figures: cases and ids that agree.
func TestPandocCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("converts the shared corpus with pandoc")
	}
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc not installed")
	}
	root := "../../../shared/corpus"
	if v := os.Getenv("PARALIGN_CORPUS"); v != "" {
		root = v
	}
	cases, err := os.ReadDir(root)
	if err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	agree, total, idsSame, idsTotal := 0, 0, 0, 0
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		dir := filepath.Join(root, c.Name())
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var orig, conv []string
		tmp := t.TempDir()
		for _, e := range entries {
			n := e.Name()
			ext := filepath.Ext(n)
			if n == "SOURCE.md" || n == "README.md" || (ext != ".md" && ext != ".txt") {
				continue
			}
			out := filepath.Join(tmp, strings.TrimSuffix(n, ext)+".docx")
			from := "markdown-smart"
			if ext == ".txt" {
				from = "markdown-smart-auto_identifiers" // a plain text is read as Markdown: blank lines part paragraphs
			}
			// pandoc reads UTF-8 (the UDHR texts are in legacy code
			// pages) and the images of the originals are not in the
			// corpus: it reads a decoded copy without them
			src, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			dec, err := corpus.Decode(src, n, "")
			if err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(tmp, "in-"+n)
			if err := os.WriteFile(in, markdownImage.ReplaceAll([]byte(dec.Text), nil), 0o644); err != nil {
				t.Fatal(err)
			}
			if b, err := exec.Command(pandoc, "-f", from, "-t", "docx", "-o", out, in).CombinedOutput(); err != nil {
				t.Fatalf("pandoc %s: %v\n%s", n, err, b)
			}
			orig = append(orig, filepath.Join(dir, n))
			conv = append(conv, out)
		}
		if len(orig) == 0 {
			continue
		}
		want := ids(runCLI(t, append([]string{"align", "--format", "tsv"}, orig...)...))
		got := ids(runCLI(t, append([]string{"align", "--format", "tsv"}, conv...)...))
		total++
		idsTotal += len(want)
		for _, id := range want {
			if slices.Contains(got, id) {
				idsSame++
			}
		}
		if slices.Equal(want, got) {
			agree++
			t.Logf("%s: %d ids, the same", c.Name(), len(want))
		} else {
			t.Logf("%s: ids differ (-original +docx):\n%s", c.Name(), cmp.Diff(want, got))
		}
	}
	t.Logf("pandoc corpus: %d/%d cases give the same ids; %d/%d ids of the originals found in the Word versions", agree, total, idsSame, idsTotal)
}

// markdownImage is a Markdown image, ![alt](path).
var markdownImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)

// ids returns the first column of an align TSV, header left out.
func ids(tsv string) []string {
	var out []string
	for i, l := range strings.Split(strings.TrimRight(tsv, "\n"), "\n") {
		if i > 0 {
			out = append(out, strings.SplitN(l, "\t", 2)[0])
		}
	}
	return out
}
