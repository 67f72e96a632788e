package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/view"
)

type alignOpts struct {
	commonOpts
	by       string
	presplit bool
	csvSafe  bool
}

var alignFormats = []string{"tsv", "jsonl", "csv", "tmx", "moses", "html", "ladder"}

var alignCommand = command{
	name: "align",
	summary: `Align the language versions and print one row per aligned unit: the id,
then one column per language (in --langs order) holding that unit's text.
An empty cell means the language has no such unit. --format jsonl is the
lossless form: every input paragraph, byte for byte, in exactly one row.
--format csv is TSV's table as RFC 4180 CSV; tmx writes TMX 1.4 translation
units (rows with text in two or more languages); moses writes the plain
bitext of MT toolkits, -o PREFIX making PREFIX.en, PREFIX.ru, … with one
line per row that every language has. --format html writes one
self-contained page with the versions side by side.

--by paragraph and --by sentence align the paragraphs or sentences inside
each section (across the whole text when it has no numbered sections);
their rows are numbered within the section (3/2) and the JSONL rows carry
a score, 0–1. Units one language merges (2:1) share one row; a unit
without counterpart has a row of its own with the other cells empty.

--presplit reads two files of one sentence per line (the form of the
aligner benchmarks) and aligns the lines: --format ladder writes
"[i]:[j]:SCORE" beads with 0-based line numbers, as Vecalign and
Bertalign do; tsv writes the bead number and the lines.`,
	example: `paralign align testdata/kazakhstan-2022/combined.txt
paralign align --langs en,ru,es,de en.txt ru.txt es.txt de.txt
paralign align --input en=charter.en.txt --input de=satzung.txt -o aligned.tsv
paralign align --format jsonl combined.txt > aligned.jsonl
paralign align --by sentence --format moses -o corpus en.txt de.txt   # corpus.en, corpus.de
paralign align --by sentence --format tmx -o memory.tmx combined.txt
paralign align --by sentence --langs en,es en.txt es.txt
paralign align --by sentence --presplit --format ladder --langs de,fr test.de test.fr`,
	flags: func(fs *pflag.FlagSet) any {
		o := &alignOpts{}
		fs.StringVar(&o.by, "by", "section", "unit: section, paragraph or sentence")
		fs.BoolVar(&o.presplit, "presplit", false, "with --by sentence: two files, one sentence per line, aligned as they are")
		fs.BoolVar(&o.csvSafe, "csv-safe", false, "with --format csv: prefix ' to cells starting with = + - @ (a formula to a spreadsheet)")
		addCommon(fs, &o.commonOpts, alignFormats)
		addBatch(fs, &o.batchOpts)
		return o
	},
	run: runAlign,
}

func runAlign(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*alignOpts)
	if err := o.checkFormat(alignFormats); err != nil {
		return err
	}
	if o.csvSafe && o.format != "csv" {
		return usagef("--csv-safe wants --format csv")
	}
	unit, ok := align.ParseUnit(o.by)
	if !ok {
		return usagef("unknown --by %q: want section, paragraph or sentence", o.by)
	}
	if o.presplit {
		if unit != align.BySentence {
			return usagef("--presplit wants --by sentence")
		}
		return runPresplit(ctx, e, o, args)
	}
	if o.format == "ladder" {
		return usagef("--format ladder wants --by sentence --presplit")
	}
	if o.format == "moses" && (o.output == "" || o.output == "-") {
		return usagef("--format moses writes one file per language: name their prefix with -o PREFIX")
	}
	if o.format == "moses" {
		return o.runMoses(ctx, e, unit, args)
	}
	return o.run(ctx, e, args, func(ctx context.Context, j *job, vers []align.Version) (docOutput, error) {
		sections, rows := align.AlignVersions(vers, unit)
		stats := coverageStats(align.Coverage(sections, versionLangs(vers), align.CoverageOptions{}))
		if err := ctx.Err(); err != nil {
			return docOutput{}, errInterrupted
		}
		return docOutput{stats: stats, write: func(w io.Writer) error {
			switch o.format {
			case "jsonl":
				return align.WriteJSONL(w, vers, rows, unit != align.BySection)
			case "csv":
				return writeRowsCSV(w, vers, rows, o.csvSafe)
			case "tmx":
				return writeRowsTMX(w, vers, rows, unit)
			case "html":
				return view.WritePage(w, view.Page{Title: pageTitle(vers), Langs: versionLangs(vers), Rows: rows})
			}
			return writeRowsTSV(w, vers, rows)
		}}, nil
	})
}

