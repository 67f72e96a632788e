package align

import "math"

// beadModel holds the parameters of the cost of a bead. All costs are in
// nats (negative log-probabilities, up to constants): the search minimises
// their sum.
type beadModel struct {
	maxSpan int // most units on one side of a bead
	band    int // half-width of the search corridor around the coarse path, in units
	band2   int // the same around the first pass's path, for the second (it moves little: 24 and 8 give the same beads on the Text+Berg files concatenated 20 times)
	// scoutSpan, when positive, is the most units on one side of a bead
	// in the first pass over the fine units of a large text, which only
	// finds the way for the lexicon and the second pass. On the Text+Berg
	// files concatenated (30,000 and 100,000 sentences), band 16 with
	// scoutSpan 2 scores within 0.0013 of band 24 with every shape
	// (strict F1 0.8615 and 0.8642 against 0.8628 and 0.8644), in two
	// thirds of the time
	scoutSpan int
	fullCells int
	// chunkRows: a banded search of more source units is cut into chunks
	// of about this many, searched at the same time (see runOverlapped); 0
	// never cuts
	chunkRows int // texts with at most this many DP cells are searched in full (banded search scores the same on Text+Berg; full costs ~n² time)

	fan int // most units on the other side of a bead with one unit on one side (1:4, 5:1), at least maxSpan

	pen [6][6]float64 // prior cost of a bead shape, [source units][target units]

	// Length, after Gale and Church (1993): the target length of a bead
	// is normal around ratio × source length with variance variance ×
	// (mean length). ratio and variance are measured from the texts.
	lenWeight float64
	ratio     float64
	// fixedRatio, when positive, is the ratio to start from, measured
	// on the whole document by the caller
	fixedRatio float64
	variance   float64
	// nullLen is the cost of leaving a unit of average length (unitLen
	// characters) unaligned; it grows linearly with the length.
	nullLen float64
	unitLen float64
	tail    []float64 // tailTable, when set

	// Anchors: each shared key lowers the cost by gain × its weight, each
	// key without a partner in the bead raises it by loss × its weight.
	gain, loss float64
	class      [numAnchorClasses]float64
	prefixLen  int         // letters of a cognate prefix
	dict       *Dictionary // the user's dictionary, nil for none
	dictRarity float64     // a dictionary key in more than one unit in dictRarity weighs 0

	// Unit ends: merging a unit with the next one in a bead costs
	// merge[its end]; a bead whose two sides end differently costs
	// mismatch more.
	merge    [numUnitEnds]float64
	mismatch float64
	// drop[end] is added to the cost of leaving a unit unaligned.
	// Translators seldom leave out a whole sentence; what goes unaligned
	// is mostly captions, headings, page furniture and OCR noise, which do
	// not end as sentences. A short sentence ("Sicherlich.", "Basta.")
	// without a partner was merged into a neighbour by the translator,
	// and its length alone hardly pays for the 2:1 bead.
	drop [numUnitEnds]float64

	lexicon   bool    // learn a lexicon and align a second time
	confident float64 // least margin (nats) of a 1:1 bead used for learning
	minLength int     // passes estimating length statistics need this many confident beads
}

