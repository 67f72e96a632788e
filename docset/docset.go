package docset

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
	"github.com/paralign/paralign/qa"
)

// File is one input of a set, read: its bytes and the name messages and
// rows give it.
type File struct {
	Lang corpus.Lang // Und: a combined file
	Name string
	Data []byte
}

// Options are how an Aligner reads and aligns; the zero value aligns by
// section, markup and encoding detected.
type Options struct {
	Unit align.Unit         // the rows' unit; zero: by section
	Read corpus.ReadOptions // markup and encoding of the inputs; zero: detected
}

// An Aligner aligns document sets with one detector. It is safe for
// concurrent use: a stream's workers share it.
type Aligner struct {
	det   *langid.Detector
	langs []corpus.Lang
	opts  Options
}

// New returns an Aligner labelling with det among langs (the column
// order).
func New(det *langid.Detector, langs []corpus.Lang, opts Options) *Aligner {
	return &Aligner{det: det, langs: langs, opts: opts}
}

// Result is a document set aligned.
type Result struct {
	Versions []align.Version
	Rows     []align.Row // in Options.Unit
	Coverage align.CoverageReport
	Findings qa.Report
	// Warnings say what reading an input repaired, each "NAME: message".
	Warnings []string
}

// Align reads, labels and aligns one document set: files are one per
// language, or one combined file. Errors name the file (and line);
// ctx's cancellation stops it with ctx's error.
func (a *Aligner) Align(ctx context.Context, files []File) (Result, error) {
	var r Result
	docs := make([]*corpus.Document, len(files))
	named := make([]corpus.Lang, len(files))
	for i, f := range files {
		doc, err := corpus.ReadBytes(f.Data, f.Name, a.opts.Read)
		if err != nil {
			return r, err
		}
		for _, w := range doc.Warnings {
			r.Warnings = append(r.Warnings, corpus.QuoteName(f.Name)+": "+w)
		}
		if err := a.det.LabelContext(ctx, doc.Paragraphs); err != nil {
			return r, err
		}
		docs[i], named[i] = doc, f.Lang
	}
	vers, err := align.Versions(docs, named, a.langs)
	if err != nil {
		return r, err
	}
	sections, rows := align.AlignVersions(vers, a.opts.Unit, align.RefineOptions{})
	langs := make([]corpus.Lang, len(vers))
	for i, v := range vers {
		langs[i] = v.Lang
	}
	r.Versions, r.Rows = vers, rows
	r.Coverage = align.Coverage(sections, langs, align.CoverageOptions{})
	r.Findings = qa.Compare(vers, sections, qa.Options{Detect: a.det.Detect})
	return r, ctx.Err()
}

// Record is one line of paralign stream's output: a document's rows,
// coverage and findings, or the error that stopped it. Rows are the
// lines of paralign align --format jsonl, as they are.
type Record struct {
	Doc      string            `json:"doc"`
	Rows     []json.RawMessage `json:"rows"`
	Coverage json.RawMessage   `json:"coverage"`
	Findings json.RawMessage   `json:"findings"`
	Error    *string           `json:"error"`
}

// NewRecord renders a result as doc's record: its rows in the JSONL
// form by its unit (scored by paragraph and sentence), coverage as
// paralign coverage --format json writes it, findings as the "findings"
// of compare --format json.
func NewRecord(doc string, r Result, unit align.Unit) (Record, error) {
	rec := Record{Doc: doc, Rows: []json.RawMessage{}}
	var rows, buf bytes.Buffer
	if err := align.WriteJSONL(&rows, r.Versions, r.Rows, unit != align.BySection); err != nil {
		return rec, err
	}
	for line := range bytes.Lines(rows.Bytes()) {
		rec.Rows = append(rec.Rows, bytes.TrimSuffix(line, []byte("\n")))
	}
	if err := align.WriteCoverageJSON(&buf, r.Coverage); err != nil {
		return rec, err
	}
	rec.Coverage = compact(buf.Bytes())
	var findings bytes.Buffer
	if err := qa.WriteJSON(&findings, r.Findings); err != nil {
		return rec, err
	}
	var report struct {
		Findings json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(findings.Bytes(), &report); err != nil {
		return rec, fmt.Errorf("findings: %w", err)
	}
	rec.Findings = compact(report.Findings)
	return rec, nil
}

// ErrorRecord is the record of a document set that failed: no rows,
// coverage null, no findings, err's message.
func ErrorRecord(doc string, err error) Record {
	msg := err.Error()
	return Record{Doc: doc, Rows: []json.RawMessage{}, Coverage: json.RawMessage("null"), Findings: json.RawMessage("[]"), Error: &msg}
}

// Write writes rec as one line of JSON, its rows byte for byte as they
// are (no HTML escaping).
func (rec Record) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rec)
}

// compact returns JSON on one line, its strings as they are.
func compact(data []byte) json.RawMessage {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		return data
	}
	return b.Bytes()
}
