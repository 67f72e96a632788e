package main

import (
	"context"
	"io"
	"iter"
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
	csv      csvOptions
	dict     []string
	dicts    *dictSet
	pairOpts
}

var alignFormats = []string{"tsv", "jsonl", "csv", "xlsx", "tmx", "moses", "html", "ladder"}

var alignCommand = command{
	name: "align",
	summary: `Align the language versions and print one row per aligned unit: the id,
then one column per language (in --langs order) holding that unit's text.
An empty cell means the language has no such unit. --format jsonl is the
lossless form: every input paragraph, byte for byte, in exactly one row.
--format csv is TSV's table as RFC 4180 CSV (UTF-8 with a BOM, CRLF);
xlsx is the same table as a workbook, every cell text, the header frozen
(to a file: -o, or standard output when it is no terminal); tmx writes
TMX 1.4 translation units (rows with text in two or more languages;
--pair en,ru one pair, -o DIR one DIR/en-ru.tmx per pair; --locale
en=en-US for xml:lang); moses writes the plain bitext of MT toolkits, one
pair of files per language pair, -o PREFIX making PREFIX.en-ru.en and
PREFIX.en-ru.ru with one line per row both languages have (--pairs
pivot: the pivot with each other language; all: every two). --format
html writes one self-contained page with the versions side by side.

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
paralign align --by sentence --format moses -o corpus en.txt de.txt   # corpus.en-de.en, corpus.en-de.de
paralign align --by sentence --format tmx -o memory.tmx combined.txt
paralign align --by paragraph --format xlsx -o review.xlsx en.txt ru.txt
paralign align --by sentence --format tmx --pair en,ru --locale en=en-US,ru=ru-RU -o en-ru.tmx combined.txt
paralign align --by sentence --format tmx -o memories/ combined.txt   # memories/en-ru.tmx, en-es.tmx, …
paralign align --by sentence --langs en,es en.txt es.txt
paralign align --by sentence --presplit --format ladder --langs de,fr test.de test.fr`,
	flags: func(fs *pflag.FlagSet) any {
		o := &alignOpts{}
		fs.StringVar(&o.by, "by", "section", "unit: section, paragraph or sentence")
		fs.BoolVar(&o.presplit, "presplit", false, "with --by sentence: two files, one sentence per line, aligned as they are")
		fs.StringArrayVar(&o.dict, "dict", nil, "with --by paragraph or sentence: a bilingual dictionary whose word pairs are anchors, `FILE` (a word list or `paralign dict import` output) or auto (FreeDict, Debian's /usr/share/dictd); repeatable")
		addCSV(fs, &o.csv)
		addCommon(fs, &o.commonOpts, alignFormats)
		addPairs(fs, &o.pairOpts)
		addBatch(fs, &o.batchOpts)
		return o
	},
	run: runAlign,
}

