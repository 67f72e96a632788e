package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		ok     bool
		id     string
		label  string
		punct  string
		head   int
		rest   string // text after the marker
		reason string
	}{
		{name: "dot", text: "1. The text", ok: true, id: "1", punct: ".", rest: "The text"},
		{name: "paren", text: "1) Текст", ok: true, id: "1", punct: ")", rest: "Текст"},
		{name: "both parens", text: "(12) Text", ok: true, id: "12", punct: "()", rest: "Text"},
		{name: "escaped dot", text: `#### 1\. Text`, ok: true, id: "1", punct: ".", head: 4, rest: "Text", reason: "Markdown escapes a dot that would start a list"},
		{name: "nbsp run", text: "1.\u00a0\u00a0 At the", ok: true, id: "1", punct: ".", rest: "At the", reason: "the seed statement puts NO-BREAK SPACEs after every marker"},
		{name: "roman", text: "IV. Backing services", ok: true, id: "IV", punct: ".", rest: "Backing services"},
		{name: "roman heading", text: "## XII. Admin processes", ok: true, id: "XII", punct: ".", head: 2, rest: "Admin processes"},
		{name: "heading without space", text: "##X. Dev-Prod", ok: true, id: "X", punct: ".", head: 2, rest: "Dev-Prod", reason: "twelve-factor de.md writes ##X."},
		{name: "bom before heading", text: "\ufeff## I. Codebase", ok: true, id: "I", punct: ".", head: 2, rest: "Codebase"},
		{name: "paragraph sign", text: "# § 3 Mitgliedschaft", ok: true, id: "§3", label: "§", head: 1, rest: "Mitgliedschaft"},
		{name: "paragraph sign tight", text: "§3 Text", ok: true, id: "§3", label: "§", rest: "Text"},
		{name: "article", text: "Article 5 ", ok: true, id: "5", label: "article", rest: ""},
		{name: "статья", text: "Статья 5", ok: true, id: "5", label: "article", rest: ""},
		{name: "artículo", text: "Artículo 12. Nadie", ok: true, id: "12", label: "article", punct: ".", rest: "Nadie"},
		{name: "artikel", text: "Artikel 3\nJeder", ok: true, id: "3", label: "article", rest: "Jeder"},
		{name: "nested dotted", text: "12.1 Scope of work", ok: true, id: "12.1", rest: "Scope of work"},
		{name: "nested dotted dot", text: "20.2.1. Sub", ok: true, id: "20.2.1", punct: ".", rest: "Sub"},
		{name: "roman nested", text: "III.1.a) Text", ok: true, id: "III.1.a", punct: ")", rest: "Text"},
		{name: "letter", text: "a) first", ok: true, id: "a", punct: ")", rest: "first"},
		{name: "cyrillic letter", text: "б) второй", ok: true, id: "b", punct: ")", rest: "второй"},
		{name: "anchor", text: `###### <a name="20190629"></a>64. Text`, ok: true, id: "64", punct: ".", head: 6, rest: "Text"},
		{name: "hashes after number", text: "1. #### Title", ok: true, id: "1", punct: ".", rest: "Title"},
		{name: "bold", text: "**2.** Bold marker", ok: true, id: "2", punct: ".", rest: "Bold marker"},

		{name: "bare number", text: "12 months later", ok: false, reason: "a number without punctuation is text"},
		{name: "year", text: "2022. The year", ok: true, id: "2022", punct: ".", rest: "The year", reason: "four bare digits with punctuation and text read as a section (a code's § 1000 onward); the outline's chains leave a stray year out"},
		{name: "version", text: "1.0.0. If you", ok: false, reason: "a wrapped line of semver prose; zero parts are no section numbers"},
		{name: "decimal", text: "3.5 million", ok: true, id: "3.5", rest: "million", reason: "parses; the outline rejects it unless it extends section 3"},
		{name: "word", text: "Indeed. Yes", ok: false},
		{name: "pronoun", text: "I am here", ok: false, reason: "Roman I needs punctuation"},
		{name: "initial", text: "J.R.R. Tolkien", ok: false},
		{name: "letter colon", text: "a: b", ok: false},
		{name: "empty", text: "", ok: false},
		{name: "hashtag", text: "#hashtag", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := ParseMarker(tt.text)
			if ok != tt.ok {
				t.Fatalf("ParseMarker(%q) ok = %v, want %v (%s)", tt.text, ok, tt.ok, tt.reason)
			}
			if !ok {
				return
			}
			if m.ID() != tt.id || m.Label != tt.label || m.Punct != tt.punct || m.Heading != tt.head {
				t.Errorf("ParseMarker(%q) = id %q label %q punct %q heading %d, want %q %q %q %d", tt.text, m.ID(), m.Label, m.Punct, m.Heading, tt.id, tt.label, tt.punct, tt.head)
			}
			if rest := tt.text[m.Len:]; rest != tt.rest {
				t.Errorf("ParseMarker(%q): text after marker %q, want %q", tt.text, rest, tt.rest)
			}
		})
	}
}

