package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMoses writes Moses bitexts and checks each pair against the TSV
// table of the same run: PREFIX.a-b.a and PREFIX.a-b.b hold, line by line,
// the cells of every row both a and b have text in, whatever the other
// languages lack, and no other file is written.
func TestMoses(t *testing.T) {
	charter := []string{"--input", "en=../../testdata/charter/en.txt", "--input", "ru=../../testdata/charter/ru.txt",
		"--input", "es=../../testdata/charter/es.txt", "--input", "de=../../testdata/charter/de.txt"}
	fixture := []string{"--langs", "en,ru,de", "--input", "en=testdata/tmx/en.txt", "--input", "ru=testdata/tmx/ru.txt", "--input", "de=testdata/tmx/de.txt"}
	tests := []struct {
		name  string
		args  []string // the input and --by
		pairs []string // --pairs
		want  []string // the pairs written
		// reason says which document taught us
		reason string
	}{
		{"charter, pivot pairs", append([]string{"--by", "section"}, charter...), nil, []string{"en-ru", "en-es", "en-de"},
			"the charter's de lacks section 17: one bitext for all four languages dropped it from en, ru and es as well"},
		{"charter, all pairs", append([]string{"--by", "section"}, charter...), []string{"--pairs", "all"},
			[]string{"en-ru", "en-es", "en-de", "ru-es", "ru-de", "es-de"}, ""},
		{"fixture, all pairs", fixture, []string{"--pairs", "all"}, []string{"en-ru", "en-de", "ru-de"},
			"section 5 is in ru and de only: a line of ru-de and of no pair with en"},
		{"seed by sentence", []string{"--by", "sentence", "../../testdata/kazakhstan-2022/combined.txt"}, nil, []string{"en-ru", "en-es"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := tsvTable(runCLI(t, append([]string{"align"}, tt.args...)...))
			head := table[0]
			dir := t.TempDir()
			prefix := filepath.Join(dir, "corpus")
			if out := runCLI(t, slices.Concat([]string{"align", "--format", "moses", "-o", prefix}, tt.pairs, tt.args)...); out != "" {
				t.Errorf("moses wrote %.60q to standard output", out)
			}
			var wantFiles []string
			everyLang := 0 // rows every language has: what one bitext for all kept
			for _, r := range table[1:] {
				if !slices.Contains(r[1:], "") {
					everyLang++
				}
			}
			lost := false
			for _, pair := range tt.want {
				a, b, _ := strings.Cut(pair, "-")
				ka, kb := slices.Index(head, a), slices.Index(head, b)
				var wantA, wantB []string
				for _, r := range table[1:] {
					if r[ka] != "" && r[kb] != "" {
						wantA, wantB = append(wantA, r[ka]), append(wantB, r[kb])
					}
				}
				if len(wantA) < 2 {
					t.Fatalf("%s: only %d rows: the test has lost its input", pair, len(wantA))
				}
				lost = lost || len(wantA) > everyLang
				for l, want := range map[string][]string{a: wantA, b: wantB} {
					name := prefix + "." + pair + "." + l
					wantFiles = append(wantFiles, filepath.Base(name))
					if diff := cmp.Diff(want, readLines(t, name)); diff != "" {
						t.Errorf("%s: mismatch with the table's %s column (-want +got):\n%s", filepath.Base(name), l, diff)
					}
				}
			}
			if tt.reason != "" && !lost {
				t.Errorf("every pair has only the %d rows all languages have: the case no longer tests what %s", everyLang, tt.reason)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			slices.Sort(wantFiles)
			if diff := cmp.Diff(wantFiles, got); diff != "" {
				t.Errorf("files written (-want +got):\n%s", diff)
			}
		})
	}
}

// readLines returns a file's lines.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}
