package align

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/paralign/paralign/corpus"
)

// Status is the state of one section in one language.
type Status uint8

const (
	// Missing: the language has no such section.
	Missing Status = iota
	// Present: the section is there, in its language.
	Present
	// Partial: there, but a large share of it is in another language, or
	// it is far shorter than the document's own length ratios allow.
	Partial
	// Untranslated: the text is mostly in the pivot language.
	Untranslated
	// WrongLanguage: the text is mostly in a third language.
	WrongLanguage
)

var statusNames = [...]string{"missing", "present", "partial", "untranslated", "wrong-language"}

// String returns the status as written in reports.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Translated reports whether the status counts as the section being
// there in its language (Present or Partial).
func (s Status) Translated() bool { return s == Present || s == Partial }

// CoverageOptions controls Coverage. The zero value means the defaults.
type CoverageOptions struct {
	// Pivot is the reference language; Und means the language with the
	// most sections, ties broken by column order.
	Pivot corpus.Lang
	// PartialShare is the share of letters in other languages that makes
	// a section Partial; 0 means 0.25.
	PartialShare float64
}

// SectionCoverage is the state of one section across the languages.
type SectionCoverage struct {
	ID     string
	Status []Status // per language, in the report's language order
	Words  []int    // words per language (0 when missing)
	// Share is, per language, the share of the cell's letters that are in
	// that column's language (0–1; 0 when missing).
	Share []float64
}

// LangCoverage sums up one language.
type LangCoverage struct {
	Lang         corpus.Lang
	Present      int      // sections Present or Partial
	Total        int      // numbered sections, title and preamble found in any language
	Ratio        float64  // Present / Total
	WordRatio    float64  // the same weighted by the sections' words in the pivot (or their longest version)
	Missing      []string // ids of sections the language lacks
	Untranslated []string // ids of sections mostly in the pivot language
	Wrong        []string // ids of sections mostly in a third language
	Partial      []string // ids of Partial sections
}

// CoverageReport says which sections exist in which language.
type CoverageReport struct {
	Pivot    corpus.Lang
	Langs    []corpus.Lang
	Sections []SectionCoverage
	Summary  []LangCoverage // per language, in Langs order
}

// Coverage reports, for rows aligned by section, which sections each
// language has. Only numbered sections, the title and the preamble count;
// unnumbered blocks (closing matter, signatory lists) do not. langs names
// the language of each cell column.
func Coverage(rows []Row, langs []corpus.Lang, opts CoverageOptions) CoverageReport {
	if opts.PartialShare == 0 {
		opts.PartialShare = 0.25
	}
	rep := CoverageReport{Langs: langs}
	var counted []Row
	for _, r := range rows {
		if r.Kind != Unnumbered {
			counted = append(counted, r)
		}
	}
	rep.Pivot = opts.Pivot
	if !slices.Contains(langs, rep.Pivot) && len(langs) > 0 {
		rep.Pivot = langs[PivotVersion(rows, len(langs))]
	}
	pv := slices.Index(langs, rep.Pivot)
	// the document's own length ratios, per language against the pivot
	ratios := make([][]float64, len(langs))
	for _, r := range counted {
		pl := cellLetters(r.Cells[pv])
		if pl < 100 {
			continue
		}
		for v := range langs {
			if v != pv && !r.Cells[v].Empty() {
				ratios[v] = append(ratios[v], float64(cellLetters(r.Cells[v]))/float64(pl))
			}
		}
	}
	low := make([]float64, len(langs))
	for v := range langs {
		low[v] = lowRatio(ratios[v])
	}
	for _, r := range counted {
		sc := SectionCoverage{ID: r.ID, Status: make([]Status, len(langs)), Words: make([]int, len(langs)), Share: make([]float64, len(langs))}
		for v, l := range langs {
			c := r.Cells[v]
			if c.Empty() {
				continue
			}
			sc.Words[v] = cellWords(c)
			share := langShare(c)
			sc.Share[v] = share[l]
			top, topShare := corpus.Und, 0.0
			for _, x := range sortedLangs(share) {
				if share[x] > topShare {
					top, topShare = x, share[x]
				}
			}
			switch {
			case len(share) == 0 || top == l || topShare < 0.5:
				sc.Status[v] = Present
				if len(share) > 0 && 1-share[l] >= opts.PartialShare {
					sc.Status[v] = Partial
				}
				if v != pv && !r.Cells[pv].Empty() && cellLetters(r.Cells[pv]) >= 100 &&
					float64(cellLetters(c)) < low[v]*float64(cellLetters(r.Cells[pv])) {
					sc.Status[v] = Partial
				}
			case top == rep.Pivot:
				sc.Status[v] = Untranslated
			default:
				sc.Status[v] = WrongLanguage
			}
		}
		rep.Sections = append(rep.Sections, sc)
	}
	for v, l := range langs {
		s := LangCoverage{Lang: l, Total: len(rep.Sections)}
		var wAll, wHave float64
		for _, sc := range rep.Sections {
			w := float64(sc.Words[pv])
			if w == 0 {
				w = float64(slices.Max(sc.Words))
			}
			wAll += w
			switch st := sc.Status[v]; st {
			case Missing:
				s.Missing = append(s.Missing, sc.ID)
			case Untranslated:
				s.Untranslated = append(s.Untranslated, sc.ID)
			case WrongLanguage:
				s.Wrong = append(s.Wrong, sc.ID)
			case Partial:
				s.Partial = append(s.Partial, sc.ID)
			}
			if sc.Status[v].Translated() {
				s.Present++
				wHave += w
			}
		}
		if s.Total > 0 {
			s.Ratio = float64(s.Present) / float64(s.Total)
		}
		if wAll > 0 {
			s.WordRatio = wHave / wAll
		}
		rep.Summary = append(rep.Summary, s)
	}
	return rep
}

