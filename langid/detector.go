package langid

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/paralign/paralign/corpus"
)

// DefaultLangs are the candidate languages when Options.Langs is empty.
var DefaultLangs = []corpus.Lang{"en", "ru", "es", "de"}

// Default thresholds, measured on the corpus (see README, "How it
// works", Languages).
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
	// LowAccuracy uses lingua's low-accuracy mode only: a short
	// paragraph or sentence its context does not settle (see Label) keeps
	// that mode's score instead of being scored again in the
	// high-accuracy mode, whose models (about 35 MB a language) are then
	// never loaded; worse on such lines, which few documents have. Text
	// of 120 letters or more is scored the same either way.
	LowAccuracy bool
	// Workers is the number of paragraphs detected at once; 0 means
	// GOMAXPROCS. Results do not depend on it.
	Workers int
	// BeforeModels, when set, is called once a script before the
	// high-accuracy models of the candidates that write it are loaded,
	// with the memory to allow for them: highModelBytes a language (they
	// take about 30 MB, lingua's largest, and more while loading). A
	// caller that keeps its memory to a limit can make room for them. It
	// is called on a worker goroutine, which the others wait for, and for
	// two scripts it may be called at once: it must be safe for
	// concurrent use.
	BeforeModels func(bytes int64)
}

// highModelBytes is what BeforeModels is told a language's high-accuracy
// models take: as lingua holds them, and room to load them.
const highModelBytes = 40 << 20

// Detector labels text with one of its candidate languages. It is safe
// for concurrent use.
type Detector struct {
	// low is lingua over the candidates in low-accuracy mode (trigrams
	// only), high in high-accuracy mode (n-grams of 1 to 5 letters), nil
	// with Options.LowAccuracy; both nil when there is one candidate only.
	// See Label for which decides.
	low, high lingua.LanguageDetector
	others    lingua.LanguageDetector // every language lingua knows, low accuracy: see foreign
	langs     []corpus.Lang
	minGap    float64
	short     int
	workers   int
	// lowLoaded and highLoaded hold one sync.Once per script of the
	// candidates (keyed by its range table) for low and high: see load.
	lowLoaded, highLoaded map[*unicode.RangeTable]*sync.Once
	// highScored counts the texts scored in the high-accuracy mode, whose
	// models a document loads only where a short line's own label
	// decides (see Label)
	highScored   atomic.Int64
	beforeModels func(bytes int64) // Options.BeforeModels
	// plain holds, for each candidate, the scores and languages of text
	// plainly in it (see plainlyIn), shared by all such paragraphs, most
	// of a long document: read only, full to capacity (an append copies)
	plain map[corpus.Lang]plainResult
}

// plainResult is what detect gives text plainly in one candidate.
type plainResult struct {
	sc    scores        // the candidate with 1, then those of its script (as byScript)
	langs []corpus.Lang // the candidate alone, as Label.Langs
}

// New builds a Detector. It fails on a code lingua-go does not know or a
// repeated code. With one candidate language there is nothing to decide:
// every text with letters gets that language.
func New(opts Options) (*Detector, error) {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = DefaultLangs
	}
	d := &Detector{langs: slices.Clone(langs), minGap: opts.MinGap, short: opts.Short, workers: opts.Workers, beforeModels: opts.BeforeModels}
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
	d.plain = map[corpus.Lang]plainResult{}
	for _, l := range d.langs {
		sc := scores{{lang: l, conf: 1}}
		for _, c := range d.langs {
			if c != l && scriptOf(c) == scriptOf(l) {
				sc = append(sc, score{lang: c})
			}
		}
		d.plain[l] = plainResult{sc: slices.Clip(sc), langs: []corpus.Lang{l}}
	}
	d.lowLoaded = map[*unicode.RangeTable]*sync.Once{}
	d.highLoaded = map[*unicode.RangeTable]*sync.Once{}
	for _, l := range d.langs {
		d.lowLoaded[scriptOf(l)] = new(sync.Once)
		d.highLoaded[scriptOf(l)] = new(sync.Once)
	}
	if len(codes) >= 2 {
		d.low = lingua.NewLanguageDetectorBuilder().FromIsoCodes639_1(codes...).WithLowAccuracyMode().Build()
		if !opts.LowAccuracy {
			d.high = lingua.NewLanguageDetectorBuilder().FromIsoCodes639_1(codes...).Build()
		}
	}
	// Building loads nothing; the models of the languages that share a
	// script with the text are loaded when foreign first needs them.
	d.others = lingua.NewLanguageDetectorBuilder().FromAllLanguages().WithLowAccuracyMode().Build()
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
// addresses, Markdown link targets, inline code and HTML tags are set
// aside first; text without letters then is NoLang. A text whose
// sentences are in different languages is Mixed, with Lang its largest
// language.
func (d *Detector) Detect(text string) corpus.Label {
	label, _ := d.detect(text, true)
	return label
}

// detected is what detection found in one text: its label, the scores
// of the candidates, and whether the label is weak (see weak).
type detected struct {
	sc   scores
	weak bool
	// weakAnyway: weak whatever the scores (see weak)
	weakAnyway bool
	// provisional: sc came from the low-accuracy mode on text that the
	// high one would judge otherwise (see Label)
	provisional bool
	// letters is the text's letter count (runes), set aside text
	// excluded; 0 when it was not detected
	letters int32
}