func TestRomanValue(t *testing.T) {
	for s, want := range map[string]int{"I": 1, "IV": 4, "XII": 12, "xiv": 14, "IIII": 0, "VX": 0, "Iv": 0, "MCMXCIV": 1994,
		"vıı": 7, "xıv": 14, "ıı": 2, // Turkish lower case: dotless ı upper-cases to I
		"Ⅻ": 0, "ІІ": 0, "Article": 0} {
		if got := romanValue(s); got != want {
			t.Errorf("romanValue(%q) = %d, want %d", s, got, want)
		}
	}
}

// markerCase is one row of the marker tables below: whether text starts
// with a marker and, when it does, its id, label class and the text after it.
type markerCase struct {
	name   string
	text   string
	ok     bool
	id     string
	label  string
	rest   string
	reason string
}

func runMarkerCases(t *testing.T, tests []markerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := ParseMarker(tt.text)
			if ok != tt.ok {
				t.Fatalf("ParseMarker(%q) ok = %v, want %v (%s)", tt.text, ok, tt.ok, tt.reason)
			}
			if !ok {
				return
			}
			if m.ID() != tt.id || m.Label != tt.label {
				t.Errorf("ParseMarker(%q) = id %q label %q, want %q %q (%s)", tt.text, m.ID(), m.Label, tt.id, tt.label, tt.reason)
			}
			if rest := tt.text[m.Len:]; rest != tt.rest {
				t.Errorf("ParseMarker(%q): text after marker %q, want %q (%s)", tt.text, rest, tt.rest, tt.reason)
			}
		})
	}
}

func TestParseMarkerLargeNumbers(t *testing.T) {
	const big = "codes number their sections past 999: the last articles of a civil code must not merge"
	const year = "a bare four-digit number is a year unless marker punctuation and text follow it"
	const zeros = "leading zeros are written for alignment; the id is the number's value"
	runMarkerCases(t, []markerCase{
		{name: "paragraph sign 4 digits", text: "§ 1922 Gesamtrechtsnachfolge", ok: true, id: "§1922", label: "§", rest: "Gesamtrechtsnachfolge", reason: big},
		{name: "article 4 digits", text: "Статья 1109. Неосновательное обогащение", ok: true, id: "1109", label: "article", rest: "Неосновательное обогащение", reason: big},
		{name: "article 9999", text: "Artikel 9999", ok: true, id: "9999", label: "article", rest: "", reason: big},
		{name: "labelled 4-digit path", text: "Ст. 1062.1 Особенности", ok: true, id: "1062.1", label: "article", rest: "Особенности", reason: "inserted articles are numbered N.1 after article N"},
		{name: "bare 4 digits with text", text: "1204. The buyer shall pay", ok: true, id: "1204", rest: "The buyer shall pay", reason: big},
		{name: "heading 4 digits", text: "## 1100) Gewährleistung", ok: true, id: "1100", rest: "Gewährleistung", reason: big},
		{name: "five digits", text: "Art. 12345", ok: false, reason: "numbers stop at 9999"},
		{name: "year without punctuation", text: "1848 год стал годом революций", ok: false, reason: year},
		{name: "year alone", text: "1789.", ok: false, reason: year},
		{name: "year heading", text: "### 1995 Jahresbericht", ok: false, reason: year},
		{name: "date", text: "1999.12.31 Sitzung", ok: false, reason: year},
		{name: "date day first", text: "31.12.1999. Sitzung", ok: false, reason: year},
		{name: "zero padded", text: "007. Licence", ok: true, id: "7", rest: "Licence", reason: zeros},
		{name: "zero padded label", text: "Artículo 0042", ok: true, id: "42", label: "article", rest: "", reason: zeros},
		{name: "zero padded paragraph sign", text: "§ 0009 Wahl", ok: true, id: "§9", label: "§", rest: "Wahl", reason: zeros},
		{name: "zero", text: "0000. Nothing", ok: false, reason: "zero is no section number"},
	})
}

