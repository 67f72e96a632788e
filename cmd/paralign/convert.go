package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"github.com/xuri/excelize/v2"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/view"
)

type convertOpts struct {
	commonOpts
	by  string
	csv csvOptions
}

var convertFormats = []string{"tsv", "jsonl", "csv", "xlsx", "tmx", "moses", "html"}

var convertCommand = command{
	name: "convert",
	args: "FILE",
	summary: `Read one table that align wrote (TSV, CSV, xlsx or JSONL), edited by hand
or not (rows moved, cells changed), and write it in --format. The table is
the truth: nothing is detected or aligned again. Its format is told by its
content: a zip archive is xlsx (its first sheet), a first line starting
with { is JSONL, a header holding a tab is TSV, any other CSV (a UTF-8 BOM
is allowed). The header must be id and one language code per column. A
malformed table is reported at its line (FILE:LINE) or, in xlsx, at its
cell (FILE: sheet!B7), exit 1. TSV is read as paralign writes it, without
quoting; a table saved from a spreadsheet is best saved as xlsx or CSV.`,
	example: `paralign convert --format xlsx -o review.xlsx aligned.tsv
paralign convert --format tmx -o memory.tmx review.xlsx      # after correcting the rows by hand
paralign convert --format moses -o corpus review.xlsx        # corpus.en-de.en, corpus.en-de.de
paralign convert --format jsonl edited.csv > edited.jsonl`,
	flags: func(fs *pflag.FlagSet) any {
		o := &convertOpts{}
		fs.StringVar(&o.format, "format", convertFormats[0], "output format: "+strings.Join(convertFormats, ", "))
		fs.StringVarP(&o.output, "output", "o", "", "write to `PATH` (atomically: replaced only when the run succeeds; never the input); default standard output")
		fs.BoolVar(&o.force, "force", false, "with -o: replace a read-only file")
		fs.StringVar(&o.by, "by", "", "what the rows are, for TMX's segtype: section, paragraph or sentence; default: paragraph when ids hold a slash (3/2), else section")
		addCSV(fs, &o.csv)
		o.maxInput = defaultMaxInput
		fs.Var(&o.maxInput, "max-input", "refuse an input larger than `SIZE` (units K, M, G, T: powers of 1024); 0: any size")
		return o
	},
	run: runConvert,
}

func runConvert(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*convertOpts)
	if err := o.checkOutput(e, convertFormats, o.csv); err != nil {
		return err
	}
	if o.format == "moses" && (o.output == "" || o.output == "-") {
		return usagef("--format moses writes one file per language: name their prefix with -o PREFIX")
	}
	if len(args) != 1 {
		return usagef("convert reads one table; got %d files", len(args))
	}
	unit, ok := align.ParseUnit(o.by)
	if o.by != "" && !ok {
		return usagef("unknown --by %q: want section, paragraph or sentence", o.by)
	}
	src := source{path: args[0]}
	name, data, err := readRaw(e, src, int64(o.maxInput))
	if err != nil {
		return err
	}
	tab, err := readTable(name, data)
	if err != nil {
		return err
	}
	if o.by == "" && slices.ContainsFunc(tab.rows, func(r align.Row) bool { return strings.Contains(r.ID, "/") }) {
		unit = align.ByParagraph
	}
	// -o is checked once the table is read, as moses names its files by
	// the table's languages; reading a table is quick and leaves nothing
	if o.format == "moses" {
		o.split = pairPrefix
	}
	ts, err := o.targets(e, versionLangs(tab.vers), []source{src})
	if err != nil {
		return err
	}
	if o.format == "moses" {
		// one bitext per pair of the pivot with each other language,
		// as align writes them by default
		pairs, err := pairChoice{}.choose(tab.vers, tab.rows)
		if err != nil {
			return err
		}
		return writePairs(ctx, o.output, o.split, ts, tab.vers, tab.rows, pairs, tmxSpec{unit: unit})
	}
	return writeOutput(ctx, e, ts, func(w io.Writer) error {
		return tab.write(w, o.format, unit, o.csv)
	})
}

