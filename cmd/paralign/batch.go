package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
)

// batchOpts are the flags of a run over many documents.
type batchOpts struct {
	group    string
	manifest string
	jobs     int
	dryRun   bool
}

func addBatch(fs *pflag.FlagSet, o *batchOpts) {
	fs.StringVar(&o.group, "group", "", "group files into documents by a `PATTERN` such as 'statements/{name}.{lang}.txt' ({name}, {lang}, * any characters but /)")
	fs.StringVar(&o.manifest, "manifest", "", "read the documents from a TSV `FILE`: document, lang (empty for a combined file), path")
	fs.IntVar(&o.jobs, "jobs", 0, "documents processed at once; default the number of cores")
	fs.BoolVar(&o.dryRun, "dry-run", false, "print the documents the inputs are grouped into (as paralign ls does) and exit")
}

// docOutput is what a command makes of one document's versions.
type docOutput struct {
	write func(w io.Writer) error // the document's output in --format
	stats docStats
	gate  string // why the document fails the quality gate; "" when it passes
}

// docStats sum up a document for the index.
type docStats struct {
	langs    []corpus.Lang
	present  []int // sections per language, in langs order
	total    int   // sections found in any language
	missing  []string
	findings int
}

// coverageStats sums up a coverage report: findings are the sections a
// language lacks, leaves untranslated, has in a third language or only in
// part.
func coverageStats(rep align.CoverageReport) docStats {
	s := docStats{langs: rep.Langs}
	for _, c := range rep.Summary {
		s.present = append(s.present, c.Present)
		s.total = max(s.total, c.Total)
		if len(c.Missing) > 0 {
			s.missing = append(s.missing, c.Lang.String()+":"+strings.Join(c.Missing, ","))
		}
		s.findings += len(c.Missing) + len(c.Untranslated) + len(c.Wrong) + len(c.Partial)
	}
	return s
}

// docFunc makes a command's output for one document.
type docFunc func(ctx context.Context, j *job, vers []align.Version) (docOutput, error)

// runOne runs a command on one document as before batches: its output to
// -o or standard output, then its quality gate.
func (o *commonOpts) runOne(ctx context.Context, e *env, args []string, process docFunc) error {
	j, vers, err := o.loadVersions(ctx, e, args)
	if err != nil {
		return err
	}
	out, err := process(ctx, j, vers)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return errInterrupted
	}
	if err := writeOutput(ctx, e, j.out, out.write); err != nil {
		return err
	}
	if out.gate != "" {
		return &gateError{msg: out.gate}
	}
	return nil
}

// loadVersions reads one document's inputs and cuts them into language
// versions.
func (o *commonOpts) loadVersions(ctx context.Context, e *env, args []string) (*job, []align.Version, error) {
	j, err := o.load(ctx, e, args)
	if err != nil {
		return nil, nil, err
	}
	vers, err := j.versions()
	if err != nil {
		return nil, nil, err
	}
	return j, vers, nil
}

// run runs a command: over many documents when plan finds them, else on
// one as before.
func (o *commonOpts) run(ctx context.Context, e *env, args []string, process docFunc) error {
	b, err := o.plan(args)
	if err != nil {
		return err
	}
	if b == nil {
		if o.dryRun {
			srcs, err := o.sources(args, nil)
			if err != nil {
				return err
			}
			return writeGrouping(e.stdout, &batch{docs: []*docGroup{{name: singleName(srcs), files: srcs}}})
		}
		return o.runOne(ctx, e, args, process)
	}
	if o.dryRun {
		return writeGrouping(e.stdout, b)
	}
	return o.runBatch(ctx, e, b, process)
}

// singleName names the one document of a run before batches: its file's
// name, or the folder its files lie in.
func singleName(srcs []source) string {
	if len(srcs) == 1 {
		return stem(filepath.Base(srcs[0].path))
	}
	return rootName(filepath.Dir(srcs[0].path))
}

