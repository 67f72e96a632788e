package corpus

import (
	"bufio"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CellText returns text as one TSV cell: NFC, every run of white space
// (tabs, newlines, NO-BREAK SPACE and the other Unicode spaces) collapsed
// to one space, stray byte-order marks (U+FEFF) and other format
// characters that hide white space dropped, trimmed. The result never holds
// a tab or a newline.
func CellText(text string) string {
	if isCell(text) {
		return text
	}
	return cellText(text)
}

// isCell reports whether CellText would return text as it is: single
// spaces between other characters, none it drops, NFC. Most paragraphs
// of one line are, and are written without a copy.
func isCell(text string) bool {
	space := true // a leading space is collapsed
	for _, r := range text {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
			continue
		case cellSpace(r) || r == utf8.RuneError:
			return false // invalid UTF-8 among them: written as U+FFFD
		}
		space = false
	}
	return !space && norm.NFC.IsNormalString(text)
}

func cellText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		switch {
		case r == '\ufeff' || r == '\u200b':
			continue
		case cellSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	// NFC last: a dropped U+200B may have kept a letter from the
	// combining mark after it.
	return norm.NFC.String(b.String())
}

// cellSpace reports whether CellText writes r as white space: a space
// character, a control character or DEL.
func cellSpace(r rune) bool {
	return isSpace(r) || r < ' ' || r == 0x7f || r == 0x85
}

// TSVWriter writes tab-separated rows without quoting, as CONTRACT.md
// specifies: UTF-8, LF line ends, cells passed through CellText so that no
// cell holds a tab or newline. It mirrors csv.Writer: rows are buffered
// until Flush, and the first error is kept.
type TSVWriter struct {
	w   *bufio.Writer
	err error
}

// NewTSVWriter returns a TSVWriter writing to w.
func NewTSVWriter(w io.Writer) *TSVWriter {
	return &TSVWriter{w: bufio.NewWriter(w)}
}

// Write writes one row. Each cell is cleaned with CellText.
func (t *TSVWriter) Write(row []string) error {
	if t.err != nil {
		return t.err
	}
	for i, c := range row {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		t.w.WriteString(CellText(c))
	}
	_, t.err = t.w.WriteString("\n")
	return t.err
}

// WriteJoined writes one row whose cell i is the parts row[i] joined by a
// space, as Write would write strings.Join(row[i], " "), without making
// that string (see JoinedCell). A cell of a whole long document (a
// version with no section numbers) then costs the memory of its largest
// part, not two copies of the document.
func (t *TSVWriter) WriteJoined(row [][]string) error {
	if t.err != nil {
		return t.err
	}
	for i, parts := range row {
		if i > 0 {
			t.w.WriteByte('\t')
		}
		for piece := range JoinedCell(parts) {
			t.w.WriteString(piece)
		}
	}
	_, t.err = t.w.WriteString("\n")
	return t.err
}

// JoinedCell yields CellText(strings.Join(parts, " ")) in pieces, without
// making it: each part cleaned alone, a single space between those that
// are not empty. CellText collapses the joining space with any white space
// around it and drops empty parts, and NFC cannot join characters across
// a space, so the pieces are the whole cell's text.
func JoinedCell(parts []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		wrote := false
		for _, p := range parts {
			c := CellText(p)
			if c == "" {
				continue
			}
			if wrote && !yield(" ") {
				return
			}
			if !yield(c) {
				return
			}
			wrote = true
		}
	}
}

// Flush writes any buffered rows to the underlying writer.
func (t *TSVWriter) Flush() {
	if t.err == nil {
		t.err = t.w.Flush()
	}
}

// Error returns the first error met by Write or Flush.
func (t *TSVWriter) Error() error { return t.err }
