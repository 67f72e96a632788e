package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
	"github.com/paralign/paralign/qa"
)

type streamOpts struct {
	commonOpts
	by string
}

var streamCommand = command{
	name: "stream",
	args: "< DOCUMENTS.jsonl",
	summary: `Align many documents read as JSON Lines on standard input, one document
set per line, and write one JSON line per input line, in input order: the
shape GNU parallel --pipe, Hadoop streaming and Spark's RDD.pipe feed and
read. An input line names its versions by language, as text or as a path,
or gives one combined document:

  {"doc": "charter", "files": {"en": {"path": "charter.en.txt"}, "ru": {"text": "…"}}}
  {"doc": "seed", "combined": {"path": "seed.txt"}}

"name" beside "text" names it in messages and rows (default: DOC.LANG, or
DOC for a combined text). An output line is

  {"doc": …, "rows": […], "coverage": {…}, "findings": […], "error": null}

rows as align --format jsonl writes them for that document alone, byte for
byte; coverage as coverage --format json; findings as compare --format
json. A bad line (not JSON, a missing file, no text in --langs) gets its
message in "error" on its own line and the others go on; the exit status
is then 1. One language detector serves the whole stream; --jobs lines
are aligned at once, so memory is about 2 × --jobs × the largest line.`,
	example: `paralign stream < documents.jsonl > aligned.jsonl
paralign stream --by sentence --langs en,de --jobs 2 < documents.jsonl
parallel --pipe -N 100 --keep-order paralign stream --jobs 1 < documents.jsonl`,
	flags: func(fs *pflag.FlagSet) any {
		o := &streamOpts{}
		fs.StringVar(&o.by, "by", "section", "unit of the rows: section, paragraph or sentence")
		fs.StringSliceVar(&o.langs, "langs", []string{"en", "ru", "es", "de"}, "candidate languages and column order, ISO 639-1 codes (any language lingua-go knows)")
		fs.IntVar(&o.jobs, "jobs", 0, "lines aligned at once; default the number of cores")
		fs.StringVar(&o.encoding, "encoding", "", "encoding of the files given by path (utf-8, windows-1251, …); default: detected")
		fs.StringVar(&o.markup, "markup", "auto", "input markup: "+markups+" (auto: by name and content)")
		o.maxInput = defaultMaxInput
		fs.Var(&o.maxInput, "max-input", "refuse an input line or file larger than `SIZE` (units K, M, G, T: powers of 1024); 0: any size")
		fs.BoolVar(&o.lowAccuracy, "low-accuracy", false, "lingua's low-accuracy mode: much less memory, weaker on short lines")
		return o
	},
	run: runStream,
}

// streamFile is one input of a stream line: its text, or the path of a
// file holding it.
type streamFile struct {
	Text *string `json:"text"`
	Path string  `json:"path"`
	Name string  `json:"name"` // names Text in messages and rows
}

// streamInput is one line of the stream: a document set.
type streamInput struct {
	Doc      string                `json:"doc"`
	Files    map[string]streamFile `json:"files"`
	Combined *streamFile           `json:"combined"`
}

// streamRecord is one output line: a document's rows, coverage and
// findings, or the error that stopped it.
type streamRecord struct {
	Doc      string            `json:"doc"`
	Rows     []json.RawMessage `json:"rows"`
	Coverage json.RawMessage   `json:"coverage"`
	Findings json.RawMessage   `json:"findings"`
	Error    *string           `json:"error"`
}

// streamLine is a line of the stream on its way through: read, then
// aligned by a worker, then written in input order.
type streamLine struct {
	n    int    // 1-based line number on standard input
	data []byte // the line; nil once parsed
	err  error  // reading it failed (too long)
	done chan streamResult
}

// streamResult is a line's output, rendered.
type streamResult struct {
	out    []byte
	doc    string
	err    error
	fatal  bool // err is the run's, not the line's
	failed bool
}

