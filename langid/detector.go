package langid

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/paralign/paralign/corpus"
)

// DefaultLangs are the candidate languages when Options.Langs is empty.
var DefaultLangs = []corpus.Lang{"en", "ru", "es", "de"}

// Default thresholds, measured on the corpus (see README, "Language
// identification").
const (
	// DefaultMinGap is the least margin between the best and the second
	// language for a label; below it the text is Und. On lingua's word-pair
	// test data, 0.25 keeps 97% of items at 98.8% precision.
	DefaultMinGap = 0.25
	// DefaultShort is the letter count below which a paragraph's own
	// label is weak and its neighbours decide when they agree.
	DefaultShort = 25
)

// Options configures a Detector. The zero value means the defaults.
type Options struct {
	// Langs are the candidate languages, ISO 639-1; empty means
	// DefaultLangs. Any language lingua-go knows may be named; each costs
	// memory and time.
	Langs []corpus.Lang
	// MinGap is the least confidence margin for a label; 0 means
	// DefaultMinGap.
	MinGap float64
	// Short is the letter count below which context decides; 0 means
	// DefaultShort.
	Short int
	// LowAccuracy uses lingua's low-accuracy mode: about 10× less memory,
	// the same results on text of 120 characters or more, worse on short
	// lines.
	LowAccuracy bool
	// Workers is the number of paragraphs detected at once; 0 means
	// GOMAXPROCS. Results do not depend on it.
	Workers int
}

// Detector labels text with one of its candidate languages. It is safe
// for concurrent use.
type Detector struct {
	det     lingua.LanguageDetector // nil when there is one candidate only
	langs   []corpus.Lang
	minGap  float64
	short   int
	workers int
}

// New builds a Detector. It fails on a code lingua-go does not know or a
// repeated code. With one candidate language there is nothing to decide:
// every text with letters gets that language.
func New(opts Options) (*Detector, error) {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = DefaultLangs
	}
	d := &Detector{langs: slices.Clone(langs), minGap: opts.MinGap, short: opts.Short, workers: opts.Workers}
	if d.minGap == 0 {
		d.minGap = DefaultMinGap
	}
	if d.short == 0 {
		d.short = DefaultShort
	}
	if d.workers <= 0 {
		d.workers = runtime.GOMAXPROCS(0)
	}
	var codes []lingua.IsoCode639_1
	seen := map[corpus.Lang]bool{}
	for _, l := range langs {
		code := lingua.GetIsoCode639_1FromValue(string(l))
		if !l.IsLanguage() || code == lingua.UnknownIsoCode639_1 {
			return nil, fmt.Errorf("unknown language %q: lingua-go knows %s", l.String(), knownCodes())
		}
		if seen[l] {
			return nil, fmt.Errorf("language %q named twice", l)
		}
		seen[l] = true
		codes = append(codes, code)
	}
	if len(codes) >= 2 {
		b := lingua.NewLanguageDetectorBuilder().FromIsoCodes639_1(codes...)
		if opts.LowAccuracy {
			b = b.WithLowAccuracyMode()
		}
		d.det = b.Build()
	}
	return d, nil
}

// Langs returns the candidate languages in the order given.
func (d *Detector) Langs() []corpus.Lang { return slices.Clone(d.langs) }

// Known reports whether lingua-go knows the ISO 639-1 code l.
func Known(l corpus.Lang) bool {
	return l.IsLanguage() && lingua.GetIsoCode639_1FromValue(string(l)) != lingua.UnknownIsoCode639_1
}

func knownCodes() string {
	var codes []string
	for _, l := range lingua.AllLanguages() {
		codes = append(codes, strings.ToLower(l.IsoCode639_1().String()))
	}
	slices.Sort(codes)
	return strings.Join(codes, " ")
}

// scores is the confidence of each candidate for one text, best first.
type scores []score

type score struct {
	lang corpus.Lang
	conf float64
}

func (s scores) of(l corpus.Lang) float64 {
	for _, x := range s {
		if x.lang == l {
			return x.conf
		}
	}
	return 0
}

// Detect labels one text on its own, without context. URLs, e-mail
// addresses, Markdown link targets and HTML tags are set aside first;
// text without letters then is NoLang. A text whose sentences are in
// different languages is Mixed, with Lang its largest language.
func (d *Detector) Detect(text string) corpus.Label {
	l, _ := d.detect(text)
	return l
}

