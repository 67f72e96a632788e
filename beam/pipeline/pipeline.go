// Package pipeline is paralign's Apache Beam pipeline: document sets in
// (a glob of files grouped by paralign's naming rules, or paralign
// stream's JSON Lines manifest), each aligned by docset with a detector
// built once per worker, out as sharded JSONL and TSV rows, Moses
// bitexts per language pair, the failed sets' records and one summary of
// coverage per language and findings per check.
//
// Every file is read and written through Beam's filesystem layer, so a
// path may be local or of any filesystem the binary registers (gs://,
// s3://).
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/docset"
	"github.com/paralign/paralign/langid"
)

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&alignFn{})
	register.Emitter1[string]()
	register.DoFn2x1[string, func(string, string), error](&splitFn{})
	register.Emitter2[string, string]()
	register.DoFn3x1[context.Context, string, func(*string) bool, error](&writeFn{})
	register.Iter1[string]()
	register.Combiner3[Summary, string, Summary](&sumFn{})
	register.DoFn2x1[context.Context, Summary, error](&summaryFn{})
}

// Options say what the pipeline reads and writes.
type Options struct {
	// Input is a glob of files (Beam's filesystem syntax), grouped into
	// document sets by name as paralign's batch mode groups a folder.
	// Manifest is paralign stream's input instead: one JSON line per set.
	// Give one.
	Input, Manifest string
	// Output is the prefix of every file written: PREFIX-rows-*.jsonl,
	// PREFIX-rows-*.tsv, PREFIX-moses-*.L1-L2.{L1,L2}, PREFIX-errors.jsonl
	// and PREFIX-summary.json.
	Output string
	Langs  []corpus.Lang // candidate languages and column order; nil: en, ru, es, de
	By     align.Unit    // the rows' unit; zero: section
	// Shards is the number of files each row output is cut into (by a
	// hash of the document's name); zero: 4.
	Shards int
}

// defaultShards is Options.Shards' zero: a few files per output, so
// that a run on prism shows the sharding; a cluster wants about one per
// worker.
const defaultShards = 4

// Build adds the pipeline to s. A glob is expanded here, at
// construction, through Beam's filesystem layer.
func Build(ctx context.Context, s beam.Scope, o Options) error {
	if (o.Input == "") == (o.Manifest == "") {
		return fmt.Errorf("give an input glob or a manifest, one of them")
	}
	if o.Output == "" {
		return fmt.Errorf("no output prefix")
	}
	if len(o.Langs) == 0 {
		o.Langs = langid.DefaultLangs
	}
	if o.Shards <= 0 {
		o.Shards = defaultShards
	}
	langs := make([]string, len(o.Langs))
	for i, l := range o.Langs {
		langs[i] = l.String()
	}
	var lines beam.PCollection
	if o.Manifest != "" {
		lines = textio.Read(s, o.Manifest)
	} else {
		ls, err := globLines(ctx, o.Input, o.Langs)
		if err != nil {
			return err
		}
		lines = beam.CreateList(s, ls)
	}
	records := beam.ParDo(s, &alignFn{Langs: langs, By: int(o.By)}, lines)
	parts := beam.ParDo(s, &splitFn{Langs: langs, Shards: o.Shards, Output: o.Output}, records)
	beam.ParDo0(s, &writeFn{Langs: langs}, beam.GroupByKey(s, parts))
	sum := beam.Combine(s, &sumFn{}, records)
	beam.ParDo0(s, &summaryFn{Path: o.Output + "-summary.json"}, sum)
	return nil
}