func runStream(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*streamOpts)
	if len(args) > 0 {
		return usagef("stream reads JSON Lines on standard input; give no FILE arguments (a line names its files)")
	}
	unit, ok := align.ParseUnit(o.by)
	if !ok {
		return usagef("unknown --by %q: want section, paragraph or sentence", o.by)
	}
	langs, err := o.parseLangs()
	if err != nil {
		return err
	}
	if _, ok := corpus.ParseFormat(o.markup); !ok {
		return usagef("unknown --markup %q: want %s", o.markup, markups)
	}
	if o.jobs < 0 {
		return usagef("--jobs %d: want a number of lines, 1 or more (0: the number of cores)", o.jobs)
	}
	det, err := langid.New(langid.Options{Langs: langs, LowAccuracy: o.lowAccuracy})
	if err != nil {
		return usagef("--langs: %v", err)
	}
	workers := o.jobs
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// ordered holds the lines in input order for the writer, work the
	// same lines for the workers; ordered's capacity bounds the lines in
	// memory.
	ordered := make(chan *streamLine, workers)
	work := make(chan *streamLine)
	go func() {
		defer close(ordered)
		defer close(work)
		r := bufio.NewReaderSize(e.stdin, 1<<16)
		for n := 1; ; n++ {
			data, err := readStreamLine(r, int64(o.maxInput))
			if err == io.EOF {
				return
			}
			if err != nil && !errors.Is(err, errLineTooLong) {
				data, err = nil, fmt.Errorf("reading standard input: %w", err)
			}
			l := &streamLine{n: n, data: data, err: err, done: make(chan streamResult, 1)}
			for _, ch := range []chan *streamLine{ordered, work} {
				select {
				case ch <- l:
				case <-ctx.Done():
					return
				}
			}
			if l.err != nil && !errors.Is(l.err, errLineTooLong) {
				return
			}
		}
	}()
	process := streamDoc(unit)
	for range workers {
		go func() {
			for l := range work {
				l.done <- o.streamOne(ctx, e, det, langs, l, process)
			}
		}()
	}
	w := bufio.NewWriter(e.stdout)
	var lines, failed int
	for l := range ordered {
		var r streamResult
		select {
		case r = <-l.done:
		case <-ctx.Done():
			return errInterrupted
		}
		if r.fatal {
			cancel()
			return r.err
		}
		lines++
		if r.failed {
			failed++
			doc := ""
			if r.doc != "" {
				doc = quoteName(r.doc) + ": "
			}
			fmt.Fprintf(e.stderr, "paralign: <stdin>:%d: %s%v\n", l.n, doc, r.err)
		}
		if _, err := w.Write(r.out); err != nil {
			cancel()
			return fmt.Errorf("writing standard output: %w", err)
		}
		if len(ordered) == 0 { // nothing ready behind it: let the reader downstream have it
			if err := w.Flush(); err != nil {
				cancel()
				return fmt.Errorf("writing standard output: %w", err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing standard output: %w", err)
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	summary := fmt.Sprintf("%d documents: %d aligned, %d failed", lines, lines-failed, failed)
	if failed > 0 {
		return errors.New(summary)
	}
	fmt.Fprintf(e.stderr, "paralign: %s\n", summary)
	return nil
}

// errLineTooLong is a stream line over --max-input.
var errLineTooLong = errors.New("line longer than --max-input")

// readStreamLine returns the next line of r without its line ending. A
// line longer than limit bytes (0: no limit) is read to its end and
// dropped: errLineTooLong. At the end of the input it returns io.EOF.
func readStreamLine(r *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	long := false
	for {
		frag, err := r.ReadSlice('\n')
		if !long && (limit <= 0 || int64(len(line)+len(frag)) <= limit+1) {
			line = append(line, frag...)
		} else {
			long, line = true, nil
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && (len(line) > 0 || long):
		case err != nil:
			return nil, err
		}
		if long {
			return nil, errLineTooLong
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		return bytes.TrimSuffix(line, []byte("\r")), nil
	}
}

// streamOne parses one line and aligns its document set; its errors are
// its own, put in its output line.
func (o *streamOpts) streamOne(ctx context.Context, e *env, det *langid.Detector, langs []corpus.Lang, l *streamLine, process docFunc) streamResult {
	if l.err != nil {
		return failedLine("", l.err)
	}
	d, err := parseStreamLine(l.data, langs)
	l.data = nil
	if err != nil {
		return failedLine(d.name, err)
	}
	r := o.processDoc(ctx, e, det, langs, d, process, false)
	if r.fatal {
		return streamResult{err: r.err, fatal: true}
	}
	if r.err != nil {
		return failedLine(d.name, r.err)
	}
	name, err := marshalNoEscape(d.name)
	if err != nil {
		return failedLine(d.name, err)
	}
	// r.out is {"rows":…,"coverage":…,"findings":…}: doc goes first, error last
	body := bytes.TrimSuffix(bytes.TrimPrefix(bytes.TrimSpace(r.out), []byte("{")), []byte("}"))
	var b bytes.Buffer
	b.Grow(len(body) + len(name) + 32)
	b.WriteString(`{"doc":`)
	b.Write(name)
	b.WriteByte(',')
	b.Write(body)
	b.WriteString(`,"error":null}` + "\n")
	return streamResult{out: b.Bytes(), doc: d.name}
}

// failedLine is the output line of a document that failed: no rows, its
// message in error.
func failedLine(doc string, err error) streamResult {
	msg := err.Error()
	out, merr := marshalNoEscape(streamRecord{Doc: doc, Rows: []json.RawMessage{}, Coverage: json.RawMessage("null"), Findings: json.RawMessage("[]"), Error: &msg})
	if merr != nil { // a string and raw literals always marshal
		out = []byte(`{"error":"cannot write the error"}`)
	}
	return streamResult{out: append(out, '\n'), doc: doc, err: err, failed: true}
}

// parseStreamLine reads one stream line into the document it names: its
// files in --langs order, or its combined file. The document's name is
// set as soon as it is known, for the error too.
func parseStreamLine(data []byte, langs []corpus.Lang) (*docGroup, error) {
	d := &docGroup{}
	if len(bytes.TrimSpace(data)) == 0 {
		return d, errors.New(`empty line: want a JSON object {"doc": …, "files": {…}} or {"doc": …, "combined": {…}}`)
	}
	var in streamInput
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return d, fmt.Errorf("not a stream line: %w", err)
	}
	if dec.More() {
		return d, errors.New("not a stream line: more than one JSON value")
	}
	d.name = in.Doc
	switch {
	case len(in.Files) > 0 && in.Combined != nil:
		return d, errors.New(`"files" and "combined": give one`)
	case len(in.Files) == 0 && in.Combined == nil:
		return d, errors.New(`no input: give "files" (one per language) or "combined"`)
	case in.Combined != nil:
		s, err := in.Combined.source(in.Doc, corpus.Und)
		if err != nil {
			return d, fmt.Errorf("combined: %w", err)
		}
		d.files = []source{s}
		return d, nil
	}
	codes := make([]string, 0, len(in.Files))
	for c := range in.Files {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		l, ok := knownLang(c)
		if !ok {
			return d, fmt.Errorf("files: unknown language code %q %s", c, langCodeHint)
		}
		if !slices.Contains(langs, l) {
			return d, fmt.Errorf("files: %s is not among --langs (%s)", l, joinLangs(langs))
		}
		s, err := in.Files[c].source(in.Doc, l)
		if err != nil {
			return d, fmt.Errorf("files: %s: %w", c, err)
		}
		d.files = append(d.files, s)
	}
	slices.SortFunc(d.files, func(a, b source) int {
		return slices.Index(langs, a.lang) - slices.Index(langs, b.lang)
	})
	return d, nil
}

// source is the input f names for document doc, in language l (Und: a
// combined file).
func (f streamFile) source(doc string, l corpus.Lang) (source, error) {
	switch {
	case f.Text != nil && f.Path != "":
		return source{}, errors.New(`"text" and "path": give one`)
	case f.Text != nil:
		name := f.Name
		if name == "" {
			name = doc
			if l != corpus.Und {
				name += "." + l.String()
			}
		}
		return source{path: name, lang: l, data: []byte(*f.Text)}, nil
	case f.Path == "":
		return source{}, errors.New(`want "text" or "path"`)
	case f.Path == "-":
		return source{}, errors.New(`"path": "-": standard input holds the stream`)
	case f.Name != "":
		return source{}, errors.New(`"name" names a "text"; a "path" is named by itself`)
	}
	return source{path: f.Path, lang: l}, nil
}

// streamDoc makes a stream line's output for one document: the rows of
// align --format jsonl, the report of coverage --format json and the
// findings of compare --format json, as one JSON object.
func streamDoc(unit align.Unit) docFunc {
	return func(ctx context.Context, j *job, vers []align.Version) (docOutput, error) {
		sections, rows := alignRows(vers, unit)
		cov := align.Coverage(sections, versionLangs(vers), align.CoverageOptions{})
		rep := qa.Compare(vers, sections, qa.Options{Detect: j.det.Detect})
		if err := ctx.Err(); err != nil {
			return docOutput{}, errInterrupted
		}
		return docOutput{write: func(w io.Writer) error {
			var rowsBuf, buf bytes.Buffer
			if err := writeRowsJSONL(&rowsBuf, vers, rows, unit != align.BySection); err != nil {
				return err
			}
			rec := streamRecord{Rows: []json.RawMessage{}}
			for line := range bytes.Lines(rowsBuf.Bytes()) {
				rec.Rows = append(rec.Rows, bytes.TrimSuffix(line, []byte("\n")))
			}
			if err := writeCoverageJSON(&buf, cov); err != nil {
				return err
			}
			rec.Coverage = compact(buf.Bytes())
			buf = bytes.Buffer{} // rec.Coverage holds the old one's bytes when already compact
			if err := qa.WriteJSON(&buf, rep); err != nil {
				return err
			}
			var report struct {
				Findings json.RawMessage `json:"findings"`
			}
			if err := json.Unmarshal(buf.Bytes(), &report); err != nil {
				return err
			}
			rec.Findings = compact(report.Findings)
			out, err := marshalNoEscape(struct {
				Rows     []json.RawMessage `json:"rows"`
				Coverage json.RawMessage   `json:"coverage"`
				Findings json.RawMessage   `json:"findings"`
			}{rec.Rows, rec.Coverage, rec.Findings})
			if err != nil {
				return err
			}
			_, err = w.Write(out)
			return err
		}}, nil
	}
}

// compact returns JSON on one line, its strings as they are.
func compact(data []byte) json.RawMessage {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		return data
	}
	return b.Bytes()
}
