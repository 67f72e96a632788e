package main

import (
	"encoding/csv"
	"encoding/xml"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
)

// utf8BOM is the byte-order mark that tells a spreadsheet a CSV file is
// UTF-8: without it LibreOffice and Excel guess a legacy code page and
// show Cyrillic as mojibake (issue 13).
const utf8BOM = "\ufeff"

// csvOptions are the choices of CSV output; the zero value writes no BOM
// and no formula guard.
type csvOptions struct {
	bom  bool // begin with the UTF-8 byte-order mark
	safe bool // prefix ' to a cell a spreadsheet would take for a formula
}

// addCSV adds the flags of CSV output.
func addCSV(fs *pflag.FlagSet, o *csvOptions) {
	fs.BoolVar(&o.bom, "bom", true, "with --format csv: begin with the UTF-8 byte-order mark, which spreadsheets need to read UTF-8 (--bom=false for pipelines)")
	fs.BoolVar(&o.safe, "csv-safe", false, "with --format csv: prefix ' to cells starting with = + - @ (a formula to a spreadsheet)")
}

// check refuses --csv-safe with another format than csv. (--bom is on
// by default, so it is not refused: it has no effect on other formats.)
func (o csvOptions) check(format string) error {
	if o.safe && format != "csv" {
		return usagef("--csv-safe wants --format csv")
	}
	return nil
}

// writeRowsCSV writes the rows of TSV as RFC 4180 CSV (encoding/csv,
// CRLF line ends): header id and one column per language, a cell's text
// as in TSV.
func writeRowsCSV(w io.Writer, vers []align.Version, rows []align.Row, opts csvOptions) error {
	return writeCSV(w, tableRecords(vers, rows), opts)
}

// writeCSV writes records as RFC 4180 CSV with CRLF line ends.
func writeCSV(w io.Writer, recs [][]string, opts csvOptions) error {
	if opts.bom {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	c := csv.NewWriter(w)
	c.UseCRLF = true
	for _, rec := range recs {
		if opts.safe {
			rec = slices.Clone(rec)
			for k, cell := range rec {
				rec[k] = spreadsheetSafe(cell)
			}
		}
		c.Write(rec)
	}
	c.Flush()
	return c.Error()
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (=HYPERLINK(…), +cmd|…, -2+3, @SUM(…)), and tab and
// carriage return, which some strip before looking: OWASP's list for CSV
// injection.
const formulaStarts = "=+-@\t\r"

// spreadsheetSafe prefixes a cell that a spreadsheet would take for a
// formula with an apostrophe, which spreadsheets show as text and do not
// display (OWASP's CSV injection advice). The cell's text changes: a row
// written this way is for people, not for round trips.
func spreadsheetSafe(cell string) string {
	if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// TMX 1.4b, the translation-memory exchange format: one translation unit
// per row that two or more languages have text in.
type tmxDoc struct {
	XMLName xml.Name  `xml:"tmx"`
	Version string    `xml:"version,attr"`
	Header  tmxHeader `xml:"header"`
	Units   []tmxUnit `xml:"body>tu"`
}

type tmxHeader struct {
	CreationTool        string `xml:"creationtool,attr"`
	CreationToolVersion string `xml:"creationtoolversion,attr"`
	SegType             string `xml:"segtype,attr"`
	OTMF                string `xml:"o-tmf,attr"`
	AdminLang           string `xml:"adminlang,attr"`
	SrcLang             string `xml:"srclang,attr"`
	DataType            string `xml:"datatype,attr"`
}

type tmxUnit struct {
	ID       string       `xml:"tuid,attr"`
	Variants []tmxVariant `xml:"tuv"`
}

type tmxVariant struct {
	Lang string `xml:"xml:lang,attr"`
	Seg  string `xml:"seg"`
}

// writeRowsTMX writes the rows with text in two or more languages as TMX
// translation units, tuid the row id, srclang the pivot's language, the
// segments' text as in TSV. Rows with text in one language only are not
// translation units; the lossless form is JSONL.
func writeRowsTMX(w io.Writer, vers []align.Version, rows []align.Row, unit align.Unit) error {
	seg := map[align.Unit]string{align.BySection: "block", align.ByParagraph: "paragraph", align.BySentence: "sentence"}[unit]
	doc := tmxDoc{Version: "1.4", Header: tmxHeader{
		CreationTool: "paralign", CreationToolVersion: "1", SegType: seg, OTMF: "paralign",
		AdminLang: "en", SrcLang: vers[align.PivotVersion(rows, len(vers))].Lang.String(), DataType: "plaintext",
	}}
	for _, r := range rows {
		u := tmxUnit{ID: r.ID}
		for v, c := range r.Cells {
			if !c.Empty() {
				u.Variants = append(u.Variants, tmxVariant{Lang: vers[v].Lang.String(), Seg: c.Text()})
			}
		}
		if len(u.Variants) >= 2 {
			doc.Units = append(doc.Units, u)
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeRowsMoses writes the plain-text bitext that Moses and most MT
// toolkits read: ws[v] gets one line per row that every version has text
// in, the text of version v's cell; line n of every file is the same row.
// Rows some language lacks are left out (JSONL keeps them).
func writeRowsMoses(ws []io.Writer, rows []align.Row) error {
	for _, r := range rows {
		all := true
		for _, c := range r.Cells {
			all = all && !c.Empty()
		}
		if !all {
			continue
		}
		for v, c := range r.Cells {
			if _, err := io.WriteString(ws[v], c.Text()+"\n"); err != nil {
				return err
			}
		}
	}
	return nil
}
