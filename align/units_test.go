package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

func TestMergeOnPivot(t *testing.T) {
	b := func(src, tgt []int) Bead { return Bead{Src: src, Tgt: tgt, Score: 0.9} }
	tests := []struct {
		name  string
		n     int
		beads [][]Bead // version 0 is the pivot
		want  [][][]int
	}{
		{
			name:  "one to one",
			n:     2,
			beads: [][]Bead{nil, {b([]int{0}, []int{0}), b([]int{1}, []int{1})}},
			want:  [][][]int{{{0}, {0}}, {{1}, {1}}},
		},
		{
			name: "a join in one version joins the row in all",
			n:    3,
			beads: [][]Bead{nil,
				{b([]int{0, 1}, []int{0}), b([]int{2}, []int{1})},
				{b([]int{0}, []int{0}), b([]int{1}, []int{1}), b([]int{2}, []int{2})}},
			want: [][][]int{{{0, 1}, {0}, {0, 1}}, {{2}, {1}, {2}}},
		},
		{
			name: "unpaired units get rows of their own, shared at one place",
			n:    2,
			beads: [][]Bead{nil,
				{b([]int{0}, []int{0}), b(nil, []int{1}), b([]int{1}, []int{2})},
				{b([]int{0}, []int{0}), b(nil, []int{1}), b(nil, []int{2}), b([]int{1}, []int{3})}},
			want: [][][]int{{{0}, {0}, {0}}, {nil, {1}, {1}}, {nil, nil, {2}}, {{1}, {2}, {3}}},
		},
		{
			name: "an unpaired unit inside a joined row stays in it",
			n:    2,
			beads: [][]Bead{nil,
				{b([]int{0, 1}, []int{0})},
				{b([]int{0}, []int{0}), b(nil, []int{1}), b([]int{1}, []int{2})}},
			want: [][][]int{{{0, 1}, {0}, {0, 1, 2}}},
		},
		{
			name: "a pivot unit missing in a version, and units after the end",
			n:    2,
			beads: [][]Bead{nil,
				{b([]int{0}, nil), b([]int{1}, []int{0}), b(nil, []int{1})}},
			want: [][][]int{{{0}, nil}, {{1}, {0}}, {nil, {1}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][][]int
			for _, g := range mergeOnPivot(tt.n, 0, tt.beads) {
				got = append(got, g.idx)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

// readVersion reads one language file of the repository's testdata.
func readVersion(t testing.TB, lang corpus.Lang, path string) Version {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := corpus.ReadBytes(data, path, corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return Version{Lang: lang, File: path, Paras: doc.Paragraphs}
}

// TestRefineLossless refines the charter's four versions into paragraph
// and sentence rows and checks that every version's text comes out whole,
// in order, once; and that row ids number the units within their section.
func TestRefineLossless(t *testing.T) {
	langs := []corpus.Lang{"en", "ru", "es", "de"}
	var vers []Version
	for _, l := range langs {
		vers = append(vers, readVersion(t, l, filepath.Join("..", "testdata", "charter", string(l)+".txt")))
	}
	sections := AlignSections(Outlines(vers))
	for _, unit := range []Unit{ByParagraph, BySentence} {
		rows := Refine(sections, unit, RefineOptions{Pivot: 0, Langs: langs})
		if len(rows) <= len(sections) {
			t.Errorf("unit %d: %d rows from %d sections: nothing refined", unit, len(rows), len(sections))
		}
		for v, ver := range vers {
			var want, got strings.Builder
			for _, p := range ver.Paras {
				want.WriteString(p.Text)
				want.WriteByte('|')
			}
			// pieces of one paragraph may spread over rows: join them
			// until the paragraph's text is complete
			var cur strings.Builder
			for _, r := range rows {
				c := r.Cells[v]
				for k, p := range c.Paras {
					if c.Spans == nil {
						got.WriteString(p.Text)
						got.WriteByte('|')
						continue
					}
					for _, s := range c.Spans {
						if s.Para == k {
							cur.WriteString(p.Text[s.Start:s.End])
						}
					}
					if s := c.Spans[len(c.Spans)-1]; s.Para == k && s.End == len(p.Text) {
						got.WriteString(cur.String())
						got.WriteByte('|')
						cur.Reset()
					}
				}
			}
			if want.String() != got.String() {
				t.Errorf("unit %d, %s: text not kept whole and in order", unit, ver.Lang)
			}
		}
		// ids: section id, slash, 1, 2, … within each section
		next := map[string]int{}
		for _, r := range rows {
			sec, n, ok := strings.Cut(r.ID, "/")
			if !ok {
				t.Fatalf("row id %q has no unit number", r.ID)
			}
			next[sec]++
			if n != fmt.Sprint(next[sec]) {
				t.Errorf("row id %q: want %s/%d", r.ID, sec, next[sec])
			}
		}
	}
}

// TestRefineSentencesSeed aligns the seed statement's points 2 and 5,
// which have two and three sentences in every language, sentence by
// sentence.
func TestRefineSentencesSeed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "kazakhstan-2022", "combined.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := corpus.ReadBytes(data, "combined.txt", corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// label the versions from the answer key's layout instead of detecting
	vers := versionsFromLayout(t, doc.Paragraphs, filepath.Join("..", "testdata", "kazakhstan-2022", "layout.tsv"))
	rows := Refine(AlignSections(Outlines(vers)), BySentence, RefineOptions{Langs: []corpus.Lang{"en", "ru", "es"}})
	starts := map[string][]string{}
	for _, r := range rows {
		for v, c := range r.Cells {
			if sec, _, _ := strings.Cut(r.ID, "/"); sec == "2" || sec == "5" {
				text := c.Text()
				if text == "" {
					t.Errorf("row %s: %s cell empty", r.ID, vers[v].Lang)
				}
				starts[r.ID] = append(starts[r.ID], firstWords(text, 2))
			}
		}
	}
	want := map[string][]string{
		"2/1": {"2. The", "2) Коммунистические", "2) Los"},
		"2/2": {"We particularly", "Мы особо", "En especial,"},
		"5/1": {"5. The", "5) Присутствие", "5) La"},
		"5/2": {"The developments", "Все развитие", "Todo el"},
		"5/3": {"The existence", "Существование и", "La existencia"},
	}
	if diff := cmp.Diff(want, starts); diff != "" {
		t.Errorf("sentence rows of points 2 and 5 (-want +got):\n%s", diff)
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// versionsFromLayout cuts paragraphs into versions by the line ranges of
// a layout.tsv answer key (block, lang, first line, last line).
func versionsFromLayout(t *testing.T, paras []corpus.Paragraph, path string) []Version {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var vers []Version
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || f[0] == "block" {
			continue
		}
		var lo, hi int
		fmt.Sscan(f[2], &lo)
		fmt.Sscan(f[3], &hi)
		v := Version{Lang: corpus.Lang(f[1]), File: path}
		for _, p := range paras {
			if p.Start >= lo && p.Start <= hi {
				v.Paras = append(v.Paras, p)
			}
		}
		vers = append(vers, v)
	}
	return vers
}