// plan groups the inputs into documents. It returns nil when they are
// one document, run as before batches: --input, standard input, or FILE
// arguments whose names put them into one document or say no language at
// all (several versions named freely). A folder, --group or --manifest
// always makes a batch.
func (o *commonOpts) plan(args []string) (*batch, error) {
	explicit := o.group != "" || o.manifest != ""
	if o.group != "" && o.manifest != "" {
		return nil, usagef("--group and --manifest: give one")
	}
	if len(o.inputs) > 0 || slices.Contains(args, "-") {
		if explicit {
			return nil, usagef("--group and --manifest group files into documents; --input and - name one document's versions")
		}
		return nil, nil
	}
	langs, err := o.parseLangs()
	if err != nil {
		return nil, err
	}
	g := grouper{langs: langs}
	if o.manifest != "" {
		if len(args) > 0 {
			return nil, usagef("--manifest lists the files; give no FILE arguments")
		}
		return g.readManifest(o.manifest)
	}
	if o.group != "" {
		p, err := compileGroup(o.group)
		if err != nil {
			return nil, err
		}
		if len(args) == 0 {
			args = []string{"."}
		}
		return g.groupByPattern(p, args)
	}
	dir := false
	for _, a := range args {
		if info, err := os.Stat(a); err == nil && info.IsDir() {
			dir = true
		}
	}
	if len(args) == 0 {
		return nil, nil
	}
	b, named, err := g.groupByName(args)
	if err != nil {
		return nil, err
	}
	if dir && len(b.docs) == 0 {
		return nil, fmt.Errorf("%s: no input file in it (paralign ls lists what it skips)", quoteName(strings.Join(args, ", ")))
	}
	if dir || (named && len(b.docs) > 1) {
		return b, nil
	}
	return nil, nil
}

// docResult is one document of a batch, done.
type docResult struct {
	out   []byte // the document's output, rendered
	file  string // its file under -o DIR, slash-separated; "" on standard output
	stats docStats
	gate  string
	err   error
	fatal bool // err is the run's (an unknown --encoding), not the document's
}

// formatExt is the extension of a document's file under -o DIR, by
// --format.
var formatExt = map[string]string{"text": "txt"}

// indexName is the index -o DIR gets, beside the documents' files.
const indexName = "index"

