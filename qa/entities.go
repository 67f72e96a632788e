package qa

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paralign/paralign/corpus"
)

var (
	reEmail = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)
	reURL   = regexp.MustCompile(`(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"«»“”„]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|int|edu|gov|info|io)\b(?:/[^\s<>"«»“”„]*)?`)
)

// link is a URL or e-mail address found in a text.
type link struct {
	raw        string // as written, trailing punctuation dropped
	norm       string // compared form
	start, end int    // byte range of raw
}

// trimLinkEnd drops the punctuation that ends the sentence around a link,
// and Markdown's closing emphasis and code marks.
func trimLinkEnd(s string) string {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(".,;:!?)]}'’”»>*`", r) {
			break
		}
		if r == ')' && strings.Count(s, "(") >= strings.Count(s, ")") {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// emails returns the e-mail addresses of text, normalised to lower case.
func emails(text string) []link {
	var out []link
	for _, m := range reEmail.FindAllStringIndex(text, -1) {
		raw := trimLinkEnd(text[m[0]:m[1]])
		if !strings.Contains(raw[strings.IndexByte(raw, '@'):], ".") {
			continue
		}
		out = append(out, link{raw: raw, norm: strings.ToLower(raw), start: m[0], end: m[0] + len(raw)})
	}
	return out
}

// urls returns the URLs of text outside e-mail addresses. The compared
// form drops the scheme, "www.", the case of the host and a trailing
// slash: "https://www.Example.org/a/" and "example.org/a" are one URL.
func urls(text string) []link {
	mails := emails(text)
	var out []link
outer:
	for _, m := range reURL.FindAllStringIndex(text, -1) {
		for _, e := range mails {
			if m[0] < e.end && e.start < m[1] {
				continue outer
			}
		}
		raw := trimLinkEnd(text[m[0]:m[1]])
		out = append(out, link{raw: raw, norm: normURL(raw), start: m[0], end: m[0] + len(raw)})
	}
	return out
}

func normURL(u string) string {
	s := u
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	host, path, _ := strings.Cut(s, "/")
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	path = strings.TrimSuffix(path, "/")
	if path == "" {
		return host
	}
	return host + "/" + path
}

// maskLinks replaces URLs and e-mail addresses with spaces of the same
// byte length, so that offsets stay valid and their digits are not read as
// numbers.
func maskLinks(text string) string {
	ls := append(emails(text), urls(text)...)
	if len(ls) == 0 {
		return text
	}
	b := []byte(text)
	for _, l := range ls {
		for k := l.start; k < l.end; k++ {
			b[k] = ' '
		}
	}
	return string(b)
}

// translit maps Cyrillic letters to Latin (a plain scholarly
// transliteration); fold uses it to compare names across scripts.
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "iu", 'я': "ia", 'і': "i", 'ї': "i", 'є': "e", 'ґ': "g",
	'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'ł': "l", 'đ': "d", 'þ': "th",
}

// fold returns a word lower-cased, without accents, in Latin letters, with
// the spelling variants that transliteration blurs merged (c, k and q;
// "kh", "h" and "j"; s and z; v and w; i and y; doubled letters), for
// comparing names across languages: "Kazakhstan", "Казахстана" and
// "Kazajistán" fold to "kasahstan", "kasahstana" and "kasahistan".
func fold(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if t, ok := translit[r]; ok {
			b.WriteString(t)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	s := foldReplacer.Replace(b.String())
	// doubled letters as one
	out := []byte(s)
	n := 0
	for i := range out {
		if i == 0 || out[i] != out[i-1] {
			out[n] = out[i]
			n++
		}
	}
	return string(out[:n])
}

var foldReplacer = strings.NewReplacer("kh", "h", "j", "h", "c", "k", "q", "k", "w", "v", "y", "i", "x", "ks", "z", "s")

// defaultAliases are names that languages write differently everywhere
// (international organisations and states); Options.Aliases adds more.
var defaultAliases = [][]string{
	{"UN", "ONU", "ООН", "UNO", "VN"},
	{"EU", "UE", "ЕС", "Евросоюз"},
	{"USA", "US", "EE. UU.", "EE.UU.", "EEUU", "США"},
	{"USSR", "URSS", "СССР", "UdSSR"},
	{"NATO", "OTAN", "НАТО"},
	{"UK", "Reino Unido", "Великобритания", "Vereinigtes Königreich"},
}

// name is a capitalised word or acronym of a pivot text.
type name struct {
	word    string
	acronym bool
}

// names returns the names of a text: acronyms (two or more capitals) and
// capitalised words that do not start a sentence, in order of first
// appearance, each once. Text mostly in capitals or title case (headings,
// lists of organisations) gives only its acronyms, and German, which
// capitalises every noun, gives only acronyms and words with digits.
func names(text string, l corpus.Lang) []name {
	words := wordSpans(text)
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(text[w.Start:])
		if unicode.IsUpper(r) {
			caps++
		}
	}
	titleCase := len(words) > 0 && 2*caps >= len(words)
	var out []name
	seen := map[string]bool{}
	for k, w := range words {
		s := text[w.Start:w.End]
		r, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) || seen[s] {
			continue
		}
		acr := isAcronym(s)
		switch {
		case acr:
		case titleCase || l == "de":
			continue
		case k == 0 || sentenceStart(text[:w.Start]):
			continue
		case utf8.RuneCountInString(s) < 3:
			continue
		}
		seen[s] = true
		out = append(out, name{word: s, acronym: acr})
	}
	return out
}

