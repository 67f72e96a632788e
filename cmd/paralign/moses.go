package main

import (
	"io"

	"github.com/paralign/paralign/align"
)

// writeRowsMoses writes the plain-text bitext of one language pair that
// Moses and most MT toolkits read: wa gets version a's text of every row
// both versions a and b have text in, wb version b's, so line n of both
// files is the same row. A row another language lacks is kept; a row a
// or b lacks is in no line (JSONL keeps it).
func writeRowsMoses(wa, wb io.Writer, rows []align.Row, a, b int) error {
	for _, r := range rows {
		ca, cb := r.Cells[a], r.Cells[b]
		if ca.Empty() || cb.Empty() {
			continue
		}
		if _, err := io.WriteString(wa, ca.Text()+"\n"); err != nil {
			return err
		}
		if _, err := io.WriteString(wb, cb.Text()+"\n"); err != nil {
			return err
		}
	}
	return nil
}
