package align

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// applyTune overrides model parameters from BEADTUNE="name=value,...". A
// name of a bead shape (p21) sets the shape and its mirror (1:2).
func applyTune(t *testing.T, m *beadModel) {
	s := os.Getenv("BEADTUNE")
	if s == "" {
		return
	}
	floats := map[string][]*float64{
		"lenw": {&m.lenWeight}, "var": {&m.variance}, "nulllen": {&m.nullLen},
		"gain": {&m.gain}, "loss": {&m.loss}, "conf": {&m.confident},
		"dictr": {&m.dictRarity}, "mismatch": {&m.mismatch},
		"num": {&m.class[anchorNumber]}, "name": {&m.class[anchorName]},
		"cog": {&m.class[anchorCognate]}, "punct": {&m.class[anchorPunct]},
		"lex": {&m.class[anchorLexicon]}, "dict": {&m.class[anchorDict]},
		"mstrong": {&m.merge[endStrong]}, "mweak": {&m.merge[endWeak]}, "mnone": {&m.merge[endNone]},
		"nstrong": {&m.drop[endStrong]}, "nweak": {&m.drop[endWeak]}, "nnone": {&m.drop[endNone]},
		"p10": {&m.pen[1][0], &m.pen[0][1]}, "p21": {&m.pen[2][1], &m.pen[1][2]},
		"p22": {&m.pen[2][2]}, "p31": {&m.pen[3][1], &m.pen[1][3]},
		"p32": {&m.pen[3][2], &m.pen[2][3]}, "p33": {&m.pen[3][3]},
		"p41": {&m.pen[4][1], &m.pen[1][4]}, "p51": {&m.pen[5][1], &m.pen[1][5]},
	}
	ints := map[string]*int{
		"maxspan": &m.maxSpan, "fan": &m.fan, "band": &m.band, "band2": &m.band2,
		"chunk": &m.chunkRows, "scout": &m.scoutSpan, "full": &m.fullCells, "prefix": &m.prefixLen,
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("BEADTUNE %s: %v", kv, err)
		}
		switch {
		case floats[k] != nil:
			for _, p := range floats[k] {
				*p = f
			}
		case ints[k] != nil:
			*ints[k] = int(f)
		case k == "lexicon":
			m.lexicon = f != 0
		default:
			t.Fatalf("BEADTUNE: unknown %s", k)
		}
	}
}