// table is a parallel table as align writes it: one version per
// language column, the rows in their order.
type table struct {
	vers []align.Version
	rows []align.Row
	// scored: the rows carry the aligner's scores (JSONL of --by
	// paragraph or sentence), written again in JSONL.
	scored bool
}

// write writes the table in format, as align would have.
func (t *table) write(w io.Writer, format string, unit align.Unit, csvOpts csvOptions) error {
	switch format {
	case "jsonl":
		return align.WriteJSONL(w, t.vers, t.rows, t.scored)
	case "csv":
		return writeRowsCSV(w, t.vers, t.rows, csvOpts)
	case "xlsx":
		return writeXLSX(w, []xlsxSheet{{name: "aligned", recs: tableRecords(t.vers, t.rows)}})
	case "tmx":
		spec, err := pairChoice{}.tmxSpec(t.vers, t.rows, unit)
		if err != nil {
			return err
		}
		return writeRowsTMX(w, t.vers, t.rows, spec)
	case "html":
		return view.WritePage(w, view.Page{Title: pageTitle(t.vers), Langs: versionLangs(t.vers), Rows: t.rows})
	}
	return writeRowsTSV(w, t.vers, t.rows)
}

// zipMagic starts every zip archive, an xlsx workbook among them.
const zipMagic = "PK\x03\x04"

// readTable reads a table in any of the formats align writes, told
// apart by content (see convert's summary).
func readTable(name string, data []byte) (*table, error) {
	if strings.HasPrefix(string(data[:min(len(data), len(zipMagic))]), zipMagic) {
		recs, err := readXLSX(name, data)
		if err != nil {
			return nil, err
		}
		return recs.table()
	}
	text := strings.TrimPrefix(string(data), utf8BOM) // allowed in every text format
	if strings.HasPrefix(strings.TrimLeft(text, " \t\r\n"), "{") {
		return readJSONLTable(name, text)
	}
	first, _, _ := strings.Cut(text, "\n")
	var recs *records
	var err error
	if strings.Contains(first, "\t") {
		recs = readTSV(name, text)
	} else if recs, err = readCSV(name, text); err != nil {
		return nil, err
	}
	return recs.table()
}

// records are the cells of a table as read, before they are checked,
// with where each record came from for messages.
type records struct {
	name  string
	recs  [][]string
	lines []int  // the 1-based line (xlsx: sheet row) record k starts on
	sheet string // xlsx: the sheet read; "" for text formats
}

// errAt returns the error for record r at column c (0-based; -1: the
// record as a whole): FILE:LINE: column C (LANG): msg for text, FILE:
// SHEET!CELL: msg for xlsx.
func (rs *records) errAt(r, c int, msg string) error {
	col := ""
	if c >= 0 && len(rs.recs) > 0 && c < len(rs.recs[0]) && r > 0 {
		col = fmt.Sprintf(" (%s)", rs.recs[0][c])
	}
	if rs.sheet != "" {
		ref, _ := excelize.CoordinatesToCellName(max(c, 0)+1, rs.lines[r])
		return &corpus.ParseError{File: rs.name, Err: fmt.Errorf("%s!%s%s: %s", rs.sheet, ref, col, msg)}
	}
	if c >= 0 {
		msg = fmt.Sprintf("column %d%s: %s", c+1, col, msg)
	}
	return &corpus.ParseError{File: rs.name, Line: rs.lines[r], Err: errors.New(msg)}
}

