package main

import (
	"encoding/csv"
	"io"
	"iter"
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
	return writeCSV(w, tableRows(vers, rows), opts)
}

// writeCSV writes records as RFC 4180 CSV with CRLF line ends.
func writeCSV(w io.Writer, recs iter.Seq[[]string], opts csvOptions) error {
	if opts.bom {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	c := csv.NewWriter(w)
	c.UseCRLF = true
	for rec := range recs {
		if opts.safe { // rec is the writer's own: tableRows makes each anew
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
