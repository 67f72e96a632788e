package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrKind says when an abbreviation followed by "." ends a sentence.
type abbrKind uint8

const (
	// abbrNever never ends a sentence: "Dr.", "z. B.", "т. е.", "p. ej.".
	abbrNever abbrKind = iota
	// abbrFinal ends a sentence when a capital letter follows: "etc.",
	// "usw.", "и т. д.", "EE. UU.".
	abbrFinal
	// abbrNumber holds on to a following number ("No. 5", "Art. 3",
	// "pág. 12") and is an ordinary word otherwise ("said no. Then").
	abbrNumber
	// abbrMeasure is abbrFinal after a number ("в 1948 г. Затем", "XX в.")
	// and abbrNever elsewhere ("г. Москва").
	abbrMeasure
)

// sentRules are the sentence rules of one language.
type sentRules struct {
	abbrevs  map[string]abbrKind // keys as written, parts joined by "." without spaces: "z.B", "т.д"
	suffixes []abbrSuffix        // word endings: "str" for "Hauptstr."
	pronounI bool                // "I." is the English pronoun, not an initial
	ordinals bool                // "1. Mai": a number with "." before a word is an ordinal
}

// lookup finds key in the abbreviations, also with its first letter
// lower-cased ("Vgl." at a sentence start is "vgl.").
func (r *sentRules) lookup(key string) (abbrKind, bool) {
	if k, ok := r.abbrevs[key]; ok {
		return k, true
	}
	c, n := utf8.DecodeRuneInString(key)
	if !unicode.IsUpper(c) || n == len(key) { // "Г." is an initial, not "г."
		return 0, false
	}
	k, ok := r.abbrevs[string(unicode.ToLower(c))+key[n:]]
	return k, ok
}

// abbrSuffix is a word ending that makes an abbreviation of any word.
type abbrSuffix struct {
	suffix string
	kind   abbrKind
}

// lookupSuffix finds the ending of a word in the suffixes, the first that
// fits.
func (r *sentRules) lookupSuffix(word string) (abbrKind, bool) {
	for _, s := range r.suffixes {
		if len(word) > len(s.suffix) && strings.HasSuffix(word, s.suffix) {
			return s.kind, true
		}
	}
	return 0, false
}

// rulesFor returns the rules for lang, the default rules for Und and
// languages without their own.
func rulesFor(lang Lang) *sentRules {
	if r, ok := sentLangRules[lang]; ok {
		return r
	}
	return sentDefaultRules
}

