package align

import (
	"encoding/json"
	"io"
	"math"
	"strings"

	"github.com/paralign/paralign/corpus"
)

// JSONParagraph is a paragraph of a JSONL cell as WriteJSONL writes it
// (and paralign convert reads it back).
type JSONParagraph struct {
	File  string      `json:"file"`
	Start int         `json:"start"`
	End   int         `json:"end"`
	Lang  corpus.Lang `json:"lang"`
	Conf  float64     `json:"conf"`
	Text  string      `json:"text"`
}

// jsonCell is a cell of the JSONL form.
type jsonCell struct {
	Text       string          `json:"text"`
	Paragraphs []JSONParagraph `json:"paragraphs"`
}

// jsonRow is a row of the lossless JSONL form; cells are keyed by
// language and written in column order.
type jsonRow struct {
	ID    string       `json:"id"`
	Kind  SectionKind  `json:"kind"`
	Score *float64     `json:"score,omitempty"`
	Cells orderedCells `json:"cells"`
}

// orderedCells are a row's cells, written in column order.
type orderedCells struct {
	langs []corpus.Lang
	cells []jsonCell
}

func (o orderedCells) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, l := range o.langs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(l.String())
		b.Write(k)
		b.WriteByte(':')
		v, err := marshalNoEscape(o.cells[i])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// marshalNoEscape is json.Marshal without escaping <, > and &.
func marshalNoEscape(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimRight(b.String(), "\n")), nil
}

// WriteJSONL writes rows in the lossless JSONL form paralign align
// --format jsonl writes: one object per row, {"id", "kind", "score" (when
// scored), "cells"}, cells keyed by language in vers order, each with its
// text and its paragraphs (file, 1-based start and end lines, lang, conf
// and the exact original text). Empty cells are left out.
func WriteJSONL(w io.Writer, vers []Version, rows []Row, scored bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		jr := jsonRow{ID: r.ID, Kind: r.Kind}
		if scored {
			sc := math.Round(r.Score*1000) / 1000
			jr.Score = &sc
		}
		for v, c := range r.Cells {
			if c.Empty() {
				continue
			}
			jc := jsonCell{Text: c.Text()}
			for k, p := range c.Paras {
				jc.Paragraphs = append(jc.Paragraphs, JSONParagraph{File: p.File, Start: p.Start, End: p.End, Lang: p.Lang, Conf: p.Conf, Text: c.ParaText(k)})
			}
			jr.Cells.langs = append(jr.Cells.langs, vers[v].Lang)
			jr.Cells.cells = append(jr.Cells.cells, jc)
		}
		if err := enc.Encode(jr); err != nil {
			return err
		}
	}
	return nil
}

// coverageJSON is the JSON form of a CoverageReport.
type coverageJSON struct {
	Pivot    corpus.Lang                 `json:"pivot"`
	Langs    []corpus.Lang               `json:"languages"`
	Sections []sectionJSON               `json:"sections"`
	Summary  map[corpus.Lang]summaryJSON `json:"summary"`
}

// sectionJSON is a section of coverageJSON.
type sectionJSON struct {
	ID           string                 `json:"id"`
	Present      map[corpus.Lang]bool   `json:"present"`
	Untranslated map[corpus.Lang]bool   `json:"untranslated"`
	Status       map[corpus.Lang]Status `json:"status"`
	Words        map[corpus.Lang]int    `json:"words"`
}

// summaryJSON is a language's summary in coverageJSON.
type summaryJSON struct {
	Present      int      `json:"present"`
	Total        int      `json:"total"`
	Ratio        float64  `json:"ratio"`
	WordRatio    float64  `json:"word_ratio"`
	Missing      []string `json:"missing"`
	Untranslated []string `json:"untranslated"`
	Wrong        []string `json:"wrong_language"`
	Partial      []string `json:"partial"`
}

// WriteCoverageJSON writes rep as paralign coverage --format json does:
// one indented object, {"pivot", "languages", "sections", "summary"},
// ratios rounded to three decimals, empty lists as [].
func WriteCoverageJSON(w io.Writer, rep CoverageReport) error {
	out := coverageJSON{Pivot: rep.Pivot, Langs: rep.Langs, Sections: []sectionJSON{}, Summary: map[corpus.Lang]summaryJSON{}}
	for _, s := range rep.Sections {
		sj := sectionJSON{ID: s.ID, Present: map[corpus.Lang]bool{}, Untranslated: map[corpus.Lang]bool{}, Status: map[corpus.Lang]Status{}, Words: map[corpus.Lang]int{}}
		for v, l := range rep.Langs {
			sj.Present[l] = s.Status[v].Translated()
			sj.Untranslated[l] = s.Status[v] == Untranslated
			sj.Status[l] = s.Status[v]
			sj.Words[l] = s.Words[v]
		}
		out.Sections = append(out.Sections, sj)
	}
	for _, s := range rep.Summary {
		out.Summary[s.Lang] = summaryJSON{Present: s.Present, Total: s.Total, Ratio: round3(s.Ratio), WordRatio: round3(s.WordRatio),
			Missing: nonNil(s.Missing), Untranslated: nonNil(s.Untranslated), Wrong: nonNil(s.Wrong), Partial: nonNil(s.Partial)}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
