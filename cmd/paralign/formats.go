package main

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/paralign/paralign/align"
)

// writeRowsCSV writes the rows of TSV as RFC 4180 CSV (encoding/csv):
// header id and one column per language, a cell's text as in TSV.
func writeRowsCSV(w io.Writer, vers []align.Version, rows []align.Row, safe bool) error {
	c := csv.NewWriter(w)
	recs := tableRecords(vers, rows)
	if safe {
		for _, rec := range recs {
			for k, cell := range rec {
				rec[k] = spreadsheetSafe(cell)
			}
		}
	}
	c.WriteAll(recs)
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
