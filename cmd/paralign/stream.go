package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/docset"
	"github.com/paralign/paralign/langid"
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
		fs.BoolVar(&o.lowAccuracy, "low-accuracy", false, "lingua's low-accuracy mode only: about 100 MB less memory where a short line stands against its neighbours, weaker on such lines")
		return o
	},
	run: runStream,
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
	format, ok := corpus.ParseFormat(o.markup)
	if !ok {
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
	a := docset.New(det, langs, docset.Options{Unit: unit, Read: corpus.ReadOptions{Encoding: o.encoding, Format: format}})
	for range workers {
		go func() {
			for l := range work {
				l.done <- o.streamOne(ctx, e, a, langs, unit, l)
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

// streamOne parses one line, reads its files and aligns them; its
// errors are its own, put in its output line.
func (o *streamOpts) streamOne(ctx context.Context, e *env, a *docset.Aligner, langs []corpus.Lang, unit align.Unit, l *streamLine) streamResult {
	if l.err != nil {
		return failedLine("", l.err)
	}
	in, err := docset.ParseLine(l.data, langs)
	l.data = nil
	if err != nil {
		return failedLine(in.Doc, err)
	}
	limit := int64(o.maxInput)
	files := make([]docset.File, len(in.Refs))
	for i, r := range in.Refs {
		data := r.Text
		switch {
		case data == nil:
			if _, data, err = readRaw(e, source{path: r.Path}, limit); err != nil {
				return failedLine(in.Doc, err)
			}
		case limit > 0 && int64(len(data)) > limit:
			return failedLine(in.Doc, fmt.Errorf("%s: %w", quoteName(r.Name), tooLarge(limit, int64(len(data)))))
		}
		files[i] = docset.File{Lang: r.Lang, Name: r.Name, Data: data}
	}
	res, err := a.Align(ctx, files)
	if ctx.Err() != nil {
		return streamResult{err: errInterrupted, fatal: true}
	}
	var ue *usageError
	if err = inputError(err); errors.As(err, &ue) {
		return streamResult{err: err, fatal: true}
	} else if err != nil {
		return failedLine(in.Doc, err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(e.stderr, "paralign: warning: %s\n", w)
	}
	rec, err := docset.NewRecord(in.Doc, res, unit)
	if err != nil {
		return failedLine(in.Doc, err)
	}
	var b bytes.Buffer
	if err := rec.Write(&b); err != nil {
		return failedLine(in.Doc, err)
	}
	return streamResult{out: b.Bytes(), doc: in.Doc}
}

// failedLine is the output line of a document that failed: no rows, its
// message in error.
func failedLine(doc string, err error) streamResult {
	var b bytes.Buffer
	if werr := docset.ErrorRecord(doc, err).Write(&b); werr != nil { // strings and raw literals always encode
		b.WriteString(`{"error":"cannot write the error"}` + "\n")
	}
	return streamResult{out: b.Bytes(), doc: doc, err: err, failed: true}
}