// table checks the records (a header id and language codes, then rows of
// as many cells with an id) and makes the table: each cell one paragraph
// in its column's language, placed at the record's line.
func (rs *records) table() (*table, error) {
	if len(rs.recs) == 0 {
		return nil, &corpus.ParseError{File: rs.name, Err: errors.New("empty: no header")}
	}
	head := rs.recs[0]
	switch id := strings.TrimSpace(head[0]); {
	case id == "doc":
		return nil, rs.errAt(0, 0, `a table of several documents (a "doc" column first): convert one document's table`)
	case id != "id":
		return nil, rs.errAt(0, 0, fmt.Sprintf(`header %q, want "id": not a table that align wrote`, head[0]))
	case len(head) < 2:
		return nil, rs.errAt(0, -1, "the header has no language column")
	}
	t := &table{}
	for c, code := range head[1:] {
		l, ok := knownLang(strings.TrimSpace(code))
		if !ok {
			return nil, rs.errAt(0, c+1, fmt.Sprintf("header %q is no language code %s", code, langCodeHint))
		}
		if slices.Contains(versionLangs(t.vers), l) {
			return nil, rs.errAt(0, c+1, fmt.Sprintf("language %s has two columns", l))
		}
		t.vers = append(t.vers, align.Version{Lang: l, File: rs.name})
	}
	for r, rec := range rs.recs[1:] {
		r++
		if len(rec) > len(head) {
			return nil, rs.errAt(r, len(head), fmt.Sprintf("%d cells, more than the header's %d", len(rec), len(head)))
		}
		if len(rec) < len(head) {
			return nil, rs.errAt(r, -1, fmt.Sprintf("%d cells, fewer than the header's %d", len(rec), len(head)))
		}
		id := corpus.CellText(rec[0])
		if id == "" {
			return nil, rs.errAt(r, 0, "empty id")
		}
		row := align.Row{ID: id, Kind: kindOf(id), Cells: make([]align.Cell, len(t.vers))}
		for v, cell := range rec[1:] {
			if text := corpus.CellText(cell); text != "" {
				// the column says the language: certain
				p := corpus.Paragraph{File: rs.name, Start: rs.lines[r], End: rs.lines[r], Text: text, Label: corpus.Label{Lang: t.vers[v].Lang, Conf: 1}}
				row.Cells[v] = align.Cell{Paras: []corpus.Paragraph{p}}
			}
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

// kindOf tells a row's kind from its id as align makes them: title,
// preamble, ID+N for an unnumbered block, else a numbered section; the
// part before a slash (3/2) is the section's id.
func kindOf(id string) align.SectionKind {
	sec, _, _ := strings.Cut(id, "/")
	switch {
	case sec == "title":
		return align.Title
	case sec == "preamble":
		return align.Preamble
	case strings.Contains(sec, "+"):
		return align.Unnumbered
	}
	return align.Numbered
}

// readTSV splits TSV as paralign writes it: LF (or CRLF) line ends, a
// tab between cells, no quoting. Blank lines are passed over.
func readTSV(name, text string) *records {
	rs := &records{name: name}
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			continue
		}
		rs.recs = append(rs.recs, strings.Split(line, "\t"))
		rs.lines = append(rs.lines, n)
	}
	return rs
}

// splitTSV splits TSV output into records.
func splitTSV(text string) [][]string { return readTSV("", text).recs }

// readCSV reads RFC 4180 CSV (encoding/csv: LF or CRLF, quoted cells
// may hold newlines). Blank lines are passed over.
func readCSV(name, text string) (*records, error) {
	rs := &records{name: name}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1 // table checks the counts, naming the row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rs, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &corpus.ParseError{File: name, Line: pe.Line, Err: fmt.Errorf("column %d: %w", pe.Column, pe.Err)}
		}
		if err != nil {
			return nil, &corpus.ParseError{File: name, Err: err}
		}
		line, _ := cr.FieldPos(0)
		rs.recs = append(rs.recs, rec)
		rs.lines = append(rs.lines, line)
	}
}

// jsonRowIn is a row of align.WriteJSONL as read: a missing field is zero.
type jsonRowIn struct {
	ID    string          `json:"id"`
	Kind  string          `json:"kind"`
	Score *float64        `json:"score"`
	Cells json.RawMessage `json:"cells"`
}