func (d *Detector) detect(text string) (corpus.Label, scores) {
	clean := Clean(text)
	if countLetters(clean) == 0 {
		return corpus.Label{Lang: corpus.NoLang}, nil
	}
	sc := d.scores(clean)
	label := d.decide(sc)
	label.Langs = []corpus.Lang{label.Lang}
	if !label.Lang.IsLanguage() {
		label.Langs = nil
	}
	d.mixed(clean, &label)
	return label, sc
}

func (d *Detector) scores(text string) scores {
	if d.det == nil {
		return scores{{lang: d.langs[0], conf: 1}}
	}
	vals := d.det.ComputeLanguageConfidenceValues(text)
	out := make(scores, 0, len(vals))
	for _, v := range vals {
		out = append(out, score{lang: corpus.Lang(strings.ToLower(v.Language().IsoCode639_1().String())), conf: v.Value()})
	}
	return out
}

func (d *Detector) decide(sc scores) corpus.Label {
	if len(sc) == 0 || sc[0].conf == 0 {
		return corpus.Label{Lang: corpus.Und}
	}
	gap := sc[0].conf
	if len(sc) > 1 {
		gap -= sc[1].conf
	}
	if gap < d.minGap {
		return corpus.Label{Lang: corpus.Und, Conf: round2(sc[0].conf)}
	}
	return corpus.Label{Lang: sc[0].lang, Conf: round2(sc[0].conf)}
}

// mixed looks at the sentences of a text: when two or more languages, each
// certain (margin 0.5) and each holding at least a quarter of the letters,
// are found, the label is Mixed and Langs lists them by share.
func (d *Detector) mixed(text string, label *corpus.Label) {
	if d.det == nil {
		return
	}
	spans := corpus.SplitSentences(text, label.Lang)
	if len(spans) < 2 {
		return
	}
	share := map[corpus.Lang]int{}
	total := 0
	for _, sp := range spans {
		s := text[sp.Start:sp.End]
		n := countLetters(s)
		total += n
		if n < 12 {
			continue
		}
		sc := d.scores(s)
		if len(sc) > 1 && sc[0].conf-sc[1].conf >= 0.5 {
			share[sc[0].lang] += n
		}
	}
	var found []corpus.Lang
	for l, n := range share {
		if 4*n >= total {
			found = append(found, l)
		}
	}
	if len(found) < 2 {
		return
	}
	slices.SortFunc(found, func(a, b corpus.Lang) int {
		if share[a] != share[b] {
			return share[b] - share[a]
		}
		return strings.Compare(string(a), string(b))
	})
	label.Mixed = true
	label.Langs = found
	label.Lang = found[0]
}

// Label labels every paragraph of a document in place, then smooths: a
// paragraph whose own label is weak (Und, or fewer letters than
// Options.Short) takes the language of its nearest strong neighbours when
// both agree and write the same script; at either end of the document the
// one neighbour decides. Front matter and code blocks are NoLang.
// Paragraphs are detected concurrently; the result does not depend on the
// number of workers.
func (d *Detector) Label(paras []corpus.Paragraph) {
	all := make([]scores, len(paras))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(d.workers, max(1, len(paras))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := &paras[i]
				if p.Kind == corpus.FrontMatter || p.Kind == corpus.Code {
					p.Label = corpus.Label{Lang: corpus.NoLang}
					continue
				}
				p.Label, all[i] = d.detect(p.Text)
			}
		}()
	}
	for i := range paras {
		next <- i
	}
	close(next)
	wg.Wait()
	d.smooth(paras, all)
}

// weak reports whether a paragraph's own label should yield to its
// context: Und, fewer letters than Options.Short, or a line of under 100
// letters with a margin under 0.5, or under 0.9 when made mostly of
// capitalised words (names in a list of organisations, a caption in title
// case; German nouns are capitalised too, hence the margin).
func (d *Detector) weak(p corpus.Paragraph, sc scores) bool {
	if p.Lang == corpus.NoLang {
		return false
	}
	clean := Clean(p.Text)
	n := countLetters(clean)
	return p.Lang == corpus.Und || n < d.short || (n < 100 && (sc.gap() < 0.5 || (sc.gap() < 0.9 && capitalisedShare(clean) >= 0.5)))
}

// capitalisedShare returns the share of words that start with an upper-case
// letter.
func capitalisedShare(text string) float64 {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return 0
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return float64(caps) / float64(len(words))
}

// gap is the margin between the best and the second language.
func (s scores) gap() float64 {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return s[0].conf
	}
	return s[0].conf - s[1].conf
}

