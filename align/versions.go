package align

import (
	"fmt"
	"slices"
	"strings"

	"github.com/paralign/paralign/corpus"
)

// SplitVersions cuts the labelled paragraphs of a combined file (language
// versions one after another) into its versions. Runs of one language
// are the candidates. Three rules, applied until none applies, turn runs
// that are no versions into parts of the version around them:
//
//   - a run between two runs of one language is an inclusion, not a
//     version, when one of them holds more than twice its letters, the
//     smallest such run first (a
//     German announcement quoted in an English page, an English passage
//     left in the Spanish version). A run between a version and a short
//     tail in the version's language (an appendix, a closing list) is a
//     version: the tail does not swallow it;
//   - a run with less than a tenth of the letters of the largest run (a
//     list of names detected as English, a date line, a short untranslated
//     clause at a version's end), smallest first, joins the run before it,
//     or the run after it when it is the first or opens with a heading;
//   - two runs of one language next to each other become one.
//
// The first rule goes first: a short paragraph of a version after an
// untranslated one (Russian §8 after an English §7) would else join the
// untranslated paragraph as a small run.
//
// Paragraphs without a language (NoLang, Und) go with the run before them,
// except headings and front matter, which open the run after them (the
// front matter of a later version's page, then its title). Every
// paragraph is in exactly one version, in order.
func SplitVersions(file string, paras []corpus.Paragraph) []Version {
	type run struct {
		lang       corpus.Lang
		first, end int // paragraph indexes [first, end) of its labelled paragraphs
		letters    int
	}
	var runs []run
	for i, p := range paras {
		if !p.Lang.IsLanguage() {
			continue
		}
		n := corpus.Letters(p.Text)
		if k := len(runs) - 1; k >= 0 && runs[k].lang == p.Lang {
			runs[k].end = i + 1
			runs[k].letters += n
			continue
		}
		runs = append(runs, run{lang: p.Lang, first: i, end: i + 1, letters: n})
	}
	if len(runs) == 0 {
		return []Version{{File: file, Paras: paras}}
	}
	// join makes runs[i] part of runs[j], a neighbour, keeping runs[j]'s
	// language.
	join := func(i, j int) {
		lo, hi := min(i, j), max(i, j)
		r := runs[j]
		r.first, r.end = runs[lo].first, runs[hi].end
		r.letters = runs[lo].letters + runs[hi].letters
		runs = append(runs[:lo], append([]run{r}, runs[hi+1:]...)...)
	}
	small := func() bool {
		largest, k := 0, -1
		for _, r := range runs {
			largest = max(largest, r.letters)
		}
		for i, r := range runs {
			if 10*r.letters < largest && (k < 0 || r.letters < runs[k].letters) {
				k = i
			}
		}
		switch {
		case k < 0 || len(runs) == 1:
			return false
		case k == 0 || k+1 < len(runs) && paras[runs[k].first].Kind == corpus.Heading:
			join(k, k+1)
		default:
			join(k, k-1)
		}
		return true
	}
	same := func() bool {
		for i := 1; i < len(runs); i++ {
			if runs[i].lang == runs[i-1].lang {
				join(i, i-1)
				return true
			}
		}
		return false
	}
	inclusion := func() bool {
		k := -1
		for i := 1; i+1 < len(runs); i++ {
			if runs[i-1].lang == runs[i+1].lang && 2*runs[i].letters < max(runs[i-1].letters, runs[i+1].letters) &&
				(k < 0 || runs[i].letters < runs[k].letters) {
				k = i
			}
		}
		if k < 0 {
			return false
		}
		join(k, k-1)
		return true
	}
	for inclusion() || small() || same() {
	}
	// Cut points: each run after the first starts at its first labelled
	// paragraph, moved back over unlabelled headings and front matter
	// before it.
	var out []Version
	start := 0
	for k, r := range runs {
		end := len(paras)
		if k+1 < len(runs) {
			end = runs[k+1].first
			for end > r.end && opensVersion(paras[end-1]) {
				end--
			}
		}
		out = append(out, Version{Lang: r.lang, File: file, Paras: paras[start:end]})
		start = end
	}
	return out
}

// opensVersion reports whether p, a paragraph between two runs, belongs
// to the run after it: a heading or front matter without a language.
func opensVersion(p corpus.Paragraph) bool {
	return !p.Lang.IsLanguage() && (p.Kind == corpus.Heading || p.Kind == corpus.FrontMatter)
}

