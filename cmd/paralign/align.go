package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

type alignOpts struct {
	commonOpts
	by       string
	presplit bool
}

var alignFormats = []string{"tsv", "jsonl"}

var alignCommand = command{
	name: "align",
	summary: `Align the language versions and print one row per aligned unit: the id,
then one column per language (in --langs order) holding that unit's text.
An empty cell means the language has no such unit. --format jsonl is the
lossless form: every input paragraph, byte for byte, in exactly one row.`,
	example: `paralign align testdata/kazakhstan-2022/combined.txt
paralign align --langs en,ru,es,de en.txt ru.txt es.txt de.txt
paralign align --input en=charter.en.txt --input de=satzung.txt -o aligned.tsv
paralign align --format jsonl combined.txt > aligned.jsonl`,
	flags: func(fs *pflag.FlagSet) any {
		o := &alignOpts{}
		fs.StringVar(&o.by, "by", "section", "unit: section, paragraph or sentence")
		addCommon(fs, &o.commonOpts, alignFormats)
		return o
	},
	run: runAlign,
}

func runAlign(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*alignOpts)
	if err := o.checkFormat(alignFormats); err != nil {
		return err
	}
	if o.by != "section" {
		return usagef("--by %s: only section is built so far", o.by)
	}
	j, err := o.load(ctx, e, args)
	if err != nil {
		return err
	}
	vers, err := j.versions()
	if err != nil {
		return err
	}
	rows := align.AlignSections(align.Outlines(vers))
	return writeOutput(ctx, e, o.output, func(w io.Writer) error {
		if o.format == "jsonl" {
			return writeRowsJSONL(w, vers, rows)
		}
		return writeRowsTSV(w, vers, rows)
	})
}

func writeRowsTSV(w io.Writer, vers []align.Version, rows []align.Row) error {
	t := corpus.NewTSVWriter(w)
	head := []string{"id"}
	for _, v := range vers {
		head = append(head, v.Lang.String())
	}
	t.Write(head)
	for _, r := range rows {
		rec := []string{r.ID}
		for _, c := range r.Cells {
			rec = append(rec, cellText(c))
		}
		t.Write(rec)
	}
	t.Flush()
	return t.Error()
}

func cellText(c align.Cell) string {
	parts := make([]string, 0, len(c.Paras))
	for k, p := range c.Paras {
		if c.Spans == nil {
			parts = append(parts, p.Text)
			continue
		}
		for _, s := range c.Spans {
			if s.Para == k {
				parts = append(parts, p.Text[s.Start:s.End])
			}
		}
	}
	return corpus.CellText(strings.Join(parts, " "))
}

type jsonParagraph struct {
	File  string      `json:"file"`
	Start int         `json:"start"`
	End   int         `json:"end"`
	Lang  corpus.Lang `json:"lang"`
	Conf  float64     `json:"conf"`
	Text  string      `json:"text"`
}

type jsonCell struct {
	Text       string          `json:"text"`
	Paragraphs []jsonParagraph `json:"paragraphs"`
}

// jsonRow is a row of the lossless JSONL form; cells are keyed by
// language and written in column order.
type jsonRow struct {
	ID    string            `json:"id"`
	Kind  align.SectionKind `json:"kind"`
	Cells orderedCells      `json:"cells"`
}

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

func marshalNoEscape(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimRight(b.String(), "\n")), nil
}

func writeRowsJSONL(w io.Writer, vers []align.Version, rows []align.Row) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		jr := jsonRow{ID: r.ID, Kind: r.Kind}
		for v, c := range r.Cells {
			if c.Empty() {
				continue
			}
			jc := jsonCell{Text: cellText(c)}
			for k, p := range c.Paras {
				text := p.Text
				if c.Spans != nil {
					var parts []string
					for _, s := range c.Spans {
						if s.Para == k {
							parts = append(parts, p.Text[s.Start:s.End])
						}
					}
					text = strings.Join(parts, "")
				}
				jc.Paragraphs = append(jc.Paragraphs, jsonParagraph{File: p.File, Start: p.Start, End: p.End, Lang: p.Lang, Conf: p.Conf, Text: text})
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
