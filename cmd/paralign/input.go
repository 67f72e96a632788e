package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
)

// commonOpts are the flags every command shares.
type commonOpts struct {
	langs       []string
	format      string
	output      string
	encoding    string
	markup      string
	inputs      []string
	lowAccuracy bool
	force       bool
	batchOpts   // set by align, coverage and compare
	maxInput    byteSize
	// split: how -o names several files (moses, tmx per pair); set by
	// the command, not a flag.
	split split
	// limitMemory: the run keeps to a soft memory limit (see
	// limitMemory); set by detect and by align by section
	limitMemory bool
}

func addCommon(fs *pflag.FlagSet, o *commonOpts, formats []string) {
	fs.StringSliceVar(&o.langs, "langs", []string{"en", "ru", "es", "de"}, "candidate languages and column order, ISO 639-1 codes (any language lingua-go knows)")
	fs.StringVar(&o.format, "format", formats[0], "output format: "+strings.Join(formats, ", "))
	fs.StringVarP(&o.output, "output", "o", "", "write to `PATH` (atomically: replaced only when the run succeeds; never an input); default standard output")
	fs.BoolVar(&o.force, "force", false, "with -o: replace a read-only file")
	fs.StringArrayVar(&o.inputs, "input", nil, "a language version given with its language, `LANG=PATH` (repeatable); instead of FILE arguments")
	fs.StringVar(&o.encoding, "encoding", "", "input encoding (utf-8, utf-16le, windows-1251, koi8-r, iso-8859-1, windows-1252, …); default: detected")
	fs.StringVar(&o.markup, "markup", "auto", "input markup: "+markups+" (auto: by name and content; plain reads any file as text)")
	o.maxInput = defaultMaxInput
	fs.Var(&o.maxInput, "max-input", "refuse an input larger than `SIZE` (units K, M, G, T: powers of 1024); 0: any size")
	fs.BoolVar(&o.lowAccuracy, "low-accuracy", false, "lingua's low-accuracy mode only: a short line that stands against its neighbours is not scored again in the high mode (its models cost about 100 MB more when a document has such a line), weaker on it")
}

func (o *commonOpts) checkFormat(formats []string) error {
	if !slices.Contains(formats, o.format) {
		return usagef("unknown --format %q: want %s", o.format, strings.Join(formats, ", "))
	}
	return nil
}

// langCodeHint ends the message for an unknown language code.
const langCodeHint = "(use ISO 639-1 codes such as en, ru, es, de)"

// knownLang parses a language code a flag gives: ISO 639-1 and known to
// lingua (corpus.ParseLang takes any two letters, zz too).
func knownLang(s string) (corpus.Lang, bool) {
	l, err := corpus.ParseLang(s)
	return l, err == nil && langid.Known(l)
}