// wordSpans returns the words of text: letters, digits, and hyphens or
// apostrophes inside ("Alma-Ata", "d'Ivoire").
func wordSpans(text string) []corpus.Span {
	var out []corpus.Span
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !inWord && start >= 0 && (r == '-' || r == '\'' || r == '’') {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			if unicode.IsLetter(next) {
				continue
			}
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, corpus.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, corpus.Span{Start: start, End: len(text)})
	}
	return out
}

// isAcronym reports whether w has two or more letters, all capitals.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// sentenceStart reports whether a word after before starts a sentence or
// a quotation: nothing but spaces, quotes, brackets or a list marker since
// the last ".", "!", "?", ":" or line break.
func sentenceStart(before string) bool {
	for before != "" {
		r, size := utf8.DecodeLastRuneInString(before)
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("\"'“”„«»‘’([¿¡*_—–-", r):
		case strings.ContainsRune(".!?:;…", r):
			return true
		case unicode.IsDigit(r):
			// a list marker "1." or "1)" before the word
			rest := strings.TrimRightFunc(before, unicode.IsDigit)
			return rest == "" || strings.HasSuffix(strings.TrimRightFunc(rest, unicode.IsSpace), "\n") || sentenceStart(rest)
		default:
			return false
		}
		before = before[:len(before)-size]
	}
	return true
}

// nameIndex holds the folded words of a text, for finding counterparts.
type nameIndex struct {
	folded  []string
	lower   []string        // folded words written in lower case
	acronym map[string]bool // letter multisets of its acronyms ("CSTO" and "OTSC" are one)
	text    string
}

func newNameIndex(text string) *nameIndex {
	ix := &nameIndex{acronym: map[string]bool{}, text: text}
	for _, w := range wordSpans(text) {
		s := text[w.Start:w.End]
		r, _ := utf8.DecodeRuneInString(s)
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
			ix.folded = append(ix.folded, fold(part))
		}
		f := fold(s)
		ix.folded = append(ix.folded, f)
		if unicode.IsLower(r) {
			ix.lower = append(ix.lower, f)
		}
		if isAcronym(s) {
			ix.acronym[letterSet(f)] = true
		}
	}
	return ix
}

func letterSet(s string) string {
	r := []rune(s)
	slices.Sort(r)
	return string(r)
}

// like reports whether folded word w may be a form of folded name f: the
// same first four letters (three for a name of four letters, all of a
// shorter one), or, when strict, all of f but its last letter.
func like(w, f string, strict bool) bool {
	k := min(len(f), 4)
	switch {
	case strict:
		k = max(len(f)-1, min(len(f), 3))
	case len(f) == 4:
		k = 3
	}
	return len(w) >= k && w[:k] == f[:k]
}

// has reports whether the text holds a counterpart of name n: a word
// like it (see like), an acronym of the same letters in another order
// (NATO, OTAN), or another member of one of its alias groups.
func (ix *nameIndex) has(n name, aliases [][]string, strict bool) bool {
	f := fold(n.word)
	if f == "" {
		return true
	}
	if ix.hasFolded(f, strict) {
		return true
	}
	if n.acronym && ix.acronym[letterSet(f)] {
		return true
	}
	for _, g := range aliases {
		if !slices.Contains(g, n.word) {
			continue
		}
		for _, a := range g {
			if a != n.word && ix.hasAlias(a) {
				return true
			}
		}
	}
	return false
}

func (ix *nameIndex) hasFolded(f string, strict bool) bool {
	if len(f) <= 3 {
		return slices.Contains(ix.folded, f)
	}
	return slices.ContainsFunc(ix.folded, func(w string) bool { return like(w, f, strict) })
}

// common reports whether the text writes a word like name n in lower
// case: then n is a common word that English capitalises in a name
// ("Cooperative", "Republic"), not a name.
func (ix *nameIndex) common(n name) bool {
	f := fold(n.word)
	if n.acronym || len(f) <= 3 {
		return false
	}
	return slices.ContainsFunc(ix.lower, func(w string) bool { return like(w, f, false) })
}

// hasAlias reports whether alias a (a word or a phrase such as "EE. UU.")
// is written in the text.
func (ix *nameIndex) hasAlias(a string) bool {
	if strings.ContainsAny(a, " .") {
		return strings.Contains(ix.text, a)
	}
	f := fold(a)
	if isAcronym(a) || len(f) <= 3 {
		return slices.Contains(ix.folded, f)
	}
	return ix.hasFolded(f, false)
}
