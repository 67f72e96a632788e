package align

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Anchors are clues, independent of any language model, that two units
// say the same thing: the same number, the same name, a cognate, the same
// marked punctuation, or a word pair learnt from the texts themselves
// (lexicon.go). Each anchor is a key; a unit holds a multiset of keys,
// written as a sorted list of key ids with repeats, so that walking two
// lists side by side counts the occurrences they share.

// anchorClass is the kind of an anchor key; the model weighs each class.
type anchorClass uint8

const (
	anchorNumber  anchorClass = iota // a run of digits: "1956", "8848"
	anchorName                       // a capitalised word or acronym, whole: "makalu", "sac"
	anchorCognate                    // a prefix of a folded word: "expe" for Expedition/expédition
	anchorPunct                      // marked punctuation: ? ! : ; ( ) quotes %
	anchorLexicon                    // a word pair learnt from a first alignment
	anchorDict                       // a word pair of the user's dictionary (dictionary.go)
	numAnchorClasses
)

// anchorKeys interns anchor keys of both texts and counts in how many
// units of each text a key occurs.
type anchorKeys struct {
	ids   map[string]uint32
	class []anchorClass
	df    [2][]int32 // units of text 0 (source) and 1 (target) holding the key
}

func newAnchorKeys() *anchorKeys {
	return &anchorKeys{ids: map[string]uint32{}}
}

// id returns the id of key, interning it.
func (k *anchorKeys) id(key []byte, c anchorClass) uint32 {
	if id, ok := k.ids[string(key)]; ok {
		return id
	}
	return k.add(string(key), c)
}

// add interns a new key; the empty key is never looked up again.
func (k *anchorKeys) add(key string, c anchorClass) uint32 {
	id := uint32(len(k.class))
	if key != "" {
		k.ids[key] = id
	}
	k.class = append(k.class, c)
	k.df[0] = append(k.df[0], 0)
	k.df[1] = append(k.df[1], 0)
	return id
}

// adopt takes in the keys of own, which units of the target (text 1)
// were read with, giving each the id it would have had if read with k
// after the source: a key k knows keeps its id, a new one gets the next
// in the order own met them. The keys of units are renumbered and sorted.
func (k *anchorKeys) adopt(own *anchorKeys, units []unitText) {
	names := make([]string, len(own.class)) // "": never looked up again
	for name, id := range own.ids {
		names[id] = name
	}
	ids := make([]uint32, len(own.class))
	for o, name := range names {
		id, ok := k.ids[name]
		if !ok || name == "" {
			id = k.add(name, own.class[o])
		}
		ids[o] = id
		k.df[1][id] += own.df[1][o]
	}
	for _, u := range units {
		for x, o := range u.keys {
			u.keys[x] = ids[o]
		}
		slices.Sort(u.keys)
	}
}

// multiset sorts a unit's key ids (repeats kept) into a new list and
// counts the unit in the df of text t.
func (k *anchorKeys) multiset(ids []uint32, t int) []uint32 {
	if len(ids) == 0 {
		return nil
	}
	out := slices.Clone(ids)
	slices.Sort(out)
	for i, id := range out {
		if i == 0 || out[i-1] != id {
			k.df[t][id]++
		}
	}
	return out
}

// weights gives every key its weight: the model's weight of its class
// times its rarity, log(1 + min(nSrc/dfSrc, nTgt/dfTgt)). A key found in
// only one text can never match and weighs 0; so does a dictionary key
// found in more than one unit in dictRarity (and more than two) of either
// text.
func (k *anchorKeys) weights(nSrc, nTgt int, class [numAnchorClasses]float64, dictRarity float64) []float32 {
	w := make([]float32, len(k.class))
	for id := range w {
		ds, dt := k.df[0][id], k.df[1][id]
		if ds == 0 || dt == 0 {
			continue
		}
		r := min(float64(nSrc)/float64(ds), float64(nTgt)/float64(dt))
		if k.class[id] == anchorDict && (float64(ds) > max(2, float64(nSrc)/dictRarity) || float64(dt) > max(2, float64(nTgt)/dictRarity)) {
			// a dictionary word in many units (Berg, Hütte in a
			// mountaineering journal) pairs the wrong units as often
			// as the right ones
			continue
		}
		w[id] = float32(class[k.class[id]] * math.Log1p(r))
	}
	return w
}

