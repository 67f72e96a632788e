package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrUnsupported is wrapped by the error for an input whose format
// paralign recognises but does not read (PDF, spreadsheets, slides, e-books).
var ErrUnsupported = errors.New("format not supported")

// SniffDocument recognises a document format by content and name: HTML
// (a doctype or <html> tag at the start, a BOM allowed, or a .html/.htm
// name), Word and OpenDocument text by their zip entries. It returns
// AutoFormat for anything else (text and Markdown are told apart later by
// SniffFormat), and a *ParseError wrapping ErrUnsupported naming the format
// and what to convert it with for PDF and other office zips.
func SniffDocument(data []byte, name string) (Format, error) {
	lower := strings.ToLower(name)
	if bytes.HasPrefix(data, []byte("%PDF-")) || strings.HasSuffix(lower, ".pdf") {
		return AutoFormat, &ParseError{File: name, Err: unsupported("PDF is not read yet; convert it to text first (pdftotext -layout, or save as .docx or .html)")}
	}
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
		// OLE compound file: Word 97–2003, or an Office file saved with a
		// password (its encrypted package lives in such a container)
		return AutoFormat, &ParseError{File: name, Err: unsupported("an old Word .doc or a password-protected Office file is not read; save it as .docx without a password")}
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || strings.HasSuffix(lower, ".docx") || strings.HasSuffix(lower, ".odt") {
		return sniffZip(data, name)
	}
	if isHTML(data) || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") || strings.HasSuffix(lower, ".xhtml") {
		return HTML, nil
	}
	return AutoFormat, nil
}

func unsupported(msg string) error {
	return &wrapped{msg: msg, err: ErrUnsupported}
}

type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }

// isHTML reports whether data starts (after a BOM and white space) with a
// doctype, an <html> tag or an HTML comment before one.
func isHTML(data []byte) bool {
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	l := bytes.ToLower(head)
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html"))
}

// sniffZip tells the office formats apart by their entries.
func sniffZip(data []byte, name string) (Format, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return AutoFormat, &ParseError{File: name, Err: fmt.Errorf("not a valid zip archive (a damaged .docx or .odt?): %w", err)}
	}
	has := map[string]bool{}
	mimetype := ""
	for _, f := range zr.File {
		has[f.Name] = true
		if f.Name == "mimetype" && f.UncompressedSize64 < 200 {
			if rc, err := f.Open(); err == nil {
				b := make([]byte, 200)
				n, _ := io.ReadFull(rc, b)
				rc.Close()
				mimetype = strings.TrimSpace(string(b[:n]))
			}
		}
	}
	switch {
	case has["word/document.xml"]:
		return DOCX, nil
	case mimetype == "application/vnd.oasis.opendocument.text":
		return ODT, nil
	case has["xl/workbook.xml"] || strings.HasPrefix(mimetype, "application/vnd.oasis.opendocument.spreadsheet"):
		return AutoFormat, &ParseError{File: name, Err: unsupported("a spreadsheet is not read; save the text as .docx, .odt, .html or .txt")}
	case has["ppt/presentation.xml"] || strings.HasPrefix(mimetype, "application/vnd.oasis.opendocument.presentation"):
		return AutoFormat, &ParseError{File: name, Err: unsupported("a presentation is not read; save the text as .docx, .odt, .html or .txt")}
	case mimetype == "application/epub+zip":
		return AutoFormat, &ParseError{File: name, Err: unsupported("an EPUB e-book is not read yet; convert it to HTML or text (pandoc -t html)")}
	}
	return AutoFormat, &ParseError{File: name, Err: unsupported("a zip archive that is no Word or OpenDocument text; unpack it and give its files")}
}