// detect labels text, or a sample of it when it is longer than
// maxSample bytes. With high false, the text is scored in low-accuracy
// mode whatever its length, and the result is provisional when the high
// mode would have scored it otherwise; the sentences of a provisional
// text that the low mode gives another language than the text's are
// scored in high-accuracy mode (see mixed).
func (d *Detector) detect(text string, high bool) (corpus.Label, detected) {
	clean := corpus.Prose(sample(unmarked(text)))
	n := corpus.Letters(clean)
	if n == 0 {
		return corpus.Label{Lang: corpus.NoLang}, detected{}
	}
	if n >= probeLetters && n > maxMeanWord*words(clean) {
		// not words: a run of one letter, a dump without spaces
		return corpus.Label{Lang: corpus.Und}, detected{}
	}
	if l, prov, ok := d.plainlyIn(clean, high); ok {
		// the candidates byScript would keep: more than half of the
		// letters are in l's script (see plainly), a Latin or Cyrillic
		// one that no other script's candidate writes
		pl := d.plain[l]
		weak, anyway := d.weak(l, n, clean, pl.sc)
		return corpus.Label{Lang: l, Conf: 1, Langs: pl.langs}, detected{sc: pl.sc, weak: weak, weakAnyway: anyway, letters: int32(n), provisional: prov}
	}
	sc, prov := d.judge(clean, high)
	label := d.decide(sc)
	label.Langs = []corpus.Lang{label.Lang}
	if !label.Lang.IsLanguage() {
		label.Langs = nil
	}
	d.mixed(clean, &label, high)
	weak, anyway := d.weak(label.Lang, n, clean, sc)
	return label, detected{sc: sc, weak: weak, weakAnyway: anyway, letters: int32(n), provisional: prov}
}

// plainlyIn returns the candidate that text is plainly written in (see
// plainly), when it has plainLetters letters or more, as lingua counts
// them, and is to be judged in the low-accuracy mode. Among en, ru, es
// and de lingua gives such text that language with confidence 1.00 to
// two decimals and finds no sentence of it in another one
// (TestPlainlyInAsLingua; README, "How it works", Languages), so it need
// not be asked: on paragraphs of prose, most of a document, this costs a
// tenth of lingua's time. With other candidates lingua is less sure of
// a few, for the names in them, and their confidence is 1.00 instead.
// Below fullLetters letters the result is provisional, as the low mode's
// is, and with high true such text is left to lingua's high-accuracy
// mode.
func (d *Detector) plainlyIn(text string, high bool) (l corpus.Lang, provisional, ok bool) {
	if d.low == nil {
		return "", false, false
	}
	n := linguaLetters(text)
	if n < plainLetters {
		return "", false, false
	}
	if provisional = d.high != nil && n < fullLetters; provisional {
		// as scores: text only one candidate writes needs no mode
		_, only := d.onlyWriter(text)
		provisional = !only
	}
	if provisional && high {
		return "", false, false
	}
	l, ok = d.plainly(text)
	return l, provisional, ok
}

// plainLetters is the fewest letters of a text plainly in a language (see
// plainly) for lingua's low-accuracy mode to give it that language with
// confidence 1.00 to two decimals: so it did from 70 letters on among
// en, ru, es and de, on the corpus and Text+Berg's German and French
// lines (1,037 texts plainly in one of 70 to 119 letters), while 4 of 228
// of 60 to 69 letters went to another language or under 1.00.
const plainLetters = 80

// plainly returns the candidate l that text's common words say it is
// written in: its words are words (no token mixes letters and digits, as
// a list of hashes does); l's common words are more of them than those
// of any language with a list (see plain), and more than a quarter more
// than those of any such language outside the candidates (see ahead);
// more than half of its letters are in l's script; and every sentence is
// plainly l among the candidates (see plainlyOne). Text of a candidate
// without a list of common words, lists of names, tables and paragraphs
// with a sentence of another language are not plainly in any.
func (d *Detector) plainly(text string) (corpus.Lang, bool) {
	if !wordsOnly(text) {
		return "", false
	}
	words := textWordsOf(text)
	l := words.plain(d.langs, sortedListLangs)
	if l == corpus.Und || !words.ahead(l, d.langs) {
		return "", false
	}
	script := scriptOf(l) // Latin or Cyrillic: the languages with a list
	fit, all := 0, 0
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				all++
				if script == unicode.Latin {
					fit++
				}
			}
		case unicode.IsLetter(r):
			all++
			if unicode.Is(script, r) {
				fit++
			}
		}
	}
	if 2*fit <= all {
		return "", false
	}
	return l, d.plainlyOne(text, words, corpus.SplitSentences(text, l), l)
}

// wordsOnly reports whether no token of text (a run without white space)
// holds both letters and digits.
func wordsOnly(text string) bool {
	letter, digit := false, false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			letter, digit = false, false
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		}
		if letter && digit {
			return false
		}
	}
	return true
}

// judge returns the scores of text (see scores), judged on an excerpt of
// it when it is long (see excerpt), the excerpt's margin is at least
// excerptGap and its best language is the one text's common words
// plainly say (see plainLang); else on the whole. lingua's time grows
// with the words it is given: the excerpt of a paragraph of 400 letters
// costs a third.
func (d *Detector) judge(text string, high bool) (scores, bool) {
	if _, ok := d.onlyWriter(text); ok || d.low == nil {
		return d.scores(text, high)
	}
	if ex, ok := excerpt(text); ok {
		if sc, prov := d.scores(ex, high); sc.gap() >= excerptGap && sc[0].lang == plainLang(text, d.langs) {
			return sc, prov
		}
	}
	return d.scores(text, high)
}

// An excerpt of a long paragraph is excerptWindows runs of whole words of
// excerptWindow letters or more each (runes), at its start, its end and
// evenly between: excerptWindows*excerptWindow letters, more than
// fullLetters so that lingua weighs them as it weighs the paragraph
// (trigrams only), and spread so that one sentence of another language
// does not decide.
const (
	excerptWindows = 3
	excerptWindow  = 40
	// excerptGap is the least margin of an excerpt's best language over
	// the second for the excerpt to stand for its paragraph: lingua gives
	// 0.99 and more to nearly every text of this length in one language,
	// and the confidence then prints as the whole paragraph's would, 1.00.
	// An English paragraph with German names in its middle window had
	// 0.69.
	excerptGap = 0.995
)

