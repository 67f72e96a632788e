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
// "المادة ١", "第3条", "제3조", "12.1", "III.1.a", with any Markdown heading
// hashes and HTML anchors before it.
type Marker struct {
	Heading int    // Markdown ATX heading level of the line, 0 if none
	Label   string // class of the label word (see labelWords): "article", "§", "chapter", "part", "section", or ""
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

// labelWords maps the words that label a section number (lower case,
// without a trailing period) to their class. Every language's word for one
// unit maps to one class, so versions written in different languages match;
// article labels give bare-number ids, as CONTRACT.md says. Plural forms
// ("Articles", "Статьи", "Sections") are deliberately absent: a plural
// label lists sections in running text and never starts one. The CJK
// counters are the characters after the number in 第3条 and 제3조.
var labelWords = map[string]string{
	// article: the numbered unit of a law, treaty or declaration.
	"article":  "article", // English, French
	"art":      "article", // abbreviation in most Latin-script languages: Art. 5, art. 1º
	"artikel":  "article", // German, Dutch, Swedish
	"artículo": "article", // Spanish
	"articulo": "article", // Spanish typed without the accent
	"articolo": "article", // Italian
	"artigo":   "article", // Portuguese
	"článek":   "article", // Czech
	"artykuł":  "article", // Polish
	"статья":   "article", // Russian
	"ст":       "article", // Russian abbreviation: Ст. 5
	"стаття":   "article", // Ukrainian
	"άρθρο":    "article", // Greek
	"αρθρο":    "article", // Greek in capitals, which drop the accent: ΑΡΘΡΟ
	"المادة":   "article", // Arabic, with the article al-
	"مادة":     "article", // Arabic
	"ماده":     "article", // Persian
	"סעיף":     "article", // Hebrew: the unit of laws and of the translated declarations
	"条":        "article", // Chinese (simplified) and Japanese: 第3条
	"條":        "article", // Chinese (traditional): 第3條
	"조":        "article", // Korean: 제3조

	// chapter
	"chapter":  "chapter", // English
	"kapitel":  "chapter", // German
	"capítulo": "chapter", // Spanish, Portuguese
	"capitulo": "chapter", // Spanish typed without the accent
	"chapitre": "chapter", // French
	"capitolo": "chapter", // Italian
	"rozdział": "chapter", // Polish
	"глава":    "chapter", // Russian, Ukrainian
	"κεφάλαιο": "chapter", // Greek
	"פרק":      "chapter", // Hebrew
	"章":        "chapter", // Chinese, Japanese: 第3章
	"장":        "chapter", // Korean: 제3장

	// part
	"part":    "part", // English
	"teil":    "part", // German
	"parte":   "part", // Spanish, Italian, Portuguese
	"partie":  "part", // French
	"część":   "part", // Polish
	"часть":   "part", // Russian
	"частина": "part", // Ukrainian
	"μέρος":   "part", // Greek
	"חלק":     "part", // Hebrew
	"編":       "part", // Japanese, Chinese (traditional): 第1編
	"编":       "part", // Chinese (simplified)
	"편":       "part", // Korean: 제1편

	// section
	"section":   "section", // English, French
	"sección":   "section", // Spanish
	"seccion":   "section", // Spanish typed without the accent
	"secção":    "section", // Portuguese (Portugal)
	"seção":     "section", // Portuguese (Brazil)
	"sezione":   "section", // Italian
	"abschnitt": "section", // German
	"раздел":    "section", // Russian
	"розділ":    "section", // Ukrainian
	"τμήμα":     "section", // Greek
	"節":         "section", // Japanese, Chinese (traditional): 第2節
	"节":         "section", // Chinese (simplified)
	"절":         "section", // Korean: 제2절
}

// numberWords are numbers written as words after a label: "Article premier".
var numberWords = map[string]int{
	"premier":  1, // French: Article premier
	"première": 1, // French, feminine: Section première
}

// ordinalSuffixes are written right after a labelled number to make it an
// ordinal: "Artigo 1.º", "Artículo 2º", "Artículo 5o", "Article 1er",
// "Άρθρο 2ο", "§ 2º". Longer forms come first.
var ordinalSuffixes = []string{".º", ".ª", "º", "ª", "°", "er", "re", "o", "ο"}

// cjkPrefixes open a CJK section number: 第 (Chinese, Japanese), 제 (Korean).
var cjkPrefixes = []string{"第", "제"}

// maxDigits is the most digits a section number has: 9999 covers the
// longest codes (the German BGB ends at § 2385, the Russian Civil Code at
// article 1551) while a number of 5 digits is an amount, a postcode or an
// identifier.
const maxDigits = 4

// maxBareDigits is the most digits of a number that marks a section with
// no label word and no §. A longer one (1000–9999) reads as a year as
// often as a section ("1917 год", "2022. The year"): it marks a section
// only alone (no dotted path, so no date such as 2022.01.18) and followed
// by "." or ")" and text on the same line. A year that passes this ("2022.
// The year began") costs little: the outline's chain scoring takes a
// marker into a sequence only a few numbers after the one before.
const maxBareDigits = 3

// ParseMarker recognises a marker at the start of text (the paragraph's
// first line). It reports false when text does not start with one. A bare
// number needs punctuation ("1." "1)") unless a label word, a heading or a
// dotted path ("12.1 Scope") marks it; a letter always needs punctuation;
// a number of more than maxBareDigits digits needs a label word or § (see
// maxBareDigits). Digits may be of any script (١٢, １２); the id gives the
// number's value in ASCII digits, without leading zeros.
//
// A label word followed by a number and then a lower-case word on the
// same line is a sentence citing the section ("Article 5 of the
// Convention applies", "§ 14 gilt entsprechend"), not a marker, unless the
// line is a Markdown heading; punctuation after the number ("Section 4 —
// definitions") makes it a marker whatever follows.
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
	// CJK form: 第3条, 제3조.
	if label, part, n, ok := parseCJK(text[p:]); ok {
		m.Label, m.Parts = label, []Part{part}
		p += n
		if emph != "" && strings.HasPrefix(text[p:], emph) {
			p += len(emph)
		}
		// Running text follows a reference directly (第5条の規定); a
		// marker ends at white space, a bracket or punctuation.
		if r, _ := utf8.DecodeRuneInString(text[p:]); p < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return Marker{}, false
		}
		return finishMarker(text, p, m), true
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
	// A number in words: "Article premier".
	if labelled {
		if w, n := leadingWord(text[p:]); n > 0 {
			if v, ok := numberWords[strings.ToLower(w)]; ok {
				m.Parts = []Part{{Kind: Arabic, Value: v, Raw: w}}
				p += n
			}
		}
	}
	// "(1)" form.
	paren := false
	if m.Parts == nil && p < len(text) && text[p] == '(' {
		paren = true
		p++
	}
	// Dotted path of parts.
	for inWords := m.Parts != nil; !inWords; {
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
	last := m.Parts[len(m.Parts)-1]
	// An ordinal sign after a labelled number: "Artigo 1.º", "§ 2º".
	if labelled && !paren && last.Kind == Arabic && len(m.Parts) == 1 {
		p += ordinalSuffix(text[p:])
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
	if !labelled && !bareLongNumberOK(text, p, m) {
		return Marker{}, false
	}
	// A cited section: a label, its number, then a lower-case word.
	if labelled && m.Heading == 0 && m.Punct == "" && continuesLower(text[skipSpace(text, p):]) {
		return Marker{}, false
	}
	return finishMarker(text, p, m), true
}

// finishMarker sets m.Len and m.Value for a marker whose number and
// punctuation end at text[p]: heading hashes after the number ("1. ####
// Title") and white space are part of the marker.
func finishMarker(text string, p int, m Marker) Marker {
	q := skipSpace(text, p)
	h := q
	for h < len(text) && text[h] == '#' {
		h++
	}
	if h > q {
		p = h
	}
	m.Len = len(text) - len(strings.TrimLeftFunc(text[p:], isSpace))
	m.Value = m.Parts[len(m.Parts)-1].Value
	return m
}

// bareLongNumberOK applies the rule of maxBareDigits to an unlabelled
// marker ending at text[p]: a number longer than maxBareDigits stands
// alone, has "." or ")" after it, and text follows on its line.
func bareLongNumberOK(text string, p int, m Marker) bool {
	long := false
	for _, pt := range m.Parts {
		long = long || (pt.Kind == Arabic && utf8.RuneCountInString(pt.Raw) > maxBareDigits)
	}
	if !long {
		return true
	}
	if len(m.Parts) > 1 || (m.Punct != "." && m.Punct != ")") {
		return false
	}
	q := skipSpace(text, p)
	return q < len(text) && text[q] != '\n'
}

// continuesLower reports whether s starts with a lower-case word: the
// sentence goes on after a cited section number.
func continuesLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// ordinalSuffix returns the length of the ordinal sign at the start of s
// (one of ordinalSuffixes, not followed by a letter), or 0.
func ordinalSuffix(s string) int {
	for _, suf := range ordinalSuffixes {
		if !strings.HasPrefix(s, suf) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[len(suf):]); len(s) > len(suf) && unicode.IsLetter(r) {
			continue
		}
		return len(suf)
	}
	return 0
}

// parseCJK reads a CJK section number at the start of s: a prefix of
// cjkPrefixes, the number (digits of any script, or Chinese numerals after
// 第), and a counter of labelWords (条, 章, 조 …), with optional spaces
// between ("제 2 조"). It returns the counter's class, the number and the
// bytes read.
func parseCJK(s string) (string, Part, int, bool) {
	p := -1
	for _, pre := range cjkPrefixes {
		if strings.HasPrefix(s, pre) {
			p = len(pre)
		}
	}
	if p < 0 {
		return "", Part{}, 0, false
	}
	p = skipSpace(s, p)
	part, n, ok := parseDigits(s[p:])
	if !ok {
		part, n, ok = parseCJKNumeral(s[p:])
	}
	if !ok || part.Value <= 0 {
		return "", Part{}, 0, false
	}
	p = skipSpace(s, p+n)
	r, size := utf8.DecodeRuneInString(s[p:])
	class, ok := labelWords[string(r)]
	if !ok || size == 0 {
		return "", Part{}, 0, false
	}
	return class, part, p + size, true
}

// cjkDigits are the Chinese numerals 0–9, as written in laws: 〇 and 零
// for zero, 两 and 兩 as two.
var cjkDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cjkUnits are the Chinese numerals for ten, hundred and thousand.
var cjkUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// parseCJKNumeral reads a number in Chinese numerals at the start of s:
// with units (二十一 = 21, 一百零五 = 105, 十 = 10) or digit by digit
// (二〇 = 20). Values above 9999 are refused, as for digits.
func parseCJKNumeral(s string) (Part, int, bool) {
	total, cur, n, units := 0, 0, 0, false
	positional := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if d, ok := cjkDigits[r]; ok {
			cur = d
			positional = positional*10 + d
		} else if u, ok := cjkUnits[r]; ok {
			if cur == 0 {
				cur = 1
			}
			total += cur * u
			cur, units = 0, true
		} else {
			break
		}
		if positional > 9999 {
			return Part{}, 0, false
		}
		n += size
	}
	if n == 0 {
		return Part{}, 0, false
	}
	v := total + cur
	if !units {
		v = positional
	}
	if v <= 0 || v > 9999 {
		return Part{}, 0, false
	}
	return Part{Kind: Arabic, Value: v, Raw: s[:n]}, n, true
}