func (d *Detector) smooth(paras []corpus.Paragraph, all []scores) {
	strong := func(i int) bool { return paras[i].Lang.IsLanguage() && !d.weak(paras[i], all[i]) }
	// nearest strong paragraph before each index, from the labels as
	// detected (smoothing does not feed on itself)
	prev := make([]int, len(paras))
	last := -1
	for i := range paras {
		prev[i] = last
		if strong(i) {
			last = i
		}
	}
	next := make([]int, len(paras))
	last = -1
	for i := len(paras) - 1; i >= 0; i-- {
		next[i] = last
		if strong(i) {
			last = i
		}
	}
	newLang := make([]corpus.Lang, len(paras))
	newConf := make([]float64, len(paras))
	for i, p := range paras {
		if !d.weak(p, all[i]) {
			continue
		}
		var l corpus.Lang
		var conf float64
		switch a, b := prev[i], next[i]; {
		case a >= 0 && b >= 0 && paras[a].Lang == paras[b].Lang:
			l, conf = paras[a].Lang, min(paras[a].Conf, paras[b].Conf)
		case a < 0 && b >= 0:
			l, conf = paras[b].Lang, paras[b].Conf
		case b < 0 && a >= 0:
			l, conf = paras[a].Lang, paras[a].Conf
		case a >= 0 && b >= 0 && p.Lang == corpus.Und:
			// between two languages (a list at the end of one version):
			// the version it follows, unless its script says otherwise
			l, conf = paras[a].Lang, paras[a].Conf
			if !scriptFits(p.Text, l) {
				l, conf = paras[b].Lang, paras[b].Conf
			}
		}
		if l != "" && l != p.Lang && scriptFits(p.Text, l) {
			newLang[i] = l
			// the paragraph's own score for l, or, when context
			// outweighs it, three quarters of the context's confidence
			newConf[i] = round2(max(all[i].of(l), 0.75*conf))
		}
	}
	for i, l := range newLang {
		if l == "" {
			continue
		}
		p := &paras[i]
		p.Lang = l
		p.Conf = newConf[i]
		p.Mixed = false
		p.Langs = []corpus.Lang{l}
	}
}

// scriptFits reports whether context may label text as language l: text
// written mostly in Latin letters may take any language (names and
// acronyms in Latin letters stand in every version), but text mostly in
// another script takes only a language of that script, so that context
// never relabels a Cyrillic line as English.
func scriptFits(text string, l corpus.Lang) bool {
	want := scriptOf(l)
	fit, latin, all := 0, 0, 0
	for _, r := range Clean(text) {
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		if unicode.Is(want, r) {
			fit++
		}
		if unicode.Is(unicode.Latin, r) {
			latin++
		}
	}
	return all == 0 || 2*latin > all || 2*fit > all
}

func scriptOf(l corpus.Lang) *unicode.RangeTable {
	switch l {
	case "ru", "uk", "be", "bg", "mk", "sr", "kk", "mn":
		return unicode.Cyrillic
	case "el":
		return unicode.Greek
	case "ar", "fa", "ur":
		return unicode.Arabic
	case "he":
		return unicode.Hebrew
	case "hy":
		return unicode.Armenian
	case "ka":
		return unicode.Georgian
	case "hi", "mr":
		return unicode.Devanagari
	case "bn":
		return unicode.Bengali
	case "gu":
		return unicode.Gujarati
	case "pa":
		return unicode.Gurmukhi
	case "ta":
		return unicode.Tamil
	case "te":
		return unicode.Telugu
	case "th":
		return unicode.Thai
	case "ja":
		return unicode.Hiragana
	case "ko":
		return unicode.Hangul
	case "zh":
		return unicode.Han
	}
	return unicode.Latin
}

var (
	reURL      = regexp.MustCompile(`(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|scot|ch|de|ru|es|gr|io|uk)(?:/[^\s]*)?\b`)
	reMarkup   = regexp.MustCompile(`\]\([^)]*\)|<[^>\n]{1,200}>|\{\{[^}]*\}\}`)
	reEntities = regexp.MustCompile(`&[a-zA-Z]+;|&#\d+;`)
)

// Clean returns text with what carries no language set aside: URLs,
// e-mail addresses, bare domain names, Markdown link targets, HTML tags and
// entities, template shortcodes.
func Clean(text string) string {
	text = reMarkup.ReplaceAllString(text, " ")
	text = reURL.ReplaceAllString(text, " ")
	return reEntities.ReplaceAllString(text, " ")
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func round2(x float64) float64 {
	return float64(int(x*100+0.5)) / 100
}
