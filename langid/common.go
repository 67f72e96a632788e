package langid

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralign/paralign/corpus"
)

// commonWords are the most frequent function words of a language
// (articles, pronouns, prepositions, conjunctions, auxiliaries), lower
// case: in running prose of the language a third to a half of the words
// are among them, in text of another language few are. See coverage.
var commonWords = map[corpus.Lang]string{
	"en": "the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they you were her she there one all we their has been if more when will would who so no its our can than also into only these other any may such should shall them those",
	"de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihre ihrer seine jeder jede kein keine unter gegen",
	"es": "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él toda es son ser",
	"ru": "и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между также это является каждый право свободы",
	"fr": "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont avec son ou sa ses leur nous vous elle été aux cette être tout ont sans entre toute tous doit",
	"it": "di e il la che in a per un del non è una le si da con i dei al alla della gli lo come più ma sono nel anche ha o ad delle se tra ogni essere sua suo loro deve",
	"pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas ao ele das à seu sua ou ser quando muito nos já também pelo pela até isso entre toda todo tem",
	"uk": "і та в на що з до не у за як це від для його по є а про її які але ми він вони також кожна кожен має людина права або бути був була може їх",
	"bg": "и на да в се от за не с е че по са към като или при до което които това има той тя те ще бъде всеки право трябва може бъдат",
	"nl": "de en van het een in is dat op te zijn voor met die niet aan er om ook als bij of door naar dan maar wordt worden uit tot heeft deze hij zij ze nog over geen elk ieder",
}

// textWords are the words of a text (runs of letters, lower-cased as
// strings.ToLower does), found in one pass for every language asked
// about: where each starts in the text, and the languages whose common
// words hold it, one bit each (see listBit).
type textWords struct {
	start []int
	lists []uint32
}

func textWordsOf(text string) textWords {
	var w textWords
	var buf []byte // the word being read, lower-cased
	at := -1       // where it starts, -1 outside a word
	end := func() {
		if at >= 0 {
			w.start = append(w.start, at)
			w.lists = append(w.lists, listsOf[string(buf)])
		}
		buf, at = buf[:0], -1
	}
	for i, r := range text {
		if r = unicode.ToLower(r); !unicode.IsLetter(r) {
			end()
			continue
		}
		if at < 0 {
			at = i
		}
		buf = utf8.AppendRune(buf, r)
	}
	end()
	return w
}

// between returns the words that start in text[from:to].
func (w textWords) between(from, to int) textWords {
	i, _ := slices.BinarySearch(w.start, from)
	j, _ := slices.BinarySearch(w.start, to)
	return textWords{start: w.start[i:j], lists: w.lists[i:j]}
}

// count returns how many of the words are common words of language l,
// and whether l has a list.
func (w textWords) count(l corpus.Lang) (int, bool) {
	bit, ok := listBit(l)
	n := 0
	for _, m := range w.lists {
		if m&bit != 0 {
			n++
		}
	}
	return n, ok
}

// coverage returns the share of the words that are common words of
// language l, and whether l has a list.
func (w textWords) coverage(l corpus.Lang) (float64, bool) {
	n, ok := w.count(l)
	if len(w.lists) == 0 {
		return 0, ok
	}
	return float64(n) / float64(len(w.lists)), ok
}

// ahead reports whether the common words of language l are more than
// those of any language with a list outside candidates by more than a
// quarter: by a word or two, text in such a language may come out l
// ("Par la suite, à l'ouïe de nos mésaventures, on me conseilla…" has
// 11 Spanish common words and 10 French ones: "me" and "nos" are both).
// Prose in l measured far ahead: of the paragraphs of 80 letters or more
// of the corpus and the UDHR plain in a candidate, a quarter more keeps
// 810 of 830, twice as many 571.
func (w textWords) ahead(l corpus.Lang, candidates []corpus.Lang) bool {
	own, _ := w.count(l)
	for _, r := range sortedListLangs {
		if n, _ := w.count(r); !slices.Contains(candidates, r) && 4*own <= 5*n {
			return false
		}
	}
	return true
}

