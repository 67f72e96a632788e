package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// pairOpts are the flags that choose the language pairs of TMX and Moses
// output and the locales TMX names.
type pairOpts struct {
	pair   []string // --pair SRC,TGT; nil: every pair --pairs names
	pairs  string   // --pairs pivot or all; "": pivot
	locale []string // --locale LANG=TAG,…
}

func addPairs(fs *pflag.FlagSet, o *pairOpts) {
	fs.StringSliceVar(&o.pair, "pair", nil, "with --format tmx or moses: write one language pair, `SRC,TGT` (tmx: SRC is the source)")
	fs.StringVar(&o.pairs, "pairs", "", "with --format moses, or tmx -o DIR: the pairs written, `pivot` (the pivot with each other language; the default) or all")
	fs.StringSliceVar(&o.locale, "locale", nil, "with --format tmx: the xml:lang of a language, `LANG=TAG,...` such as en=en-US,ru=ru-RU")
}

// pairSet are the pairs --pairs names.
type pairSet int

const (
	pivotPairs pairSet = iota // the pivot with each other language
	allPairs                  // every two languages
)

// langPair is a pair of versions by index, src the source (a TMX's
// srclang).
type langPair struct{ src, tgt int }

// ordered returns the pair's versions in column order, the order file
// names give them in (PREFIX.en-ru.en whichever is the source).
func (p langPair) ordered() (int, int) {
	return min(p.src, p.tgt), max(p.src, p.tgt)
}

// pairChoice is what the pair flags chose, validated.
type pairChoice struct {
	pair   []corpus.Lang // --pair: source and target; nil when not given
	set    pairSet
	locale map[corpus.Lang]string
}

// parsePairs validates the pair flags against --format and --langs.
func (o *pairOpts) parsePairs(format string, langs []corpus.Lang) (pairChoice, error) {
	var c pairChoice
	if len(o.pair) > 0 || o.pairs != "" {
		if format != "tmx" && format != "moses" {
			return c, usagef("--pair and --pairs want --format tmx or moses")
		}
	}
	if len(o.locale) > 0 && format != "tmx" {
		return c, usagef("--locale wants --format tmx")
	}
	if len(o.pair) > 0 && o.pairs != "" {
		return c, usagef("--pair names one pair and --pairs a set of them: give one")
	}
	switch o.pairs {
	case "", "pivot":
	case "all":
		c.set = allPairs
	default:
		return c, usagef("unknown --pairs %q: want pivot or all", o.pairs)
	}
	if len(o.pair) > 0 {
		if len(o.pair) != 2 {
			return c, usagef("--pair %s: want two languages, SRC,TGT", strings.Join(o.pair, ","))
		}
		for _, s := range o.pair {
			l, ok := knownLang(strings.TrimSpace(s))
			if !ok || !slices.Contains(langs, l) {
				return c, usagef("--pair: %q is not among --langs (%s)", s, joinLangs(langs))
			}
			c.pair = append(c.pair, l)
		}
		if c.pair[0] == c.pair[1] {
			return c, usagef("--pair %s,%s: want two different languages", c.pair[0], c.pair[1])
		}
	}
	for _, s := range o.locale {
		code, tag, ok := strings.Cut(s, "=")
		l, known := knownLang(strings.TrimSpace(code))
		if !ok || !known {
			return c, usagef("--locale %q: want LANG=TAG, such as en=en-US", s)
		}
		t, err := language.Parse(strings.TrimSpace(tag))
		if base, _ := t.Base(); err != nil || base.String() != l.String() {
			return c, usagef("--locale %q: %q is not a locale of %s (%s-…)", s, tag, langName(l), l)
		}
		if c.locale == nil {
			c.locale = map[corpus.Lang]string{}
		}
		c.locale[l] = t.String()
	}
	return c, nil
}

// choose returns the pairs to write of these versions: the one --pair
// names, else the pivot with each other version or every two versions
// (the pivot the source of the pairs it is in, else the first in column
// order), in column order.
func (c pairChoice) choose(vers []align.Version, rows []align.Row) ([]langPair, error) {
	if c.pair != nil {
		langs := versionLangs(vers)
		var p [2]int
		for k, l := range c.pair {
			if p[k] = slices.Index(langs, l); p[k] < 0 {
				return nil, usagef("--pair %s,%s: no %s version in the input (found %s)", c.pair[0], c.pair[1], l, joinLangs(langs))
			}
		}
		return []langPair{{p[0], p[1]}}, nil
	}
	pivot := align.PivotVersion(rows, len(vers))
	var out []langPair
	for a := range vers {
		for b := a + 1; b < len(vers); b++ {
			switch {
			case b == pivot:
				out = append(out, langPair{b, a})
			case a == pivot || c.set == allPairs:
				out = append(out, langPair{a, b})
			}
		}
	}
	return out, nil
}

