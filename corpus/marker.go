package corpus

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumKind is the numbering system of one part of a section marker.
type NumKind uint8

const (
	// Arabic numbers: 1, 2, 12.
	Arabic NumKind = iota + 1
	// Roman numerals, as written in upper or lower case: I, iv.
	Roman
	// Letters: a, b, c (Latin), а, б, в (Cyrillic).
	Letter
)

// Part is one level of a marker: the "1" of "III.1.a".
type Part struct {
	Kind  NumKind
	Value int    // 1-based: 3 for "III", 1 for "a"
	Raw   string // as written: "III", "а" (Cyrillic)
	// AltValue is another reading of a Cyrillic letter: its Latin
	// look-alike's position (с → 3, as c), where that differs from its
	// place in the Cyrillic alphabet (с → 17); otherwise 0.
	AltValue int
}

// ID returns the part as written in a section id: the number for Arabic,
// the upper-case numeral for Roman, the lower-case Latin letter of that
// position for Letter.
func (p Part) ID() string {
	switch p.Kind {
	case Roman:
		return strings.ToUpper(p.Raw)
	case Letter:
		if p.Value >= 1 && p.Value <= 26 {
			return string(rune('a' + p.Value - 1))
		}
		return strings.ToLower(p.Raw)
	}
	return strconv.Itoa(p.Value)
}

// Marker is a section or list marker at the start of a paragraph: "1.",
// "1)", "(1)", "1\.", "IV.", "a)", "§ 3", "Article 5", "Статья 5",
// "12.1", "III.1.a", with any Markdown heading hashes and HTML anchors
// before it.
type Marker struct {
	Heading int    // Markdown ATX heading level of the line, 0 if none
	Label   string // class of the label word: "article", "§", "chapter", "part", "section", or ""
	Parts   []Part // one per dotted level, outermost first
	Punct   string // punctuation after the number: ".", ")", "()", ":", or ""
	Value   int    // Value of the last part
	Len     int    // bytes from the start of the text to the text after the marker and the white space behind it
}

// Kind returns the numbering system of the marker's last part.
func (m Marker) Kind() NumKind { return m.Parts[len(m.Parts)-1].Kind }

// Depth returns the number of dotted levels.
func (m Marker) Depth() int { return len(m.Parts) }

// ID returns the marker's own id: its parts' ids joined by dots, "§"
// before a paragraph sign's number.
func (m Marker) ID() string {
	ids := make([]string, len(m.Parts))
	for i, p := range m.Parts {
		ids[i] = p.ID()
	}
	id := strings.Join(ids, ".")
	if m.Label == "§" {
		id = "§" + id
	}
	return id
}

// labelWords maps label words (lower case, without a trailing period) to
// their class. Article labels give bare-number ids, as CONTRACT.md says.
var labelWords = map[string]string{
	"article": "article", "art": "article", "artikel": "article", "artículo": "article",
	"articulo": "article", "статья": "article", "ст": "article", "articolo": "article",
	"artigo": "article", "článek": "article", "artykuł": "article", "стаття": "article",
	"chapter": "chapter", "kapitel": "chapter", "capítulo": "chapter", "capitulo": "chapter",
	"глава": "chapter", "chapitre": "chapter", "capitolo": "chapter",
	"part": "part", "teil": "part", "parte": "part", "часть": "part", "partie": "part",
	"section": "section", "sección": "section", "seccion": "section", "abschnitt": "section",
	"раздел": "section", "sezione": "section",
}