func (o *commonOpts) runBatch(ctx context.Context, e *env, b *batch, process docFunc) error {
	langs, err := o.parseLangs()
	if err != nil {
		return err
	}
	if len(b.docs) == 0 {
		return usagef("no document found (%d files skipped; paralign ls lists them)", len(b.skipped))
	}
	if _, ok := corpus.ParseFormat(o.markup); !ok {
		return usagef("unknown --markup %q: want %s", o.markup, markups)
	}
	if o.jobs < 0 {
		return usagef("--jobs %d: want a number of documents, 1 or more (0: the number of cores)", o.jobs)
	}
	toDir := o.output != "" && o.output != "-"
	if !toDir && !slices.Contains([]string{"tsv", "jsonl", "json", "text"}, o.format) {
		return usagef("--format %s with several documents writes one file per document: give -o DIR", o.format)
	}
	if o.format == "moses" {
		return usagef("--format moses is for one document; several documents: --format tsv or jsonl")
	}
	var (
		files   []*target
		indexes []*target
	)
	if toDir {
		if files, indexes, err = o.dirTargets(e, langs, b); err != nil {
			return err
		}
	}
	det, err := langid.New(langid.Options{Langs: langs, LowAccuracy: o.lowAccuracy})
	if err != nil {
		return usagef("--langs: %v", err)
	}
	var bar *progressbar.ProgressBar
	if isTerminal(e.stderr) {
		bar = progressbar.NewOptions(len(b.docs), progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("documents"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionSetPredictTime(true))
	}
	res := make([]docResult, len(b.docs))
	// JSON Lines on standard output are written as the documents are
	// done, in their order, and their outputs let go: memory does not
	// grow with the number of documents. The TSV's header needs every
	// document's languages first.
	// Each document is one write, so that output stopped by Ctrl-C or a
	// failed write ends with a whole record.
	streamed := !toDir && (o.format == "jsonl" || o.format == "json")
	var (
		mu      sync.Mutex
		done    = make([]bool, len(b.docs))
		written int   // documents before this one are written
		werr    error // the first error writing standard output
	)
	finish := func(i int) {
		if !streamed {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		done[i] = true
		for ; written < len(res) && done[written]; written++ {
			r := &res[written]
			if r.err == nil && werr == nil {
				werr = writeDocJSONL(e.stdout, b.docs[written].name, r.out, o.format)
			}
			r.out = nil
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	workers := o.jobs
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	for range min(workers, len(b.docs)) {
		wg.Go(func() {
			for i := range next {
				res[i] = o.processDoc(ctx, e, det, langs, b.docs[i], process, toDir)
				if toDir && res[i].err == nil {
					res[i].file = docFile(b.docs[i].name, o.format)
					res[i].err = writeTargets(ctx, files[i:i+1], func(ws []io.Writer) error {
						_, err := ws[0].Write(res[i].out)
						return err
					})
					res[i].out = nil // written; the index needs the rest
				}
				finish(i)
				if bar != nil {
					bar.Add(1)
				}
			}
		})
	}
feed:
	for i := range b.docs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if bar != nil {
		bar.Finish()
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	var failed, gated, findings int
	for i, r := range res {
		if r.fatal {
			return r.err
		}
		switch {
		case r.err != nil:
			failed++
			fmt.Fprintf(e.stderr, "paralign: %s: %v\n", quoteName(b.docs[i].name), r.err)
		case r.gate != "":
			gated++
			fmt.Fprintf(e.stderr, "paralign: %s: %s\n", quoteName(b.docs[i].name), r.gate)
		}
		if r.err == nil && r.stats.findings > 0 {
			findings++
		}
	}
	if toDir {
		err = writeTargets(ctx, indexes, func(ws []io.Writer) error {
			if err := writeIndexTSV(ws[0], b, res); err != nil {
				return err
			}
			if len(ws) > 1 {
				return writeIndexHTML(ws[1], b, res)
			}
			return nil
		})
	} else if streamed {
		err = werr
	} else {
		err = writeMerged(e.stdout, o.format, langs, b, res)
	}
	if err != nil {
		return err
	}
	summary := fmt.Sprintf("%d documents: %d aligned, %d with findings, %d failed", len(b.docs), len(b.docs)-failed, findings, failed)
	switch {
	case failed > 0:
		return errors.New(summary)
	case gated > 0:
		return &gateError{msg: summary + fmt.Sprintf(", %d below the quality gate", gated)}
	}
	fmt.Fprintf(e.stderr, "paralign: %s\n", summary)
	return nil
}

// processDoc reads, labels and aligns one document of a batch and
// renders its output. Its errors are its own: they fail it alone.
func (o *commonOpts) processDoc(ctx context.Context, e *env, det *langid.Detector, langs []corpus.Lang, d *docGroup, process docFunc, toDir bool) docResult {
	if d.conflict != "" {
		return docResult{err: errors.New(d.conflict)}
	}
	j := &job{langs: langs, det: det, srcs: d.files}
	for _, s := range d.files {
		doc, err := o.readSource(ctx, e, s)
		if err != nil {
			var ue *usageError
			return docResult{err: err, fatal: errors.As(err, &ue)}
		}
		warn(e, doc.File, doc.Warnings)
		if err := det.LabelContext(ctx, doc.Paragraphs); err != nil {
			return docResult{err: errInterrupted}
		}
		j.docs = append(j.docs, doc)
	}
	vers, err := j.versions()
	if err != nil {
		return docResult{err: err}
	}
	out, err := process(ctx, j, vers)
	if err != nil {
		return docResult{err: err}
	}
	var buf bytes.Buffer
	if err := out.write(&buf); err != nil {
		return docResult{err: err}
	}
	return docResult{out: buf.Bytes(), stats: out.stats, gate: out.gate}
}

// docFile is a document's file under -o DIR: its name and the format's
// extension.
func docFile(name, format string) string {
	ext := format
	if x, ok := formatExt[format]; ok {
		ext = x
	}
	return name + "." + ext
}

// dirTargets checks -o DIR before any input is read: the folder (made
// when missing, its parent must exist), one file per document and the
// index, none of them an input.
func (o *commonOpts) dirTargets(e *env, langs []corpus.Lang, b *batch) (files, indexes []*target, err error) {
	dir := o.output
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Mkdir(dir, 0o777); err != nil {
			return nil, nil, fmt.Errorf("%s: cannot make the folder: %w", quoteName(dir), plainPathError(err))
		}
	case err != nil:
		return nil, nil, fmt.Errorf("%s: %w", quoteName(dir), plainPathError(err))
	case !info.IsDir():
		return nil, nil, usagef("-o %s: is a file; with several documents -o names a folder, which gets one file per document and an index", quoteName(dir))
	}
	var srcs []source
	for _, d := range b.docs {
		srcs = append(srcs, d.files...)
	}
	names := []string{indexName + ".tsv"}
	if o.format == "html" {
		names = append(names, indexName+".html")
	}
	check := func(rel string) (*target, error) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := checkNotInput(e, p, srcs); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			return nil, fmt.Errorf("%s: cannot make the folder: %w", quoteName(filepath.Dir(p)), plainPathError(err))
		}
		t, err := checkTarget(p, o.force)
		if t != nil {
			t.writing = e.writing // a signal waits for its temporary file
		}
		return t, err
	}
	for _, d := range b.docs {
		if c := path.Clean(d.name); path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") {
			return nil, nil, usagef("-o %s: document %s would be written outside the folder", quoteName(dir), quoteName(d.name))
		}
		f := docFile(d.name, o.format)
		if slices.Contains(names, f) {
			return nil, nil, usagef("-o %s: document %s would overwrite %s; rename it or list the files in a --manifest", quoteName(dir), quoteName(d.name), f)
		}
		t, err := check(f)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, t)
	}
	for _, n := range names {
		t, err := check(n)
		if err != nil {
			return nil, nil, err
		}
		indexes = append(indexes, t)
	}
	return files, indexes, nil
}

