package align

import (
	"cmp"
	"math"
	"slices"
)

// The second pass: word pairs that co-occur in the confident 1:1 beads of
// a first alignment far more often than chance are taken as translations
// of each other and become anchors of their own.

// lexPair is a learnt word pair: word ids of the source and target texts.
type lexPair struct{ src, tgt uint32 }

const (
	lexMaxBeads = 20000 // confident beads read at most, evenly spread
	lexMinPair  = 2     // co-occurrences a pair needs
	lexMinDice  = 0.3   // least Dice coefficient of a pair
	lexMinG2    = 10.83 // least log-likelihood ratio G² (p < 0.001)
)

// learnLexicon returns word pairs from the 1:1 beads of path whose margin
// is at least confident, linked competitively (Melamed 2000): pairs are
// taken best first by Dice coefficient, each word in one pair at most.
func learnLexicon(texts [2][]unitText, path []step, margins []float64, confident float64, nSrcWords, nTgtWords int) []lexPair {
	var beads [][2]int
	i, j := 0, 0
	for k, s := range path {
		if s.a == 1 && s.b == 1 && margins[k] >= confident {
			beads = append(beads, [2]int{i, j})
		}
		i += int(s.a)
		j += int(s.b)
	}
	if len(beads) < 2*lexMinPair {
		return nil
	}
	if len(beads) > lexMaxBeads {
		picked := make([][2]int, lexMaxBeads)
		for k := range picked {
			picked[k] = beads[k*len(beads)/lexMaxBeads]
		}
		beads = picked
	}
	cs := make([]int32, nSrcWords)
	ct := make([]int32, nTgtWords)
	for _, b := range beads {
		for _, w := range texts[0][b[0]].words {
			cs[w]++
		}
		for _, w := range texts[1][b[1]].words {
			ct[w]++
		}
	}
	pairs := map[uint64]int32{}
	for _, b := range beads {
		for _, s := range texts[0][b[0]].words {
			if cs[s] < lexMinPair {
				continue
			}
			for _, t := range texts[1][b[1]].words {
				if ct[t] >= lexMinPair {
					pairs[uint64(s)<<32|uint64(t)]++
				}
			}
		}
	}
	type cand struct {
		p    lexPair
		n    int32
		dice float64
	}
	var cands []cand
	total := float64(len(beads))
	for key, n := range pairs {
		if n < lexMinPair {
			continue
		}
		p := lexPair{uint32(key >> 32), uint32(key)}
		a, b := float64(cs[p.src]), float64(ct[p.tgt])
		dice := 2 * float64(n) / (a + b)
		if dice < lexMinDice || g2(float64(n), a, b, total) < lexMinG2 {
			continue
		}
		cands = append(cands, cand{p, n, dice})
	}
	slices.SortFunc(cands, func(x, y cand) int {
		return cmp.Or(
			cmp.Compare(y.dice, x.dice),
			cmp.Compare(y.n, x.n),
			cmp.Compare(x.p.src, y.p.src),
			cmp.Compare(x.p.tgt, y.p.tgt),
		)
	})
	usedS := make([]bool, nSrcWords)
	usedT := make([]bool, nTgtWords)
	var out []lexPair
	for _, c := range cands {
		if usedS[c.p.src] || usedT[c.p.tgt] {
			continue
		}
		usedS[c.p.src], usedT[c.p.tgt] = true, true
		out = append(out, c.p)
	}
	return out
}

// g2 is the log-likelihood ratio of the 2×2 table of n co-occurrences of
// two words seen a and b times in total beads.
func g2(n, a, b, total float64) float64 {
	obs := [4]float64{n, a - n, b - n, total - a - b + n}
	exp := [4]float64{a * b / total, a * (total - b) / total, (total - a) * b / total, (total - a) * (total - b) / total}
	g := 0.0
	for k := range obs {
		if obs[k] > 0 && exp[k] > 0 {
			g += obs[k] * math.Log(obs[k]/exp[k])
		}
	}
	return 2 * g
}

// addLexicon gives every learnt pair an anchor key and adds it to the keys
// of every unit holding one of its words; the two texts at the same time
// when they are long (see parallelUnits).
func addLexicon(texts [2][]unitText, keys *anchorKeys, lex []lexPair) {
	var link [2]map[uint32]uint32
	link[0], link[1] = map[uint32]uint32{}, map[uint32]uint32{}
	for _, p := range lex {
		id := keys.add("", anchorLexicon)
		link[0][p.src] = id
		link[1][p.tgt] = id
	}
	add := func(t int) {
		var add []uint32
		for u := range texts[t] {
			add = add[:0]
			for _, w := range texts[t][u].words {
				if id, ok := link[t][w]; ok {
					add = append(add, id)
					keys.df[t][id]++
				}
			}
			if len(add) > 0 {
				slices.Sort(add)
				texts[t][u].keys = mergeSorted(make([]uint32, 0, len(texts[t][u].keys)+len(add)), texts[t][u].keys, add)
			}
		}
	}
	both(len(texts[0])+len(texts[1]) >= parallelUnits, func() { add(0) }, func() { add(1) })
}
