package corpus

import (
	"io"
	"strings"
)

// ReadOptions controls Read. The zero value detects the encoding and the
// markup.
type ReadOptions struct {
	Encoding string // "" detects; otherwise an encoding name Decode accepts
	Format   Format // AutoFormat (zero) sniffs the markup
}

// Document is one input file, decoded and cut into paragraphs.
type Document struct {
	File       string
	Encoding   string // the encoding used, as Decoded.Encoding
	Format     Format // the markup used
	Paragraphs []Paragraph
	// Warnings are Decoded.Warnings: what reading repaired (a cut last
	// character), one sentence each without the file name.
	Warnings []string
}

// Read reads a whole input, decodes it and splits it into paragraphs.
// name is used in paragraphs and errors. An input without any non-blank
// line is a *ParseError wrapping ErrEmpty; undecodable or binary input
// is a *ParseError from Decode.
func Read(r io.Reader, name string, opts ReadOptions) (*Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return ReadOwned(data, name, opts)
}

// ReadBytes is Read on an input already in memory. It does not keep data.
func ReadBytes(data []byte, name string, opts ReadOptions) (*Document, error) {
	return readBytes(data, name, opts, false)
}

// ReadOwned is ReadBytes on data that the caller gives up: the paragraphs'
// text may be made in data's memory instead of a copy of it (UTF-8 text;
// CRLF line ends are rewritten in place), so ReadOwned may change data,
// and data must not be changed afterwards. On a long input this halves
// the memory that reading takes at its peak. Data with much spare capacity
// (a buffer grown as it was read) is copied all the same, which frees the
// larger array, and so is text cut in the middle of its last character.
func ReadOwned(data []byte, name string, opts ReadOptions) (*Document, error) {
	return readBytes(data, name, opts, cap(data)-len(data) <= len(data)/8)
}

func readBytes(data []byte, name string, opts ReadOptions, keep bool) (*Document, error) {
	format := opts.Format
	if format == AutoFormat {
		f, err := SniffDocument(data, name)
		if err != nil {
			return nil, err
		}
		format = f
	}
	var read func([]byte, string) ([]Paragraph, error)
	switch format {
	case HTML:
		read = func(data []byte, name string) ([]Paragraph, error) { return ReadHTML(data, name, opts.Encoding) }
	case DOCX:
		read = ReadDOCX
	case ODT:
		read = ReadODT
	}
	if read != nil {
		paras, err := read(data, name)
		if err != nil {
			return nil, err
		}
		if len(paras) == 0 {
			return nil, &ParseError{File: name, Err: ErrEmpty}
		}
		return &Document{File: name, Encoding: "utf-8", Format: format, Paragraphs: paras}, nil
	}
	dec, err := decode(data, name, opts.Encoding, keep)
	if err != nil {
		return nil, err
	}
	data = nil
	if format == AutoFormat {
		format = SniffFormat(name, dec.Text)
	}
	paras := SplitParagraphs(dec.Text, name, SplitOptions{Format: format})
	if len(paras) == 0 || strings.TrimFunc(dec.Text, isSpace) == "" {
		return nil, &ParseError{File: name, Err: ErrEmpty}
	}
	return &Document{File: name, Encoding: dec.Encoding, Format: format, Paragraphs: paras, Warnings: dec.Warnings}, nil
}