// indexRecord is one document's line of the index.
func indexRecord(d *docGroup, r docResult) []string {
	status := "ok"
	switch {
	case r.err != nil:
		return []string{d.name, "failed", "", "", "", "", "", corpus.CellText(r.err.Error())}
	case r.gate != "":
		status = "gate"
	}
	var langs, secs []string
	for k, l := range r.stats.langs {
		langs = append(langs, l.String())
		secs = append(secs, fmt.Sprintf("%s:%d/%d", l, r.stats.present[k], r.stats.total))
	}
	return []string{d.name, status, strings.Join(langs, ","), strings.Join(secs, " "), strings.Join(r.stats.missing, " "),
		strconv.Itoa(r.stats.findings), r.file, corpus.CellText(r.gate)}
}

var indexHead = []string{"doc", "status", "languages", "sections", "missing", "findings", "file", "message"}

// writeIndexTSV writes index.tsv: one line per document, in name order.
func writeIndexTSV(w io.Writer, b *batch, res []docResult) error {
	t := corpus.NewTSVWriter(w)
	t.Write(indexHead)
	for i, d := range b.docs {
		t.Write(indexRecord(d, res[i]))
	}
	t.Flush()
	return t.Error()
}

// indexPage is index.html: the index as a table, each document's name
// linking its page.
var indexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>paralign: {{len .Rows}} documents</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid #ccc; padding: .3em .8em; text-align: left; vertical-align: top; }
.failed { color: #b00; }
</style>
</head>
<body>
<h1>{{len .Rows}} documents</h1>
<table>
<tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr class="{{.Status}}"><td>{{if .Link}}<a href="{{.Link}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</table>
</body>
</html>
`))

type indexRow struct {
	Name, Link, Status string
	Cells              []string
}

// writeIndexHTML writes index.html: the index as a table, each document
// linking its page.
func writeIndexHTML(w io.Writer, b *batch, res []docResult) error {
	data := struct {
		Head []string
		Rows []indexRow
	}{Head: []string{"doc", "status", "languages", "sections", "missing", "findings", "message"}}
	for i, d := range b.docs {
		rec := indexRecord(d, res[i])
		data.Rows = append(data.Rows, indexRow{Name: rec[0], Link: rec[6], Status: rec[1], Cells: append(rec[1:6:6], rec[7])})
	}
	return indexPage.Execute(w, data)
}

// writeMerged writes the documents' outputs to standard output as one
// stream, in name order: TSV with a leading doc column (the languages of
// all documents, in --langs order), JSONL and JSON objects with a "doc"
// field, text under a "== doc ==" line per document. Failed documents
// have no rows.
func writeMerged(w io.Writer, format string, langs []corpus.Lang, b *batch, res []docResult) error {
	var buf bytes.Buffer
	switch format {
	case "tsv":
		mergeTSV(&buf, langs, b, res)
	case "jsonl", "json":
		for i, d := range b.docs {
			if res[i].err == nil {
				writeDocJSONL(&buf, d.name, res[i].out, format)
			}
		}
	default:
		first := true
		for i, d := range b.docs {
			if res[i].err != nil {
				continue
			}
			if !first {
				buf.WriteByte('\n')
			}
			first = false
			fmt.Fprintf(&buf, "== %s ==\n", d.name)
			buf.Write(res[i].out)
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeDocJSONL writes the records of one document's JSON Lines (or its
// JSON, made one line) to w, each with the document's name first.
func writeDocJSONL(w io.Writer, name string, out []byte, format string) error {
	quoted, _ := json.Marshal(name)
	var buf bytes.Buffer
	for line := range bytes.Lines(compactJSON(out, format)) {
		line = bytes.TrimPrefix(line, []byte("{"))
		fmt.Fprintf(&buf, "{\"doc\":%s", quoted)
		if len(bytes.TrimSpace(line)) > 1 {
			buf.WriteByte(',')
		}
		buf.Write(line)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// compactJSON makes an indented JSON document one line, so that every
// document is one JSONL record; JSONL is left as it is.
func compactJSON(out []byte, format string) []byte {
	if format != "json" {
		return out
	}
	var c bytes.Buffer
	if err := json.Compact(&c, out); err != nil {
		return out
	}
	c.WriteByte('\n')
	return c.Bytes()
}

// mergeTSV joins the documents' tables under one header: doc, the
// columns that are not languages in the order they come, then the
// languages any document has, in --langs order.
func mergeTSV(w io.Writer, langs []corpus.Lang, b *batch, res []docResult) {
	var other []string
	has := map[string]bool{}
	tables := make([][][]string, len(res))
	for i, r := range res {
		if r.err != nil {
			continue
		}
		for line := range strings.Lines(string(r.out)) {
			tables[i] = append(tables[i], strings.Split(strings.TrimSuffix(line, "\n"), "\t"))
		}
		if len(tables[i]) == 0 {
			continue
		}
		for _, c := range tables[i][0] {
			if l, err := corpus.ParseLang(c); err == nil && slices.Contains(langs, l) && len(c) == 2 {
				has[c] = true
			} else if !slices.Contains(other, c) {
				other = append(other, c)
			}
		}
	}
	head := append([]string{"doc"}, other...)
	for _, l := range langs {
		if has[l.String()] {
			head = append(head, l.String())
		}
	}
	t := corpus.NewTSVWriter(w)
	t.Write(head)
	for i, tab := range tables {
		if len(tab) == 0 {
			continue
		}
		col := map[string]int{}
		for k, c := range tab[0] {
			col[c] = k
		}
		for _, row := range tab[1:] {
			rec := []string{b.docs[i].name}
			for _, c := range head[1:] {
				cell := ""
				if k, ok := col[c]; ok && k < len(row) {
					cell = row[k]
				}
				rec = append(rec, cell)
			}
			t.Write(rec)
		}
	}
	t.Flush()
}
