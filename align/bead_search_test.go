package align

import (
	"slices"
	"testing"
)

// The search skips a bead when the anchor weight its units share pairwise
// bounds it out of the running. The bound must never skip the winner:
// the path is the one found intersecting every bead, on the charter's
// sentences in a band (long texts) and in full.
func TestPairBoundIsExact(t *testing.T) {
	sides := charterSentences(t)
	// 1,500 units a side are searched in full and in a band; 3,000 (more
	// than parallelUnits in all) in a band, the bound's rows computed
	// ahead on another goroutine
	for _, c := range []struct{ n, fullCells int }{{1500, 1 << 10}, {1500, 1 << 24}, {3000, 1 << 10}} {
		src := repeatUnits(sides[0], c.n)
		tgt := dropEvery(repeatUnits(sides[1], c.n), 17)
		m := defaultBeadModel()
		m.fullCells = c.fullCells
		texts, keys := readTexts(&m, src, tgt)
		cor := fullCorridor(len(src), len(tgt))
		if c.fullCells < 1<<20 {
			cor = around(newScorer(texts, keys, &m).search(1), len(src), len(tgt), m.band)
		}
		fast := newScorer(texts, keys, &m)
		exact := newScorer(texts, keys, &m)
		exact.noBound = true
		if a, b := fast.run(cor), exact.run(cor); !slices.Equal(a, b) {
			t.Errorf("%d units, fullCells %d: the bound changed the path (%d steps against %d)", c.n, c.fullCells, len(a), len(b))
		}
	}
}

// A long text is searched in overlapping chunks at the same time, their
// paths joined where they meet. The beads must be those of the search
// without chunks: on the charter's sentences repeated to 40,000 a side,
// every 7th source and every 5th target sentence dropped (the coarse path
// is then often a unit off, and chunks made to meet at its points went
// wrong), and with no sentence dropped.
func TestChunksKeepTheBeads(t *testing.T) {
	sides := charterSentences(t)
	for _, drop := range [][2]int{{7, 5}, {1 << 30, 1 << 30}} {
		src := dropEvery(repeatUnits(sides[0], 40000), drop[0])
		tgt := dropEvery(repeatUnits(sides[1], 40000), drop[1])
		m := defaultBeadModel()
		whole := m
		whole.chunkRows = 0
		if cuts := cutPoints(slices.Repeat([]step{{1, 1}}, len(src)), m.chunkRows, m.chunkRows); len(cuts) < 4 {
			t.Fatalf("%d units: cuts %v, want at least two inside", len(src), cuts)
		}
		a, b := alignUnits(src, tgt, m), alignUnits(src, tgt, whole)
		if len(a) != len(b) {
			t.Errorf("drop %v: %d beads in chunks, %d whole", drop, len(a), len(b))
			continue
		}
		for k := range a {
			if !slices.Equal(a[k].Src, b[k].Src) || !slices.Equal(a[k].Tgt, b[k].Tgt) {
				t.Errorf("drop %v: bead %d is %v:%v in chunks, %v:%v whole", drop, k, a[k].Src, a[k].Tgt, b[k].Src, b[k].Tgt)
				break
			}
		}
	}
}

// readTexts reads src and tgt as the aligner does, one after the other,
// without a dictionary.
func readTexts(m *beadModel, src, tgt []string) ([2][]unitText, *anchorKeys) {
	keys := newAnchorKeys()
	tk := newTokenizer(keys, m.prefixLen, nil)
	var texts [2][]unitText
	for t, units := range [2][]string{src, tgt} {
		for _, s := range units {
			texts[t] = append(texts[t], tk.text(s, t))
		}
	}
	return texts, keys
}
