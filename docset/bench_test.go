package docset_test

import (
	"context"
	"os"
	"testing"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/docset"
	"github.com/paralign/paralign/internal/docgen"
	"github.com/paralign/paralign/langid"
)

// BenchmarkAlign aligns generated document sets in four languages, one
// detector for all, as paralign stream does: its time per op is the cost
// of one set once the models are loaded (b.N sets, cycling over 100).
func BenchmarkAlign(b *testing.B) {
	langs := []corpus.Lang{"en", "ru", "es", "de"}
	sets, err := docgen.Generate("../testdata", b.TempDir(), docgen.Options{N: 100, Seed: 3, Langs: langs})
	if err != nil {
		b.Fatal(err)
	}
	det, err := langid.New(langid.Options{Langs: langs})
	if err != nil {
		b.Fatal(err)
	}
	a := docset.New(det, langs, docset.Options{})
	inputs := make([][]docset.File, len(sets))
	for i, s := range sets {
		for _, f := range s.Files {
			data, err := os.ReadFile(f.Path)
			if err != nil {
				b.Fatal(err)
			}
			inputs[i] = append(inputs[i], docset.File{Lang: f.Lang, Name: f.Path, Data: data})
		}
	}
	ctx := context.Background()
	if _, err := a.Align(ctx, inputs[0]); err != nil { // the models load here
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		res, err := a.Align(ctx, inputs[i%len(inputs)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := docset.NewRecord("d", res, 0); err != nil {
			b.Fatal(err)
		}
	}
}