// globLines expands a glob and groups its files into document sets by
// name (docset.Namer), each a stream line naming its files by path. A
// set that cannot be one (two files claiming a language, files naming
// no language beside others) is a line the aligner rejects with the
// reason.
func globLines(ctx context.Context, glob string, langs []corpus.Lang) ([]string, error) {
	fs, err := filesystem.New(ctx, glob)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	files, err := fs.List(ctx, glob)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", glob, err)
	}
	base := glob
	if i := strings.IndexAny(glob, "*?["); i >= 0 {
		base = glob[:strings.LastIndex(glob[:i], "/")+1]
	}
	root := path.Base(strings.TrimSuffix(base, "/"))
	namer := docset.Namer{Langs: langs}
	type set struct {
		files map[string]string // lang ("" for combined) → path
		err   string
	}
	sets := map[string]*set{}
	for _, f := range files {
		if docset.SkipReason(path.Base(f)) != "" {
			continue
		}
		doc, l, _ := namer.Place(strings.TrimPrefix(f, base), root)
		if l != corpus.Und && !slices.Contains(langs, l) {
			continue
		}
		st := sets[doc]
		if st == nil {
			st = &set{files: map[string]string{}}
			sets[doc] = st
		}
		key := "" // a combined file
		if l != corpus.Und {
			key = l.String()
		}
		if prev, ok := st.files[key]; ok && st.err == "" {
			st.err = fmt.Sprintf("%s and %s both name one version (%s); rename one or list the files in a manifest", prev, f, cmp.Or(key, "combined"))
		}
		st.files[key] = f
	}
	var lines []string
	for _, doc := range slicesSorted(sets) {
		st := sets[doc]
		type ref struct {
			Path string `json:"path"`
		}
		line := struct {
			Doc      string         `json:"doc"`
			Files    map[string]ref `json:"files,omitempty"`
			Combined *ref           `json:"combined,omitempty"`
			Error    string         `json:"error,omitempty"`
		}{Doc: doc, Error: st.err}
		if p, ok := st.files[""]; ok && len(st.files) == 1 {
			line.Combined = &ref{Path: p}
		} else {
			if _, ok := st.files[""]; ok && line.Error == "" {
				line.Error = fmt.Sprintf("%s names no language beside files that do; rename it or list the files in a manifest", st.files[""])
			}
			line.Files = map[string]ref{}
			for l, p := range st.files {
				line.Files[l] = ref{Path: p}
			}
		}
		data, err := json.Marshal(line)
		if err != nil {
			return nil, err
		}
		lines = append(lines, string(data))
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("%s: no input file", glob)
	}
	return lines, nil
}

