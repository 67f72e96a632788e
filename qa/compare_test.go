package qa

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// fakeDetect is a language detector for the tests that need no models:
// Cyrillic text is ru, Latin text goes to the language with the most of
// its function words.
func fakeDetect(text string) corpus.Label {
	lat, cyr := 0, 0
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			lat++
		}
	}
	switch {
	case lat+cyr == 0:
		return corpus.Label{Lang: corpus.NoLang}
	case cyr > lat:
		return corpus.Label{Lang: "ru", Conf: 1, Langs: []corpus.Lang{"ru"}}
	}
	stop := map[corpus.Lang][]string{
		"en": {"the", "and", "of", "is", "to", "in", "with", "for", "are", "by", "it", "its", "at", "on", "this"},
		"es": {"el", "la", "los", "las", "y", "de", "es", "en", "con", "para", "del", "una", "se", "su", "por"},
		"de": {"der", "die", "das", "und", "ist", "mit", "für", "den", "von", "ein", "eine", "im", "sich", "des"},
	}
	count := map[corpus.Lang]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, l := range []corpus.Lang{"en", "es", "de"} {
			if slices.Contains(stop[l], w) {
				count[l]++
			}
		}
	}
	best, n, tie := corpus.Und, 0, false
	for _, l := range []corpus.Lang{"en", "es", "de"} {
		switch {
		case count[l] > n:
			best, n, tie = l, count[l], false
		case count[l] == n && n > 0:
			tie = true
		}
	}
	if tie || n == 0 {
		return corpus.Label{Lang: corpus.Und}
	}
	return corpus.Label{Lang: best, Conf: 1, Langs: []corpus.Lang{best}}
}

// version cuts text into paragraphs labelled by fakeDetect.
func version(lang corpus.Lang, text string) align.Version {
	file := string(lang) + ".txt"
	paras := corpus.SplitParagraphs(text, file, corpus.SplitOptions{})
	for i := range paras {
		paras[i].Label = fakeDetect(paras[i].Text)
	}
	return align.Version{Lang: lang, File: file, Paras: paras}
}

func compareVersions(opts Options, vers ...align.Version) Report {
	if opts.Detect == nil {
		opts.Detect = fakeDetect
	}
	return Compare(vers, align.AlignSections(align.Outlines(vers)), opts)
}

// at is a finding reduced to what the tests check: check, section, the
// checked language.
type at struct {
	check, section string
	lang           corpus.Lang
}

func places(rep Report, minSev Severity) []at {
	var out []at
	for _, f := range rep.Findings {
		if f.Severity >= minSev {
			out = append(out, at{f.Check, f.Section, f.Langs[1]})
		}
	}
	return out
}

func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	return mustReplace(t, s, old, new)
}

