package align

import (
	"math"
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
		texts, keys := readTexts(&m, src, tgt)
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

// A long text is searched in chunks at the same time, the path made to
// pass through points of the first pass's path between runs of 1:1
// beads. On the charter's sentences repeated to 40,000 (every 17th target
// sentence dropped), the chunked path costs what the unchunked one does
// (the two may differ only where two paths cost the same), passes
// through every cut, and consumes every unit.
func TestChunksKeepTheCost(t *testing.T) {
	sides := charterSentences(t)
	src := repeatUnits(sides[0], 40000)
	tgt := dropEvery(repeatUnits(sides[1], 40000), 17)
	m := defaultBeadModel()
	texts, keys := readTexts(&m, src, tgt)
	sc := newScorer(texts, keys, &m)
	ref := sc.search(1)
	cuts := cutPoints(ref, chunkRows)
	if len(cuts) < 4 {
		t.Fatalf("cuts %v: want at least two inside the text", cuts)
	}
	cor := around(ref, len(src), len(tgt), m.band2)
	chunked, whole := sc.runChunks(cor, ref), sc.run(cor)
	cost := func(path []step) float64 {
		c, i, j := 0.0, 0, 0
		for _, s := range path {
			c += sc.beadCost(i, i+int(s.a), j, j+int(s.b))
			i += int(s.a)
			j += int(s.b)
		}
		if i != len(src) || j != len(tgt) {
			t.Fatalf("the path ends at (%d, %d), want (%d, %d)", i, j, len(src), len(tgt))
		}
		return c
	}
	if a, b := cost(chunked), cost(whole); math.Abs(a-b) > 1e-9*math.Abs(b) {
		t.Errorf("chunked path costs %.6f, unchunked %.6f", a, b)
	}
	at := map[[2]int]bool{{0, 0}: true}
	i, j := 0, 0
	for _, s := range chunked {
		i += int(s.a)
		j += int(s.b)
		at[[2]int{i, j}] = true
	}
	for _, c := range cuts {
		if !at[c] {
			t.Errorf("the chunked path does not pass through the cut %v", c)
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