func TestParseMarkerScripts(t *testing.T) {
	const same = "every language's word for an article is the class article, so versions match"
	runMarkerCases(t, []markerCase{
		{name: "arabic", text: "المادة 7", ok: true, id: "7", label: "article", rest: "", reason: same},
		{name: "arabic-indic digits", text: "المادة ١٢\nلكل فرد", ok: true, id: "12", label: "article", rest: "لكل فرد", reason: "Arabic texts write Arabic-Indic digits"},
		{name: "arabic parenthesised", text: "مادة (3) التعريفات", ok: true, id: "3", label: "article", rest: "التعريفات", reason: "Gulf laws write the number in parentheses"},
		{name: "persian digits", text: "ماده ۴", ok: true, id: "4", label: "article", rest: "", reason: "Persian writes its own digit forms"},
		{name: "hebrew", text: "סעיף 9", ok: true, id: "9", label: "article", rest: "", reason: same},
		{name: "chinese", text: "第3条　公民有言论自由。", ok: true, id: "3", label: "article", rest: "公民有言论自由。", reason: "CJK laws wrap the number: 第…条"},
		{name: "chinese numerals", text: "第二十一条 国家发展医疗卫生事业", ok: true, id: "21", label: "article", rest: "国家发展医疗卫生事业", reason: "Chinese and Japanese laws write the number in characters"},
		{name: "traditional", text: "第一百零五條", ok: true, id: "105", label: "article", rest: "", reason: "Chinese numerals with a zero"},
		{name: "japanese full-width", text: "第１４条　すべて国民は", ok: true, id: "14", label: "article", rest: "すべて国民は", reason: "full-width digits are common in Japanese text"},
		{name: "japanese chapter", text: "第三章 国民の権利", ok: true, id: "3", label: "chapter", rest: "国民の権利", reason: same},
		{name: "cjk cross-reference", text: "第5条の規定により", ok: false, reason: "a reference in running text has no break after 条"},
		{name: "korean", text: "제11조(평등) 모든 국민은", ok: true, id: "11", label: "article", rest: "(평등) 모든 국민은", reason: "Korean laws: 제…조 with the title in parentheses"},
		{name: "korean spaced", text: "제 2 조 정의", ok: true, id: "2", label: "article", rest: "정의", reason: same},
		{name: "greek", text: "Άρθρο 5\nΚαθένας", ok: true, id: "5", label: "article", rest: "Καθένας", reason: same},
		{name: "greek capitals", text: "ΑΡΘΡΟ 6", ok: true, id: "6", label: "article", rest: "", reason: "capitals drop the accent"},
		{name: "greek ordinal", text: "Άρθρο 2ο Ορισμοί", ok: true, id: "2", label: "article", rest: "Ορισμοί", reason: "Greek laws write ordinal numbers: 2ο"},
		{name: "ukrainian", text: "Стаття 8. Верховенство права", ok: true, id: "8", label: "article", rest: "Верховенство права", reason: same},
		{name: "ukrainian section", text: "Розділ IV", ok: true, id: "IV", label: "section", rest: "", reason: same},
		{name: "french 1er", text: "Article 1er\nLes hommes naissent", ok: true, id: "1", label: "article", rest: "Les hommes naissent", reason: "French writes the first article 1er"},
		{name: "french premier", text: "Article premier – Objet", ok: true, id: "1", label: "article", rest: "– Objet", reason: "or in words"},
		{name: "italian", text: "Articolo 4. Lavoro", ok: true, id: "4", label: "article", rest: "Lavoro", reason: same},
		{name: "portuguese ordinal", text: "Artigo 3.º Estado", ok: true, id: "3", label: "article", rest: "Estado", reason: "Portuguese writes 1.º to 9.º"},
		{name: "spanish ordinal sign", text: "Artículo 2º. Objeto", ok: true, id: "2", label: "article", rest: "Objeto", reason: "Spanish writes 2º"},
		{name: "spanish ordinal o", text: "Artículo 5o.- Ámbito", ok: true, id: "5", label: "article", rest: "- Ámbito", reason: "typed without the ordinal sign: 5o"},
		{name: "brazilian paragraph", text: "§ 2º Cabe", ok: true, id: "§2", label: "§", rest: "Cabe", reason: "Brazilian laws: § 2º"},
		{name: "polish", text: "Art. 10. 1. Ustrój", ok: true, id: "10", label: "article", rest: "1. Ustrój", reason: same},
		{name: "section en dash", text: "Section 6 – Remedies", ok: true, id: "6", label: "section", rest: "– Remedies", reason: "a dash between number and title"},
		{name: "section dot", text: "Sección 2. Órganos", ok: true, id: "2", label: "section", rest: "Órganos", reason: same},
		{name: "abschnitt roman", text: "Abschnitt III", ok: true, id: "III", label: "section", rest: "", reason: "Roman numerals after any label"},
		{name: "раздел roman", text: "Раздел V. Заключительные положения", ok: true, id: "V", label: "section", rest: "Заключительные положения", reason: same},
		{name: "paragraph sign roman", text: "§ XI Schluss", ok: true, id: "§XI", label: "§", rest: "Schluss", reason: "Roman numerals after §"},
		{name: "greek roman", text: "Άρθρο IV", ok: true, id: "IV", label: "article", rest: "", reason: "Roman numerals after any label"},
	})
}

