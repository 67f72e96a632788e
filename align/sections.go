package align

import (
	"strings"

	"github.com/paralign/paralign/corpus"
)

// Row is one aligned unit across the versions: a section (or, at finer
// levels, a group of paragraphs or sentences) with one id.
type Row struct {
	ID   string
	Kind SectionKind
	// Cells holds one cell per version, in the order the versions were
	// given; an empty cell means the version has no such unit.
	Cells []Cell
	// Score is the aligner's confidence in a row of paragraphs or
	// sentences, 0–1 (see Refine); section rows, matched by id, have 0.
	Score float64
}

// Cell is the text of one version in a row.
type Cell struct {
	Paras []corpus.Paragraph
	// Spans, when not nil, are the parts of Paras that the cell holds (for
	// sentence rows: byte ranges into Paras[k].Text); nil means the
	// paragraphs whole.
	Spans []ParaSpan
}

// ParaSpan is a byte range [Start, End) of the text of paragraph Para of a
// cell.
type ParaSpan struct {
	Para       int
	Start, End int
}

// Empty reports whether the cell has no text.
func (c Cell) Empty() bool { return len(c.Paras) == 0 }

// ParaText returns the part of paragraph k of the cell that the cell
// holds: the whole text, or its spans joined.
func (c Cell) ParaText(k int) string {
	if c.Spans == nil {
		return c.Paras[k].Text
	}
	var b strings.Builder
	for _, s := range c.Spans {
		if s.Para == k {
			b.WriteString(c.Paras[k].Text[s.Start:s.End])
		}
	}
	return b.String()
}

// Text returns the cell's text as one line: its paragraphs (or their
// parts) joined by a space, every whitespace run collapsed to one space
// (corpus.CellText).
func (c Cell) Text() string {
	return corpus.CellText(strings.Join(c.Parts(), " "))
}

// Parts returns the text of each of the cell's paragraphs as the cell holds
// it (ParaText), in order: the cell's text is them joined by a space. The
// texts of whole paragraphs are not copied, so a writer can write a long
// cell from its parts (corpus.TSVWriter.WriteJoined) without making it.
func (c Cell) Parts() []string {
	parts := make([]string, len(c.Paras))
	for k := range c.Paras {
		parts[k] = c.ParaText(k)
	}
	return parts
}

// AlignSections matches the sections of the outlines by id, one row per id,
// in document order. A section missing from a version leaves its cell
// empty and never shifts the others. Ids are merged in order: each
// outline's ids keep their order, and an id found only in some versions is
// placed after the id that precedes it there. Unnumbered blocks (8+1,
// 0+2) match by their id too: the N-th block after a section in one
// version goes with the N-th in another.
func AlignSections(outlines []Outline) []Row {
	type slot struct {
		id   string
		kind SectionKind
		secs []int // per outline: section index, or -1
	}
	var order []slot
	for v, o := range outlines {
		// positions of each id in the order so far
		at := map[string][]int{}
		for k, sl := range order {
			at[sl.id] = append(at[sl.id], k)
		}
		merged := make([]slot, 0, len(order)+len(o.Sections))
		pos := 0
		for s, sec := range o.Sections {
			found := -1
			for _, k := range at[sec.ID] {
				if k >= pos && order[k].secs[v] < 0 {
					found = k
					break
				}
			}
			if found < 0 {
				sl := slot{id: sec.ID, kind: sec.Kind, secs: make([]int, len(outlines))}
				for u := range sl.secs {
					sl.secs[u] = -1
				}
				sl.secs[v] = s
				merged = append(merged, sl)
				continue
			}
			merged = append(merged, order[pos:found+1]...)
			merged[len(merged)-1].secs[v] = s
			pos = found + 1
		}
		order = append(merged, order[pos:]...)
	}
	rows := make([]Row, len(order))
	for k, sl := range order {
		rows[k] = Row{ID: sl.id, Kind: sl.kind, Cells: make([]Cell, len(outlines))}
		for v, o := range outlines {
			if s := sl.secs[v]; s >= 0 {
				rows[k].Cells[v] = Cell{Paras: o.Sections[s].Paras}
			}
		}
	}
	return rows
}
