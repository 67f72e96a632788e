package align

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dictionary is a bilingual word list made ready for AlignUnits: a word of
// the source text and a word of the target text that the list pairs become
// one anchor, weighted like every anchor by how rare it is in the two
// texts (a hit on "Gletscher"/"glacier" says more than one on "und"/"et").
//
// Words are compared folded (lower case, no accents, Cyrillic
// transliterated) and cut to their first DictPrefix letters, so that
// inflected forms meet: "Regierungen" finds the entry "Regierung". All the
// translations of one source word are one anchor (a concept), so a word
// with five translations counts once, whichever of them the target uses.
//
// A Dictionary is immutable and safe for concurrent use.
type Dictionary struct {
	// side[0] maps a source stem, side[1] a target stem, to the concepts
	// it expresses, sorted
	side  [2]map[string][]uint32
	pairs [][2]string
}

// DictPrefix is the number of letters of a folded word that a dictionary
// compares: the prefix trick of hunalign-style aligners, measured on the
// Text+Berg dev set against whole words and other lengths (README,
// Sentence alignment).
const DictPrefix = 5

// NewDictionary prepares pairs of source and target words (or phrases:
// a phrase is represented by its longest word) for AlignUnits. Pairs with
// an empty side are ignored.
func NewDictionary(pairs [][2]string) *Dictionary {
	d := &Dictionary{side: [2]map[string][]uint32{{}, {}}}
	concept := map[string]uint32{}
	for _, p := range pairs {
		s, t := dictStem(p[0]), dictStem(p[1])
		if s == "" || t == "" {
			continue
		}
		d.pairs = append(d.pairs, p)
		c, ok := concept[s]
		if !ok {
			c = uint32(len(concept))
			concept[s] = c
			d.side[0][s] = []uint32{c}
		}
		if cs := d.side[1][t]; !slices.Contains(cs, c) {
			d.side[1][t] = append(cs, c)
		}
	}
	for _, cs := range d.side[1] {
		slices.Sort(cs)
	}
	return d
}

// Reverse returns the dictionary with its two languages swapped.
func (d *Dictionary) Reverse() *Dictionary {
	swapped := make([][2]string, len(d.pairs))
	for k, p := range d.pairs {
		swapped[k] = [2]string{p[1], p[0]}
	}
	return NewDictionary(swapped)
}

// Len returns the number of word pairs the dictionary holds.
func (d *Dictionary) Len() int { return len(d.pairs) }

// Words returns the number of distinct source and target stems.
func (d *Dictionary) Words() (src, tgt int) { return len(d.side[0]), len(d.side[1]) }

// dictStem folds the longest word of phrase and cuts it to DictPrefix
// letters.
func dictStem(phrase string) string {
	best := ""
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return !isWordRune(r) }) {
		f := foldWord(w)
		if utf8.RuneCountInString(f) > utf8.RuneCountInString(best) {
			best = f
		}
	}
	return string(stemOf([]byte(best)))
}

// foldWord folds every letter of w as the tokenizer does.
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(unicode.ToLower(r)))
		} else {
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// stemOf returns the first DictPrefix letters of the folded word w (w
// itself when shorter); it shares w's memory.
func stemOf(w []byte) []byte {
	n := 0
	for i := range string(w) {
		if n == DictPrefix {
			return w[:i]
		}
		n++
	}
	return w
}

// dictKeys appends to ids the anchor keys of the concepts the folded word
// w of text t expresses.
func (tk *tokenizer) dictKeys(w []byte, t int) {
	for _, c := range tk.dict.side[t][string(stemOf(w))] {
		tk.key = binary.BigEndian.AppendUint32(append(tk.key[:0], 'd'), c)
		tk.ids = append(tk.ids, tk.keys.id(tk.key, anchorDict))
	}
}
