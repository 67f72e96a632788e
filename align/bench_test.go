package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
)

// BenchmarkOutlinesAndRows outlines and aligns four synthetic versions of
// 300 sections each, with nested subsections and a list in every tenth
// section.
func BenchmarkOutlinesAndRows(b *testing.B) {
	var vers []Version
	size := 0
	for _, l := range []string{"en", "ru", "es", "de"} {
		var t strings.Builder
		t.WriteString("Title of the document\n\nA preamble paragraph of some length that introduces the text.\n\n")
		for n := 1; n <= 300; n++ {
			fmt.Fprintf(&t, "%d. Section %d holds a paragraph of prose that runs on for a while, as sections do.\n\n", n, n)
			if n%10 == 0 {
				fmt.Fprintf(&t, "%d.1 A subsection.\n\n%d.2 Another subsection.\n\nThe list:\n1) one;\n2) two;\n3) three.\n\n", n, n)
			}
		}
		t.WriteString("Signed:\n\n  1. A\n  2. B\n  3. C\n")
		size += t.Len()
		vers = append(vers, version(corpus.Lang(l), t.String()))
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		rows := AlignSections(Outlines(vers))
		if len(rows) < 300 {
			b.Fatalf("%d rows", len(rows))
		}
	}
}

// BenchmarkAlignUnits aligns the English and German sentences of the
// repository's charter, repeated to n sentences a side, with every
// twentieth German sentence left out: time and memory should grow
// linearly with n (scripts/bench-sentences.sh measures the command on
// 10,000 to 100,000 lines).
func BenchmarkAlignUnits(b *testing.B) {
	sides := charterSentences(b)
	for _, n := range []int{1000, 10000} {
		src, tgt := repeatUnits(sides[0], n), repeatUnits(sides[1], n)
		tgt = dropEvery(tgt, 20)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if beads := AlignUnits(src, tgt, BeadOptions{}); len(beads) < n/2 {
					b.Fatalf("%d beads for %d units", len(beads), n)
				}
			}
		})
	}
}

// charterSentences returns the sentences of the repository's charter in
// English and German.
func charterSentences(t testing.TB) [2][]string {
	var sides [2][]string
	for k, l := range []corpus.Lang{"en", "de"} {
		v := readVersion(t, l, "../testdata/charter/"+string(l)+".txt")
		for _, p := range v.Paras {
			for _, s := range corpus.SplitSentences(p.Text, l) {
				sides[k] = append(sides[k], strings.TrimSpace(p.Text[s.Start:s.End]))
			}
		}
	}
	return sides
}

func repeatUnits(u []string, n int) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		out = append(out, u[:min(len(u), n-len(out))]...)
	}
	return out
}

func dropEvery(u []string, k int) []string {
	var out []string
	for i, s := range u {
		if i%k != k-1 {
			out = append(out, s)
		}
	}
	return out
}
