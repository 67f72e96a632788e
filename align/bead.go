package align

import (
	"math"
	"slices"
	"sync"
)

// Bead is one unit of a sentence (or paragraph) alignment: consecutive
// source indexes and consecutive target indexes that translate each other.
// One side is empty for a unit without counterpart (1:0 and 0:1 beads).
//
// Score is the aligner's confidence in the bead, from 0 to 1. For a bead
// with both sides it is σ(margin) = 1/(1+e^−margin), margin being how much
// cheaper (in nats of the alignment cost) the bead is than leaving all its
// units unaligned: 0.5 means no evidence either way, above 0.9 length and
// anchors agree clearly. For a 1:0 or 0:1 bead it is 1 − the score the unit
// would get paired 1:1 with the nearer of its two neighbours on the other
// side.
type Bead struct {
	Src, Tgt []int
	Score    float64
}

// BeadOptions tunes AlignUnits. The zero value means defaults.
type BeadOptions struct {
	// MaxSpan is the most units one side of a bead may hold: 2 allows
	// 1:1, 1:0, 0:1, 2:1, 1:2 and 2:2 beads, 3 adds 3:1, 1:3, 3:2, 2:3
	// and 3:3, 4 adds the shapes with 4. Zero means the default: the
	// shapes of 3, and 1:4, 4:1, 1:5 and 5:1 (a sentence a translation
	// cuts at its semicolons). Values above 4 are taken as 4.
	MaxSpan int
	// Band is the half-width, in units, of the corridor searched around
	// a provisional path: the path found on a coarser copy of long texts
	// (adjacent units merged pairwise) and the first-pass path of the
	// second pass. Texts of up to about five hundred units a side are
	// searched in full whatever Band is. Zero means 16.
	Band int
	// NoLexicon skips the second pass, which learns word pairs from the
	// confident beads of a first alignment and aligns again with them as
	// further anchors. The zero value (false) runs it.
	NoLexicon bool
	// Ratio is the expected length of a target unit per character of its
	// source, measured on more text than src and tgt hold (for units of
	// one section, on the whole document). Zero measures it from src and
	// tgt, drawn towards 1 for short texts.
	Ratio float64
	// Dict, when not nil, is a dictionary from the source language to
	// the target language whose word pairs are anchors.
	Dict *Dictionary
	// Omissions is for a caller looking for what a translation left out
	// or added (translation QA). By default a unit that ends as a
	// sentence costs more to leave unaligned than a caption or a heading,
	// because translators seldom drop a sentence and more often merge a
	// short one into its neighbour; with Omissions it costs the same, so
	// that an added or dropped sentence is not taken for a merge.
	Omissions bool
}

// AlignUnits aligns two sequences of text units, sentences or paragraphs
// in document order, monotonically: every index of src and every index of
// tgt appears in exactly one bead, the beads in order, each bead's indexes
// consecutive and following those of the bead before it.
//
// The cost of a bead combines its shape (1:1 is cheapest), the agreement of
// its lengths in characters (Gale–Church, with the length ratio and its
// variance measured from the two texts), and anchors that need no language
// model: numbers, marked punctuation, capitalised words and acronyms
// present on both sides, cognates (words sharing a prefix of four letters
// after lower-casing, stripping accents and transliterating Cyrillic), and
// word pairs learnt from the texts themselves in a second pass. The result
// depends only on the inputs and options.
func AlignUnits(src, tgt []string, opts BeadOptions) []Bead {
	m := defaultBeadModel()
	if opts.MaxSpan > 0 {
		m.maxSpan = min(opts.MaxSpan, 4)
		m.fan = m.maxSpan
	}
	if opts.Band > 0 {
		m.band = opts.Band
	}
	if opts.NoLexicon {
		m.lexicon = false
	}
	m.fixedRatio = opts.Ratio
	m.dict = opts.Dict
	if opts.Omissions {
		m.drop = [numUnitEnds]float64{}
	}
	return alignUnits(src, tgt, m)
}