// unitText is what the aligner reads from one unit.
type unitText struct {
	length float64  // non-space characters
	end    unitEnd  // how the unit ends
	keys   []uint32 // anchor key ids without the learnt lexicon, a multiset
	words  []uint32 // word ids (folded, whole words) for the lexicon, sorted, unique
}

// tokenizer turns units into unitTexts. It holds caches and scratch space;
// one tokenizer serves one alignment.
type tokenizer struct {
	keys      *anchorKeys
	words     [2]map[string]uint32 // word ids of each text
	prefixLen int
	dict      *Dictionary     // nil: no dictionary
	fold      map[rune]string // cache of foldRune for non-ASCII runes
	buf, key  []byte
	ids       []uint32
	wordIDs   []uint32
}

func newTokenizer(keys *anchorKeys, prefixLen int, dict *Dictionary) *tokenizer {
	return &tokenizer{
		keys:      keys,
		dict:      dict,
		words:     [2]map[string]uint32{{}, {}},
		prefixLen: prefixLen,
		fold:      map[rune]string{},
	}
}

// punctKey names the marked punctuation characters that count as anchors;
// quotes of every style are one key.
func punctKey(r rune) byte {
	switch r {
	case '?', '¿':
		return '?'
	case '!', '¡':
		return '!'
	case ':':
		return ':'
	case ';':
		return ';'
	case '(', '[':
		return '('
	case ')', ']':
		return ')'
	case '%':
		return '%'
	case '"', '«', '»', '„', '“', '”', '‹', '›', '‚', '‘', '’':
		// ' and ’ inside a word are apostrophes, handled by the caller
		return '"'
	}
	return 0
}

// text reads one unit of text t (0 source, 1 target).
func (tk *tokenizer) text(s string, t int) unitText {
	var u unitText
	tk.ids = tk.ids[:0]
	tk.wordIDs = tk.wordIDs[:0]
	caps := mostlyCapitals(s)
	first := true // no word seen yet: a capital may only mark the sentence start
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case isWordRune(r):
			j := i
			upper, lower := 0, 0
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				if unicode.IsUpper(r2) {
					upper++
				} else if unicode.IsLower(r2) {
					lower++
				}
				j += n
				u.length++
			}
			tk.word(s[i:j], t, r, upper, lower, first, caps)
			first = false
			i = j
			continue
		case unicode.IsDigit(r):
			j := i
			tk.key = append(tk.key[:0], '#')
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsDigit(r2) {
					break
				}
				if d := digitValue(r2); d >= 0 {
					tk.key = append(tk.key, byte('0'+d))
				}
				j += n
				u.length++
			}
			tk.ids = append(tk.ids, tk.keys.id(tk.key, anchorNumber))
			i = j
			continue
		}
		u.length++
		if c := punctKey(r); c != 0 && !isApostrophe(s, i, size) {
			tk.key = append(tk.key[:0], 'p', c)
			tk.ids = append(tk.ids, tk.keys.id(tk.key, anchorPunct))
		}
		i += size
	}
	u.keys = tk.keys.multiset(tk.ids, t)
	u.end = endOf(s)
	slices.Sort(tk.wordIDs)
	u.words = slices.Clone(slices.Compact(tk.wordIDs))
	return u
}

// word reads one word: its lexicon id, its name key when it is
// capitalised (or an acronym) and its cognate key.
func (tk *tokenizer) word(w string, t int, first rune, upper, lower int, initial, caps bool) {
	tk.buf = tk.buf[:0]
	for _, r := range w {
		if r < utf8.RuneSelf {
			tk.buf = append(tk.buf, byte(unicode.ToLower(r)))
			continue
		}
		f, ok := tk.fold[r]
		if !ok {
			f = foldRune(r)
			tk.fold[r] = f
		}
		tk.buf = append(tk.buf, f...)
	}
	if len(tk.buf) == 0 {
		return
	}
	id, ok := tk.words[t][string(tk.buf)]
	if !ok {
		id = uint32(len(tk.words[t]))
		tk.words[t][string(tk.buf)] = id
	}
	tk.wordIDs = append(tk.wordIDs, id)
	if tk.dict != nil {
		tk.dictKeys(tk.buf, t)
	}

	// Names: capitalised words (an upper-case letter first, or an acronym
	// of two or more capitals); in a line mostly in capitals (a heading)
	// capitals say nothing.
	name := !caps && len(tk.buf) >= 2 && (unicode.IsUpper(first) && lower > 0 || upper >= 2 && lower == 0)
	_ = initial
	if name {
		tk.key = append(append(tk.key[:0], 'n'), tk.buf...)
		tk.ids = append(tk.ids, tk.keys.id(tk.key, anchorName))
	}
	tk.key = append(tk.key[:0], 'c')
	tk.key = appendCognate(tk.key, tk.buf)
	if n := len(tk.key) - 1; n >= tk.prefixLen {
		tk.key = tk.key[:1+tk.prefixLen]
		tk.ids = append(tk.ids, tk.keys.id(tk.key, anchorCognate))
	}
}