// Abbreviation tables, one per language; Und and other languages get the
// default. An abbreviation that is also a common word (de "Art", en "No")
// is abbrNumber, so that the word still ends sentences; single capital
// letters are initials without being listed. Keys are as written, with
// their parts joined by "." without spaces; a key also matches with its
// first letter in upper case.
var (
	sentDefaultRules = &sentRules{
		pronounI: true,
		abbrevs: map[string]abbrKind{
			"Dr": abbrNever, "Prof": abbrNever, "e.g": abbrNever, "i.e": abbrNever,
			"vs": abbrNever, "cf": abbrNever, "ca": abbrNever,
			"etc": abbrFinal, "al": abbrFinal,
			"No": abbrNumber, "Nr": abbrNumber, "Art": abbrNumber, "Fig": abbrNumber,
			"p": abbrNumber, "pp": abbrNumber, "S": abbrNumber,
		},
	}

	sentLangRules = map[Lang]*sentRules{
		"en": {
			pronounI: true,
			abbrevs: map[string]abbrKind{
				// Titles.
				"Mr": abbrNever, "Mrs": abbrNever, "Ms": abbrNever, "Messrs": abbrNever,
				"Dr": abbrNever, "Prof": abbrNever, "Rev": abbrNever, "Hon": abbrNever,
				"St": abbrNever, "Mt": abbrNever, "Ft": abbrNever, "Gen": abbrNever,
				"Col": abbrNever, "Lt": abbrNever, "Sgt": abbrNever, "Capt": abbrNever,
				"Cmdr": abbrNever, "Gov": abbrNever, "Sen": abbrNever, "Rep": abbrNever,
				"Pres": abbrNever, "Supt": abbrNever, "Det": abbrNever,
				// Latin and other phrases; "U.S." is mostly an adjective
				// ("U.S. Army"), as style guides ask.
				"e.g": abbrNever, "i.e": abbrNever, "cf": abbrNever, "vs": abbrNever,
				"viz": abbrNever, "approx": abbrNever, "esp": abbrNever, "incl": abbrNever,
				"U.S": abbrNever,
				"etc": abbrFinal, "al": abbrFinal, "Inc": abbrFinal, "Ltd": abbrFinal,
				"Co": abbrFinal, "Corp": abbrFinal, "Bros": abbrFinal, "Jr": abbrFinal,
				"Sr": abbrFinal, "a.m": abbrFinal, "p.m": abbrFinal, "Ave": abbrFinal,
				"Blvd": abbrFinal, "Rd": abbrFinal, "Ph.D": abbrFinal,
				// Before a number.
				"No": abbrNumber, "Nos": abbrNumber, "Art": abbrNumber, "Fig": abbrNumber,
				"Figs": abbrNumber, "Vol": abbrNumber, "Vols": abbrNumber, "Ch": abbrNumber,
				"Chap": abbrNumber, "Sec": abbrNumber, "Sect": abbrNumber, "p": abbrNumber,
				"pp": abbrNumber, "Eq": abbrNumber, "Para": abbrNumber, "para": abbrNumber,
				"Jan": abbrNumber, "Feb": abbrNumber, "Mar": abbrNumber, "Apr": abbrNumber,
				"Jun": abbrNumber, "Jul": abbrNumber, "Aug": abbrNumber, "Sep": abbrNumber,
				"Sept": abbrNumber, "Oct": abbrNumber, "Nov": abbrNumber, "Dec": abbrNumber,
			},
		},
		"de": {
			ordinals: true,
			suffixes: []abbrSuffix{{"str", abbrFinal}}, // "Hauptstr. 5"
			abbrevs: map[string]abbrKind{
				"Dr": abbrNever, "Prof": abbrNever, "Hr": abbrNever, "Hrn": abbrNever,
				"Fr": abbrNever, "Frl": abbrNever, "St": abbrNever, "Dipl": abbrNever,
				"Ing": abbrNever, "med": abbrNever, "phil": abbrNever, "jur": abbrNever,
				"rer": abbrNever, "Fa": abbrNever, "geb": abbrNever, "verh": abbrNever,
				"z.B": abbrNever, "d.h": abbrNever, "u.a": abbrNever, "u.ä": abbrNever,
				"bzw": abbrNever, "ca": abbrNever, "ggf": abbrNever, "vgl": abbrNever,
				"z.T": abbrNever, "u.U": abbrNever, "sog": abbrNever, "evtl": abbrNever,
				"inkl": abbrNever, "exkl": abbrNever, "zzgl": abbrNever, "bspw": abbrNever,
				"gem": abbrNever, "lt": abbrNever, "o.g": abbrNever, "i.d.R": abbrNever,
				"v.a": abbrNever, "z.Zt": abbrNever, "Mio": abbrNever, "Mrd": abbrNever,
				"Tsd": abbrNever, "Std": abbrNever, "Tel": abbrNever, "vs": abbrNever,
				"usw": abbrFinal, "etc": abbrFinal, "usf": abbrFinal, "u.v.m": abbrFinal,
				"e.V": abbrFinal, "Str": abbrFinal, "Hrsg": abbrFinal, "a.D": abbrFinal,
				"d.J": abbrFinal, "o.Ä": abbrFinal, "o.ä": abbrFinal, "s.o": abbrFinal,
				"s.u": abbrFinal, "ff": abbrFinal, "al": abbrFinal,
				"Nr": abbrNumber, "Abs": abbrNumber, "Art": abbrNumber, "S": abbrNumber,
				"Bd": abbrNumber, "Kap": abbrNumber, "Ziff": abbrNumber, "Anm": abbrNumber,
				"Jan": abbrNumber, "Feb": abbrNumber, "Mär": abbrNumber, "Apr": abbrNumber,
				"Jun": abbrNumber, "Jul": abbrNumber, "Aug": abbrNumber, "Sep": abbrNumber,
				"Sept": abbrNumber, "Okt": abbrNumber, "Nov": abbrNumber, "Dez": abbrNumber,
				"Jh": abbrMeasure, "Jhd": abbrMeasure, "v.Chr": abbrMeasure, "n.Chr": abbrMeasure,
			},
		},
		"es": {
			abbrevs: map[string]abbrKind{
				"Sr": abbrNever, "Sra": abbrNever, "Srta": abbrNever, "Sres": abbrNever,
				"Dr": abbrNever, "Dra": abbrNever, "Dres": abbrNever, "D": abbrNever,
				"Dña": abbrNever, "Ud": abbrNever, "Uds": abbrNever, "Vd": abbrNever,
				"Vds": abbrNever, "Lic": abbrNever, "Lcdo": abbrNever, "Lcda": abbrNever,
				"Ing": abbrNever, "Arq": abbrNever, "Prof": abbrNever, "Profa": abbrNever,
				"Sto": abbrNever, "Sta": abbrNever, "Av": abbrNever, "Avda": abbrNever,
				"Gral": abbrNever, "Excmo": abbrNever, "Excma": abbrNever, "Ilmo": abbrNever,
				"Ilma": abbrNever, "Mons": abbrNever, "Pza": abbrNever, "p.ej": abbrNever,
				"aprox": abbrNever, "ej": abbrNever, "vs": abbrNever,
				"etc": abbrFinal, "EE.UU": abbrFinal, "S.A": abbrFinal, "S.L": abbrFinal,
				"a.m": abbrFinal, "p.m": abbrFinal, "Cía": abbrFinal, "Hnos": abbrFinal,
				"al": abbrFinal, "izq": abbrFinal, "dcha": abbrFinal, "ss": abbrFinal,
				"núm": abbrNumber, "pág": abbrNumber, "págs": abbrNumber, "art": abbrNumber,
				"arts": abbrNumber, "cap": abbrNumber, "vol": abbrNumber, "fig": abbrNumber,
				"tel": abbrNumber, "p": abbrNumber, "pp": abbrNumber,
				"ene": abbrNumber, "feb": abbrNumber, "mar": abbrNumber, "abr": abbrNumber,
				"jun": abbrNumber, "jul": abbrNumber, "ago": abbrNumber, "sep": abbrNumber,
				"sept": abbrNumber, "oct": abbrNumber, "nov": abbrNumber, "dic": abbrNumber,
				"a.C": abbrMeasure, "d.C": abbrMeasure, "a.de.C": abbrMeasure,
			},
		},
		"ru": {
			// "им." (имени) is listed although "им" is also a pronoun that
			// can end a sentence: the documents paralign aligns name
			// institutions more often than they end a sentence on it.
			abbrevs: map[string]abbrKind{
				"т.е": abbrNever, "т.к": abbrNever, "т.н": abbrNever, "т.ч": abbrNever,
				"и.о": abbrNever, "проф": abbrNever, "акад": abbrNever, "доц": abbrNever,
				"им": abbrNever, "ул": abbrNever, "пл": abbrNever, "пер": abbrNever,
				"пос": abbrNever, "д": abbrNever, "кв": abbrNever, "корп": abbrNever,
				"с": abbrNever, "ст": abbrNever, "см": abbrNever, "ср": abbrNever,
				"напр": abbrNever, "англ": abbrNever, "лат": abbrNever, "нем": abbrNever,
				"франц": abbrNever, "греч": abbrNever, "тыс": abbrNever, "млн": abbrNever,
				"млрд": abbrNever, "ок": abbrNever, "оз": abbrNever, "о": abbrNever,
				"п": abbrNever, "пп": abbrNever, "ч": abbrNever, "гл": abbrNever,
				"рис": abbrNever, "табл": abbrNever, "т": abbrNever, "г-н": abbrNever,
				"т.д": abbrFinal, "т.п": abbrFinal, "др": abbrFinal, "пр": abbrFinal,
				"н.э": abbrFinal, "обл": abbrFinal,
				"стр": abbrNumber,
				"янв": abbrNumber, "февр": abbrNumber, "апр": abbrNumber, "авг": abbrNumber,
				"сент": abbrNumber, "окт": abbrNumber, "нояб": abbrNumber, "дек": abbrNumber,
				"г": abbrMeasure, "гг": abbrMeasure, "в": abbrMeasure, "вв": abbrMeasure,
				"руб": abbrMeasure, "коп": abbrMeasure, "чел": abbrMeasure,
			},
		},
	}

	// sectionLabels are the words that name a section before its number.
	sectionLabels = []string{
		"Article", "Artikel", "Artículo", "Articulo", "Статья", "Art",
		"Section", "Sección", "Abschnitt", "Раздел", "Chapter", "Kapitel",
		"Capítulo", "Глава", "Part", "Teil", "Parte", "Часть", "Punkt", "Пункт",
		"Punto", "Paragraph", "Параграф", "Párrafo",
	}
)