func slicesSorted[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// alignFn aligns one document set per stream line and emits its record,
// paralign stream's output line. The detector is built once per worker,
// in Setup, and shared by its bundles.
type alignFn struct {
	Langs []string
	By    int

	aligner *docset.Aligner
	langs   []corpus.Lang
}

func (f *alignFn) Setup() error {
	for _, s := range f.Langs {
		f.langs = append(f.langs, corpus.Lang(s))
	}
	det, err := langid.New(langid.Options{Langs: f.langs})
	if err != nil {
		return err
	}
	f.aligner = docset.New(det, f.langs, docset.Options{Unit: align.Unit(f.By)})
	return nil
}

func (f *alignFn) ProcessElement(ctx context.Context, line string, emit func(string)) error {
	rec := f.record(ctx, []byte(line))
	var b bytes.Buffer
	if err := rec.Write(&b); err != nil {
		return err
	}
	emit(strings.TrimSuffix(b.String(), "\n"))
	return nil
}

// record is a line's record: its rows, or the error that stopped it.
func (f *alignFn) record(ctx context.Context, line []byte) docset.Record {
	var grouped struct {
		Doc   string `json:"doc"`
		Error string `json:"error"`
	}
	if json.Unmarshal(line, &grouped) == nil && grouped.Error != "" { // globLines's rejection
		return docset.ErrorRecord(grouped.Doc, fmt.Errorf("%s", grouped.Error))
	}
	in, err := docset.ParseLine(line, f.langs)
	if err != nil {
		return docset.ErrorRecord(in.Doc, err)
	}
	files := make([]docset.File, len(in.Refs))
	for i, r := range in.Refs {
		data := r.Text
		if data == nil {
			if data, err = readFile(ctx, r.Path); err != nil {
				return docset.ErrorRecord(in.Doc, err)
			}
		}
		files[i] = docset.File{Lang: r.Lang, Name: r.Name, Data: data}
	}
	res, err := f.aligner.Align(ctx, files)
	if err != nil {
		return docset.ErrorRecord(in.Doc, err)
	}
	rec, err := docset.NewRecord(in.Doc, res, align.Unit(f.By))
	if err != nil {
		return docset.ErrorRecord(in.Doc, err)
	}
	return rec
}

// readFile reads a whole file through Beam's filesystem layer.
func readFile(ctx context.Context, p string) ([]byte, error) {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return data, nil
}

// rowOf is what splitFn reads of a row: its cells' text.
type rowOf struct {
	ID    string `json:"id"`
	Cells map[string]struct {
		Text string `json:"text"`
	} `json:"cells"`
}

// splitFn turns a record into the lines of the output files, each keyed
// by its file (a shard chosen by the document's name) and prefixed by a
// sort key, so that writeFn writes every file in document and row order
// whatever order the runner delivers them in.
type splitFn struct {
	Langs  []string
	Shards int
	Output string
}

// keySep ends a line's sort key; neither a document name in a record
// nor a row number holds it.
const keySep = "\x00"

func (f *splitFn) ProcessElement(record string, emit func(string, string)) error {
	var rec docset.Record
	if err := json.Unmarshal([]byte(record), &rec); err != nil {
		return err
	}
	if rec.Error != nil {
		emit(f.Output+"-errors.jsonl", rec.Doc+keySep+record)
		return nil
	}
	h := fnv.New32a()
	h.Write([]byte(rec.Doc))
	shard := fmt.Sprintf("%05d-of-%05d", int(h.Sum32())%f.Shards, f.Shards)
	name, err := json.Marshal(rec.Doc)
	if err != nil {
		return err
	}
	for i, raw := range rec.Rows {
		key := fmt.Sprintf("%s%s%08d%s", rec.Doc, keySep, i, keySep)
		// the row with a leading "doc", as paralign's batch mode writes JSONL
		emit(f.Output+"-rows-"+shard+".jsonl", key+`{"doc":`+string(name)+","+string(raw[1:]))
		var row rowOf
		if err := json.Unmarshal(raw, &row); err != nil {
			return err
		}
		cells := []string{corpus.CellText(rec.Doc), row.ID}
		for _, l := range f.Langs {
			cells = append(cells, row.Cells[l].Text)
		}
		emit(f.Output+"-rows-"+shard+".tsv", key+strings.Join(cells, "\t"))
		for a, la := range f.Langs {
			for _, lb := range f.Langs[a+1:] {
				ta, tb := row.Cells[la].Text, row.Cells[lb].Text
				if ta != "" && tb != "" {
					emit(f.Output+"-moses-"+shard+"."+la+"-"+lb, key+ta+"\t"+tb)
				}
			}
		}
	}
	return nil
}

// writeFn writes one output file: its lines sorted by their keys, keys
// cut off. A TSV file gets a header; a Moses key (PREFIX-moses-SHARD.L1-L2)
// is two files, one per language, line for line.
type writeFn struct {
	Langs []string
}

func (f *writeFn) ProcessElement(ctx context.Context, file string, lines func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	slices.Sort(all)
	var a, b bytes.Buffer
	if strings.HasSuffix(file, ".tsv") {
		a.WriteString("doc\tid\t" + strings.Join(f.Langs, "\t") + "\n")
	}
	moses := strings.Contains(file, "-moses-")
	for _, line := range all {
		k := strings.LastIndex(line, keySep)
		text := line[k+1:]
		if moses {
			ta, tb, _ := strings.Cut(text, "\t")
			a.WriteString(ta + "\n")
			b.WriteString(tb + "\n")
			continue
		}
		a.WriteString(text + "\n")
	}
	if !moses {
		return writeFile(ctx, file, a.Bytes())
	}
	pair := file[strings.LastIndex(file, ".")+1:]
	la, lb, _ := strings.Cut(pair, "-")
	if err := writeFile(ctx, file+"."+la, a.Bytes()); err != nil {
		return err
	}
	return writeFile(ctx, file+"."+lb, b.Bytes())
}

// writeFile writes a whole file through Beam's filesystem layer.
func writeFile(ctx context.Context, p string, data []byte) error {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return err
	}
	defer fs.Close()
	return filesystem.Write(ctx, fs, p, data)
}