// parseLangs validates --langs: known to lingua, none twice.
func (o *commonOpts) parseLangs() ([]corpus.Lang, error) {
	var out []corpus.Lang
	for _, s := range o.langs {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		l, ok := knownLang(s)
		if !ok {
			return nil, usagef("--langs: unknown language code %q %s", s, langCodeHint)
		}
		if slices.Contains(out, l) {
			return nil, usagef("--langs: %s named twice", l)
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, usagef("--langs: no language given")
	}
	return out, nil
}

// source is one input to read: a path or "-", with the language its
// --input flag named (Und when detected).
type source struct {
	path string
	lang corpus.Lang
}

// sources returns the inputs: FILE arguments, then --input flags. Each
// file once, whatever the name it is given under.
func (o *commonOpts) sources(args []string, langs []corpus.Lang) ([]source, error) {
	var out []source
	for _, a := range args {
		out = append(out, source{path: a})
	}
	for _, in := range o.inputs {
		s, err := parseInput(in, langs)
		if err != nil {
			return nil, err
		}
		for _, prev := range out {
			if prev.lang == s.lang {
				return nil, usagef("--input: %s given twice (%s and %s)", s.lang, quoteName(prev.path), quoteName(s.path))
			}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, usagef("no input: give FILE arguments, - for standard input, or --input LANG=PATH")
	}
	if err := checkDistinct(out); err != nil {
		return nil, err
	}
	return out, nil
}

// parseInput parses one --input LANG=PATH; the language must be one
// lingua knows and among --langs.
func parseInput(in string, langs []corpus.Lang) (source, error) {
	code, path, ok := strings.Cut(in, "=")
	if !ok || path == "" {
		return source{}, usagef("--input %q: want LANG=PATH", in)
	}
	l, ok := knownLang(code)
	if !ok {
		return source{}, usagef("--input %q: unknown language code %q %s", in, code, langCodeHint)
	}
	if !slices.Contains(langs, l) {
		return source{}, usagef("--input %q: %s is not among --langs (%s)", in, l, joinLangs(langs))
	}
	return source{path: path, lang: l}, nil
}

// checkDistinct refuses a file given twice: the same path, or two paths
// of one file (a link, a hard link), and standard input twice.
func checkDistinct(srcs []source) error {
	infos := make([]fs.FileInfo, len(srcs))
	for i, s := range srcs {
		if s.path != "-" {
			infos[i], _ = os.Stat(s.path) // a missing file is reported when read
		}
	}
	for i, a := range srcs {
		for k, b := range srcs[:i] {
			switch {
			case a.path == "-" && b.path == "-":
				return usagef("standard input (-) given more than once")
			case a.path == b.path:
				return usagef("%s given twice", quoteName(a.path))
			case infos[i] != nil && infos[k] != nil && os.SameFile(infos[i], infos[k]):
				return usagef("%s and %s are the same file; give each input once", quoteName(b.path), quoteName(a.path))
			}
		}
	}
	return nil
}

// quoteName quotes a file name for a message, Go-style, when it holds a
// control character (a tab, a newline) or is not UTF-8, so the message
// stays one line and says what the name is.
func quoteName(name string) string { return corpus.QuoteName(name) }

func joinLangs(langs []corpus.Lang) string {
	s := make([]string, len(langs))
	for i, l := range langs {
		s[i] = l.String()
	}
	return strings.Join(s, ",")
}

// markups lists the values of --markup.
const markups = "auto, plain, markdown, html, docx, odt"

// readSource reads and splits one input. Errors name the file; the
// document's warnings are left to the caller (see warn).
func (o *commonOpts) readSource(ctx context.Context, e *env, src source) (*corpus.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, errInterrupted
	}
	format, ok := corpus.ParseFormat(o.markup)
	if !ok {
		return nil, usagef("unknown --markup %q: want %s", o.markup, markups)
	}
	ropts := corpus.ReadOptions{Encoding: o.encoding, Format: format}
	name, data, err := readRaw(e, src, int64(o.maxInput))
	if err != nil {
		return nil, err
	}
	doc, err := corpus.ReadOwned(data, name, ropts) // data is ours alone
	if err != nil {
		return nil, inputError(err)
	}
	return doc, nil
}

// readEach reads n inputs at the same time, one a core: read(i) reads
// input i. In the inputs' order, as soon as an input and those before it
// are read, it calls done for it, or returns its error without waiting
// for the inputs after it (standard input or a FIFO may never end):
// warnings and errors come as they would if the inputs were read one
// after another, those of the inputs before the first that failed, then
// its error. Inputs not yet started when one fails are not read. Up to
// one input a core in an encoding other than UTF-8 is held in memory
// twice at a time, as read and as decoded; UTF-8 is decoded in place
// (corpus.ReadOwned).
func readEach(n int, read func(i int) error, done func(i int)) error {
	errs := make([]error, n)
	finished := make([]chan struct{}, n)
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	var next atomic.Int64
	var failed atomic.Bool
	for range min(runtime.GOMAXPROCS(0), n) {
		go func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				if !failed.Load() {
					errs[i] = read(i)
				}
				close(finished[i])
			}
		}()
	}
	for i := range n {
		<-finished[i]
		if errs[i] != nil {
			failed.Store(true)
			return errs[i]
		}
		done(i)
	}
	return nil
}

