package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

type detectOpts struct {
	commonOpts
}

var detectFormats = []string{"tsv", "jsonl"}

var detectCommand = command{
	name:    "detect",
	summary: "Print the language of every paragraph, one row per paragraph in input order:\nfile, start and end line, language (ISO 639-1; und: uncertain; none: no letters),\nconfidence, and the text with white space collapsed.",
	example: `paralign detect testdata/kazakhstan-2022/combined.txt
paralign detect --langs en,de --format jsonl page.txt
cat page.txt | paralign detect -`,
	flags: func(fs *pflag.FlagSet) any {
		o := &detectOpts{}
		addCommon(fs, &o.commonOpts, detectFormats)
		return o
	},
	run: runDetect,
}

// detectRecord is one JSONL row of detect: a paragraph as align's JSONL
// cells hold it, and what detection found in its sentences.
type detectRecord struct {
	align.JSONParagraph
	Mixed bool          `json:"mixed"`
	Langs []corpus.Lang `json:"langs"`
}

func runDetect(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*detectOpts)
	if err := o.checkFormat(detectFormats); err != nil {
		return err
	}
	o.limitMemory = true
	j, err := o.load(ctx, e, args)
	if err != nil {
		return err
	}
	return writeOutput(ctx, e, j.out, func(w io.Writer) error {
		switch o.format {
		case "jsonl":
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for _, d := range j.docs {
				for _, p := range d.Paragraphs {
					langs := p.Langs
					if langs == nil {
						langs = []corpus.Lang{}
					}
					if err := enc.Encode(detectRecord{JSONParagraph: align.JSONParagraph{File: p.File, Start: p.Start, End: p.End, Lang: p.Lang, Conf: p.Conf, Text: corpus.CellText(p.Text)}, Mixed: p.Mixed, Langs: langs}); err != nil {
						return err
					}
				}
			}
			return nil
		default:
			t := corpus.NewTSVWriter(w)
			t.Write([]string{"file", "start", "end", "lang", "conf", "text"})
			for _, d := range j.docs {
				for _, p := range d.Paragraphs {
					t.Write([]string{corpus.QuoteName(p.File), strconv.Itoa(p.Start), strconv.Itoa(p.End), p.Lang.String(), fmt.Sprintf("%.2f", p.Conf), p.Text})
				}
			}
			t.Flush()
			return t.Error()
		}
	})
}
