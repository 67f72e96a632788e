package align

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/paralign/paralign/corpus"
)

// Unit is the level rows are aligned at.
type Unit uint8

const (
	BySection Unit = iota
	ByParagraph
	BySentence
)

// ParseUnit parses "section", "paragraph" or "sentence".
func ParseUnit(s string) (Unit, bool) {
	switch s {
	case "section":
		return BySection, true
	case "paragraph":
		return ByParagraph, true
	case "sentence":
		return BySentence, true
	}
	return 0, false
}

// RefineOptions controls Refine.
type RefineOptions struct {
	// Pivot is the index of the version the others are aligned to; the
	// first version with text stands in for a row it has no text in.
	Pivot int
	// Langs are the versions' languages, in version order, for sentence
	// splitting.
	Langs []corpus.Lang
	Beads BeadOptions
	// Dict, when not nil, returns the dictionary from the pivot's
	// language to another version's (nil for none); it must be safe for
	// concurrent use.
	Dict func(src, tgt corpus.Lang) *Dictionary
}

// piece is one unit of a cell: a paragraph, or a span of one.
type piece struct {
	para       int // index into Cell.Paras
	start, end int // byte range of the paragraph's text
}

// Refine cuts every section row into rows of paragraphs or sentences
// aligned across the versions, in document order. A row's id is the
// section's id, a slash and the unit's number within the section ("3/2").
//
// Inside a row every version is aligned to the pivot with AlignUnits; for
// sentences the paragraphs are aligned first and the sentences inside
// each group of paragraphs then, so a sentence never pairs across a
// paragraph the two versions do not share. The per-version alignments are
// merged on the pivot's units: units that one version joins (2:1) share
// one row in every version, and a unit without counterpart in the pivot
// (0:1) gets a row of its own, shared with the other versions' unpaired
// units at the same place. Every unit of every cell lands in exactly one
// row, in order.
//
// Row.Score is the weakest of the bead scores a row is built from (see
// Bead): 1 for a row only one version has text in because the section
// itself exists in one version only.
func Refine(rows []Row, unit Unit, opts RefineOptions) []Row {
	if unit == BySection {
		return rows
	}
	ratios := lengthRatios(rows, opts.Pivot)
	var out []Row
	for _, r := range rows {
		out = append(out, refineRow(r, unit, opts, ratios)...)
	}
	return out
}

// lengthRatios measures, for every version, its length per character of
// the pivot's over the rows both have text in: the length ratio of the
// language pair in this document, steadier than one section's. Lengths
// are in characters other than spaces.
func lengthRatios(rows []Row, pv int) []float64 {
	if len(rows) == 0 || pv < 0 || pv >= len(rows[0].Cells) {
		return nil
	}
	n := len(rows[0].Cells)
	num, den := make([]float64, n), make([]float64, n)
	for _, r := range rows {
		if r.Cells[pv].Empty() {
			continue
		}
		lp := cellLength(r.Cells[pv])
		for v, c := range r.Cells {
			if !c.Empty() {
				num[v] += cellLength(c)
				den[v] += lp
			}
		}
	}
	out := make([]float64, n)
	for v := range out {
		if num[v] > 0 && den[v] > 0 {
			// drawn towards 1 for short documents, as in AlignUnits
			out[v] = (num[v] + ratioPrior) / (den[v] + ratioPrior)
		}
	}
	return out
}

// cellLength counts the characters of a cell other than spaces, as
// AlignUnits measures units.
func cellLength(c Cell) float64 {
	n := 0
	for _, p := range c.Paras {
		for _, r := range p.Text {
			if !unicode.IsSpace(r) {
				n++
			}
		}
	}
	return float64(n)
}

