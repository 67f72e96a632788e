package qa

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralign/paralign/corpus"
)

// numberFormat is how a language writes numbers: the decimal mark and the
// group separators.
type numberFormat struct {
	decimal rune
	groups  string // separators between groups of three digits
}

// formats per language. NO-BREAK SPACE (U+00A0), NARROW NO-BREAK SPACE
// (U+202F) and a plain space group digits in every language (the SI
// style), provided every group after the first has three digits.
var formats = map[corpus.Lang]numberFormat{
	"en": {'.', ", \u00a0\u202f"},
	"ru": {',', " \u00a0\u202f"},
	"uk": {',', " \u00a0\u202f"},
	"fr": {',', " \u00a0\u202f"},
	"de": {',', ". \u00a0\u202f"},
	"es": {',', ". \u00a0\u202f"},
	"it": {',', ". \u00a0\u202f"},
	"pt": {',', ". \u00a0\u202f"},
	"nl": {',', ". \u00a0\u202f"},
}

func formatOf(l corpus.Lang) numberFormat {
	if f, ok := formats[l]; ok {
		return f
	}
	return numberFormat{'.', ", \u00a0\u202f"}
}

// numToken is one run of digits and separators in a text.
type numToken struct {
	values     []string // canonical values: one number, or the parts of a run that fits no format
	raw        string   // the run as written, every space as " "
	start, end int      // byte range in the text, sign and scale word included
}

// Numbers returns the numeric values written in text, each as a canonical
// decimal string ("1500.5", "-3", "1500000"), read with the conventions of
// language l: en 1,500.5; de and es 1.500,5; ru 1 500,5 (spaces, NO-BREAK
// SPACE or NARROW NO-BREAK SPACE between groups). Numbers inside URLs and
// e-mail addresses are skipped. A scale word after a number multiplies it
// ("1.5 million" and "1,5 млн" are 1500000). A minus sign (or "-" with no
// digit or letter before it) makes a number negative. Digits glued to a
// letter before them are part of a code (A4, B12) and skipped; digits
// before letters count ("2nd", "1990s", "22-го"). A run that fits no
// number format of l ("18.01.2022", "12.1" in German) counts as its
// integer parts. Section markers are not recognised here: the caller
// strips them. Spelled-out numbers are not returned (see spelledNumbers).
func Numbers(text string, l corpus.Lang) []string {
	var out []string
	for _, t := range numberTokens(maskLinks(text), l) {
		out = append(out, t.values...)
	}
	return out
}

// numberTokens returns the number runs of text (already masked).
func numberTokens(text string, l corpus.Lang) []numToken {
	f := formatOf(l)
	var out []numToken
	for i := 0; i < len(text); {
		if !isDigitByte(text[i]) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		start := i
		prev, psize := rune(0), 0
		if i > 0 {
			prev, psize = utf8.DecodeLastRuneInString(text[:i])
		}
		// a digit glued to a letter before it is part of a code (A4, B12)
		if unicode.IsLetter(prev) {
			for i < len(text) && isDigitByte(text[i]) {
				i++
			}
			continue
		}
		neg := false
		if prev == '−' || prev == '-' {
			before := rune(0)
			if i-psize > 0 {
				before, _ = utf8.DecodeLastRuneInString(text[:i-psize])
			}
			if !unicode.IsLetter(before) && !unicode.IsDigit(before) && before != '-' && before != '/' {
				neg = true
				start = i - psize
			}
		}
		// the run: digit groups joined by single separators
		j := i
		var groups []string
		var seps []rune
		for {
			k := j
			for k < len(text) && isDigitByte(text[k]) {
				k++
			}
			groups = append(groups, text[j:k])
			j = k
			if j >= len(text) {
				break
			}
			sep, ss := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(".,\u00a0\u202f ", sep) || j+ss >= len(text) || !isDigitByte(text[j+ss]) {
				break
			}
			seps = append(seps, sep)
			j += ss
		}
		tok := numToken{raw: rawForm(text[i:j]), start: start, end: j}
		if intPart, frac, ok := interpret(groups, seps, f); ok {
			if exp, n := scaleAfter(text[j:], l); exp > 0 {
				intPart, frac = shiftDecimal(intPart, frac, exp)
				tok.end = j + n
			}
			v := canonical(intPart, frac)
			if neg && v != "0" {
				v = "-" + v
			}
			tok.values = []string{v}
		} else {
			for _, g := range groups {
				tok.values = append(tok.values, canonical(g, ""))
			}
		}
		out = append(out, tok)
		i = j
	}
	return out
}