// lowRatio returns the length ratio below which a section is far shorter
// than the document's own ratios allow: median − 4·MAD (scaled to a
// standard deviation), and at most half the median. 0 when there are too
// few sections to tell.
func lowRatio(rs []float64) float64 {
	if len(rs) < 4 {
		return 0
	}
	med := median(rs)
	dev := make([]float64, len(rs))
	for i, r := range rs {
		dev[i] = math.Abs(r - med)
	}
	mad := 1.4826 * median(dev)
	return max(0, min(med-4*mad, med/2))
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// langShare returns the share of the cell's letters per labelled language.
func langShare(c Cell) map[corpus.Lang]float64 {
	count := map[corpus.Lang]int{}
	total := 0
	for _, p := range c.Paras {
		if !p.Lang.IsLanguage() {
			continue
		}
		n := corpus.Letters(cellParaText(c, p))
		count[p.Lang] += n
		total += n
	}
	share := map[corpus.Lang]float64{}
	for l, n := range count {
		if total > 0 {
			share[l] = float64(n) / float64(total)
		}
	}
	return share
}

func sortedLangs(m map[corpus.Lang]float64) []corpus.Lang {
	out := make([]corpus.Lang, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

func cellParaText(c Cell, p corpus.Paragraph) string { return afterMarker(p.Text) }

func cellLetters(c Cell) int {
	n := 0
	for _, p := range c.Paras {
		n += corpus.Letters(afterMarker(p.Text))
	}
	return n
}

func cellWords(c Cell) int {
	n := 0
	for _, p := range c.Paras {
		n += len(strings.FieldsFunc(afterMarker(p.Text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	return n
}

// PivotVersion returns the index of the version with the most numbered
// sections (title and preamble included, unnumbered blocks not), the
// first in version order on a tie: the reference the others are compared
// with when no pivot is named. n is the number of versions.
func PivotVersion(rows []Row, n int) int {
	count := make([]int, n)
	for _, r := range rows {
		if r.Kind == Unnumbered {
			continue
		}
		for v, c := range r.Cells {
			if !c.Empty() {
				count[v]++
			}
		}
	}
	best := 0
	for v := range count {
		if count[v] > count[best] {
			best = v
		}
	}
	return best
}