// excerpt returns the excerpt of text, windows joined by blank lines, and
// whether text is long enough to have one: more than twice the letters.
func excerpt(text string) (string, bool) {
	type word struct{ start, end, letters int } // byte offsets in text
	var words []word
	total := 0
	for i := 0; i < len(text); {
		j := i + strings.IndexFunc(text[i:], func(r rune) bool { return !unicode.IsSpace(r) })
		if j < i {
			break
		}
		k := strings.IndexFunc(text[j:], unicode.IsSpace)
		if k < 0 {
			k = len(text) - j
		}
		n := corpus.Letters(text[j : j+k])
		words = append(words, word{j, j + k, n})
		total += n
		i = j + k
	}
	if 2*total <= 3*excerptWindows*excerptWindow {
		return "", false
	}
	var b strings.Builder
	w, at := 0, 0 // next word; letters before it
	for k := range excerptWindows {
		from := (total - excerptWindow) * k / (excerptWindows - 1)
		for w < len(words) && at+words[w].letters <= from {
			at += words[w].letters
			w++
		}
		if w == len(words) {
			// a long last word filled the window before: the windows
			// cannot be spread, and the whole text is judged
			return "", false
		}
		start, n := w, 0
		for w < len(words) && n < excerptWindow {
			n += words[w].letters
			at += words[w].letters
			w++
		}
		if k > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(text[words[start].start:words[w-1].end])
	}
	return b.String(), true
}

// maxMeanWord is the most letters (runes) a word of language has on
// average in a text of probeLetters letters or more: German, with the
// longest words of the candidates, averages about 6; a run of one letter
// (50 MB of "a", issue 12) or a dump without spaces has far more, and
// lingua would give it a candidate with full confidence.
const maxMeanWord = 30

// words counts the words of text: runs of letters.
func words(text string) int {
	n, in := 0, false
	for _, r := range text {
		l := unicode.IsLetter(r)
		if l && !in {
			n++
		}
		in = l
	}
	return n
}

// unmarked returns text without its section marker ("VII.", "12.1",
// "## 3)"), which carries no language: a Roman numeral is Latin letters
// in a Russian heading. A marker with a label word ("Статья 5",
// "Artículo 5") is kept, the word being in the text's language.
func unmarked(text string) string {
	if m, ok := corpus.ParseMarker(text); ok && m.Label == "" {
		return text[m.Len:]
	}
	return text
}

// maxSample is the most text, in bytes, that detection looks at in one
// paragraph: a longer one (a file without line breaks, a dump) is judged
// on sampleWindows pieces spread evenly over it, so that time and memory
// per paragraph stay bounded whatever its size. Real paragraphs are far
// shorter.
const (
	maxSample     = 64 << 10
	sampleWindows = 16
)

// sample returns text when it is at most maxSample bytes long, else
// sampleWindows windows of it, evenly spread, cut at white space where
// there is some, joined by blank lines.
func sample(text string) string {
	if len(text) <= maxSample {
		return text
	}
	w := maxSample / sampleWindows
	var b strings.Builder
	b.Grow(maxSample + 2*sampleWindows)
	for k := range sampleWindows {
		lo := (len(text) - w) * k / (sampleWindows - 1)
		hi := lo + w
		for lo < hi && !utf8.RuneStart(text[lo]) {
			lo++
		}
		for hi > lo && hi < len(text) && !utf8.RuneStart(text[hi]) {
			hi--
		}
		win := text[lo:hi]
		// whole words only, when the window has a space to cut at
		if i := strings.IndexFunc(win, unicode.IsSpace); i >= 0 {
			if j := strings.LastIndexFunc(win, unicode.IsSpace); j > i {
				win = win[i:j]
			}
		}
		if k > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(win)
	}
	return b.String()
}

// confGrain is the grain, in units of confidence, to which lingua's
// confidences are rounded before any use. lingua sums log-probabilities
// in the order of a map's iteration and of its goroutines' finishing, so
// one text's confidence varies from call to call in its last bits (0.0282683651777371
// or ...7372 in 300 calls, more often on a loaded machine), and a label's
// rounding or a threshold could tip; rounded to a grain far above that
// noise and far below the two decimals printed, it is the same every run.
const confGrain = 1e-9

// scores returns the candidates' confidences for text, from lingua's
// high-accuracy mode when high is true and it would judge text otherwise
// than the low mode (fewer than fullLetters letters), else from the low
// one; provisional reports that the high mode would have judged
// otherwise.
func (d *Detector) scores(text string, high bool) (sc scores, provisional bool) {
	if d.low == nil {
		return scores{{lang: d.langs[0], conf: 1}}, false
	}
	if l, ok := d.onlyWriter(text); ok {
		return scores{{lang: l, conf: 1}}, false
	}
	det, loaded, perLang := d.low, d.lowLoaded, int64(0)
	if d.high != nil && linguaLetters(text) < fullLetters {
		if !high {
			provisional = true
		} else {
			det, loaded, perLang = d.high, d.highLoaded, highModelBytes
			d.highScored.Add(1)
		}
	}
	d.load(det, loaded, perLang, text)
	vals := det.ComputeLanguageConfidenceValues(text)
	out := make(scores, 0, len(vals))
	for _, v := range vals {
		conf := math.Round(v.Value()/confGrain) * confGrain
		out = append(out, score{lang: corpus.Lang(strings.ToLower(v.Language().IsoCode639_1().String())), conf: conf})
	}
	return byScript(text, out), provisional
}

// fullLetters is the letter count (runes, as lingua counts them: the
// letters of the lower-cased text) from which lingua's high-accuracy mode
// uses trigrams only, as the low one does (detector.go of lingua-go
// v1.4.0), so that both give the same confidences. Below it the high mode
// adds n-grams of 1, 2, 4 and 5 letters, whose models are eight times the
// size of the trigrams' (about 35 MB and 0.3 s of loading a language).
const fullLetters = 120

// linguaLetters counts the letters of text as lingua does: in its
// lower-cased form (see fullLetters).
func linguaLetters(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(unicode.ToLower(r)) { // strings.ToLower, rune by rune
			n++
		}
	}
	return n
}

