package align

import (
	"github.com/paralign/paralign/corpus"
)

// SplitVersions cuts the labelled paragraphs of a combined file (language
// versions one after another) into its versions. Runs of one language
// are the candidates; a run is an inclusion, not a version, and stays in
// place inside the version around it, when the versions on both sides are
// of one language and larger than it together (a German announcement quoted
// in an English page, an English clause left in the Spanish version), or
// when it holds less than a tenth of the letters of the largest run.
// Paragraphs without a language (NoLang, Und) go with the run before them,
// except headings, which open the run after them. Every paragraph is in
// exactly one version, in order.
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
		n := letters(p.Text)
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
	merge := func(i, j int) { // runs[i..j] become one run of runs[i].lang or the larger
		r := runs[i]
		for k := i + 1; k <= j; k++ {
			r.end = runs[k].end
			r.letters += runs[k].letters
		}
		runs = append(runs[:i], append([]run{r}, runs[j+1:]...)...)
	}
	for changed := true; changed; {
		changed = false
		for i := 1; i+1 < len(runs); i++ {
			if runs[i-1].lang == runs[i+1].lang && runs[i].letters < runs[i-1].letters+runs[i+1].letters {
				merge(i-1, i+1)
				changed = true
				break
			}
		}
		if changed {
			continue
		}
		largest := 0
		for _, r := range runs {
			largest = max(largest, r.letters)
		}
		for i, r := range runs {
			if len(runs) == 1 || 10*r.letters >= largest {
				continue
			}
			// fold the small run into its larger neighbour
			switch {
			case i == 0:
				runs[1].first = r.first
				runs[1].letters += r.letters
				runs = runs[1:]
			case i == len(runs)-1 || runs[i-1].letters >= runs[i+1].letters:
				merge(i-1, i)
			default:
				runs[i+1].first = r.first
				runs[i+1].letters += r.letters
				runs = append(runs[:i], runs[i+1:]...)
			}
			changed = true
			break
		}
		if changed {
			continue
		}
		for i := 1; i < len(runs); i++ {
			if runs[i].lang == runs[i-1].lang {
				merge(i-1, i)
				changed = true
				break
			}
		}
	}
	// Cut points: each run after the first starts at its first labelled
	// paragraph, moved back over unlabelled headings before it.
	var out []Version
	start := 0
	for k, r := range runs {
		end := len(paras)
		if k+1 < len(runs) {
			end = runs[k+1].first
			for end > r.end && !paras[end-1].Lang.IsLanguage() && paras[end-1].Kind == corpus.Heading {
				end--
			}
		}
		out = append(out, Version{Lang: r.lang, File: file, Paras: paras[start:end]})
		start = end
	}
	return out
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
		count[p.Lang] += letters(p.Text)
	}
	best := corpus.Und
	for _, l := range order {
		if best == corpus.Und || count[l] > count[best] {
			best = l
		}
	}
	return best
}