// readRaw reads one input whole: a file, or standard input for "-". It
// returns the name errors and output give the input. An input larger
// than limit bytes (0: no limit) is an error: a regular file's size is
// known before reading; anything else (standard input, a FIFO, a device
// such as /dev/zero) is read up to limit and refused past it.
func readRaw(e *env, src source, limit int64) (string, []byte, error) {
	if src.path == "-" {
		data, err := readLimited(e.stdin, limit, 0)
		if err != nil {
			return "", nil, fmt.Errorf("<stdin>: %w", err)
		}
		return "<stdin>", data, nil
	}
	name := quoteName(src.path)
	info, err := os.Stat(src.path)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, plainPathError(err))
	}
	if info.IsDir() {
		return "", nil, fmt.Errorf("%s: is a directory, not a file", name)
	}
	if limit > 0 && info.Mode().IsRegular() && info.Size() > limit {
		return "", nil, fmt.Errorf("%s: %w", name, tooLarge(limit, info.Size()))
	}
	f, err := os.Open(src.path)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, plainPathError(err))
	}
	defer f.Close()
	size := int64(0) // a device or a pipe says nothing of its size
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	data, err := readLimited(f, limit, size)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, plainPathError(err))
	}
	return src.path, data, nil
}

// readLimited reads r to its end, or fails once it has given more than
// limit bytes (0: no limit). size, when positive, is r's size as far as
// known (a regular file's), read into one buffer of that size; else r is
// read in chunks (readChunks).
func readLimited(r io.Reader, limit, size int64) ([]byte, error) {
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	var data []byte
	var err error
	if size > 0 && (limit <= 0 || size <= limit) {
		// one allocation for a file of known size, not a dozen copies
		var buf bytes.Buffer
		buf.Grow(int(size) + bytes.MinRead)
		_, err = buf.ReadFrom(r)
		data = buf.Bytes()
	} else {
		data, err = readChunks(r)
	}
	if err == nil && limit > 0 && int64(len(data)) > limit {
		return nil, tooLarge(limit, -1)
	}
	return data, err
}

// readChunks reads r to its end in chunks, each twice the one before up to
// maxReadChunk, then joins them into one slice of the size read. One
// buffer grown as it fills would be up to twice the input at the end, and
// that spare half would be held as long as the text (corpus.ReadOwned
// decodes in place) or the input copied once more.
func readChunks(r io.Reader) ([]byte, error) {
	var chunks [][]byte
	buf, filled, total := make([]byte, 32<<10), 0, 0
	for {
		k, err := r.Read(buf[filled:])
		filled += k
		total += k
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if filled == len(buf) {
			chunks = append(chunks, buf)
			buf, filled = make([]byte, min(2*len(buf), maxReadChunk)), 0
		}
	}
	if len(chunks) == 0 {
		return buf[:filled], nil
	}
	data := make([]byte, 0, total)
	for _, c := range chunks {
		data = append(data, c...)
	}
	return append(data, buf[:filled]...), nil
}

// maxReadChunk is the size of readChunks' largest chunk.
const maxReadChunk = 16 << 20

// tooLarge is the error for an input over limit bytes; size is its size
// when known, else -1.
func tooLarge(limit, size int64) error {
	has := ""
	if size >= 0 {
		has = fmt.Sprintf(" (%d bytes)", size)
	}
	return fmt.Errorf("larger than --max-input %s%s; raise it, or --max-input 0 for any size", byteSize(limit), has)
}