// rawForm returns a run as written with every kind of space as " ".
func rawForm(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}

// interpret reads digit groups joined by separators as one number in
// format f: its integer digits and fraction. It reports false when they
// fit no number (a date, a dotted reference, two numbers apart).
func interpret(groups []string, seps []rune, f numberFormat) (intPart, frac string, ok bool) {
	if len(seps) == 0 {
		return groups[0], "", true
	}
	// int part: groups joined by one kind of group separator, every group
	// after the first of exactly three digits; then an optional decimal
	// mark and fraction.
	last := len(seps)
	if seps[last-1] == f.decimal {
		frac = groups[last]
		last--
	}
	ok = len(groups[0]) <= 3 || last == 0
	for k := 0; k < last && ok; k++ {
		ok = strings.ContainsRune(f.groups, seps[k]) && sameSpace(seps[k], seps[0]) && len(groups[k+1]) == 3
	}
	if !ok {
		return "", "", false
	}
	return strings.Join(groups[:last+1], ""), frac, true
}

// sameSpace reports whether two separators are the same, all spaces
// counting as one.
func sameSpace(a, b rune) bool {
	sp := func(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }
	return a == b || (sp(a) && sp(b))
}

func canonical(intPart, frac string) string {
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// shiftDecimal multiplies intPart.frac by 10^exp.
func shiftDecimal(intPart, frac string, exp int) (string, string) {
	if len(frac) >= exp {
		return intPart + frac[:exp], frac[exp:]
	}
	return intPart + frac + strings.Repeat("0", exp-len(frac)), ""
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// scales are the words that multiply a number written before them, per
// language, as powers of ten. A word ending in "." is an abbreviation.
var scales = map[corpus.Lang]map[string]int{
	"en": {"thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12, "mln": 6, "bn": 9},
	"es": {"mil": 3, "millón": 6, "millones": 6, "mil millones": 9, "billón": 12, "billones": 12},
	"de": {"tausend": 3, "million": 6, "millionen": 6, "mio.": 6, "milliarde": 9, "milliarden": 9, "mrd.": 9, "billion": 12, "billionen": 12},
	"ru": {"тыс.": 3, "тысяча": 3, "тысячи": 3, "тысяч": 3, "млн": 6, "млн.": 6, "миллион": 6, "миллиона": 6, "миллионов": 6,
		"млрд": 9, "млрд.": 9, "миллиард": 9, "миллиарда": 9, "миллиардов": 9, "трлн": 12, "трлн.": 12, "триллион": 12, "триллиона": 12, "триллионов": 12},
	"fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9},
}

// scaleAfter returns the power of ten of a scale word right after a
// number (one space between) and the bytes it takes, or 0.
func scaleAfter(s string, l corpus.Lang) (exp, n int) {
	table := scales[l]
	if table == nil {
		return 0, 0
	}
	r, size := utf8.DecodeRuneInString(s)
	if r != ' ' && r != '\u00a0' && r != '\u202f' {
		return 0, 0
	}
	word := func(at int) (string, int) {
		k := at
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsLetter(r) {
				if r == '.' {
					k += size
				}
				break
			}
			k += size
		}
		return strings.ToLower(s[at:k]), k
	}
	w, k := word(size)
	if w == "" {
		return 0, 0
	}
	// a two-word scale ("mil millones")
	if k < len(s) && s[k] == ' ' {
		w2, k2 := word(k + 1)
		if e, ok := table[w+" "+w2]; ok && w2 != "" {
			return e, k2
		}
	}
	if e, ok := table[w]; ok {
		return e, k
	}
	if e, ok := table[strings.TrimSuffix(w, ".")]; ok {
		return e, k - 1
	}
	return 0, 0
}

// numberWords are numbers written as words, per language: value → forms.
// A form ending in "*" matches words starting with it (Russian
// inflection). They only excuse a difference of digits ("ten principles"
// for "10 principles"); on their own they never raise a finding, so an
// article that looks like "one" does no harm.
var numberWords = map[corpus.Lang]map[int][]string{
	"en": {0: {"zero"}, 1: {"one"}, 2: {"two"}, 3: {"three"}, 4: {"four"}, 5: {"five"}, 6: {"six"}, 7: {"seven"}, 8: {"eight"},
		9: {"nine"}, 10: {"ten"}, 11: {"eleven"}, 12: {"twelve"}, 13: {"thirteen"}, 14: {"fourteen"}, 15: {"fifteen"},
		16: {"sixteen"}, 17: {"seventeen"}, 18: {"eighteen"}, 19: {"nineteen"}, 20: {"twenty"}, 30: {"thirty"},
		40: {"forty"}, 50: {"fifty"}, 60: {"sixty"}, 70: {"seventy"}, 80: {"eighty"}, 90: {"ninety"}, 100: {"hundred"}, 1000: {"thousand"}},
	"de": {0: {"null"}, 1: {"eins", "ein", "eine", "einen", "einem", "einer", "eines"}, 2: {"zwei"}, 3: {"drei"}, 4: {"vier"},
		5: {"fünf"}, 6: {"sechs"}, 7: {"sieben"}, 8: {"acht"}, 9: {"neun"}, 10: {"zehn"}, 11: {"elf"}, 12: {"zwölf"},
		13: {"dreizehn"}, 14: {"vierzehn"}, 15: {"fünfzehn"}, 16: {"sechzehn"}, 17: {"siebzehn"}, 18: {"achtzehn"},
		19: {"neunzehn"}, 20: {"zwanzig"}, 30: {"dreißig"}, 40: {"vierzig"}, 50: {"fünfzig"}, 60: {"sechzig"},
		70: {"siebzig"}, 80: {"achtzig"}, 90: {"neunzig"}, 100: {"hundert"}, 1000: {"tausend"}},
	"es": {0: {"cero"}, 1: {"uno", "una", "un"}, 2: {"dos"}, 3: {"tres"}, 4: {"cuatro"}, 5: {"cinco"}, 6: {"seis"}, 7: {"siete"},
		8: {"ocho"}, 9: {"nueve"}, 10: {"diez"}, 11: {"once"}, 12: {"doce"}, 13: {"trece"}, 14: {"catorce"}, 15: {"quince"},
		16: {"dieciséis"}, 17: {"diecisiete"}, 18: {"dieciocho"}, 19: {"diecinueve"}, 20: {"veinte"}, 30: {"treinta"},
		40: {"cuarenta"}, 50: {"cincuenta"}, 60: {"sesenta"}, 70: {"setenta"}, 80: {"ochenta"}, 90: {"noventa"},
		100: {"cien", "ciento"}, 1000: {"mil"}},
	"ru": {0: {"ноль", "нуль"}, 1: {"один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"},
		2: {"два", "две", "двух", "двум", "двумя"}, 3: {"три", "трёх", "трех", "трём", "трем", "тремя"},
		4: {"четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя"}, 5: {"пять", "пяти", "пятью"},
		6: {"шесть", "шести", "шестью"}, 7: {"семь", "семи", "семью"}, 8: {"восемь", "восьми", "восемью"},
		9: {"девять", "девяти", "девятью"}, 10: {"десять", "десяти", "десятью"}, 11: {"одиннадцат*"},
		12: {"двенадцат*"}, 13: {"тринадцат*"}, 14: {"четырнадцат*"}, 15: {"пятнадцат*"}, 16: {"шестнадцат*"},
		17: {"семнадцат*"}, 18: {"восемнадцат*"}, 19: {"девятнадцат*"}, 20: {"двадцат*"}, 30: {"тридцат*"},
		40: {"сорок", "сорока"}, 50: {"пятьдесят", "пятидесят*"}, 60: {"шестьдесят", "шестидесят*"},
		70: {"семьдесят", "семидесят*"}, 80: {"восемьдесят", "восьмидесят*"}, 90: {"девяносто", "девяноста"},
		100: {"сто", "ста"}, 1000: {"тысяч*"}},
}

// spelledNumbers returns the values written as words in text (see
// numberWords), and Roman numerals of two letters or more (XX for
// "20th").
func spelledNumbers(text string, l corpus.Lang) []string {
	words := numberWords[l]
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if v := romanValue(w); v > 0 {
			out = append(out, strconv.Itoa(v))
			continue
		}
		lw := strings.ToLower(w)
	values:
		for v, forms := range words {
			for _, f := range forms {
				if lw == f || (strings.HasSuffix(f, "*") && strings.HasPrefix(lw, f[:len(f)-1])) {
					out = append(out, strconv.Itoa(v))
					break values
				}
			}
		}
	}
	return out
}

// romanValue returns the value of an upper-case Roman numeral of two to
// eight letters in canonical form (XX, XIV), or 0.
func romanValue(w string) int {
	if len(w) < 2 || len(w) > 8 {
		return 0
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(w); i++ {
		v, ok := val[w[i]]
		if !ok {
			return 0
		}
		if i+1 < len(w) && val[w[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || toRoman(total) != w {
		return 0
	}
	return total
}

func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