// MajorityLang returns the language holding most letters among labelled
// paragraphs, Und when none is labelled. Ties go to the language first
// seen.
func MajorityLang(paras []corpus.Paragraph) corpus.Lang {
	count := map[corpus.Lang]int{}
	var order []corpus.Lang
	for _, p := range paras {
		if !p.Lang.IsLanguage() {
			continue
		}
		if _, ok := count[p.Lang]; !ok {
			order = append(order, p.Lang)
		}
		count[p.Lang] += corpus.Letters(p.Text)
	}
	best := corpus.Und
	for _, l := range order {
		if best == corpus.Und || count[l] > count[best] {
			best = l
		}
	}
	return best
}

// Versions cuts read and labelled documents into language versions,
// ordered as langs. One document whose language named does not give
// (Und): its language blocks (SplitVersions). Several: one version each,
// its language named[i], or by majority when Und. A version with no text
// in any of langs, and two versions of one language, are errors naming
// the files (and lines).
func Versions(docs []*corpus.Document, named []corpus.Lang, langs []corpus.Lang) ([]Version, error) {
	var vers []Version
	if len(docs) == 1 && named[0] == corpus.Und {
		vers = SplitVersions(docs[0].File, docs[0].Paragraphs)
		for k := range vers {
			vers[k].Format = docs[0].Format
		}
	} else {
		for i, d := range docs {
			l := named[i]
			if l == corpus.Und {
				l = MajorityLang(d.Paragraphs)
			}
			vers = append(vers, Version{Lang: l, File: d.File, Paras: d.Paragraphs, Format: d.Format})
		}
	}
	seen := map[corpus.Lang]string{}
	for _, v := range vers {
		if !v.Lang.IsLanguage() {
			return nil, fmt.Errorf("%s: no text in any of the languages %s", corpus.QuoteName(v.File), joinLangs(langs))
		}
		if prev, ok := seen[v.Lang]; ok {
			if prev == v.File {
				return nil, fmt.Errorf("%s: two separate %s versions in one file (lines %d and %d); cut the file or name the versions with --input", corpus.QuoteName(v.File), v.Lang, firstLine(vers, v.Lang), v.Paras[0].Start)
			}
			return nil, fmt.Errorf("%s and %s are both in %s; name each file's language with --input LANG=PATH", corpus.QuoteName(prev), corpus.QuoteName(v.File), LangName(v.Lang))
		}
		seen[v.Lang] = v.File
	}
	slices.SortStableFunc(vers, func(a, b Version) int {
		return slices.Index(langs, a.Lang) - slices.Index(langs, b.Lang)
	})
	return vers, nil
}

func firstLine(vers []Version, l corpus.Lang) int {
	for _, v := range vers {
		if v.Lang == l {
			return v.Paras[0].Start
		}
	}
	return 0
}

// langNames are the English names messages give the commonest languages.
var langNames = map[corpus.Lang]string{"en": "English", "ru": "Russian", "es": "Spanish", "de": "German", "fr": "French", "it": "Italian", "pt": "Portuguese", "uk": "Ukrainian"}

// LangName is a language's English name for messages, or its code.
func LangName(l corpus.Lang) string {
	if n, ok := langNames[l]; ok {
		return n
	}
	return l.String()
}

func joinLangs(langs []corpus.Lang) string {
	s := make([]string, len(langs))
	for i, l := range langs {
		s[i] = l.String()
	}
	return strings.Join(s, ",")
}

// AlignVersions aligns the versions by section and, by paragraph or
// sentence, the units inside each section: sections are the section rows
// (coverage and compare read them), rows the rows paralign align writes
// (sections themselves by section). opts.Pivot and opts.Langs are set
// from the versions; its Beads and Dict are used as given.
func AlignVersions(vers []Version, unit Unit, opts RefineOptions) (sections, rows []Row) {
	sections = AlignSections(Outlines(vers))
	if unit == BySection {
		return sections, sections
	}
	langs := make([]corpus.Lang, len(vers))
	for i, v := range vers {
		langs[i] = v.Lang
	}
	opts.Pivot, opts.Langs = PivotVersion(sections, len(vers)), langs
	return sections, Refine(sections, unit, opts)
}