// ParseMarker recognises a marker at the start of text (the paragraph's
// first line). It reports false when text does not start with one. A bare
// number needs punctuation ("1." "1)") unless a label word, a heading or a
// dotted path ("12.1 Scope") marks it; a letter always needs punctuation.
func ParseMarker(text string) (Marker, bool) {
	var m Marker
	p := skipSpace(text, 0)
	// Markdown heading hashes.
	h := p
	for h < len(text) && text[h] == '#' {
		h++
	}
	if h > p && h-p <= 6 {
		m.Heading = h - p
		p = skipSpace(text, h)
	}
	// HTML anchors: <a name="x"></a>, <a id="x"/>.
	for strings.HasPrefix(text[p:], "<a ") || strings.HasPrefix(text[p:], "<a>") {
		end := strings.IndexByte(text[p:], '>')
		if end < 0 {
			return Marker{}, false
		}
		p = skipSpace(text, p+end+1)
		if strings.HasPrefix(text[p:], "</a>") {
			p = skipSpace(text, p+4)
		}
	}
	// Emphasis around the marker: **1.** or __Article 1__.
	emph := ""
	for _, e := range []string{"**", "__"} {
		if strings.HasPrefix(text[p:], e) {
			emph = e
			p += len(e)
			break
		}
	}
	// Label word.
	if strings.HasPrefix(text[p:], "§") {
		m.Label = "§"
		p += len("§")
		if strings.HasPrefix(text[p:], "§") {
			p += len("§")
		}
		p = skipSpace(text, p)
	} else if w, n := leadingWord(text[p:]); n > 0 {
		key := strings.ToLower(w)
		if class, ok := labelWords[key]; ok {
			q := p + n
			if q < len(text) && text[q] == '.' {
				q++
			}
			q2 := skipSpace(text, q)
			if q2 > q && q2 < len(text) {
				m.Label = class
				p = q2
			}
		}
	}
	labelled := m.Label != ""
	// "(1)" form.
	paren := false
	if !labelled && p < len(text) && text[p] == '(' {
		paren = true
		p++
	}
	// Dotted path of parts.
	for {
		part, n, ok := parsePart(text[p:], labelled || m.Heading > 0)
		if !ok {
			break
		}
		m.Parts = append(m.Parts, part)
		p += n
		// another level follows "1.2", "III.1.a" (not "1. 2")
		if p+1 < len(text) && text[p] == '.' {
			if _, _, ok := parsePart(text[p+1:], true); ok && !endsPart(text, p+1) {
				p++
				continue
			}
		}
		break
	}
	if len(m.Parts) == 0 {
		return Marker{}, false
	}
	for k, pt := range m.Parts {
		if pt.Value <= 0 {
			return Marker{}, false
		}
		// letters only end a path after a number: "III.1.a", not "J.R.R."
		if pt.Kind == Letter && len(m.Parts) > 1 && (k == 0 || k < len(m.Parts)-1 || m.Parts[k-1].Kind == Letter) {
			return Marker{}, false
		}
	}
	// Punctuation.
	switch {
	case paren:
		if p >= len(text) || text[p] != ')' {
			return Marker{}, false
		}
		m.Punct = "()"
		p++
	case strings.HasPrefix(text[p:], `\.`):
		m.Punct = "."
		p += 2
	case strings.HasPrefix(text[p:], ".)"):
		m.Punct = ")"
		p += 2
	case p < len(text) && (text[p] == '.' || text[p] == ')' || text[p] == ':'):
		m.Punct = text[p : p+1]
		p++
	}
	if emph != "" && strings.HasPrefix(text[p:], emph) {
		p += len(emph)
	}
	last := m.Parts[len(m.Parts)-1]
	needPunct := !labelled && m.Heading == 0 && len(m.Parts) == 1
	if last.Kind == Letter && !labelled {
		needPunct = true
	}
	if last.Kind == Letter && m.Punct == ":" {
		return Marker{}, false
	}
	if needPunct && (m.Punct == "" || m.Punct == ":") {
		return Marker{}, false
	}
	// The marker must end at white space, the end, or heading hashes.
	if p < len(text) {
		r, _ := utf8.DecodeRuneInString(text[p:])
		if !isSpace(r) && r != '#' && !(labelled && (r == '–' || r == '-' || r == '—')) {
			return Marker{}, false
		}
	}
	// Heading hashes after the number ("1. #### Title"), then white space.
	q := skipSpace(text, p)
	h = q
	for h < len(text) && text[h] == '#' {
		h++
	}
	if h > q {
		p = h
	}
	m.Len = len(text) - len(strings.TrimLeftFunc(text[p:], isSpace))
	m.Value = last.Value
	return m, true
}