func TestChecks(t *testing.T) {
	allOn := map[string]bool{}
	for _, c := range Checks() {
		allOn[c.ID] = true
	}
	tests := []struct {
		name   string
		en, es func(t *testing.T, s string) string // nil: unchanged
		opts   Options
		want   []at   // every finding, any order
		evid   string // a string the first finding's message must hold
		reason string
	}{
		{name: "clean", want: nil},
		{name: "missing-section",
			es: func(t *testing.T, s string) string {
				return edit(t, s, paraOf(t, s, "4) ")+"\n\n", "")
			},
			want: []at{{MissingSection, "4", "es"}}, evid: "§4 in en, not in es"},
		{name: "extra-section",
			es: func(t *testing.T, s string) string {
				return s + "\n7) La Unión publica un informe anual sobre el estado de los lagos y de sus poblaciones de peces.\n"
			},
			opts: Options{Pivot: "en"}, // es, with more sections, would be the pivot
			want: []at{{ExtraSection, "7", "es"}}},
		{name: "missing-block",
			en: func(t *testing.T, s string) string {
				return s + "\nSignatories\n\n1. Hamar Fishers Cooperative\n2. Gjøvik Lake Cooperative\n"
			},
			want: []at{{MissingBlock, "6+1", "es"}}},
		{name: "untranslated section",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "4) La Junta está compuesta por siete miembros elegidos por tres años.",
					"4) The Board consists of nine members elected for five years.")
			},
			want:   []at{{MixedLanguage, "4", "es"}},
			reason: "one sentence of two: mixed"},
		{name: "untranslated",
			es: func(t *testing.T, s string) string {
				i := strings.Index(s, "4) ")
				j := strings.Index(s, "5) ")
				return s[:i] + "4) The Board consists of nine members elected for five years. The Board meets at least four times a year and reports on its work to the General Meeting every spring.\n\n" + s[j:]
			},
			want: []at{{Untranslated, "4", "es"}}, evid: "§4 of es is in en",
			reason: "numbers (nine, five) differ too, but text left in English is one finding"},
		{name: "wrong-language",
			es: func(t *testing.T, s string) string {
				i := strings.Index(s, "4) ")
				j := strings.Index(s, "5) ")
				return s[:i] + "4) Der Vorstand besteht aus sieben Mitgliedern, die für drei Jahre gewählt werden. Der Vorstand tritt mindestens viermal im Jahr zusammen und berichtet der Versammlung.\n\n" + s[j:]
			},
			want: []at{{WrongLanguage, "4", "es"}}, evid: "is in de"},
		{name: "missing-paragraph",
			en: func(t *testing.T, s string) string {
				return edit(t, s, "@lakefishers.example.org. The rules", "@lakefishers.example.org.\n\nThe rules")
			},
			es: func(t *testing.T, s string) string {
				return edit(t, s, " Los estatutos de la Unión se publican en https://lakefishers.example.org/rules y son gratuitos para todos.", "")
			},
			want: []at{{MissingParagraph, "5", "es"}}, evid: "The rules of the Union",
			reason: "the URL of the missing paragraph is not reported again"},
		{name: "extra-paragraph",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "desde entonces.\n", "desde entonces.\n\nLa Unión colabora con las autoridades locales en la protección de los lagos y de sus orillas.\n")
			},
			want: []at{{ExtraParagraph, "1", "es"}}},
		{name: "duplicate",
			es: func(t *testing.T, s string) string {
				p := paraOf(t, s, "2) ")
				return edit(t, s, p, p+"\n\n"+strings.TrimPrefix(p, "2) "))
			},
			want: []at{{Duplicate, "2", "es"}}, evid: "repeats ¶1"},
		{name: "missing-sentence",
			es: func(t *testing.T, s string) string {
				return edit(t, s, " Los miembros con menos de 10 empleados abonan la mitad de dicho importe, y los nuevos miembros no pagan nada en su primer año de afiliación.", "")
			},
			want: []at{{MissingSentence, "3", "es"}}, evid: "Members with fewer than 10",
			reason: "the 10 of the missing sentence is not reported again, nor the length"},
		{name: "extra-sentence",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "cada primavera y cada otoño.", "cada primavera y cada otoño. Sus miembros reciben 50 euros por cada sesión a la que asisten.")
			},
			want: []at{{ExtraSentence, "4", "es"}}},
		{name: "number-missing",
			es:   func(t *testing.T, s string) string { return edit(t, s, "en 1998", "en 1989") },
			want: []at{{NumberMissing, "1", "es"}}, evid: "`1998` in en §1, not in es; es has `1989`"},
		{name: "number-extra",
			es:   func(t *testing.T, s string) string { return edit(t, s, "abrir oficinas", "abrir 3 oficinas") },
			want: []at{{NumberExtra, "2", "es"}}, evid: "`3` in es §2, not in en"},
		{name: "decimal in the other notation",
			es:   func(t *testing.T, s string) string { return edit(t, s, "1.250,50 euros", "1.250,55 euros") },
			want: []at{{NumberMissing, "3", "es"}}, evid: "`1,250.50` in en §3"},
		{name: "number spelled out",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "menos de 10 empleados", "menos de diez empleados")
			},
			want: nil},
		{name: "url-mismatch",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "https://lakefishers.example.org/rules", "https://lakefishers.example.org/estatutos")
			},
			want: []at{{URLMismatch, "5", "es"}}, evid: "es has `https://lakefishers.example.org/estatutos`"},
		{name: "url with language segment",
			en: func(t *testing.T, s string) string {
				return edit(t, s, "https://lakefishers.example.org/rules", "https://lakefishers.example.org/en/rules")
			},
			es: func(t *testing.T, s string) string {
				return edit(t, s, "https://lakefishers.example.org/rules", "https://www.lakefishers.example.org/es/rules/")
			},
			want: nil},
		{name: "email-mismatch",
			es:   func(t *testing.T, s string) string { return edit(t, s, "members@", "miembros@") },
			want: []at{{EmailMismatch, "5", "es"}}},
		{name: "length-ratio",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "Fue fundada en 1998 por doce cooperativas y ha crecido cada año desde entonces.", "Fue fundada en 1998.")
			},
			want: []at{{LengthRatio, "1", "es"}}, evid: "% of en's"},
		{name: "acronym without counterpart",
			en: func(t *testing.T, s string) string {
				return edit(t, s, "eastern region.", "eastern region and a member of the IFA.")
			},
			es: func(t *testing.T, s string) string {
				return edit(t, s, "región oriental.", "región oriental y miembro de la AIP.")
			},
			want: []at{{NameMismatch, "1", "es"}}, evid: "`IFA`"},
		{name: "acronym with an alias",
			en: func(t *testing.T, s string) string {
				return edit(t, s, "eastern region.", "eastern region and a member of the IFA.")
			},
			es: func(t *testing.T, s string) string {
				return edit(t, s, "región oriental.", "región oriental y miembro de la AIP.")
			},
			opts: Options{Aliases: [][]string{{"IFA", "AIP"}}},
			want: nil},
		{name: "acronym letters reordered",
			en: func(t *testing.T, s string) string {
				return edit(t, s, "eastern region.", "eastern region and a member of NATO.")
			},
			es: func(t *testing.T, s string) string {
				return edit(t, s, "región oriental.", "región oriental y miembro de la OTAN.")
			},
			want: nil},
		{name: "cosmetic checks are off by default",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "La sede de la Unión", "La sede de  la Unión")
			},
			want: nil},
		{name: "double-space",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "La sede de la Unión", "La sede de  la Unión")
			},
			opts: Options{Enabled: allOn},
			want: []at{{DoubleSpace, "2", "es"}}},
		{name: "end-punctuation and quotes",
			es: func(t *testing.T, s string) string {
				return edit(t, s, "las cerrará de la misma manera tras una votación de los miembros.", "las cerrará de la misma manera tras una «votación» de los miembros")
			},
			opts: Options{Enabled: allOn},
			want: []at{{EndPunctuation, "2", "es"}, {Quotes, "2", "es"}}},
		{name: "a paragraph cut to one sentence",
			en: func(t *testing.T, s string) string {
				return s + "\nEach member has one vote. A member may authorise another member to vote on its behalf, but no member may hold more than two proxies.\n"
			},
			es: func(t *testing.T, s string) string {
				return s + "\nCada miembro dispone de un voto.\n"
			},
			want:   []at{{MissingSentence, "6", "es"}},
			reason: "the charter's §14 with its proxy rule deleted: by length alone the paragraphs do not pair, so a paragraph was missing and another extra"},
		{name: "only the checks enabled",
			es: func(t *testing.T, s string) string {
				return edit(t, edit(t, s, "en 1998", "en 1989"), "members@", "miembros@")
			},
			opts: Options{Enabled: map[string]bool{EmailMismatch: true}},
			want: []at{{EmailMismatch, "5", "es"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, es := lakeEN, lakeES
			if tt.en != nil {
				en = tt.en(t, en)
			}
			if tt.es != nil {
				es = tt.es(t, es)
			}
			rep := compareVersions(tt.opts, version("en", en), version("es", es))
			got := places(rep, Info)
			if !sameWants(got, tt.want) {
				var b strings.Builder
				WriteText(&b, rep)
				t.Fatalf("got %v, want %v\n%s", got, tt.want, b.String())
			}
			if tt.evid != "" && !strings.Contains(rep.Findings[0].Message, tt.evid) {
				t.Errorf("message %q does not hold %q", rep.Findings[0].Message, tt.evid)
			}
		})
	}
}

// TestMissingRun: sections missing together are one finding that lists
// every one of them, so that scripts see each section without a finding
// per section.
func TestMissingRun(t *testing.T) {
	es := edit(t, lakeES, paraOf(t, lakeES, "4) ")+"\n\n", "")
	es = edit(t, es, paraOf(t, es, "5) ")+"\n\n", "")
	rep := compareVersions(Options{}, version("en", lakeEN), version("es", es))
	var got [][]string
	for _, f := range rep.Findings {
		if f.Check == MissingSection {
			got = append(got, f.Sections)
		}
	}
	if want := [][]string{{"4", "5"}}; !slices.EqualFunc(got, want, slices.Equal) {
		var b strings.Builder
		WriteText(&b, rep)
		t.Errorf("missing-section findings cover %v, want %v\n%s", got, want, b.String())
	}
}