// listsOf maps each common word to the languages whose list holds it,
// bit k for sortedListLangs[k]; built once, read-only after.
var listsOf = func() map[string]uint32 {
	m := map[string]uint32{}
	for k, l := range sortedListLangs {
		for _, w := range strings.Fields(commonWords[l]) {
			m[w] |= 1 << k
		}
	}
	return m
}()

// listBit returns language l's bit in listsOf, and whether l has a list.
func listBit(l corpus.Lang) (uint32, bool) {
	k := slices.Index(sortedListLangs, l)
	if k < 0 {
		return 0, false
	}
	return 1 << k, true
}

// Where common words say text may be in a language outside the
// candidates (see looksForeign).
const (
	// minCoverage is the share of words, among the common words of the
	// label's language, under which prose looks foreign. Prose labelled
	// correctly measured 0.10 to 0.5 (Russian, inflected, lowest) on the
	// seed, the charter and the UDHR, lists of names lower; French as
	// English 0.00, Italian as Spanish 0.09 to 0.28.
	minCoverage = 0.1
	// shortForeignCov is the least share of words among another
	// language's common words for a paragraph too short for a probe
	// (fewer than probeLetters letters) to be asked about: "Tous les
	// êtres humains naissent libres et égaux en dignité et en droits."
	// has 0.38 in French and 0 in English.
	shortForeignCov = 0.3
)

// looksForeign reports whether text labelled l may be in a language
// outside the candidates: l has no list of common words (nothing to
// say), few of its words are l's common words, or more are another
// language's. It costs a pass over the words, against a probe of lingua
// among every language (2.8 ms a call, 78 MB of models).
func looksForeign(text string, l corpus.Lang) bool {
	words := textWordsOf(text)
	own, ok := words.coverage(l)
	if !ok || own < minCoverage {
		return true
	}
	for other := range commonWords {
		if other == l {
			continue
		}
		if c, _ := words.coverage(other); c > own {
			return true
		}
	}
	return false
}

// likelyOther returns the language outside candidates whose common words
// cover at least shortForeignCov of text's words and more than twice as
// many as those of label, or Und.
func likelyOther(text string, label corpus.Lang, candidates []corpus.Lang) corpus.Lang {
	words := textWordsOf(text)
	own, _ := words.coverage(label)
	best, bestCov := corpus.Und, 0.0
	for _, l := range sortedListLangs {
		if slices.Contains(candidates, l) {
			continue
		}
		if c, _ := words.coverage(l); c >= shortForeignCov && c > 2*own && c > bestCov {
			best, bestCov = l, c
		}
	}
	return best
}

// sortedListLangs are the languages of commonWords in order.
var sortedListLangs = func() []corpus.Lang {
	var ls []corpus.Lang
	for l := range commonWords {
		ls = append(ls, l)
	}
	slices.Sort(ls)
	return ls
}()

// plainLang returns the candidate whose common words are at least
// minCoverage of text's words and more of them than any other
// candidate's, or Und: when there is none, or a candidate has no list.
func plainLang(text string, candidates []corpus.Lang) corpus.Lang {
	return textWordsOf(text).plain(candidates, candidates)
}

// plain returns the candidate whose common words are at least
// minCoverage of the words and more of them than those of any other
// language of rivals, candidates or not, or Und: when there is none, or
// a candidate or a rival has no list.
func (w textWords) plain(candidates, rivals []corpus.Lang) corpus.Lang {
	for _, c := range slices.Concat(candidates, rivals) {
		if _, ok := listBit(c); !ok {
			return corpus.Und
		}
	}
	counts := make([]int, len(rivals))
	for k, c := range rivals {
		counts[k], _ = w.count(c)
	}
	best, second := -1, 0
	for k, n := range counts {
		switch {
		case best < 0 || n > counts[best]:
			if best >= 0 {
				second = counts[best]
			}
			best = k
		case n > second:
			second = n
		}
	}
	if best < 0 || counts[best] == second || float64(counts[best]) < minCoverage*float64(len(w.lists)) ||
		!slices.Contains(candidates, rivals[best]) {
		return corpus.Und
	}
	return rivals[best]
}