// split says how -o names the files of a run that writes several: set by
// the command, not a flag.
type split int

const (
	oneFile    split = iota // -o names the file
	pairPrefix              // -o PREFIX: PREFIX.en-ru.en and PREFIX.en-ru.ru per pair (moses)
	pairDir                 // -o DIR: DIR/en-ru.tmx per pair (tmx)
)

// pairFiles returns the files out names for the pair of languages a and
// b (in column order).
func pairFiles(out string, s split, a, b corpus.Lang) []string {
	name := a.String() + "-" + b.String()
	if s == pairDir {
		return []string{filepath.Join(out, name+".tmx")}
	}
	return []string{out + "." + name + "." + a.String(), out + "." + name + "." + b.String()}
}

// namesDir reports whether -o PATH names a folder: it ends in a separator
// or is one.
func namesDir(path string) bool {
	if path == "" || path == "-" {
		return false
	}
	info, err := os.Stat(path)
	return strings.HasSuffix(path, string(filepath.Separator)) || (err == nil && info.IsDir())
}

// makePairDir makes -o DIR for one TMX per pair when it does not exist
// yet (its parent must), as -o DIR does for many documents.
func makePairDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case os.IsNotExist(err):
		if err := os.Mkdir(dir, 0o777); err != nil {
			return fmt.Errorf("%s: cannot make the folder: %w", quoteName(dir), plainPathError(err))
		}
	case err != nil:
		return fmt.Errorf("%s: %w", quoteName(dir), plainPathError(err))
	case !info.IsDir():
		return usagef("-o %s: is a file; one TMX per pair wants a folder", quoteName(dir))
	}
	return nil
}

// runPairs writes one document's rows as a file set per language pair:
// Moses' PREFIX.en-ru.en and PREFIX.en-ru.ru, or DIR/en-ru.tmx. Every
// file of every pair of --langs is checked before the input is read; the
// files of the pairs the document has are written all or none.
func (o *alignOpts) runPairs(ctx context.Context, e *env, unit align.Unit, choice pairChoice, args []string) error {
	o.split = pairPrefix
	if o.format == "tmx" {
		o.split = pairDir
	}
	j, vers, err := o.loadVersions(ctx, e, args)
	if err != nil {
		return err
	}
	_, rows := align.AlignVersions(vers, unit, o.refineOptions())
	if err := ctx.Err(); err != nil {
		return errInterrupted
	}
	pairs, err := choice.choose(vers, rows)
	if err != nil {
		return err
	}
	return writePairs(ctx, o.output, o.split, j.out, vers, rows, pairs, tmxSpec{unit: unit, locale: choice.locale})
}

// writePairs writes the file set of each pair, all or none, among the
// targets all that -o out names (outputPaths); spec gives TMX's unit and
// locales.
func writePairs(ctx context.Context, out string, s split, all []*target, vers []align.Version, rows []align.Row, pairs []langPair, spec tmxSpec) error {
	byName := map[string]*target{}
	for _, t := range all {
		byName[t.name] = t
	}
	var ts []*target
	for _, p := range pairs {
		a, b := p.ordered()
		for _, f := range pairFiles(out, s, vers[a].Lang, vers[b].Lang) {
			t, ok := byName[f]
			if !ok {
				return fmt.Errorf("%s: version in %s, not among --langs", quoteName(vers[b].File), vers[b].Lang)
			}
			ts = append(ts, t)
		}
	}
	return writeTargets(ctx, ts, func(ws []io.Writer) error {
		for k, p := range pairs {
			var err error
			if s == pairDir {
				spec.cols = tmxCols(p.src, []int{p.tgt})
				err = writeRowsTMX(ws[k], vers, rows, spec)
			} else {
				a, b := p.ordered()
				err = writeRowsMoses(ws[2*k], ws[2*k+1], rows, a, b)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// tmxSpec returns what a TMX of these versions holds: the pair --pair
// names, else every version with the pivot as the source.
func (c pairChoice) tmxSpec(vers []align.Version, rows []align.Row, unit align.Unit) (tmxSpec, error) {
	spec := tmxSpec{unit: unit, locale: c.locale}
	if c.pair != nil {
		pairs, err := c.choose(vers, rows)
		if err != nil {
			return spec, err
		}
		spec.cols = tmxCols(pairs[0].src, []int{pairs[0].tgt})
		return spec, nil
	}
	all := make([]int, len(vers))
	for v := range all {
		all[v] = v
	}
	spec.cols = tmxCols(align.PivotVersion(rows, len(vers)), all)
	return spec, nil
}
