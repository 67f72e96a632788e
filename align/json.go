package align

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"

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

// WriteJSONL writes rows in the lossless JSONL form paralign align
// --format jsonl writes: one object per row, {"id", "kind", "score" (when
// scored), "cells"}, cells keyed by language in vers order, each with its
// text and its paragraphs (file, 1-based start and end lines, lang, conf
// and the exact original text). Empty cells are left out.
//
// Each row is written as it is encoded, a cell's text a paragraph at a time
// (corpus.JoinedCell): a version without section numbers is one cell as
// long as its file, and is never held as one string, nor encoded whole.
func WriteJSONL(w io.Writer, vers []Version, rows []Row, scored bool) error {
	j := jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := encodable(r, scored); err != nil {
			// as when rows were encoded whole: the rows before it written
			if ferr := j.w.Flush(); ferr != nil {
				return ferr
			}
			return err
		}
		j.raw(`{"id":`)
		j.value(r.ID)
		j.raw(`,"kind":`)
		j.value(r.Kind)
		if scored {
			j.raw(`,"score":`)
			j.value(math.Round(r.Score*1000) / 1000)
		}
		j.raw(`,"cells":{`)
		first := true
		for v, c := range r.Cells {
			if c.Empty() {
				continue
			}
			if !first {
				j.raw(",")
			}
			first = false
			j.value(vers[v].Lang.String())
			j.raw(`:{"text":"`)
			parts := c.Parts()
			for piece := range corpus.JoinedCell(parts) {
				j.inner(piece)
			}
			j.raw(`","paragraphs":[`)
			for k, p := range c.Paras {
				if k > 0 {
					j.raw(",")
				}
				j.value(JSONParagraph{File: p.File, Start: p.Start, End: p.End, Lang: p.Lang, Conf: p.Conf, Text: parts[k]})
			}
			j.raw("]}")
		}
		j.raw("}}\n")
		if j.err != nil {
			return j.err
		}
	}
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

// encodable returns the error encoding/json gives for a number of row r
// that JSON cannot hold (NaN, an infinity), before any of the row is
// written.
func encodable(r Row, scored bool) error {
	bad := func(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }
	if scored && bad(r.Score) {
		_, err := json.Marshal(r.Score)
		return err
	}
	for _, c := range r.Cells {
		for _, p := range c.Paras {
			if bad(p.Conf) {
				_, err := json.Marshal(p.Conf)
				return err
			}
		}
	}
	return nil
}

// jsonWriter writes JSON a value at a time, as encoding/json encodes them
// without escaping <, > and &, and keeps the first error.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder // into buf
	err error
}

// raw writes s as it is.
func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v encoded.
func (j *jsonWriter) value(v any) {
	if e := j.encode(v); e != nil {
		_, j.err = j.w.Write(e)
	}
}

// inner writes s as a part of a JSON string, without its quotes: JSON
// escapes a character at a time, so the parts of a string escaped one by
// one are the string escaped.
func (j *jsonWriter) inner(s string) {
	if e := j.encode(s); e != nil {
		_, j.err = j.w.Write(e[1 : len(e)-1])
	}
}

// encode returns v encoded, without the encoder's newline, or nil once
// there is an error.
func (j *jsonWriter) encode(v any) []byte {
	if j.err != nil {
		return nil
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(v); j.err != nil {
		return nil
	}
	return bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))
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
