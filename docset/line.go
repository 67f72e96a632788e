// Package docset aligns document sets, one document's language versions
// (or one combined file holding them), into the record paralign stream
// writes for each line and paralign-beam emits: the rows of align's
// lossless JSONL form, byte for byte as paralign align --format jsonl
// writes them for the document alone, the coverage report and compare's
// findings.
package docset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
)

// Input is one line of paralign stream's input: a document set, its
// inputs named but not yet read.
type Input struct {
	Doc string
	// Refs are its inputs: one per language in the order of the languages
	// the line was parsed with, or one combined file (Lang Und).
	Refs []Ref
}

// Ref is one input of a set: its text given inline, or the path of a
// file that holds it.
type Ref struct {
	Lang corpus.Lang // Und: a combined file
	Path string      // the file to read; "" when Text is set
	Name string      // names the input in messages and rows: Path, or the line's "name"
	Text []byte      // the input given inline; nil: read Path
}

// lineFile is an input as a stream line gives it.
type lineFile struct {
	Text *string `json:"text"`
	Path string  `json:"path"`
	Name string  `json:"name"`
}

// line is a line of the stream's input.
type line struct {
	Doc      string              `json:"doc"`
	Files    map[string]lineFile `json:"files"`
	Combined *lineFile           `json:"combined"`
}

// ParseLine parses one line of paralign stream's input:
//
//	{"doc": "charter", "files": {"en": {"path": "charter.en.txt"}, "ru": {"text": "…", "name": "charter.ru.txt"}}}
//	{"doc": "seed", "combined": {"path": "seed.txt"}}
//
// A language of "files" must be among langs; the refs come in langs
// order. An unknown field is an error. The Input's Doc is set whenever
// the line is a JSON object holding it, for the error's record too.
func ParseLine(data []byte, langs []corpus.Lang) (Input, error) {
	var in Input
	if len(bytes.TrimSpace(data)) == 0 {
		return in, errors.New(`empty line: want a JSON object {"doc": …, "files": {…}} or {"doc": …, "combined": {…}}`)
	}
	var l line
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return in, fmt.Errorf("not a stream line: %w", err)
	}
	if dec.More() {
		return in, errors.New("not a stream line: more than one JSON value")
	}
	in.Doc = l.Doc
	switch {
	case len(l.Files) > 0 && l.Combined != nil:
		return in, errors.New(`"files" and "combined": give one`)
	case len(l.Files) == 0 && l.Combined == nil:
		return in, errors.New(`no input: give "files" (one per language) or "combined"`)
	case l.Combined != nil:
		r, err := l.Combined.ref(l.Doc, corpus.Und)
		if err != nil {
			return in, fmt.Errorf("combined: %w", err)
		}
		in.Refs = []Ref{r}
		return in, nil
	}
	codes := make([]string, 0, len(l.Files))
	for c := range l.Files {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		lang, err := corpus.ParseLang(c)
		if err != nil || !langid.Known(lang) {
			return in, fmt.Errorf("files: unknown language code %q (use ISO 639-1 codes such as en, ru, es, de)", c)
		}
		if !slices.Contains(langs, lang) {
			return in, fmt.Errorf("files: %s is not among --langs (%s)", lang, joinLangs(langs))
		}
		r, err := l.Files[c].ref(l.Doc, lang)
		if err != nil {
			return in, fmt.Errorf("files: %s: %w", c, err)
		}
		in.Refs = append(in.Refs, r)
	}
	slices.SortFunc(in.Refs, func(a, b Ref) int {
		return slices.Index(langs, a.Lang) - slices.Index(langs, b.Lang)
	})
	return in, nil
}

// ref is the input f names for document doc in language l (Und: a
// combined file). A text is named by its "name", else DOC.LANG, or DOC
// for a combined text.
func (f lineFile) ref(doc string, l corpus.Lang) (Ref, error) {
	switch {
	case f.Text != nil && f.Path != "":
		return Ref{}, errors.New(`"text" and "path": give one`)
	case f.Text != nil:
		name := f.Name
		if name == "" {
			name = doc
			if l != corpus.Und {
				name += "." + l.String()
			}
		}
		return Ref{Lang: l, Name: name, Text: []byte(*f.Text)}, nil
	case f.Path == "":
		return Ref{}, errors.New(`want "text" or "path"`)
	case f.Path == "-":
		return Ref{}, errors.New(`"path": "-": standard input holds the stream`)
	case f.Name != "":
		return Ref{}, errors.New(`"name" names a "text"; a "path" is named by itself`)
	}
	return Ref{Lang: l, Path: f.Path, Name: f.Path}, nil
}

func joinLangs(langs []corpus.Lang) string {
	var b bytes.Buffer
	for i, l := range langs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(l.String())
	}
	return b.String()
}