// parseDigits reads a number of 1 to maxDigits decimal digits of one
// script at the start of s: ASCII, Arabic-Indic, full-width or any other
// Unicode decimal digits.
func parseDigits(s string) (Part, int, bool) {
	n, count, v := 0, 0, 0
	zero := rune(-1)
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		d, z, ok := digitValue(r)
		if !ok || (zero >= 0 && z != zero) {
			break
		}
		zero = z
		v = v*10 + d
		count++
		n += size
		if count > maxDigits {
			return Part{}, 0, false
		}
	}
	if count == 0 {
		return Part{}, 0, false
	}
	return Part{Kind: Arabic, Value: v, Raw: s[:n]}, n, true
}

// digitValue returns the value of a decimal digit of any script and the
// zero of its script. Unicode assigns decimal digits (category Nd) in runs
// of ten, 0 to 9, so a digit's value is its distance from the start of its
// run, modulo ten for the mathematical digits that run on in sets of ten.
func digitValue(r rune) (value int, zero rune, ok bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), '0', true
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return 0, 0, false
	}
	z := r
	for unicode.IsDigit(z - 1) {
		z--
	}
	z += (r - z) / 10 * 10
	return int(r - z), z, true
}

// endsPart reports whether the part starting at text[i:] is followed by
// white space after its punctuation, as the "2" in "1. 2" would be — used to
// tell "1.2" (a path) from "1." followed by text.
func endsPart(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpace(r)
}

// parsePart reads one number at the start of s: Arabic (1 to maxDigits
// digits of any script), a Roman numeral, or a single Latin or Cyrillic
// letter. loose allows lower-case Roman numerals without context.
func parsePart(s string, loose bool) (Part, int, bool) {
	if s == "" {
		return Part{}, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) {
		return parseDigits(s)
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
	if s == "" || len(s) > 15 || strings.IndexFunc(s, notRomanDigit) >= 0 {
		return 0 // most words, asked first without a copy
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

// notRomanDigit reports whether r is none of the letters of Roman
// numerals, in either case (Turkish writes i as dotless ı, which
// upper-cases to I).
func notRomanDigit(r rune) bool { return !strings.ContainsRune("IVXLCDMivxlcdmı", r) }