// runMoses writes one file per language, -o PREFIX.LANG: one document
// only.
func (o *alignOpts) runMoses(ctx context.Context, e *env, unit align.Unit, args []string) error {
	if b, err := o.plan(args); err != nil {
		return err
	} else if b != nil {
		return usagef("--format moses is for one document; several documents: --format tsv or jsonl with -o DIR")
	}
	o.perLang = true
	j, err := o.load(ctx, e, args)
	if err != nil {
		return err
	}
	vers, err := j.versions()
	if err != nil {
		return err
	}
	_, rows := align.AlignVersions(vers, unit)
	if err := ctx.Err(); err != nil {
		return errInterrupted
	}
	// j.out holds PREFIX.LANG for every language of --langs
	var ts []*target
	for _, v := range vers {
		k := slices.Index(j.langs, v.Lang)
		if k < 0 {
			return fmt.Errorf("%s: version in %s, not among --langs", quoteName(v.File), v.Lang)
		}
		ts = append(ts, j.out[k])
	}
	return writeTargets(ctx, ts, func(ws []io.Writer) error { return writeRowsMoses(ws, rows) })
}

// runPresplit aligns two files of one sentence per line. --langs names
// the two columns; the files need no language detection.
func runPresplit(ctx context.Context, e *env, o *alignOpts, args []string) error {
	langs, err := o.parseLangs()
	if err != nil {
		return err
	}
	srcs, err := o.sources(args, langs)
	if err != nil {
		return err
	}
	if len(srcs) != 2 {
		return usagef("--presplit wants two files, source and target; got %d", len(srcs))
	}
	if o.format != "ladder" && o.format != "tsv" {
		return usagef("--presplit writes ladder or tsv, not %s", o.format)
	}
	out, err := o.targets(e, langs, srcs)
	if err != nil {
		return err
	}
	var lines [2][]string
	for k, src := range srcs {
		name, data, err := readRaw(e, src, int64(o.maxInput))
		if err != nil {
			return err
		}
		dec, err := corpus.Decode(data, name, o.encoding)
		if err != nil {
			return inputError(err)
		}
		warn(e, name, dec.Warnings)
		text := strings.TrimSuffix(dec.Text, "\n")
		if text != "" {
			lines[k] = strings.Split(text, "\n")
		}
	}
	beads := align.AlignUnits(lines[0], lines[1], align.BeadOptions{})
	if err := ctx.Err(); err != nil {
		return errInterrupted
	}
	return writeOutput(ctx, e, out, func(w io.Writer) error {
		if o.format == "ladder" {
			return align.WriteLadder(w, beads)
		}
		t := corpus.NewTSVWriter(w)
		head := []string{"id", "src", "tgt", "score"}
		for k := range min(2, len(langs)) {
			head[k+1] = langs[k].String()
		}
		t.Write(head)
		for n, b := range beads {
			t.Write([]string{strconv.Itoa(n + 1), joinLines(lines[0], b.Src), joinLines(lines[1], b.Tgt), strconv.FormatFloat(b.Score, 'f', 4, 64)})
		}
		t.Flush()
		return t.Error()
	})
}

func joinLines(lines []string, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = lines[i]
	}
	return corpus.CellText(strings.Join(parts, " "))
}

// tableRecords returns the rows as a table: a header, id and one column
// per version's language, then one record per row, the cells' text.
func tableRecords(vers []align.Version, rows []align.Row) [][]string {
	head := []string{"id"}
	for _, v := range vers {
		head = append(head, v.Lang.String())
	}
	out := [][]string{head}
	for _, r := range rows {
		rec := []string{r.ID}
		for _, c := range r.Cells {
			rec = append(rec, c.Text())
		}
		out = append(out, rec)
	}
	return out
}

func writeRowsTSV(w io.Writer, vers []align.Version, rows []align.Row) error {
	t := corpus.NewTSVWriter(w)
	for _, rec := range tableRecords(vers, rows) {
		t.Write(rec)
	}
	t.Flush()
	return t.Error()
}

// pageTitle names an HTML page after the inputs.
func pageTitle(vers []align.Version) string {
	var files []string
	for _, v := range vers {
		if !slices.Contains(files, v.File) {
			files = append(files, v.File)
		}
	}
	return "paralign: " + strings.Join(files, ", ")
}