// defaultMaxInput is --max-input's default, 1 GiB: larger than any
// document paralign is made for (the largest real corpus file is tens of
// megabytes), and a run on it needs several times its size in memory, so
// a file past it is far more likely a mistake (a link to /dev/zero, a
// disk image) than a text.
const defaultMaxInput byteSize = 1 << 30

// byteSize is a flag's size in bytes, written with binary units: 512M,
// 2G, 1GiB, 100k, 1048576.
type byteSize int64

// sizeUnits are byteSize's suffixes, powers of 1024, largest first for
// printing.
var sizeUnits = []struct {
	suffix string
	n      int64
}{{"T", 1 << 40}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}}

func (b *byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	for _, u := range sizeUnits {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = rest, u.n
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/mult {
		return fmt.Errorf("want a size in bytes such as 512M, 2G or 0 for any size")
	}
	*b = byteSize(n * mult)
	return nil
}

// String writes the size in the largest unit that divides it (1 GiB is
// 1G), else in bytes.
func (b byteSize) String() string {
	for _, u := range sizeUnits {
		if b != 0 && int64(b)%u.n == 0 {
			return strconv.FormatInt(int64(b)/u.n, 10) + u.suffix
		}
	}
	return strconv.FormatInt(int64(b), 10)
}

func (b *byteSize) Type() string { return "size" }

// warn prints what reading an input repaired, one line each naming it.
func warn(e *env, name string, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "paralign: warning: %s: %s\n", quoteName(name), w)
	}
}

// inputError turns an unknown --encoding into a usage error.
func inputError(err error) error {
	if err != nil && errors.Is(err, corpus.ErrUnknownEncoding) {
		return usagef("%v", err)
	}
	return err
}

// plainPathError drops the path that *fs.PathError repeats.
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

var errInterrupted = errors.New("interrupted")

// job is the shared pipeline: inputs read, paragraphs labelled.
type job struct {
	langs []corpus.Lang
	det   *langid.Detector
	docs  []*corpus.Document
	srcs  []source
	out   []*target // -o's files, checked; none: standard output
}

func (o *commonOpts) load(ctx context.Context, e *env, args []string) (*job, error) {
	langs, err := o.parseLangs()
	if err != nil {
		return nil, err
	}
	srcs, err := o.sources(args, langs)
	if err != nil {
		return nil, err
	}
	if _, ok := corpus.ParseFormat(o.markup); !ok {
		return nil, usagef("unknown --markup %q: want %s", o.markup, markups)
	}
	out, err := o.targets(e, langs, srcs)
	if err != nil {
		return nil, err
	}
	j := &job{langs: langs, srcs: srcs, out: out, docs: make([]*corpus.Document, len(srcs))}
	err = readEach(len(srcs), func(i int) (err error) {
		j.docs[i], err = o.readSource(ctx, e, srcs[i])
		return err
	}, func(i int) { warn(e, j.docs[i].File, j.docs[i].Warnings) })
	if err != nil {
		return nil, err
	}
	if o.limitMemory {
		limitMemory(j.docs)
	}
	j.det, err = langid.New(langid.Options{Langs: langs, LowAccuracy: o.lowAccuracy, BeforeModels: allowModels})
	if err != nil {
		return nil, usagef("--langs: %v", err)
	}
	for _, d := range j.docs {
		if err := ctx.Err(); err != nil {
			return nil, errInterrupted
		}
		if err := j.det.LabelContext(ctx, d.Paragraphs); err != nil {
			return nil, errInterrupted
		}
	}
	return j, nil
}

// versions cuts the inputs into language versions, ordered as --langs
// (align.Versions).
func (j *job) versions() ([]align.Version, error) {
	named := make([]corpus.Lang, len(j.srcs))
	for i, s := range j.srcs {
		named[i] = s.lang
	}
	return align.Versions(j.docs, named, j.langs)
}

// langName is a language's English name, or its code.
func langName(l corpus.Lang) string { return align.LangName(l) }