func refineRow(r Row, unit Unit, opts RefineOptions, ratios []float64) []Row {
	n := len(r.Cells)
	units := make([][]piece, n)
	for v, c := range r.Cells {
		lang := corpus.Und
		if v < len(opts.Langs) {
			lang = opts.Langs[v]
		}
		units[v] = cellUnits(c, unit, lang)
	}
	pv := opts.Pivot
	if pv < 0 || pv >= n || len(units[pv]) == 0 {
		pv = -1
		for v := range units {
			if len(units[v]) > 0 {
				pv = v
				break
			}
		}
	}
	if pv < 0 {
		return nil
	}
	beads := make([][]Bead, n)
	for v := range units {
		if v == pv {
			continue
		}
		bo := opts.Beads
		if bo.Ratio == 0 && len(ratios) == n && ratios[v] > 0 && ratios[pv] > 0 {
			bo.Ratio = ratios[v] / ratios[pv]
		}
		if bo.Dict == nil && opts.Dict != nil && len(opts.Langs) == n {
			bo.Dict = opts.Dict(opts.Langs[pv], opts.Langs[v])
		}
		beads[v] = alignPieces(r.Cells[pv], units[pv], r.Cells[v], units[v], unit, bo)
	}
	groups := mergeOnPivot(len(units[pv]), pv, beads)
	out := make([]Row, 0, len(groups))
	for k, g := range groups {
		row := Row{ID: r.ID + "/" + strconv.Itoa(k+1), Kind: r.Kind, Cells: make([]Cell, n), Score: g.score}
		for v := range n {
			row.Cells[v] = subCell(r.Cells[v], units[v], g.idx[v], unit)
		}
		out = append(out, row)
	}
	return out
}

// cellUnits lists the units of a cell: its paragraphs, or their sentences.
func cellUnits(c Cell, unit Unit, lang corpus.Lang) []piece {
	var out []piece
	for k, p := range c.Paras {
		if unit == ByParagraph {
			out = append(out, piece{k, 0, len(p.Text)})
			continue
		}
		for _, s := range corpus.SplitSentences(p.Text, lang) {
			out = append(out, piece{k, s.Start, s.End})
		}
		if p.Text == "" {
			// An empty paragraph still has to land in a row.
			out = append(out, piece{k, 0, 0})
		}
	}
	return out
}

func pieceText(c Cell, p piece) string {
	return strings.TrimSpace(c.Paras[p.para].Text[p.start:p.end])
}

func texts(c Cell, ps []piece) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = pieceText(c, p)
	}
	return out
}

// alignPieces aligns the units of one version's cell (tgt) to the pivot's
// (src). Sentences are aligned inside the groups of an alignment of the
// paragraphs.
func alignPieces(src Cell, sp []piece, tgt Cell, tp []piece, unit Unit, opts BeadOptions) []Bead {
	if unit != BySentence {
		return AlignUnits(texts(src, sp), texts(tgt, tp), opts)
	}
	paraBeads := AlignUnits(paraTexts(src), paraTexts(tgt), opts)
	// first sentence of each paragraph, and one past the last
	sFirst, tFirst := firstUnits(sp, len(src.Paras)), firstUnits(tp, len(tgt.Paras))
	var out []Bead
	for _, pb := range paraBeads {
		s0, s1 := spanOf(pb.Src, sFirst)
		t0, t1 := spanOf(pb.Tgt, tFirst)
		if s0 == s1 || t0 == t1 {
			for i := s0; i < s1; i++ {
				out = append(out, Bead{Src: []int{i}, Score: pb.Score})
			}
			for j := t0; j < t1; j++ {
				out = append(out, Bead{Tgt: []int{j}, Score: pb.Score})
			}
			continue
		}
		for _, b := range AlignUnits(texts(src, sp[s0:s1]), texts(tgt, tp[t0:t1]), opts) {
			out = append(out, Bead{Src: shift(b.Src, s0), Tgt: shift(b.Tgt, t0), Score: b.Score})
		}
	}
	return out
}

func paraTexts(c Cell) []string {
	out := make([]string, len(c.Paras))
	for k, p := range c.Paras {
		out[k] = strings.TrimSpace(p.Text)
	}
	return out
}

// firstUnits returns, for each of n paragraphs, the index of its first
// unit in ps, and n+1'th entry len(ps).
func firstUnits(ps []piece, n int) []int {
	first := make([]int, n+1)
	k := 0
	for para := 0; para <= n; para++ {
		for k < len(ps) && ps[k].para < para {
			k++
		}
		first[para] = k
	}
	return first
}