// onlyWriter returns the candidate that alone writes every letter of
// text, when there is one: Cyrillic text among en, ru, es and de is
// Russian. lingua's rules give such text that language with confidence
// 1 without consulting a model; deciding it here skips lingua's
// tokenising and rule passes, the larger part of its cost on such text.
func (d *Detector) onlyWriter(text string) (corpus.Lang, bool) {
	var only corpus.Lang
	var last *unicode.RangeTable // the script of the last letter, checked first
	for _, r := range text {
		if r < utf8.RuneSelf && !('a' <= r|0x20 && r|0x20 <= 'z') || !unicode.IsLetter(r) {
			continue
		}
		if last != nil && unicode.Is(last, r) {
			continue
		}
		var w corpus.Lang
		for _, l := range d.langs {
			if writes(l, r) {
				if w != "" {
					return "", false // two candidates write r
				}
				w = l
			}
		}
		if w == "" || only != "" && w != only {
			return "", false
		}
		only, last = w, scriptOf(w)
		if w == "ja" || w == "ko" {
			last = nil // several scripts: check every letter
		}
	}
	return only, only != ""
}

// load loads det's models for the scripts of text's letters, once per
// script (loaded holds det's sync.Once of each) and one script at a time.
// lingua loads a model when a detection first needs it and stores it
// after, with nothing to stop two goroutines loading the same model at
// once: workers starting together loaded half the models twice, 84% of
// the seed statement's time. A detection of one word of the script's
// letters loads every model the script's candidates have in det's mode.
// When perLang is not 0, BeforeModels is told first of perLang bytes a
// candidate.
func (d *Detector) load(det lingua.LanguageDetector, loaded map[*unicode.RangeTable]*sync.Once, perLang int64, text string) {
	for script, once := range loaded {
		if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(script, r) }) {
			continue
		}
		once.Do(func() {
			if perLang > 0 && d.beforeModels != nil {
				n := 0
				for _, l := range d.langs {
					if scriptOf(l) == script {
						n++
					}
				}
				d.beforeModels(int64(n) * perLang)
			}
			det.ComputeLanguageConfidenceValues(warmWord(script))
		})
	}
}

// warmWord returns a word of five letters of script: five letters make
// n-grams of every order lingua uses, 1 to 5.
func warmWord(script *unicode.RangeTable) string {
	var b strings.Builder
	n := 0
	for _, rg := range script.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi) && n < 5; r += rune(rg.Stride) {
			if unicode.IsLower(r) || unicode.IsLetter(r) && !unicode.IsUpper(r) {
				b.WriteRune(r)
				n++
			}
		}
	}
	return b.String()
}

// byScript keeps the candidates whose script holds more than half of the
// letters of text, when there are any, and scales their confidences to
// sum to one. lingua weighs the words of every script, so a Russian
// heading with an English gloss, "Привязка портов (Port binding)", comes
// out English; its letters are mostly Cyrillic, and no candidate writing
// Latin can be its language.
func byScript(text string, sc scores) scores {
	counts := map[corpus.Lang]int{}
	all := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		for _, s := range sc {
			if writes(s.lang, r) {
				counts[s.lang]++
			}
		}
	}
	var kept scores
	sum := 0.0
	for _, s := range sc {
		if 2*counts[s.lang] > all {
			kept = append(kept, s)
			sum += s.conf
		}
	}
	if len(kept) == 0 || len(kept) == len(sc) || sum == 0 {
		return sc
	}
	for i := range kept {
		kept[i].conf /= sum
	}
	return kept
}