// Summary sums up a run: documents aligned and failed, coverage per
// language, findings per check.
type Summary struct {
	Documents int                    `json:"documents"`
	Failed    int                    `json:"failed"`
	Coverage  map[string]LangSummary `json:"coverage"`
	Findings  map[string]int         `json:"findings"`
}

// LangSummary is one language's coverage summed over the documents that
// have it: sections present of those found in any language, and the
// sections missing, untranslated, in a third language and partial.
type LangSummary struct {
	Documents     int `json:"documents"`
	Present       int `json:"present"`
	Total         int `json:"total"`
	Missing       int `json:"missing"`
	Untranslated  int `json:"untranslated"`
	WrongLanguage int `json:"wrong_language"`
	Partial       int `json:"partial"`
}

// sumFn combines the records into one Summary.
type sumFn struct{}

func (sumFn) CreateAccumulator() Summary {
	return Summary{Coverage: map[string]LangSummary{}, Findings: map[string]int{}}
}

func (f sumFn) AddInput(s Summary, record string) Summary {
	var rec struct {
		Coverage *struct {
			Summary map[string]struct {
				Present, Total        int
				Missing, Untranslated []string
				WrongLanguage         []string `json:"wrong_language"`
				Partial               []string
			} `json:"summary"`
		} `json:"coverage"`
		Findings []struct {
			Check string `json:"check"`
		} `json:"findings"`
		Error *string `json:"error"`
	}
	s = f.init(s)
	if err := json.Unmarshal([]byte(record), &rec); err != nil || rec.Error != nil || rec.Coverage == nil {
		s.Failed++
		return s
	}
	s.Documents++
	for l, c := range rec.Coverage.Summary {
		t := s.Coverage[l]
		t.Documents++
		t.Present += c.Present
		t.Total += c.Total
		t.Missing += len(c.Missing)
		t.Untranslated += len(c.Untranslated)
		t.WrongLanguage += len(c.WrongLanguage)
		t.Partial += len(c.Partial)
		s.Coverage[l] = t
	}
	for _, fd := range rec.Findings {
		s.Findings[fd.Check]++
	}
	return s
}

// init gives s the maps a coder may have left nil.
func (sumFn) init(s Summary) Summary {
	if s.Coverage == nil {
		s.Coverage = map[string]LangSummary{}
	}
	if s.Findings == nil {
		s.Findings = map[string]int{}
	}
	return s
}

func (f sumFn) MergeAccumulators(a, b Summary) Summary {
	a = f.init(a)
	a.Documents += b.Documents
	a.Failed += b.Failed
	for l, c := range b.Coverage {
		t := a.Coverage[l]
		t.Documents += c.Documents
		t.Present += c.Present
		t.Total += c.Total
		t.Missing += c.Missing
		t.Untranslated += c.Untranslated
		t.WrongLanguage += c.WrongLanguage
		t.Partial += c.Partial
		a.Coverage[l] = t
	}
	for k, n := range b.Findings {
		a.Findings[k] += n
	}
	return a
}

func (f sumFn) ExtractOutput(s Summary) Summary { return f.init(s) }

// summaryFn writes the summary as indented JSON, map keys sorted.
type summaryFn struct {
	Path string
}

func (f *summaryFn) ProcessElement(ctx context.Context, s Summary) error {
	data, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	return writeFile(ctx, f.Path, append(data, '\n'))
}
