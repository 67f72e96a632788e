package qa

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		name string
		lang corpus.Lang
		text string
		want []string
	}{
		{"en thousands and decimals", "en", "a fee of 1,500.5 units", []string{"1500.5"}},
		{"en decimal point", "en", "12.5 per cent", []string{"12.5"}},
		{"en 1.500 is one and a half", "en", "1.500 tonnes", []string{"1.5"}},
		{"es thousands and decimals", "es", "una cuota de 1.500,5 unidades", []string{"1500.5"}},
		{"es 1.500 is fifteen hundred", "es", "1.500 toneladas", []string{"1500"}},
		{"de decimal comma", "de", "12,5 Prozent", []string{"12.5"}},
		{"de millions", "de", "284.750,5 Rechnungseinheiten", []string{"284750.5"}},
		{"ru NO-BREAK SPACE thousands", "ru", "1\u00a0500,5 расчётных единиц", []string{"1500.5"}},
		{"ru NARROW NO-BREAK SPACE", "ru", "284\u202f750,5", []string{"284750.5"}},
		{"ru plain space thousands", "ru", "284 750,5", []string{"284750.5"}},
		{"space apart when groups do not fit", "en", "in 2022 30 years", []string{"2022", "30"}},
		{"en list with commas", "en", "items 1, 2 and 3", []string{"1", "2", "3"}},
		{"en 3,5 is not a number", "en", "3,5", []string{"3", "5"}},
		{"percent", "es", "el 12,5 %", []string{"12.5"}},
		{"year", "ru", "в начале 2022 года", []string{"2022"}},
		{"de ordinal date", "de", "am 14. März 2024", []string{"14", "2024"}},
		{"en ordinal", "en", "the 2nd and 22nd", []string{"2", "22"}},
		{"ru ordinal suffix", "ru", "22-го числа", []string{"22"}},
		{"range with en dash", "en", "2020–2022", []string{"2020", "2022"}},
		{"range with hyphen", "en", "2020-2022", []string{"2020", "2022"}},
		{"negative with minus sign", "en", "−5 °C", []string{"-5"}},
		{"negative with hyphen", "de", "bei -3,5 Grad", []string{"-3.5"}},
		{"hyphen after a word is no sign", "en", "COVID-19", []string{"19"}},
		{"mixed million", "en", "1.5 million people", []string{"1500000"}},
		{"mixed millones", "es", "1,5 millones de personas", []string{"1500000"}},
		{"mil millones", "es", "2 mil millones", []string{"2000000000"}},
		{"ru abbreviation", "ru", "1,5 млн человек", []string{"1500000"}},
		{"de Milliarden", "de", "3 Milliarden", []string{"3000000000"}},
		{"date in dots", "de", "10.12.1948", []string{"10", "12", "1948"}},
		{"dotted reference in Spanish", "es", "el punto 12.1", []string{"12", "1"}},
		{"code glued to a letter", "en", "A4 paper and B12", nil},
		{"leading zeros", "en", "007", []string{"7"}},
		{"URL skipped", "en", "see https://example.org/2022/05 or mail a1@x2.org", nil},
		{"sentence end", "en", "until 2027.", []string{"2027"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Numbers(tt.text, tt.lang)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Numbers(%q, %s) mismatch (-want +got):\n%s", tt.text, tt.lang, diff)
			}
		})
	}
}

func TestSpelledNumbers(t *testing.T) {
	tests := []struct {
		lang corpus.Lang
		text string
		want []string
	}{
		{"en", "three organs and thirty years", []string{"3", "30"}},
		{"es", "tres órganos, treinta años", []string{"3", "30"}},
		{"de", "drei Organe, dreißig Jahre", []string{"3", "30"}},
		{"ru", "три органа, трёх лет, двадцатью", []string{"3", "3", "20"}},
		{"en", "the XX century", []string{"20"}},
		{"en", "I went", nil}, // one letter is no Roman numeral
		{"fr", "trois", nil},  // no word list
	}
	for _, tt := range tests {
		got := spelledNumbers(tt.text, tt.lang)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("spelledNumbers(%q, %s) mismatch (-want +got):\n%s", tt.text, tt.lang, diff)
		}
	}
}

func TestBlankListMarkers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"documents:\n1) a copy;\n2) a decision;", "documents:\n   a copy;\n   a decision;"},
		{"the list:\n  1. one\n  2. two", "the list:\n     one\n     two"},
		// a lone "14." at a line start is a wrapped date, not a list
		{"adopted on\n14. March 2024", "adopted on\n14. March 2024"},
	}
	for _, tt := range tests {
		if got := blankListMarkers(tt.in); got != tt.want {
			t.Errorf("blankListMarkers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		text   string
		want   []string // compared forms
		reason string
	}{
		{"See https://www.Example.org/a/.", []string{"example.org/a"}, ""},
		{"(see http://example.org/wiki/Idempotence).", []string{"example.org/wiki/Idempotence"}, ""},
		{"http://example.org/wiki/Reentrant_%28subroutine%29 and more", []string{"example.org/wiki/Reentrant_%28subroutine%29"}, ""},
		{"http://example.org/wiki/Foo_(bar)", []string{"example.org/wiki/Foo_(bar)"}, "a balanced parenthesis belongs to the URL"},
		{"**[shared-nothing](http://en.wikipedia.org/wiki/Shared_nothing_architecture).** Next", []string{"en.wikipedia.org/wiki/Shared_nothing_architecture"},
			"twelve-factor: a Markdown link in bold; the closing ).** is no part of the URL"},
		{"write to info@example.org or www.example.org", []string{"example.org"}, "the address is no URL"},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range urls(tt.text) {
			got = append(got, l.norm)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("urls(%q) = %q, want %q %s", tt.text, got, tt.want, tt.reason)
		}
	}
}