// endsPart reports whether the part starting at text[i:] is followed by
// white space after its punctuation, as the "2" in "1. 2" would be — used to
// tell "1.2" (a path) from "1." followed by text.
func endsPart(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpace(r)
}

// parsePart reads one number at the start of s: Arabic (1–3 digits), a
// Roman numeral, or a single Latin or Cyrillic letter. loose allows
// lower-case Roman numerals without context.
func parsePart(s string, loose bool) (Part, int, bool) {
	if s == "" {
		return Part{}, 0, false
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 {
		if n > 3 {
			return Part{}, 0, false
		}
		v, _ := strconv.Atoi(s[:n])
		return Part{Kind: Arabic, Value: v, Raw: s[:n]}, n, true
	}
	// A run of letters: Roman numeral or a single letter.
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += size
	}
	if end == 0 {
		return Part{}, 0, false
	}
	word := s[:end]
	if v := romanValue(word); v > 0 && (word == strings.ToUpper(word) || loose || len(word) > 1) {
		if utf8.RuneCountInString(word) > 1 || strings.ContainsAny(word, "IVXivx") {
			// single I, V, X are Roman; single C, D, L, M and i/v/x lower
			// case are read as letters unless context says otherwise
			if utf8.RuneCountInString(word) > 1 || word == "I" || word == "V" || word == "X" {
				return Part{Kind: Roman, Value: v, Raw: word}, end, true
			}
		}
	}
	if utf8.RuneCountInString(word) != 1 {
		return Part{}, 0, false
	}
	r, _ := utf8.DecodeRuneInString(word)
	if v, alt := letterValue(r); v > 0 {
		return Part{Kind: Letter, Value: v, AltValue: alt, Raw: word}, end, true
	}
	return Part{}, 0, false
}

// cyrillicOrder is the order of Cyrillic letters in enumerations (ё й ъ ы ь
// are skipped in Russian lists).
const cyrillicOrder = "абвгдежзиклмнопрстуфхцчшщэюя"

// cyrillicLookalike maps Cyrillic letters to the Latin letters they look
// like, which typists use in Latin-lettered lists.
var cyrillicLookalike = map[rune]rune{'а': 'a', 'в': 'b', 'с': 'c', 'е': 'e', 'о': 'o', 'р': 'p', 'х': 'x', 'у': 'y', 'к': 'k', 'м': 'm', 'т': 't', 'н': 'h'}

func letterValue(r rune) (value, alt int) {
	lr := unicode.ToLower(r)
	if lr >= 'a' && lr <= 'z' {
		return int(lr-'a') + 1, 0
	}
	i := strings.IndexRune(cyrillicOrder, lr)
	if i < 0 {
		return 0, 0
	}
	value = utf8.RuneCountInString(cyrillicOrder[:i]) + 1
	if l, ok := cyrillicLookalike[lr]; ok && int(l-'a')+1 != value {
		alt = int(l-'a') + 1
	}
	return value, alt
}

// romanValue returns the value of a well-formed Roman numeral (1–3999) in
// either case, or 0.
func romanValue(s string) int {
	if s == "" || len(s) > 15 {
		return 0
	}
	u := strings.ToUpper(s)
	if u != s && strings.ToLower(s) != s {
		return 0 // mixed case
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(u); i++ {
		v, ok := vals[u[i]]
		if !ok {
			return 0
		}
		if i+1 < len(u) && vals[u[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != u {
		return 0
	}
	return total
}

func toRoman(n int) string {
	syms := []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, x := range syms {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) || r == '\n' {
			return i
		}
		i += size
	}
	return i
}

// leadingWord returns the run of letters at the start of s and its length.
func leadingWord(s string) (string, int) {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsLetter(r) {
			break
		}
		n += size
	}
	return s[:n], n
}
