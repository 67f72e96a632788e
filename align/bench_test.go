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