// defaultBeadModel returns the parameters tuned on the Text+Berg dev set
// (German–French); the length ratio and variance are measured from the
// texts at hand.
func defaultBeadModel() beadModel {
	m := beadModel{
		maxSpan:   3,
		fan:       5,
		band:      16,
		scoutSpan: 2,
		chunkRows: 8192,
		band2:     8,
		fullCells: 1 << 18,
		lenWeight: 1,
		ratio:     1,
		variance:  6.8,
		nullLen:   1,
		unitLen:   100,
		gain:      1,
		loss:      0.65,
		class: [numAnchorClasses]float64{
			anchorNumber:  1,
			anchorName:    0.7,
			anchorCognate: 0.7,
			anchorPunct:   0.35,
			anchorLexicon: 0.5,
			anchorDict:    0.3,
		},
		dictRarity: 40,
		prefixLen:  4,
		merge:      [numUnitEnds]float64{endNone: 0, endStrong: 2, endWeak: -1},
		mismatch:   1.5,
		// On the dev set, strict F1 is flat for drop[endStrong] 2–2.75
		// (0.934) and 3–4 (0.930) without a dictionary, 0.919 and 0.926
		// with FreeDict de-fr; 3 has the best sum. Ending weak or not at
		// all: 0 (1 and 2 for weak lose on dev).
		drop:      [numUnitEnds]float64{endStrong: 3},
		lexicon:   true,
		confident: 2,
		minLength: 20,
		tail:      tailTable(),
	}
	m.pen = [6][6]float64{
		{0, 3.5, 0, 0, 0, 0},
		{3.5, 0, 4, 5, 7, 8},
		{0, 4, 10, 13, 16, 0},
		{0, 5, 13, 25, 30, 0},
		{0, 7, 16, 30, 40, 0},
		{0, 8, 0, 0, 0, 0},
	}
	return m
}

// penalty returns the prior cost of an a:b bead.
func (m *beadModel) penalty(a, b int) float64 { return m.pen[a][b] }

// shapes lists the bead shapes the model allows, in a fixed order: 1:0,
// 0:1, a:b with 1 ≤ a, b ≤ maxSpan, 1:1 first, then 1:b and b:1 for
// maxSpan < b ≤ fan.
func (m *beadModel) shapes(maxSpan, fan int) []shape {
	out := []shape{{1, 1, m.pen[1][1]}}
	for a := 0; a <= maxSpan; a++ {
		for b := 0; b <= maxSpan; b++ {
			if a+b == 0 || (a == 0 || b == 0) && a+b > 1 || a == 1 && b == 1 {
				continue
			}
			out = append(out, shape{a, b, m.pen[a][b]})
		}
	}
	for b := maxSpan + 1; b <= fan; b++ {
		out = append(out, shape{1, b, m.pen[1][b]}, shape{b, 1, m.pen[b][1]})
	}
	return out
}

// matchGain is how much one unit of anchor weight shared by the two sides
// of a bead lowers its cost: the gain, plus the loss that the weight would
// cost on each side unshared.
func (m *beadModel) matchGain() float64 { return m.gain + 2*m.loss }

// lengthCost is the Gale–Church cost of source length l1 against target
// length l2: −log P(|δ| ≥ observed), δ the standardised difference.
func (m *beadModel) lengthCost(l1, l2 float64) float64 {
	mean := max((l1+l2/m.ratio)/2, 1)
	d := math.Abs(l2-m.ratio*l1) / math.Sqrt(m.variance*mean)
	if m.tail == nil {
		return negLogTail(d)
	}
	x := d * tailSteps
	k := int(x)
	if k >= len(m.tail)-1 {
		return negLogTail(d)
	}
	f := x - float64(k)
	return m.tail[k]*(1-f) + m.tail[k+1]*f
}

// tailSteps is the number of entries per unit of δ in tailTable.
const tailSteps = 32

// tailTable tabulates negLogTail on [0, 64] for lengthCost to
// interpolate (the error of the interpolation is below 2e-4 nats; a
// length difference of 64 standard deviations costs 2,000 and never wins).
func tailTable() []float64 {
	t := make([]float64, 64*tailSteps+1)
	for k := range t {
		t[k] = negLogTail(float64(k) / tailSteps)
	}
	return t
}

// negLogTail returns −log(2(1 − Φ(x))) for x ≥ 0, Φ the standard normal
// distribution function.
func negLogTail(x float64) float64 {
	z := x / math.Sqrt2
	if z < 5 {
		return -math.Log(math.Erfc(z))
	}
	// erfc(z) ≈ exp(−z²) / (z √π) for large z
	return z*z + math.Log(z*math.Sqrt(math.Pi))
}