func alignUnits(src, tgt []string, m beadModel) []Bead {
	if len(src) == 0 || len(tgt) == 0 {
		return nullBeads(len(src), len(tgt))
	}
	keys := newAnchorKeys()
	tk := newTokenizer(keys, m.prefixLen, m.dict)
	texts := [2][]unitText{make([]unitText, len(src)), make([]unitText, len(tgt))}
	var total [2]float64
	read := func(tk *tokenizer, t int, units []string) {
		for i, s := range units {
			texts[t][i] = tk.text(s, t)
			total[t] += texts[t][i].length
		}
	}
	if len(src)+len(tgt) < parallelUnits {
		read(tk, 0, src)
		read(tk, 1, tgt)
	} else {
		// the target is read at the same time with keys of its own,
		// then given the ids it would have had read after the source
		own := newAnchorKeys()
		tk1 := newTokenizer(own, m.prefixLen, m.dict)
		both(true, func() { read(tk, 0, src) }, func() { read(tk1, 1, tgt) })
		keys.adopt(own, texts[1])
		tk.words[1] = tk1.words[1]
	}
	switch {
	case m.fixedRatio > 0:
		m.ratio = m.fixedRatio
	case total[0] > 0 && total[1] > 0:
		// A unit without counterpart skews the ratio of a short text;
		// a pseudo-count of ratioPrior characters at 1:1 tempers it.
		m.ratio = (total[1] + ratioPrior) / (total[0] + ratioPrior)
	}
	m.unitLen = max(1, (total[0]+total[1]/m.ratio)/float64(len(src)+len(tgt)))

	sc := newScorer(texts, keys, &m)
	full := float64(len(src)+1)*float64(len(tgt)+1) <= float64(m.fullCells)
	path := sc.search(1)
	if m.lexicon {
		margins := sc.margins(path)
		// the new ratio and variance reach sc through its model; the
		// sides do not depend on them
		m.reestimate(texts, path, margins)
		if lex := learnLexicon(texts, path, margins, m.confident, len(tk.words[0]), len(tk.words[1])); len(lex) > 0 {
			addLexicon(texts, keys, lex)
			sc = newScorer(texts, keys, &m)
		}
		if full {
			path = sc.run(fullCorridor(len(src), len(tgt)))
		} else {
			path = sc.runOverlapped(around(path, len(src), len(tgt), m.band2), path)
		}
	}
	return sc.beads(path)
}

// ratioPrior is the weight, in characters, of the prior length ratio 1
// against the ratio measured from the texts.
const ratioPrior = 500

func newScorer(texts [2][]unitText, keys *anchorKeys, m *beadModel) *scorer {
	w := keys.weights(len(texts[0]), len(texts[1]), m.class, m.dictRarity)
	mk := func(units []unitText) *side {
		ks := make([][]uint32, len(units))
		ls := make([]float64, len(units))
		es := make([]unitEnd, len(units))
		size := 0
		for _, u := range units {
			size += len(u.keys)
		}
		flat := make([]uint32, 0, size) // the keys of every unit, one allocation
		for i, u := range units {
			es[i] = u.end
			start := len(flat)
			for _, k := range u.keys {
				if w[k] != 0 {
					flat = append(flat, k)
				}
			}
			ks[i] = flat[start:len(flat):len(flat)]
			ls[i] = u.length
		}
		return newSide(ks, ls, es, w, m)
	}
	sc := &scorer{w: w, m: m, shapes: m.shapes(m.maxSpan, m.fan)}
	both(len(texts[0])+len(texts[1]) >= parallelUnits,
		func() { sc.src = mk(texts[0]) },
		func() { sc.tgt = mk(texts[1]) })
	return sc
}

// parallelUnits is the number of units (of both texts) from which the
// work on the two texts, and the search's own, is split between two
// goroutines: below it the goroutines cost more than they save.
const parallelUnits = 4096

// both runs f and g, at the same time when parallel is true.
func both(parallel bool, f, g func()) {
	if !parallel {
		f()
		g()
		return
	}
	var wg sync.WaitGroup
	wg.Go(g)
	f()
	wg.Wait()
}

func nullBeads(n, m int) []Bead {
	out := make([]Bead, 0, n+m)
	for i := range n {
		out = append(out, Bead{Src: []int{i}, Tgt: []int{}, Score: 1})
	}
	for j := range m {
		out = append(out, Bead{Src: []int{}, Tgt: []int{j}, Score: 1})
	}
	return out
}