// spanOf returns the unit range of the paragraphs paras (consecutive).
func spanOf(paras []int, first []int) (int, int) {
	if len(paras) == 0 {
		return 0, 0
	}
	return first[paras[0]], first[paras[len(paras)-1]+1]
}

func shift(idx []int, by int) []int {
	out := make([]int, len(idx))
	for i, x := range idx {
		out[i] = x + by
	}
	return out
}

// group is one output row of a refined section: the unit indexes of each
// version.
type group struct {
	idx   [][]int
	score float64
}

// mergeOnPivot merges the alignments of every version to the pivot (n
// units) into rows. beads[v] aligns the pivot (Src) to version v (Tgt);
// beads[pv] is unused.
func mergeOnPivot(n, pv int, beads [][]Bead) []group {
	versions := len(beads)
	// cut[i]: a row may end before pivot unit i (0 < i < n) in every version
	cut := make([]bool, n+1)
	for i := range cut {
		cut[i] = true
	}
	for v, bs := range beads {
		if v == pv {
			continue
		}
		for _, b := range bs {
			for k := 1; k < len(b.Src); k++ {
				cut[b.Src[k]] = false
			}
		}
	}
	// segment of each pivot unit; segment starts
	seg := make([]int, n)
	var starts []int
	for i := range n {
		if cut[i] {
			starts = append(starts, i)
		}
		seg[i] = len(starts) - 1
	}
	type slot struct {
		main  group   // the segment's row
		extra []group // rows of unpaired units before the segment
	}
	slots := make([]slot, len(starts)+1) // the last holds only extras at the end
	newGroup := func() group { return group{idx: make([][]int, versions), score: 1} }
	for s := range slots {
		slots[s].main = newGroup()
	}
	for i := range n {
		slots[seg[i]].main.idx[pv] = append(slots[seg[i]].main.idx[pv], i)
	}
	for v, bs := range beads {
		if v == pv {
			continue
		}
		// unpaired units of v, per slot, in order
		var pending [][]int
		var pendScore []float64
		flush := func(s int) {
			sl := &slots[s]
			for k, idx := range pending {
				for len(sl.extra) <= k {
					sl.extra = append(sl.extra, newGroup())
				}
				sl.extra[k].idx[v] = append(sl.extra[k].idx[v], idx...)
				sl.extra[k].score = min(sl.extra[k].score, pendScore[k])
			}
			pending, pendScore = pending[:0], pendScore[:0]
		}
		for _, b := range bs {
			if len(b.Src) == 0 {
				pending = append(pending, b.Tgt)
				pendScore = append(pendScore, b.Score)
				continue
			}
			s := seg[b.Src[0]]
			if len(pending) > 0 {
				if b.Src[0] == starts[s] {
					flush(s)
				} else {
					// inside a segment another version joins: its row
					for k, idx := range pending {
						slots[s].main.idx[v] = append(slots[s].main.idx[v], idx...)
						slots[s].main.score = min(slots[s].main.score, pendScore[k])
					}
					pending, pendScore = pending[:0], pendScore[:0]
				}
			}
			slots[s].main.idx[v] = append(slots[s].main.idx[v], b.Tgt...)
			slots[s].main.score = min(slots[s].main.score, b.Score)
		}
		flush(len(starts))
	}
	var out []group
	for s, sl := range slots {
		out = append(out, sl.extra...)
		if s < len(starts) {
			out = append(out, sl.main)
		}
	}
	return out
}

// subCell builds the cell of a row from units idx of a version's cell.
func subCell(c Cell, units []piece, idx []int, unit Unit) Cell {
	if len(idx) == 0 {
		return Cell{}
	}
	var out Cell
	last := -1
	for _, i := range idx {
		p := units[i]
		if p.para != last {
			out.Paras = append(out.Paras, c.Paras[p.para])
			last = p.para
		}
		if unit == BySentence {
			out.Spans = append(out.Spans, ParaSpan{Para: len(out.Paras) - 1, Start: p.start, End: p.end})
		}
	}
	return out
}