// unitEnd classifies how a unit ends: a sentence boundary, a weak one
// after which splitters disagree (a colon or semicolon), or none (a
// heading, a caption, a fragment).
type unitEnd uint8

const (
	endNone unitEnd = iota
	endStrong
	endWeak
	numUnitEnds
)

// endOf returns how s ends, closing quotes and brackets skipped.
func endOf(s string) unitEnd {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r) || r == '"' || r == '»' || r == '\'':
			continue
		case r == '.' || r == '?' || r == '!' || r == '…' || r == '。' || r == '？' || r == '！':
			return endStrong
		case r == ':' || r == ';' || r == ',':
			return endWeak
		}
		return endNone
	}
	return endNone
}

// isWordRune reports whether r belongs to a word: a letter or a combining
// mark.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// isApostrophe reports whether the quote-like rune at s[i:i+size] stands
// between two letters (l'eau, don’t).
func isApostrophe(s string, i, size int) bool {
	if i == 0 || i+size >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+size:])
	return isWordRune(before) && isWordRune(after)
}

// digitValue returns the value of a decimal digit of any script, or -1.
// Decimal digits come in runs of ten, adjacent runs forming blocks.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if !unicode.IsDigit(r) {
		return -1
	}
	z := r
	for z > 0 && unicode.IsDigit(z-1) {
		z--
	}
	return int(r-z) % 10
}

// mostlyCapitals reports whether most letters of s are capitals (a heading
// in capitals).
func mostlyCapitals(s string) bool {
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 8 && upper*3 > letters*2
}

// cyrillicLatin transliterates lower-case Cyrillic letters (Russian,
// Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian) to Latin, roughly
// as English writes Russian names.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "i", 'є': "e", 'ґ': "g", 'ў': "u", 'ђ': "dj", 'ј': "j",
	'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѓ': "g", 'ќ': "k", 'ѕ': "dz",
}

// foldRune lower-cases r, strips its accents and transliterates Cyrillic;
// letters without a Latin form stay as they are, lower-cased.
func foldRune(r rune) string {
	r = unicode.ToLower(r)
	if s, ok := cyrillicLatin[r]; ok {
		return s
	}
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ':
		return "d"
	case 'ł':
		return "l"
	case 'ı':
		return "i"
	case 'þ':
		return "th"
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(d)
		}
	}
	return b.String()
}

// appendCognate appends the cognate form of the folded word w to dst: a
// spelling that merges the usual variants of one sound across European
// languages and transliterations (c/k, z/s, ph/f, y/i, w/v, doubled
// letters), so that Kamera and caméra, Zentrum and centre, президент and
// president begin alike.
func appendCognate(dst, w []byte) []byte {
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch c {
		case 'c':
			switch next {
			case 'e', 'i', 'y':
				c = 's'
			case 'k':
				i++
				c = 'k'
			case 'h':
				// ch stays: German, French and transliterated Russian agree
			default:
				c = 'k'
			}
		case 'p':
			if next == 'h' {
				i++
				c = 'f'
			}
		case 't':
			if next == 'h' {
				i++
			}
		case 'z':
			c = 's'
		case 'q':
			c = 'k'
		case 'y':
			c = 'i'
		case 'w':
			c = 'v'
		}
		if c == last {
			continue
		}
		dst = append(dst, c)
		last = c
	}
	return dst
}
