package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/paralign/paralign/corpus"
)

// xlsxTextFormat is the built-in number format "@", Text: a spreadsheet
// keeps what is typed into such a cell as text, so an id edited to 2/1
// does not become a date.
const xlsxTextFormat = 49

// Column widths of an xlsx sheet, in characters of the default font.
const (
	// minColWidth fits a short header (id, en) with room to click.
	minColWidth = 6
	// maxColWidth is about the length of a line people read comfortably;
	// longer cells wrap within it.
	maxColWidth = 60
	// colPadding is added to the longest cell so that it does not touch
	// the cell border.
	colPadding = 2
)

// xlsxSheet is one sheet of a workbook: its name and its records, the
// first of them the header.
type xlsxSheet struct {
	name string
	recs [][]string
}

// checkOutput validates --format against formats and what depends on
// it: --csv-safe wants csv, and xlsx, a zip archive, is not written to a
// terminal, which it would fill with binary (standard output redirected
// to a file or a pipe is written to).
func (o *commonOpts) checkOutput(e *env, formats []string, csv csvOptions) error {
	if err := o.checkFormat(formats); err != nil {
		return err
	}
	if err := csv.check(o.format); err != nil {
		return err
	}
	if o.format == "xlsx" && (o.output == "" || o.output == "-") && isTerminal(e.stdout) {
		return usagef("--format xlsx writes a binary file: name it with -o FILE.xlsx or redirect standard output")
	}
	return nil
}

// writeXLSX writes the sheets as one workbook (Office Open XML, what
// Excel and LibreOffice open): the header row bold and frozen, every
// cell a text cell in a text-formatted column (ids never become dates or
// numbers; no cell is a formula), text wrapped in columns as wide as
// their longest cell up to maxColWidth. A cell longer than a spreadsheet
// holds is an error naming it, never cut short.
func writeXLSX(w io.Writer, sheets []xlsxSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "paralign"}); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{
		NumFmt:    xlsxTextFormat,
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{
		NumFmt:    xlsxTextFormat,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	if err != nil {
		return err
	}
	for k, s := range sheets {
		if k == 0 {
			err = f.SetSheetName(f.GetSheetName(0), s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, s, head, body); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// writeSheet streams one sheet's records into f.
func writeSheet(f *excelize.File, s xlsxSheet, head, body int) error {
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	widths := colWidths(s.recs)
	for c, width := range widths {
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
	}
	if len(widths) > 0 {
		if err := sw.SetColStyle(1, len(widths), body); err != nil {
			return err
		}
	}
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}
	for r, rec := range s.recs {
		style := body
		if r == 0 {
			style = head
		}
		row := make([]any, len(rec))
		for c, cell := range rec {
			if n := utf16Len(cell); n > excelize.TotalCellChars {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				return fmt.Errorf("xlsx: %s!%s (row %s, %s): %d characters, more than the %d a spreadsheet cell holds; --by paragraph or sentence makes shorter cells, --format jsonl keeps any length", s.name, ref, rec[0], s.recs[0][c], n, excelize.TotalCellChars)
			}
			if cell != "" {
				row[c] = excelize.Cell{StyleID: style, Value: cell}
			}
		}
		ref, err := excelize.CoordinatesToCellName(1, r+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// colWidths returns the width of each column: its longest cell in runes
// plus colPadding, within minColWidth and maxColWidth.
func colWidths(recs [][]string) []float64 {
	var widths []float64
	for _, rec := range recs {
		for c, cell := range rec {
			if c == len(widths) {
				widths = append(widths, minColWidth)
			}
			w := float64(min(utf8.RuneCountInString(cell)+colPadding, maxColWidth))
			widths[c] = max(widths[c], w)
		}
	}
	return widths
}

// utf16Len is the length of s in UTF-16 code units, the unit of a
// spreadsheet's cell limit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// maxXLSXUnzipped bounds what reading a workbook may unpack, in bytes: a
// table of the largest inputs (--max-input's default) is a small part of
// it, and a zip bomb stops there instead of filling memory.
const maxXLSXUnzipped = 1 << 30

// readXLSX reads the first sheet of a workbook as records, the cells'
// text as the spreadsheet shows it. Rows with no text are passed over; a
// row's missing cells at its end are empty.
func readXLSX(name string, data []byte) (*records, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxXLSXUnzipped})
	if err != nil {
		return nil, &corpus.ParseError{File: name, Err: fmt.Errorf("not an xlsx workbook: %w", err)}
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, &corpus.ParseError{File: name, Err: fmt.Errorf("%s: %w", sheet, err)}
	}
	rs := &records{name: name, sheet: sheet}
	width := 0
	for k, row := range rows {
		if !slices.ContainsFunc(row, func(c string) bool { return c != "" }) {
			continue
		}
		if width == 0 {
			width = len(row) // the header's
		}
		for len(row) < width {
			row = append(row, "")
		}
		rs.recs = append(rs.recs, row)
		rs.lines = append(rs.lines, k+1)
	}
	return rs, nil
}
