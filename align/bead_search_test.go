package align

import (
	"slices"
	"testing"
)

// The search skips a bead when the anchor weight its units share pairwise
// bounds it out of the running. The bound must never skip the winner:
// the path is the one found intersecting every bead, on the charter's
// sentences in a band (long texts) and in full, with and without a
// dictionary.
func TestPairBoundIsExact(t *testing.T) {
	sides := charterSentences(t)
	src := repeatUnits(sides[0], 1500)
	tgt := dropEvery(repeatUnits(sides[1], 1500), 17)
	for _, fullCells := range []int{1 << 10, 1 << 24} {
		m := defaultBeadModel()
		m.fullCells = fullCells
		keys := newAnchorKeys()
		tk := newTokenizer(keys, m.prefixLen, nil)
		var texts [2][]unitText
		for t, units := range [2][]string{src, tgt} {
			for _, s := range units {
				texts[t] = append(texts[t], tk.text(s, t))
			}
		}
		cor := fullCorridor(len(src), len(tgt))
		if fullCells < 1<<20 {
			cor = around(newScorer(texts, keys, &m).search(1), len(src), len(tgt), m.band)
		}
		fast := newScorer(texts, keys, &m)
		exact := newScorer(texts, keys, &m)
		exact.noBound = true
		if a, b := fast.run(cor), exact.run(cor); !slices.Equal(a, b) {
			t.Errorf("fullCells %d: the bound changed the path (%d steps against %d)", fullCells, len(a), len(b))
		}
	}
}
