package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// convertedF1Floor is the section F1 a document converted by pandoc to a
// web page or an office file must keep against the same document as text
// (issue 10: pages and office files align like the text they hold).
const convertedF1Floor = 0.98

// TestConvertedCases converts the repository's answer-key cases with
// pandoc (scripts/convert-corpus.sh) to HTML, Word and OpenDocument and
// checks that each aligns to the same sections, language by language, as
// the original files. Skipped when pandoc is not installed.
func TestConvertedCases(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("converts with pandoc: not under -short or -race (the plain run covers it)")
	}
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc not installed")
	}
	cases := []string{"../../testdata/charter", "../../testdata/kazakhstan-2022", "../../testdata/udhr-nltk"}
	for _, format := range []string{"html", "docx", "odt"} {
		t.Run(format, func(t *testing.T) {
			out := t.TempDir()
			args := append([]string{"../../scripts/convert-corpus.sh", format, out}, cases...)
			if b, err := exec.Command("bash", args...).CombinedOutput(); err != nil {
				t.Fatalf("convert-corpus.sh: %v\n%s", err, b)
			}
			for _, c := range cases {
				name := filepath.Base(c)
				t.Run(name, func(t *testing.T) {
					want := sectionCells(t, caseInputs(t, c, ""))
					got := sectionCells(t, caseInputs(t, filepath.Join(out, name), format))
					match := 0
					for k := range got {
						if want[k] {
							match++
						}
					}
					f1 := 2 * float64(match) / float64(len(want)+len(got))
					t.Logf("%s %s: section cells %d, converted %d, matching %d, F1 %.3f", format, name, len(want), len(got), match, f1)
					if f1 < convertedF1Floor {
						for k := range want {
							if !got[k] {
								t.Errorf("lost in %s: %s", format, k)
							}
						}
						for k := range got {
							if !want[k] {
								t.Errorf("new in %s: %s", format, k)
							}
						}
					}
				})
			}
		})
	}
}

// caseInputs returns the inputs of an answer-key case: combined.* when
// the case has a layout (a combined file), else its per-language files
// (with extension ext when not empty).
func caseInputs(t *testing.T, dir, ext string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, statErr := os.Stat(filepath.Join(dir, "layout.tsv"))
	combined := statErr == nil || ext != "" && fileExists(filepath.Join(dir, "combined."+ext))
	var in []string
	for _, e := range entries {
		n := e.Name()
		stem, x, _ := strings.Cut(n, ".")
		switch {
		case ext != "" && x != ext, ext == "" && x != "txt" && x != "md":
		case combined != (stem == "combined"):
		case len(stem) == 2 || stem == "combined":
			in = append(in, filepath.Join(dir, n))
		}
	}
	if len(in) == 0 {
		t.Fatalf("no inputs in %s", dir)
	}
	return in
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// sectionCells aligns the inputs and returns the set of "id lang" of the
// non-empty cells of section-like rows (no N+k blocks).
func sectionCells(t *testing.T, inputs []string) map[string]bool {
	t.Helper()
	out := runCLI(t, append([]string{"align"}, inputs...)...)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	cells := map[string]bool{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if strings.Contains(f[0], "+") {
			continue
		}
		for k := 1; k < len(f) && k < len(header); k++ {
			if f[k] != "" {
				cells[f[0]+" "+header[k]] = true
			}
		}
	}
	return cells
}