func TestParseMarkerCrossReference(t *testing.T) {
	const plural = "a plural label word lists sections in running text; it never starts one"
	const continues = "a label and number followed by a lower-case word is a sentence citing the section"
	runMarkerCases(t, []markerCase{
		{name: "plural", text: "Articles 2, 4 and 9 remain in force", ok: false, reason: plural},
		{name: "plural russian", text: "Статьи 3 и 4 не применяются", ok: false, reason: plural},
		{name: "sentence", text: "Article 12 shall apply mutatis mutandis.", ok: false, reason: continues},
		{name: "sentence russian", text: "Статья 7 настоящего Кодекса применяется", ok: false, reason: continues},
		{name: "sentence german", text: "§ 14 gilt entsprechend.", ok: false, reason: continues},
		{name: "sentence spanish", text: "Artículo 3 de la Ley 5/2010", ok: false, reason: continues},
		{name: "subclause reference", text: "Section 4(b) survives termination", ok: false, reason: "a cited subclause glued to the number"},
		{name: "title", text: "Article 12 Privacy", ok: true, id: "12", label: "article", rest: "Privacy", reason: "a capitalised title on the same line"},
		{name: "german title", text: "§ 14 Haftung", ok: true, id: "§14", label: "§", rest: "Haftung", reason: "a capitalised title on the same line"},
		{name: "title after dash", text: "Section 4 — definitions", ok: true, id: "4", label: "section", rest: "— definitions", reason: "punctuation ends the number, whatever the case after it"},
		{name: "heading", text: "## Article 9 of the Statute", ok: true, id: "9", label: "article", rest: "of the Statute", reason: "a heading is a heading"},
	})
}

// TestCyrillicLookalikeLetters checks both readings of each Cyrillic
// letter that looks like a Latin one: Value is its place in the Cyrillic
// alphabet, AltValue its Latin twin's place where that differs.
func TestCyrillicLookalikeLetters(t *testing.T) {
	latin := map[string]rune{"а": 'a', "в": 'b', "с": 'c', "е": 'e', "к": 'k', "м": 'm', "н": 'h', "о": 'o', "р": 'p', "т": 't', "у": 'y', "х": 'x'}
	for cyr, lat := range latin {
		for _, raw := range []string{cyr, strings.ToUpper(cyr)} {
			text := "2." + raw + ") текст"
			m, ok := ParseMarker(text)
			if !ok {
				t.Errorf("ParseMarker(%q) ok = false, want a marker", text)
				continue
			}
			p := m.Parts[len(m.Parts)-1]
			wantValue := utf8.RuneCountInString(cyrillicOrder[:strings.Index(cyrillicOrder, cyr)]) + 1
			wantAlt := int(lat-'a') + 1
			if wantAlt == wantValue {
				wantAlt = 0
			}
			if p.Kind != Letter || p.Value != wantValue || p.AltValue != wantAlt {
				t.Errorf("ParseMarker(%q) last part = %+v, want letter value %d alt %d", text, p, wantValue, wantAlt)
			}
		}
	}
	if m, _ := ParseMarker("б) второй"); m.Parts[0].AltValue != 0 {
		t.Errorf("ParseMarker(%q) AltValue = %d, want 0: б looks like no Latin letter", "б) второй", m.Parts[0].AltValue)
	}
}