// margins returns, for each step of path, how much cheaper its bead is
// than leaving its units unaligned (0 for 1:0 and 0:1 beads).
func (sc *scorer) margins(path []step) []float64 {
	out := make([]float64, len(path))
	i, j := 0, 0
	for k, s := range path {
		i1, j1 := i+int(s.a), j+int(s.b)
		if s.a > 0 && s.b > 0 {
			out[k] = sc.nullCost(i, i1, j, j1) - sc.beadCost(i, i1, j, j1)
		}
		i, j = i1, j1
	}
	return out
}

// nullCost is the cost of leaving source units [i0, i1) and target units
// [j0, j1) all unaligned, without the drop prior (see beadModel.drop):
// a bead's margin over it, its confidence, is the evidence of its
// lengths and anchors, not the prior that sentences are seldom dropped.
func (sc *scorer) nullCost(i0, i1, j0, j1 int) float64 {
	c := 0.0
	for r := i0; r < i1; r++ {
		c += sc.beadCost(r, r+1, j0, j0)
	}
	for t := j0; t < j1; t++ {
		c += sc.beadCost(i1, i1, t, t+1)
	}
	return c - (sc.src.pd[i1] - sc.src.pd[i0]) - (sc.tgt.pd[j1] - sc.tgt.pd[j0])
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// beads turns a path into beads with scores.
func (sc *scorer) beads(path []step) []Bead {
	n, m := sc.src.n, sc.tgt.n
	out := make([]Bead, len(path))
	i, j := 0, 0
	for k, s := range path {
		i1, j1 := i+int(s.a), j+int(s.b)
		b := Bead{Src: span(i, i1), Tgt: span(j, j1)}
		switch {
		case s.a > 0 && s.b > 0:
			b.Score = sigmoid(sc.nullCost(i, i1, j, j1) - sc.beadCost(i, i1, j, j1))
		case s.a > 0:
			// the target units around the gap at j
			best := math.Inf(-1)
			for _, t := range []int{j - 1, j} {
				if t >= 0 && t < m {
					best = max(best, sc.nullCost(i, i1, t, t+1)-sc.beadCost(i, i1, t, t+1))
				}
			}
			b.Score = 1 - sigmoid(best)
		default:
			best := math.Inf(-1)
			for _, r := range []int{i - 1, i} {
				if r >= 0 && r < n {
					best = max(best, sc.nullCost(r, r+1, j, j1)-sc.beadCost(r, r+1, j, j1))
				}
			}
			b.Score = 1 - sigmoid(best)
		}
		out[k] = b
		i, j = i1, j1
	}
	return out
}

func span(a, b int) []int {
	s := make([]int, 0, b-a)
	for x := a; x < b; x++ {
		s = append(s, x)
	}
	return s
}

// reestimate measures the length ratio and variance from the confident 1:1
// beads of path; it reports whether it changed them (it does not when too
// few beads are confident).
func (m *beadModel) reestimate(texts [2][]unitText, path []step, margins []float64) bool {
	type pair struct{ l1, l2 float64 }
	var pairs []pair
	i, j := 0, 0
	for k, s := range path {
		if s.a == 1 && s.b == 1 && margins[k] >= m.confident {
			l1, l2 := texts[0][i].length, texts[1][j].length
			if l1 > 0 && l2 > 0 {
				pairs = append(pairs, pair{l1, l2})
			}
		}
		i += int(s.a)
		j += int(s.b)
	}
	if len(pairs) < m.minLength {
		return false
	}
	var s1, s2 float64
	for _, p := range pairs {
		s1 += p.l1
		s2 += p.l2
	}
	ratio := s2 / s1
	z := make([]float64, len(pairs))
	for k, p := range pairs {
		d := p.l2 - ratio*p.l1
		z[k] = d * d / ((p.l1 + p.l2/ratio) / 2)
	}
	slices.Sort(z)
	// the median of a χ² variable with one degree of freedom is 0.455
	variance := z[len(z)/2] / 0.455
	m.ratio = ratio
	m.variance = min(max(variance, 0.5), 100)
	return true
}
