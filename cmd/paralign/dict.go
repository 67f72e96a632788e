package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/dict"
)

// dictdDir is where --dict auto and dict import look for FreeDict files:
// $PARALIGN_DICTD when set, else where Debian installs them.
func dictdDir() string {
	if d := os.Getenv("PARALIGN_DICTD"); d != "" {
		return d
	}
	return dict.DictdDir
}

// dictSet holds the dictionaries of --dict and gives the aligner the one
// for each language pair, made ready once.
type dictSet struct {
	lists []*dict.List // files given by path
	auto  bool         // --dict auto: FreeDict files installed in dir
	dir   string
	warn  func(string)

	mu    sync.Mutex
	ready map[[2]corpus.Lang]*align.Dictionary
}

// loadDicts reads the --dict values: paths of word lists or dictd
// indexes, or "auto". It reads every file before any input, so a bad
// dictionary stops the run at once.
func loadDicts(e *env, values []string) (*dictSet, error) {
	if len(values) == 0 {
		return nil, nil
	}
	ds := &dictSet{dir: dictdDir(), ready: map[[2]corpus.Lang]*align.Dictionary{},
		warn: func(s string) { fmt.Fprintln(e.stderr, "paralign: "+s) }}
	for _, v := range values {
		if v == "auto" {
			ds.auto = true
			continue
		}
		l, err := dict.Load(v)
		if err != nil {
			return nil, inputError(fmt.Errorf("--dict: %w", err))
		}
		if len(l.Pairs) == 0 {
			return nil, inputError(fmt.Errorf("--dict %s: no word pairs", quoteName(v)))
		}
		ds.lists = append(ds.lists, l)
	}
	return ds, nil
}

// forPair returns the dictionary from language src to tgt, nil when there
// is none. A list that names its languages serves its pair in either
// direction; one that does not is read as pivot → other language for
// every pair.
func (ds *dictSet) forPair(src, tgt corpus.Lang) *align.Dictionary {
	if ds == nil || !src.IsLanguage() || !tgt.IsLanguage() || src == tgt {
		return nil
	}
	ds.mu.Lock()
	defer ds.mu.Unlock()
	key := [2]corpus.Lang{src, tgt}
	if d, ok := ds.ready[key]; ok {
		return d
	}
	var pairs [][2]string
	for _, l := range ds.lists {
		switch {
		case l.From == src && l.To == tgt, !l.From.IsLanguage() || !l.To.IsLanguage():
			pairs = append(pairs, l.Pairs...)
		case l.From == tgt && l.To == src:
			pairs = append(pairs, l.Reverse().Pairs...)
		}
	}
	if ds.auto {
		l, _, err := dict.Auto(ds.dir, src, tgt)
		switch {
		case err != nil:
			ds.warn(fmt.Sprintf("--dict auto: %v; aligning %s-%s without it", err, src, tgt))
		case l == nil:
			ds.warn(fmt.Sprintf("--dict auto: no FreeDict dictionary for %s-%s in %s", src, tgt, ds.dir))
		default:
			pairs = append(pairs, l.Pairs...)
		}
	}
	var d *align.Dictionary
	if len(pairs) > 0 {
		d = align.NewDictionary(pairs)
	}
	ds.ready[key] = d
	return d
}

type dictOpts struct {
	output string
	force  bool
	langs  string
}

var dictCommand = command{
	name: "dict",
	args: "import DICTIONARY",
	summary: `dict import reads a bilingual dictionary and writes it in the compact
form that --dict loads fast: a first line "# paralign dictionary FROM TO",
then one word<TAB>translation pair a line, sorted. It reads FreeDict's
dictd files (NAME.index beside NAME.dict.dz, as Debian's dict-freedict-*
packages install them in /usr/share/dictd), a language pair such as de-fr
(both FreeDict directions installed for it, merged), or a word list
(word<TAB>translation, or hunalign's "translation @ word"). --langs FROM,TO
names the languages when the file name does not.`,
	example: `paralign dict import -o de-fr.dict de-fr
paralign dict import -o en-ru.dict /usr/share/dictd/freedict-eng-rus.index
paralign dict import --langs de,fr -o mine.dict my-words.tsv
paralign align --by sentence --dict de-fr.dict --langs de,fr text.de text.fr`,
	flags: func(fs *pflag.FlagSet) any {
		o := &dictOpts{}
		fs.StringVarP(&o.output, "output", "o", "", "write to `PATH` (atomically); default standard output")
		fs.BoolVar(&o.force, "force", false, "with -o: replace a read-only file")
		fs.StringVar(&o.langs, "langs", "", "`FROM,TO`: the dictionary's languages, when its name does not say")
		return o
	},
	run: runDict,
}

func runDict(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*dictOpts)
	if len(args) != 2 || args[0] != "import" {
		return usagef("usage: paralign dict import [-o PATH] DICTIONARY")
	}
	src := args[1]
	var l *dict.List
	if from, to, ok := strings.Cut(src, "-"); ok && !strings.ContainsAny(src, "./") {
		a, err1 := corpus.ParseLang(from)
		b, err2 := corpus.ParseLang(to)
		if err1 != nil || err2 != nil || !a.IsLanguage() || !b.IsLanguage() {
			return usagef("dict import %s: want a language pair such as de-fr, or a file", src)
		}
		found, paths, err := dict.Auto(dictdDir(), a, b)
		if err != nil {
			return inputError(err)
		}
		if found == nil {
			return inputError(fmt.Errorf("no FreeDict dictionary for %s-%s in %s (on Debian: apt-get install dict-%s)", a, b, dictdDir(), dict.FreeDictName(a, b)))
		}
		fmt.Fprintf(e.stderr, "paralign: read %s\n", strings.Join(paths, ", "))
		l = found
	} else {
		if _, err := os.Stat(src); err != nil {
			return inputError(err)
		}
		var err error
		if l, err = dict.Load(src); err != nil {
			return inputError(err)
		}
	}
	if o.langs != "" {
		f := strings.Split(o.langs, ",")
		if len(f) != 2 {
			return usagef("--langs wants FROM,TO")
		}
		a, err1 := corpus.ParseLang(f[0])
		b, err2 := corpus.ParseLang(f[1])
		if err1 != nil || err2 != nil {
			return usagef("--langs %s: want two ISO 639-1 codes", o.langs)
		}
		l.From, l.To = a, b
	}
	if !l.From.IsLanguage() || !l.To.IsLanguage() {
		return usagef("dict import %s: the name does not say the languages; give them with --langs FROM,TO", quoteName(src))
	}
	if len(l.Pairs) == 0 {
		return inputError(fmt.Errorf("%s: no word pairs", quoteName(src)))
	}
	var ts []*target
	if o.output != "" && o.output != "-" {
		if a, err1 := os.Stat(o.output); err1 == nil {
			if b, err2 := os.Stat(src); err2 == nil && os.SameFile(a, b) {
				return usagef("-o %s is the dictionary read", quoteName(o.output))
			}
		}
		t, err := checkTarget(o.output, o.force)
		if err != nil {
			return err
		}
		t.writing = e.writing
		ts = append(ts, t)
	}
	return writeOutput(ctx, e, ts, func(w io.Writer) error { return l.Write(w) })
}