// readJSONLTable reads align's JSONL: one row object a line, its cells
// keyed by language in column order. A cell's paragraphs are kept (file,
// lines, language, confidence); its text must be theirs joined, as align
// writes it: the text is made from them. A cell with text and no
// paragraphs is one paragraph. The columns are the languages in the
// order the rows give them.
func readJSONLTable(name, text string) (*table, error) {
	t := &table{}
	var langs []corpus.Lang
	type cellIn struct {
		lang corpus.Lang
		cell align.Cell
	}
	var rows [][]cellIn
	n := 0
	for line := range strings.Lines(text) {
		n++
		if strings.TrimSpace(line) == "" {
			continue
		}
		bad := func(format string, args ...any) error {
			return &corpus.ParseError{File: name, Line: n, Err: fmt.Errorf(format, args...)}
		}
		var jr jsonRowIn
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&jr); err != nil {
			return nil, bad("not a row of align --format jsonl: %v", err)
		}
		if jr.ID == "" || jr.Cells == nil {
			return nil, bad(`not a row of align --format jsonl: no "id" or no "cells"`)
		}
		row := align.Row{ID: jr.ID, Kind: kindOf(jr.ID)}
		if jr.Kind != "" {
			if err := row.Kind.UnmarshalText([]byte(jr.Kind)); err != nil {
				return nil, bad("%v", err)
			}
		}
		if jr.Score != nil {
			t.scored, row.Score = true, *jr.Score
		}
		codes, cells, err := decodeCells(jr.Cells)
		if err != nil {
			return nil, bad("cells: %v", err)
		}
		var ins []cellIn
		prev := -1 // the column of the row's previous language
		for k, code := range codes {
			l, ok := knownLang(code)
			if !ok {
				return nil, bad("cells: %q is no language code %s", code, langCodeHint)
			}
			c, err := cells[k].cell(l)
			if err != nil {
				return nil, bad("cell %s: %v", code, err)
			}
			// a language first met is placed after the row's previous one
			if at := slices.Index(langs, l); at >= 0 {
				prev = at
			} else {
				prev++
				langs = slices.Insert(langs, prev, l)
			}
			ins = append(ins, cellIn{l, c})
		}
		t.rows = append(t.rows, row)
		rows = append(rows, ins)
	}
	if len(t.rows) == 0 {
		return nil, &corpus.ParseError{File: name, Err: errors.New("empty: no rows")}
	}
	for _, l := range langs {
		t.vers = append(t.vers, align.Version{Lang: l, File: name})
	}
	for k := range t.rows {
		t.rows[k].Cells = make([]align.Cell, len(langs))
		for _, in := range rows[k] {
			t.rows[k].Cells[slices.Index(langs, in.lang)] = in.cell
		}
	}
	return t, nil
}

// decodeCells reads the cells object, keeping its keys' order.
func decodeCells(raw json.RawMessage) ([]string, []jsonCellIn, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, errors.New("not an object")
	}
	var codes []string
	var cells []jsonCellIn
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		code, _ := tok.(string)
		if slices.Contains(codes, code) {
			return nil, nil, fmt.Errorf("language %q twice", code)
		}
		var c jsonCellIn
		if err := dec.Decode(&c); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", code, err)
		}
		codes = append(codes, code)
		cells = append(cells, c)
	}
	return codes, cells, nil
}

// jsonCellIn is jsonCell as read.
type jsonCellIn struct {
	Text       string                `json:"text"`
	Paragraphs []align.JSONParagraph `json:"paragraphs"`
}

// cell makes the cell of language l: its paragraphs, or one paragraph
// of its text when it lists none.
func (jc jsonCellIn) cell(l corpus.Lang) (align.Cell, error) {
	if len(jc.Paragraphs) == 0 {
		if corpus.CellText(jc.Text) == "" {
			return align.Cell{}, nil
		}
		p := corpus.Paragraph{Text: jc.Text, Label: corpus.Label{Lang: l, Conf: 1}}
		return align.Cell{Paras: []corpus.Paragraph{p}}, nil
	}
	var c align.Cell
	for _, jp := range jc.Paragraphs {
		c.Paras = append(c.Paras, corpus.Paragraph{File: jp.File, Start: jp.Start, End: jp.End, Text: jp.Text, Label: corpus.Label{Lang: jp.Lang, Conf: jp.Conf}})
	}
	if got := c.Text(); got != corpus.CellText(jc.Text) {
		return align.Cell{}, fmt.Errorf("its text is not its paragraphs' (%.40q…): edit the paragraphs' text, or drop \"paragraphs\" to take the text", got)
	}
	return c, nil
}
