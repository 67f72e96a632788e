package align

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// applyTune overrides model parameters from BEADTUNE="name=value,...".
func applyTune(t *testing.T, m *beadModel) {
	s := os.Getenv("BEADTUNE")
	if s == "" {
		return
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("BEADTUNE %s: %v", kv, err)
		}
		switch k {
		case "maxspan":
			m.maxSpan = int(f)
		case "fan":
			m.fan = int(f)
		case "p14":
			m.pen[1][4], m.pen[4][1] = f, f
		case "p15":
			m.pen[1][5], m.pen[5][1] = f, f
		case "band":
			m.band = int(f)
		case "band2":
			m.band2 = int(f)
		case "chunk":
			m.chunkRows = int(f)
		case "scout":
			m.scoutSpan = int(f)
		case "full":
			m.fullCells = int(f)
		case "lenw":
			m.lenWeight = f
		case "var":
			m.variance = f
		case "nulllen":
			m.nullLen = f
		case "gain":
			m.gain = f
		case "loss":
			m.loss = f
		case "num":
			m.class[anchorNumber] = f
		case "name":
			m.class[anchorName] = f
		case "cog":
			m.class[anchorCognate] = f
		case "punct":
			m.class[anchorPunct] = f
		case "lex":
			m.class[anchorLexicon] = f
		case "dictr":
			m.dictRarity = f
		case "dict":
			m.class[anchorDict] = f
		case "prefix":
			m.prefixLen = int(f)
		case "lexicon":
			m.lexicon = f != 0
		case "conf":
			m.confident = f
		case "p10":
			m.pen[1][0], m.pen[0][1] = f, f
		case "p21":
			m.pen[2][1], m.pen[1][2] = f, f
		case "p22":
			m.pen[2][2] = f
		case "p31":
			m.pen[3][1], m.pen[1][3] = f, f
		case "p32":
			m.pen[3][2], m.pen[2][3] = f, f
		case "p33":
			m.pen[3][3] = f
		case "p41":
			m.pen[4][1], m.pen[1][4] = f, f
		case "mstrong":
			m.merge[endStrong] = f
		case "mweak":
			m.merge[endWeak] = f
		case "mnone":
			m.merge[endNone] = f
		case "mismatch":
			m.mismatch = f
		case "nstrong":
			m.drop[endStrong] = f
		case "nweak":
			m.drop[endWeak] = f
		case "nnone":
			m.drop[endNone] = f
		default:
			t.Fatalf("BEADTUNE: unknown %s", k)
		}
	}
}