// writes reports whether language l is written with letter r: its
// script's letters (for Japanese kana and kanji, for Korean Hangul and
// Hanja).
func writes(l corpus.Lang, r rune) bool {
	switch l {
	case "ja":
		return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
	case "ko":
		return unicode.In(r, unicode.Hangul, unicode.Han)
	}
	return unicode.Is(scriptOf(l), r)
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
// are found, the label is Mixed and Langs lists them by share. high is
// detect's: a short sentence the low-accuracy mode gives another language
// than the label's is scored once more in the high one, when the
// sentences certain of their language leave the text able to be mixed
// (see canBeMixed).
func (d *Detector) mixed(text string, label *corpus.Label, high bool) {
	if d.low == nil {
		return
	}
	spans := corpus.SplitSentences(text, label.Lang)
	if len(spans) < 2 {
		return
	}
	if d.plainlyOne(text, textWordsOf(text), spans, label.Lang) {
		return
	}
	share := map[corpus.Lang]int{}
	total := 0
	count := func(sc scores, n int) {
		if len(sc) > 0 && sc.gap() >= 0.5 {
			share[sc[0].lang] += n
		}
	}
	// doubtful: the sentences the low mode gives another language than
	// the label's, which may be wrong about them (see canBeMixed), and
	// their letters
	var doubtful []string
	var doubtLetters []int
	doubt := 0
	for _, sp := range spans {
		s := text[sp.Start:sp.End]
		n := corpus.Letters(s)
		total += n
		if n < mixedLetters {
			continue
		}
		sc, prov := d.scores(s, high)
		if prov && (len(sc) == 0 || sc[0].lang != label.Lang) {
			doubtful, doubtLetters = append(doubtful, s), append(doubtLetters, n)
			doubt += n
			continue
		}
		count(sc, n)
	}
	if len(doubtful) > 0 && canBeMixed(share, total, doubt) {
		for k, s := range doubtful {
			sc, _ := d.scores(s, true)
			count(sc, doubtLetters[k])
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

// canBeMixed reports whether a text of total letters, of which share
// holds the letters of the sentences certain of their language, can have
// two languages of a quarter of its letters each once the sentences of
// doubt letters more are scored: only then are they scored again in the
// high-accuracy mode, whose models (about 35 MB a language) a document
// then loads only when such a sentence could matter. The two largest
// shares need the fewest letters to reach a quarter.
func canBeMixed(share map[corpus.Lang]int, total, doubt int) bool {
	quarter := (total + 3) / 4 // 4*n >= total
	first, second := 0, 0
	for _, n := range share {
		if n > first {
			first, second = n, first
		} else if n > second {
			second = n
		}
	}
	return max(0, quarter-first)+max(0, quarter-second) <= doubt
}

// mixedLetters is the fewest letters (runes) of a sentence that counts
// towards a mixed paragraph: shorter ones (a name, "Ibid.") say little.
const mixedLetters = 12

// ownCoverage is the least share of a sentence's words that are common
// words of the paragraph's language for the sentence to be plainly in it
// (see plainlyOne), twice minCoverage: correctly labelled prose measured
// 0.10 to 0.5 a paragraph, sentences vary more.
const ownCoverage = 2 * minCoverage

// plainlyOne reports whether every sentence of text (spans) that could
// count towards a mixed label is plainly in language l by its common
// words (words are text's, see textWordsOf): at least ownCoverage of its
// words are l's and fewer are any other candidate's. Each candidate must
// have a list. Such a paragraph is not mixed, and lingua need not be
// asked about its sentences (23% more calls, mostly short texts, before
// this).
func (d *Detector) plainlyOne(text string, words textWords, spans []corpus.Span, l corpus.Lang) bool {
	for _, c := range d.langs {
		if _, ok := commonWords[c]; !ok {
			return false
		}
	}
	for _, sp := range spans {
		s := text[sp.Start:sp.End]
		if corpus.Letters(s) < mixedLetters {
			continue
		}
		words := words.between(sp.Start, sp.End)
		own, _ := words.coverage(l)
		if own < ownCoverage {
			return false
		}
		for _, c := range d.langs {
			if cov, _ := words.coverage(c); c != l && cov >= own {
				return false
			}
		}
	}
	return true
}

// Label labels every paragraph of a document in place, then smooths: a
// paragraph whose own label is weak (see weak: Und, fewer letters than
// Options.Short, a caption, a list of names) takes the language of its
// nearest strong neighbours when both agree and write the same script; at
// either end of the document the one neighbour decides; between
// neighbours of two languages, one of which holds for more than a
// paragraph, the side of the version start (see versionStart) decides.
// Front matter and code blocks are NoLang.
// Paragraphs are detected concurrently; the result does not depend on the
// number of workers. Text in a language outside the candidates is Und,
// with that language in Langs (see foreign).
//
// Every paragraph is first scored in lingua's low-accuracy mode, which
// loads an eighth of the models; it is final for paragraphs of
// fullLetters letters or more, where both modes agree. A shorter one keeps
// it when its context settles it: its best language is its neighbours'
// label, or it is weak whatever lingua says and smoothing labels it by
// its context; the others are scored again in the high-accuracy mode, in
// rounds until every one is settled (see unsettled and detectContext),
// as are the short sentences that could make a paragraph mixed (see
// mixed). A document without such lines loads no high-accuracy model.
// Without Options.LowAccuracy, the labels are those of the high mode on
// every paragraph of the corpus and of the golden tests but one line,
// which the high mode got wrong; the confidences of short paragraphs are
// the low mode's.
func (d *Detector) Label(paras []corpus.Paragraph) {
	d.LabelContext(context.Background(), paras)
}

// LabelContext is Label that stops early when ctx is done, within the
// time of detecting one paragraph (bounded: see maxSample). It then
// returns ctx's error and the labels of paras are incomplete.
func (d *Detector) LabelContext(ctx context.Context, paras []corpus.Paragraph) error {
	all, err := d.detectContext(ctx, paras)
	if err != nil {
		return err
	}
	d.smooth(paras, all)
	d.foreign(paras, all)
	return nil
}

// detectContext detects every paragraph of paras in the low-accuracy mode,
// then those their context does not settle (see unsettled) in the high
// one. Scored again, a paragraph may become strong and change the
// context of others, so this goes on until none is left unsettled; each
// round scores at least one provisional paragraph for good.
func (d *Detector) detectContext(ctx context.Context, paras []corpus.Paragraph) ([]detected, error) {
	all := make([]detected, len(paras))
	idx := make([]int, len(paras))
	for i := range idx {
		idx[i] = i
	}
	high := false
	for len(idx) > 0 {
		if err := d.detectAll(ctx, paras, all, idx, high); err != nil {
			return nil, err
		}
		idx, high = d.unsettled(paras, all), true
	}
	return all, nil
}

// detectAll detects the paragraphs idx of paras on d.workers goroutines,
// high as detect's, into all and their labels.
func (d *Detector) detectAll(ctx context.Context, paras []corpus.Paragraph, all []detected, idx []int, high bool) error {
	if len(idx) == 0 {
		return ctx.Err()
	}
	// workers take the next paragraph in turn: a channel's hand-over per
	// paragraph, on two cores, kept them a quarter idle
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(d.workers, len(idx)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				k := int(next.Add(1)) - 1
				if k >= len(idx) {
					return
				}
				i := idx[k]
				p := &paras[i]
				if !p.Kind.Content() {
					p.Label = corpus.Label{Lang: corpus.NoLang}
					continue
				}
				p.Label, all[i] = d.detect(p.Text, high)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}

// unsettled returns the paragraphs whose provisional scores (see
// detected) their context does not settle. A paragraph weak whatever its
// scores (see weak: by its letters or its capitals) is settled where
// smoothing labels it by its context (see byContext). Any paragraph is
// settled when its best language is the label of the nearest paragraph
// labelled with a language on each side, or of the nearest strong one
// (labelled, not weak) on each side, one at least being there. A
// neighbour in a language the paragraph's script rules out (a Russian
// paragraph next to an English heading, at the boundary of two versions)
// does not count. The labels and scores are those detected so far. A line
// weak by its margin only is not settled by a context it disagrees with:
// the high mode may find it strong, a line left untranslated.
func (d *Detector) unsettled(paras []corpus.Paragraph, all []detected) []int {
	prevStrong, nextStrong := strongAround(paras, all)
	// runBefore and runAfter: of a strong paragraph, how many strong ones
	// in its language follow one another up to it and from it on (weak
	// ones between them do not count)
	runBefore, runAfter := make([]int, len(paras)), make([]int, len(paras))
	run := func(runs []int, i, nb int) {
		runs[i] = 1
		if nb >= 0 && paras[nb].Lang == paras[i].Lang {
			runs[i] += runs[nb]
		}
	}
	// next: the label of the nearest labelled paragraph after i, "" none
	next := make([]corpus.Lang, len(paras))
	var l corpus.Lang
	for i := len(paras) - 1; i >= 0; i-- {
		next[i] = l
		if paras[i].Lang.IsLanguage() {
			l = paras[i].Lang
		}
		if isStrong(paras, all, i) {
			run(runAfter, i, nextStrong[i])
		}
	}
	lang := func(i int) corpus.Lang {
		if i < 0 {
			return ""
		}
		return paras[i].Lang
	}
	var out []int
	var prev corpus.Lang // the label of the nearest labelled paragraph before i
	for i, p := range paras {
		a, b := prevStrong[i], nextStrong[i]
		if x := all[i]; x.provisional && !(x.weakAnyway && byContext(paras, a, b, runBefore, runAfter)) &&
			!agrees(x.sc, prev, next[i]) && !agrees(x.sc, lang(a), lang(b)) {
			out = append(out, i)
		}
		if p.Lang.IsLanguage() {
			prev = p.Lang
		}
		if isStrong(paras, all, i) {
			run(runBefore, i, a)
		}
	}
	return out
}

// isStrong reports whether paragraph i's own label stands: labelled with
// a language and not weak.
func isStrong(paras []corpus.Paragraph, all []detected, i int) bool {
	return paras[i].Lang.IsLanguage() && !all[i].weak
}

// strongAround returns the nearest strong paragraph (see isStrong) before
// and after each paragraph, -1 where there is none.
func strongAround(paras []corpus.Paragraph, all []detected) (prev, next []int) {
	prev, next = make([]int, len(paras)), make([]int, len(paras))
	last := -1
	for i := range paras {
		prev[i] = last
		if isStrong(paras, all, i) {
			last = i
		}
	}
	last = -1
	for i := len(paras) - 1; i >= 0; i-- {
		next[i] = last
		if isStrong(paras, all, i) {
			last = i
		}
	}
	return prev, next
}

// versionRun is the fewest strong paragraphs in one language, one after
// another, that make a version on either side of a boundary (see
// byContext): a line or two left untranslated are not one.
const versionRun = 3

// byContext reports whether smoothing labels a weak paragraph by its
// context rather than by its own label (see smooth), or at a boundary of
// two versions: a and b are the nearest strong paragraphs before and
// after it (-1: none), runBefore and runAfter the strong paragraphs in
// their language that end at a and start at b (see unsettled). It does
// when a and b are in one language or one of them is missing. At a
// boundary, where each language holds for versionRun strong paragraphs
// or more, its own label helps find where the version starts (see
// versionStart), and the low mode's served as well as the high one's
// (see README, "How it works", Languages). Next to a line or two of
// another language (left untranslated: "This page is only available in
// English." before "Thank you"), between two languages in turn, or with no
// strong paragraph at all, its own label decides, and the high mode's is
// the better.
func byContext(paras []corpus.Paragraph, a, b int, runBefore, runAfter []int) bool {
	switch {
	case a < 0 && b < 0:
		return false
	case a < 0 || b < 0 || paras[a].Lang == paras[b].Lang:
		return true
	}
	return runBefore[a] >= versionRun && runAfter[b] >= versionRun
}

// agrees reports whether the best language of sc is the label of both
// neighbours a and b, when there is one at least: "" is none, and one in
// a language sc rules out (by its script) does not count.
func agrees(sc scores, a, b corpus.Lang) bool {
	agree, seen := len(sc) > 0, false
	for _, nb := range []corpus.Lang{a, b} {
		if nb == "" || !slices.ContainsFunc(sc, func(s score) bool { return s.lang == nb }) {
			continue // none, or ruled out
		}
		seen = true
		agree = agree && nb == sc[0].lang
	}
	return agree && seen
}

// Text in a language outside the candidates. Restricted to its
// candidates, lingua gives such text one of them, often with full
// confidence (French as English, Italian as Spanish), so the paragraphs
// are probed once more among every language lingua knows.
const (
	// probeLetters is the least a probe holds: lingua's low-accuracy mode
	// is as good as the high one from about 120 characters on.
	probeLetters = 100
	// probeBytes is the most text of a probe.
	probeBytes = 600
	// probesBase and probeStride set how many probes check a document:
	// probesBase, and one more per probeStride letters, evenly spread over
	// its labelled paragraphs (16 for a statement, about 1,000 for 10 MB),
	// whatever the number of runs.
	probesBase  = 16
	probeStride = 8192
	// foreignConf is the least confidence lingua must give the other
	// language, and 1 - foreignConf the most it may give the label.
	foreignConf = 0.9
)

// foreign finds text in a language outside the candidates. A run is the
// paragraphs labelled with one language one after another (paragraphs
// without a language between them do not break it). A probe is the text
// of a paragraph, topped up with the paragraphs after it in the run to
// probeLetters letters, at most probeBytes bytes; a probe made mostly of
// capitalised words (a list of names) says nothing. The document is
// probed at probesBase + letters/probeStride paragraphs spread evenly
// over its letters; lingua, asked among every language it knows, may give
// a probe to another language with confidence foreignConf and the run's
// own less than 1 - foreignConf. When a probe is foreign, every paragraph
// labelled with the run's language is probed, and those found in another
// language become Und, with Langs holding the language found; a paragraph
// too short for a probe of its own (a heading, a last line) next to one of
// them follows it when lingua gives it the same language. A sampled probe
// asks lingua only when its words look foreign (looksForeign), and a
// paragraph too short for a probe whose common words are another
// language's (likelyOther) is asked about alone, Und when lingua agrees.
// The time grows
// with the letters, not with the number of runs (paragraphs of two
// languages in turn make a run of every paragraph), and is linear in the
// text when a foreign language is found.
func (d *Detector) foreign(paras []corpus.Paragraph, all []detected) {
	type run struct {
		lang corpus.Lang
		idx  []int // paragraphs labelled lang
	}
	var runs []run
	for i, p := range paras {
		if !p.Lang.IsLanguage() {
			continue
		}
		if k := len(runs) - 1; k < 0 || runs[k].lang != p.Lang {
			runs = append(runs, run{lang: p.Lang})
		}
		runs[len(runs)-1].idx = append(runs[len(runs)-1].idx, i)
	}
	// other returns the language outside the candidates that lingua
	// finds text in, or Und; label is the text's label.
	other := func(text string, label corpus.Lang, minConf float64) corpus.Lang {
		vals := d.others.ComputeLanguageConfidenceValues(text)
		if len(vals) == 0 || vals[0].Value() == 0 || vals[0].Value() < minConf {
			return corpus.Und
		}
		l := corpus.Lang(strings.ToLower(vals[0].Language().IsoCode639_1().String()))
		if slices.Contains(d.langs, l) {
			return corpus.Und
		}
		for _, v := range vals {
			if corpus.Lang(strings.ToLower(v.Language().IsoCode639_1().String())) == label && v.Value() > 1-minConf {
				return corpus.Und
			}
		}
		return l
	}
	// probe returns the language outside the candidates that the probe
	// at paragraph k of run r is in, or Und.
	probe := func(r run, k int, gated bool) corpus.Lang {
		var b strings.Builder
		n := 0
		for ; k < len(r.idx) && n < probeLetters && b.Len() < probeBytes; k++ {
			clean := corpus.Prose(sample(paras[r.idx[k]].Text))
			if len(clean) > probeBytes-b.Len() {
				clean = strings.ToValidUTF8(clean[:probeBytes-b.Len()], "")
			}
			b.WriteString(clean)
			b.WriteString("\n\n")
			n += corpus.Letters(clean)
		}
		if n < probeLetters || corpus.CapitalisedShare(b.String()) >= 0.5 || gated && !looksForeign(b.String(), r.lang) {
			return corpus.Und
		}
		return other(b.String(), r.lang, foreignConf)
	}
	// the probes: at evenly spaced letter offsets, each at the paragraph
	// (run r, index k) holding the offset
	total := 0
	letters := make([]int, len(paras))
	for _, r := range runs {
		for _, i := range r.idx {
			letters[i] = corpus.Letters(paras[i].Text)
			total += letters[i]
		}
	}
	n := probesBase + total/probeStride
	suspect := map[corpus.Lang]bool{}
	next, at := 0, 0 // next probe's number; letters before the paragraph
	for _, r := range runs {
		for k, i := range r.idx {
			at += letters[i]
			if next < n && at*n > next*total && !suspect[r.lang] {
				suspect[r.lang] = probe(r, k, true) != corpus.Und
			}
			for next < n && at*n > next*total {
				next++
			}
		}
	}
	found := make([]corpus.Lang, len(paras)) // Und: none found
	seen := false
	// a paragraph too short for a probe whose common words are another
	// language's, when lingua agrees (issue 12: a short French paragraph
	// was English 0.70)
	for _, r := range runs {
		for _, i := range r.idx {
			if all[i].letters >= probeLetters {
				continue
			}
			clean := corpus.Prose(sample(paras[i].Text))
			if l := likelyOther(clean, r.lang, d.langs); l != corpus.Und && other(clean, r.lang, 0) == l {
				found[i] = l
				seen = true
			}
		}
	}
	for _, r := range runs {
		if !suspect[r.lang] {
			continue
		}
		for k, i := range r.idx {
			found[i] = probe(r, k, false)
			seen = seen || found[i] != corpus.Und
		}
	}
	if !seen {
		return
	}
	// short paragraphs next to foreign ones, forwards then backwards
	var labelled []int
	for i, p := range paras {
		if p.Lang.IsLanguage() {
			labelled = append(labelled, i)
		}
	}
	follow := func(k, nb int) {
		i := labelled[k]
		if nb < 0 || nb >= len(labelled) || found[i] != corpus.Und || found[labelled[nb]] == corpus.Und {
			return
		}
		clean := corpus.Prose(sample(paras[i].Text))
		if corpus.Letters(clean) >= probeLetters {
			return
		}
		if l := other(clean, paras[i].Lang, 0); l == found[labelled[nb]] {
			found[i] = l
		}
	}
	for k := range labelled {
		follow(k, k-1)
	}
	for k := len(labelled) - 1; k >= 0; k-- {
		follow(k, k+1)
	}
	for i, l := range found {
		if l != corpus.Und {
			paras[i].Label = corpus.Label{Lang: corpus.Und, Langs: []corpus.Lang{l}}
		}
	}
}

// What makes a paragraph's own label weak (see weak).
const (
	// weakLine is the letter count (runes) under which a line's label
	// may be weak for its margin or its capitals: a sentence or more of
	// prose settles its language, a caption or an address does not.
	weakLine = 100
	// weakGap is the margin between the best two languages under which
	// a line's label is weak.
	weakGap = 0.5
	// captionGap and captionShare: a line of which at least captionShare
	// of the words are capitalised (names in a list of organisations, a
	// caption in title case) is weak below a margin of captionGap. German
	// capitalises its nouns, a third to a half of its words, hence a
	// margin this high.
	captionGap   = 0.9
	captionShare = 0.5
	// namesShare is the share of capitalised words from which a line is
	// weak whatever its margin: a postal address, a list of names, a
	// line of place names. lingua is sure of such a line only because of
	// the names in it ("Avenida Central 14, 28013 Madrid, España": es
	// 0.99), while prose, German included, stays well under it.
	namesShare = 0.8
)

// weak reports whether a paragraph's own label should yield to its
// context: Und, fewer letters than Options.Short, or a line of under
// weakLine letters with a margin under weakGap, or under captionGap when
// made mostly of capitalised words, or with any margin when made almost
// only of them (namesShare). anyway reports that the paragraph is weak
// whatever its scores: by its letters or its capitals alone. clean is the
// paragraph's text as corpus.Prose returns it, n its letters.
func (d *Detector) weak(l corpus.Lang, n int, clean string, sc scores) (weak, anyway bool) {
	if l == corpus.NoLang {
		return false, false
	}
	if n < d.short {
		return true, true
	}
	capitals := 0.0
	if n < weakLine {
		if capitals = corpus.CapitalisedShare(clean); capitals >= namesShare {
			return true, true
		}
	}
	if l == corpus.Und {
		return true, false
	}
	if n >= weakLine {
		return false, false
	}
	return sc.gap() < weakGap || sc.gap() < captionGap && capitals >= captionShare, false
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

func (d *Detector) smooth(paras []corpus.Paragraph, all []detected) {
	// from the labels as detected (smoothing does not feed on itself)
	prev, next := strongAround(paras, all)
	// starts[b]: where the version whose first strong paragraph is b
	// starts, when the strong paragraph before b is in another language
	// (see versionStart); worked out once per boundary
	const unset = -1
	starts := make([]int, len(paras))
	for i := range starts {
		starts[i] = unset
	}
	newLang := make([]corpus.Lang, len(paras))
	newConf := make([]float64, len(paras))
	for i, p := range paras {
		if !all[i].weak {
			continue
		}
		var l corpus.Lang
		var conf float64
		a, b := prev[i], next[i]
		switch {
		case a >= 0 && b >= 0 && paras[a].Lang == paras[b].Lang:
			l, conf = paras[a].Lang, min(paras[a].Conf, paras[b].Conf)
		case a < 0 && b >= 0:
			l, conf = paras[b].Lang, paras[b].Conf
		case b < 0 && a >= 0:
			l, conf = paras[a].Lang, paras[a].Conf
		case a >= 0 && b >= 0 && (sameLang(paras, a, prev[a]) || sameLang(paras, b, next[b])):
			// between two languages, where one holds for more than a
			// paragraph (not two languages in turn, paragraph by
			// paragraph): the paragraphs from where the version after
			// starts are in its language, the others in the language of
			// the version before, unless the script of an undetermined
			// one says otherwise
			if starts[b] == unset {
				starts[b] = versionStart(paras, a, b)
			}
			from, to := a, b
			if i >= starts[b] {
				from, to = b, a
			}
			l, conf = paras[from].Lang, paras[from].Conf
			if p.Lang == corpus.Und && !scriptFits(p.Text, l) {
				l, conf = paras[to].Lang, paras[to].Conf
			}
		case a >= 0 && b >= 0 && p.Lang == corpus.Und:
			// between two languages in turn: the paragraph it follows,
			// unless its script says otherwise
			l, conf = paras[a].Lang, paras[a].Conf
			if !scriptFits(p.Text, l) {
				l, conf = paras[b].Lang, paras[b].Conf
			}
		}
		if l != "" && l != p.Lang && scriptFits(p.Text, l) {
			newLang[i] = l
			// the paragraph's own score for l, or, when context
			// outweighs it, three quarters of the context's confidence
			newConf[i] = round2(max(all[i].sc.of(l), 0.75*conf))
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

// sameLang reports whether paragraph j exists (j >= 0) and has the
// language of paragraph i.
func sameLang(paras []corpus.Paragraph, i, j int) bool {
	return j >= 0 && paras[j].Lang == paras[i].Lang
}

// versionStart returns where a version starts in a stretch of weak
// paragraphs (a+1 to b-1) between strong paragraph a and strong
// paragraph b in another language, b at the latest. A version opens at
// its title: at the heading opening it (see opening) when there is one,
// however lingua labels its few words, and what comes before that
// heading (an address, a list of names, the version's last section
// heading) closes the version before. Without a heading the start is
// where the paragraphs' own labels disagree least with a cut (those in
// a's language after it, those in b's before it); of equal cuts the
// latest, as weak text closes a version rather than opens one.
func versionStart(paras []corpus.Paragraph, a, b int) int {
	if o := opening(paras, a, b); o >= 0 {
		return o
	}
	before, after := paras[a].Lang, paras[b].Lang
	cost := 0 // of the cut at a+1: the paragraphs labelled before
	for i := a + 1; i < b; i++ {
		if paras[i].Lang == before {
			cost++
		}
	}
	best, least := a+1, cost
	for c := a + 2; c <= b; c++ {
		switch paras[c-1].Lang {
		case before:
			cost--
		case after:
			cost++
		}
		if cost <= least {
			best, least = c, cost
		}
	}
	return best
}

// opening returns the heading that opens the version whose first strong
// paragraph is b, after strong paragraph a: of the headings standing
// right before b (paragraphs without letters, such as front matter,
// between them), and b itself when it is a heading, the first of the
// highest level; -1 when no heading stands right before b. The highest
// level, so that a last section heading of the version before ("## 5.
// Annex" with nothing under it) does not open the next version.
func opening(paras []corpus.Paragraph, a, b int) int {
	o := -1
	if paras[b].Kind == corpus.Heading {
		o = b
	}
	for i := b - 1; i > a; i-- {
		switch {
		case paras[i].Kind == corpus.Heading:
			if o < 0 || paras[i].Level <= paras[o].Level {
				o = i
			}
		case paras[i].Lang != corpus.NoLang:
			return o
		}
	}
	return o
}

// scriptFits reports whether context may label text as language l: text
// written mostly in Latin letters may take any language (names and
// acronyms in Latin letters stand in every version), but text mostly in
// another script takes only a language of that script, so that context
// never relabels a Cyrillic line as English.
func scriptFits(text string, l corpus.Lang) bool {
	fit, latin, all := 0, 0, 0
	for _, r := range corpus.Prose(sample(text)) {
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		if writes(l, r) {
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

func round2(x float64) float64 {
	return float64(int(x*100+0.5)) / 100
}