func runAlign(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*alignOpts)
	if err := o.checkOutput(e, alignFormats, o.csv); err != nil {
		return err
	}
	unit, ok := align.ParseUnit(o.by)
	if !ok {
		return usagef("unknown --by %q: want section, paragraph or sentence", o.by)
	}
	if len(o.dict) > 0 && unit == align.BySection {
		return usagef("--dict wants --by paragraph or --by sentence")
	}
	var err error
	if o.dicts, err = loadDicts(e, o.dict); err != nil {
		return err
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
	langs, err := o.parseLangs()
	if err != nil {
		return err
	}
	choice, err := o.parsePairs(o.format, langs)
	if err != nil {
		return err
	}
	if o.format == "moses" && (o.output == "" || o.output == "-") {
		return usagef("--format moses writes one pair of files per language pair: name their prefix with -o PREFIX")
	}
	if o.format == "moses" || (o.format == "tmx" && namesDir(o.output)) {
		b, err := o.plan(args)
		if err != nil {
			return err
		}
		switch {
		case b == nil:
			return o.runPairs(ctx, e, unit, choice, args)
		case o.format == "moses":
			return usagef("--format moses is for one document; several documents: --format tsv or jsonl with -o DIR")
		case o.pairs != "":
			return usagef("one TMX per pair is for one document; several documents: --pair SRC,TGT and -o DIR, one TMX per document")
		}
	} else if o.pairs != "" {
		return usagef("--pairs with --format tmx wants -o DIR (one TMX per pair); one pair to a file: --pair SRC,TGT")
	}
	o.limitMemory = unit == align.BySection
	return o.run(ctx, e, args, func(ctx context.Context, j *job, vers []align.Version) (docOutput, error) {
		sections, rows := align.AlignVersions(vers, unit, o.refineOptions())
		stats := coverageStats(align.Coverage(sections, versionLangs(vers), align.CoverageOptions{}))
		if err := ctx.Err(); err != nil {
			return docOutput{}, errInterrupted
		}
		var spec tmxSpec
		if o.format == "tmx" {
			s, err := choice.tmxSpec(vers, rows, unit)
			if err != nil {
				return docOutput{}, err
			}
			spec = s
		}
		return docOutput{stats: stats, write: func(w io.Writer) error {
			switch o.format {
			case "jsonl":
				return align.WriteJSONL(w, vers, rows, unit != align.BySection)
			case "csv":
				return writeRowsCSV(w, vers, rows, o.csv)
			case "xlsx":
				return writeXLSX(w, []xlsxSheet{{name: "aligned", recs: tableRecords(vers, rows)}})
			case "tmx":
				return writeRowsTMX(w, vers, rows, spec)
			case "html":
				return view.WritePage(w, view.Page{Title: pageTitle(vers), Langs: versionLangs(vers), Rows: rows})
			}
			return writeRowsTSV(w, vers, rows)
		}}, nil
	})
}

// refineOptions are the options of the alignment inside the sections.
func (o *alignOpts) refineOptions() align.RefineOptions {
	return align.RefineOptions{Dict: o.dicts.forPair}
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
	// Most of the heap here is the bead search's tables, freed chunk by
	// chunk, and a lower target costs time: on 100k lines heapGrowth took
	// 3% longer (3.0 to 3.1 s) for 13% less memory (222 to 193 MiB).
	setGC(100)
	var (
		lines [2][]string
		decs  [2]corpus.Decoded
		names [2]string
	)
	err = readEach(len(srcs), func(k int) error {
		name, data, err := readRaw(e, srcs[k], int64(o.maxInput))
		if err != nil {
			return err
		}
		names[k] = name
		if decs[k], err = corpus.Decode(data, name, o.encoding); err != nil {
			return inputError(err)
		}
		if text := strings.TrimSuffix(decs[k].Text, "\n"); text != "" {
			lines[k] = strings.Split(text, "\n")
		}
		return nil
	}, func(k int) { warn(e, names[k], decs[k].Warnings) })
	if err != nil {
		return err
	}
	var bo align.BeadOptions
	if len(langs) >= 2 {
		bo.Dict = o.dicts.forPair(langs[0], langs[1])
	}
	beads := align.AlignUnits(lines[0], lines[1], bo)
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
	return slices.Collect(tableRows(vers, rows))
}

// tableRows yields the records of tableRecords one at a time, each cell's
// text made when its row comes: a writer that streams holds one row's
// text, not the whole table's (as much as the input).
func tableRows(vers []align.Version, rows []align.Row) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		if !yield(tableHead(vers)) {
			return
		}
		for _, r := range rows {
			rec := []string{r.ID}
			for _, c := range r.Cells {
				rec = append(rec, c.Text())
			}
			if !yield(rec) {
				return
			}
		}
	}
}

// tableHead is the header of tableRecords: id, then each version's language.
func tableHead(vers []align.Version) []string {
	head := []string{"id"}
	for _, v := range vers {
		head = append(head, v.Lang.String())
	}
	return head
}

// writeRowsTSV writes the table of tableRecords, each cell from its
// paragraphs (corpus.TSVWriter.WriteJoined): a cell as long as the input
// is never made whole.
func writeRowsTSV(w io.Writer, vers []align.Version, rows []align.Row) error {
	t := corpus.NewTSVWriter(w)
	t.Write(tableHead(vers))
	rec := make([][]string, 0, 1+len(vers))
	for _, r := range rows {
		rec = append(rec[:0], []string{r.ID})
		for _, c := range r.Cells {
			rec = append(rec, c.Parts())
		}
		t.WriteJoined(rec)
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
