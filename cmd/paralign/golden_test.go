package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// runCLI runs paralign with args and returns its standard output; a
// non-zero exit fails the test.
func runCLI(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("paralign %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

// golden compares got with the golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/paralign -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// readGold reads an answer key: section id -> language -> first 40
// characters of the text after the marker ("" = the section is missing).
func readGold(t *testing.T, path string) (ids []string, langs []string, cells map[string]map[string]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	langs = strings.Split(lines[0], "\t")[1:]
	cells = map[string]map[string]string{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		ids = append(ids, f[0])
		cells[f[0]] = map[string]string{}
		for i, lang := range langs {
			if i+1 < len(f) {
				cells[f[0]][lang] = f[i+1]
			}
		}
	}
	return ids, langs, cells
}

// TestGoldenCharter aligns the four-language charter written for these
// tests (33 sections, 17 missing in German, nested 12.x and 20.2.x, a
// numbered list in 7, a lettered list in 25, signatory lists at the end)
// as one combined file and as four files. Both must give the same rows,
// match the answer key, and match the reviewed golden output.
func TestGoldenCharter(t *testing.T) {
	dir := "../../testdata/charter"
	combined := runCLI(t, "align", filepath.Join(dir, "combined.txt"))
	files := runCLI(t, "align", filepath.Join(dir, "de.txt"), filepath.Join(dir, "en.txt"), filepath.Join(dir, "es.txt"), filepath.Join(dir, "ru.txt"))
	if diff := cmp.Diff(combined, files); diff != "" {
		t.Errorf("combined file and four files differ (-combined +files):\n%s", diff)
	}
	golden(t, filepath.Join(dir, "golden.tsv"), combined)

	ids, langs, gold := readGold(t, filepath.Join(dir, "gold.tsv"))
	rows := strings.Split(strings.TrimRight(combined, "\n"), "\n")
	if want := "id\t" + strings.Join(langs, "\t"); rows[0] != want {
		t.Fatalf("header %q, want %q", rows[0], want)
	}
	var got []string
	for _, r := range rows[1:] {
		f := strings.Split(r, "\t")
		if strings.Contains(f[0], "+") {
			continue // unnumbered blocks: closing formula, signatories
		}
		got = append(got, f[0])
		for i, lang := range langs {
			want, ok := gold[f[0]][lang]
			if !ok {
				continue
			}
			cell := f[i+1]
			if want == "" {
				if cell != "" {
					t.Errorf("section %s %s: %q, want an empty cell", f[0], lang, cell)
				}
				continue
			}
			if !strings.Contains(cell, want) || strings.Index(cell, want) > 12 {
				t.Errorf("section %s %s: cell %q does not start with %q", f[0], lang, cell, want)
			}
		}
	}
	if diff := cmp.Diff(ids, got); diff != "" {
		t.Errorf("section ids mismatch with gold.tsv (-want +got):\n%s", diff)
	}
}

// TestJSONLLossless: the JSONL form holds every paragraph of the input
// exactly once, in order, byte for byte.
func TestJSONLLossless(t *testing.T) {
	for _, name := range []string{"charter/combined.txt", "kazakhstan-2022/combined.txt", "blog-mixed-en-de/doc.txt"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("../../testdata", name)
			out := runCLI(t, "align", "--format", "jsonl", path)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			doc, err := corpus.Read(f, path, corpus.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
				var row struct {
					Cells map[string]struct {
						Paragraphs []struct {
							Start int
							Text  string
						}
					}
				}
				if err := json.Unmarshal([]byte(line), &row); err != nil {
					t.Fatalf("bad JSONL line %q: %v", line, err)
				}
				for _, c := range row.Cells {
					for _, p := range c.Paragraphs {
						got = append(got, p.Text)
					}
				}
			}
			var want []string
			for _, p := range doc.Paragraphs {
				want = append(want, p.Text)
			}
			slices.Sort(got) // cells of a row are keyed by language
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("paragraphs in JSONL differ from the input (-input +jsonl):\n%s", diff)
			}
		})
	}
}
