package qa

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

const seedPath = "../testdata/kazakhstan-2022/combined.txt"

// loadText is load on a combined document given as text.
func loadText(t testing.TB, name, text string) ([]align.Version, []align.Row) {
	t.Helper()
	doc, err := corpus.ReadBytes([]byte(text), name, corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	label(t, text, doc.Paragraphs)
	vers := align.SplitVersions(doc.File, doc.Paragraphs)
	return vers, align.AlignSections(align.Outlines(vers))
}

// seedLines returns the seed statement's lines and the index of the line
// of each numbered point of a version (en 1–8, ru 1–8, es 1–8).
func seedLines(t testing.TB) (lines []string, point func(lang corpus.Lang, n int) int) {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(string(data), "\n")
	first := map[corpus.Lang]int{"en": 7, "ru": 59, "es": 80} // 0-based line of point 1
	return lines, func(l corpus.Lang, n int) int {
		i := first[l] + 2*(n-1)
		if !strings.HasPrefix(lines[i], strings.TrimSpace(string(rune('0'+n)))) {
			t.Fatalf("line %d is not point %d of %s: %.30q", i+1, n, l, lines[i])
		}
		return i
	}
}

// body returns a point's text after its marker.
func body(line string) string {
	m, ok := corpus.ParseMarker(line)
	if !ok {
		return line
	}
	return line[m.Len:]
}

func marker(line string) string { return line[:len(line)-len(body(line))] }

func sentences(text string, l corpus.Lang) []string {
	var out []string
	for _, sp := range corpus.SplitSentences(text, l) {
		out = append(out, strings.TrimSpace(text[sp.Start:sp.End]))
	}
	return out
}

func mustReplace(t testing.TB, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not found in %.60q", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

// TestPlantedFaults plants one fault at a time in the seed statement and
// expects exactly one finding of severity warning or error: the check at
// the section, in the language (or, for want "", none).
func TestPlantedFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	type want struct {
		check, section string
		lang           corpus.Lang
	}
	cases := []struct {
		name string
		edit func(t *testing.T, lines []string, point func(corpus.Lang, int) int) []string
		want []want // warnings and errors expected, in any order
	}{
		{"clean", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string { return l }, nil},
		{"number changed", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 1)
			l[i] = mustReplace(t, l[i], "30 años", "35 años")
			return l
		}, []want{{NumberMissing, "1", "es"}}},
		{"number spelled out", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 1)
			l[i] = mustReplace(t, l[i], "30 años", "treinta años")
			return l
		}, nil},
		{"number added", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("ru", 3)
			l[i] = mustReplace(t, l[i], "Во время протестов", "Во время протестов 1986 года")
			return l
		}, []want{{NumberExtra, "3", "ru"}}},
		{"last sentence deleted", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 5)
			s := sentences(body(l[i]), "es")
			l[i] = marker(l[i]) + strings.Join(s[:len(s)-1], " ")
			return l
		}, []want{{MissingSentence, "5", "es"}}},
		{"middle sentence deleted", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 6)
			s := sentences(body(l[i]), "es")
			l[i] = marker(l[i]) + strings.Join(slices.Delete(s, 1, 2), " ")
			return l
		}, []want{{MissingSentence, "6", "es"}}},
		{"first sentence deleted ru", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("ru", 5)
			s := sentences(body(l[i]), "ru")
			l[i] = marker(l[i]) + strings.Join(s[1:], " ")
			return l
		}, []want{{MissingSentence, "5", "ru"}}},
		{"left in English", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			l[p("es", 3)] = marker(l[p("es", 3)]) + body(l[p("en", 3)])
			return l
		}, []want{{Untranslated, "3", "es"}}},
		{"left in English, one word edited", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			l[p("es", 3)] = marker(l[p("es", 3)]) + mustReplace(t, body(l[p("en", 3)]), "attempted", "tried")
			return l
		}, []want{{Untranslated, "3", "es"}}},
		{"partly English", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			es := sentences(body(l[p("es", 5)]), "es")
			en := sentences(body(l[p("en", 5)]), "en")
			l[p("es", 5)] = marker(l[p("es", 5)]) + es[0] + " " + strings.Join(en[1:], " ")
			return l
		}, []want{{MixedLanguage, "5", "es"}}},
		{"section deleted", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 4)
			return slices.Delete(l, i, i+2)
		}, []want{{MissingSection, "4", "es"}}},
		{"paragraph duplicated", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 2)
			return slices.Insert(l, i+1, "", body(l[i]))
		}, []want{{Duplicate, "2", "es"}}},
		{"paragraph duplicated with its marker", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 2)
			return slices.Insert(l, i+1, "", l[i])
		}, []want{{Duplicate, "2", "es"}}},
		{"URL changed", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			l[p("en", 8)] += " See https://www.solidnet.org/article/kazakhstan."
			l[p("ru", 8)] += " См. https://www.solidnet.org/article/kazakhstan."
			l[p("es", 8)] += " Véase https://www.solidnet.org/article/kazajistan."
			return l
		}, []want{{URLMismatch, "8", "es"}}},
		{"e-mail changed", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			l[p("en", 8)] += " Write to info@solidnet.org."
			l[p("ru", 8)] += " Пишите на info@solidnet.org."
			l[p("es", 8)] += " Escriba a info@solidnet.es."
			return l
		}, []want{{EmailMismatch, "8", "es"}}},
		{"paragraph emptied", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			l[p("es", 4)] = strings.TrimSpace(marker(l[p("es", 4)]))
			return l
		}, []want{{MissingSection, "4", "es"}}}, // a marker alone makes no section
		{"truncated to a third", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			i := p("es", 7)
			r := []rune(l[i])
			l[i] = string(r[:len(r)/3])
			return l
		}, []want{{LengthRatio, "7", "es"}}},
		{"version cut short", func(t *testing.T, l []string, p func(corpus.Lang, int) int) []string {
			return l[:p("es", 6)]
		}, []want{{MissingSection, "6", "es"}}},
	}
	if raceDetector {
		cases = cases[:2]
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lines, point := seedLines(t)
			lines = tc.edit(t, lines, point)
			vers, rows := loadText(t, "combined.txt", strings.Join(lines, "\n"))
			rep := Compare(vers, rows, Options{Detect: detect(t)})
			var got []want
			for _, f := range rep.Findings {
				if f.Severity >= Warning {
					got = append(got, want{f.Check, f.Section, f.Langs[1]})
				}
			}
			if !sameWants(got, tc.want) {
				var b strings.Builder
				WriteText(&b, rep)
				t.Errorf("got %v, want %v\n%s", got, tc.want, b.String())
			}
		})
	}
}

func sameWants[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// loadTexts is load on one version per file, given as texts.
func loadTexts(t testing.TB, texts map[corpus.Lang]string) ([]align.Version, []align.Row) {
	t.Helper()
	var vers []align.Version
	for _, l := range testLangs {
		text, ok := texts[l]
		if !ok {
			continue
		}
		doc, err := corpus.ReadBytes([]byte(text), string(l)+".txt", corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		label(t, text, doc.Paragraphs)
		vers = append(vers, align.Version{Lang: l, File: doc.File, Paras: doc.Paragraphs})
	}
	return vers, align.AlignSections(align.Outlines(vers))
}

// paraOf returns the paragraph of text (blank-line separated) that
// starts with prefix.
func paraOf(t testing.TB, text, prefix string) string {
	t.Helper()
	for _, p := range strings.Split(text, "\n\n") {
		if strings.HasPrefix(p, prefix) {
			return p
		}
	}
	t.Fatalf("no paragraph starts with %q", prefix)
	return ""
}

// TestPlantedFaultsCharter plants faults in the four-language charter
// (one file per language; de lacks §17, which every case finds too).
func TestPlantedFaultsCharter(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	type want struct {
		check, section string
		lang           corpus.Lang
	}
	base := want{MissingSection, "17", "de"}
	type edit func(t *testing.T, doc map[corpus.Lang]string)
	replace := func(l corpus.Lang, old, new string) edit {
		return func(t *testing.T, doc map[corpus.Lang]string) { doc[l] = mustReplace(t, doc[l], old, new) }
	}
	cases := []struct {
		name  string
		edit  edit
		want  []want // besides base
		info  []want // info findings that must be there
		other string // a reason when the case needs one
	}{
		{"clean", func(*testing.T, map[corpus.Lang]string) {}, nil, nil, ""},
		{"decimal changed", replace("es", "1.500,5 unidades", "1.500,7 unidades"), []want{{NumberMissing, "10", "es"}}, nil, ""},
		{"thousands written the English way", replace("es", "1.500,5 unidades", "1,500.5 unidades"), nil, nil,
			"the same digits on both sides are accepted (Mexican Spanish writes 1,500.5)"},
		{"days changed", replace("de", "innerhalb von 90 Tagen", "innerhalb von 60 Tagen"), []want{{NumberMissing, "7", "de"}}, nil, ""},
		{"paragraph in Spanish in the German version", func(t *testing.T, doc map[corpus.Lang]string) {
			doc["de"] = mustReplace(t, doc["de"], paraOf(t, doc["de"], "Dokumente der Mitgliederversammlung"), paraOf(t, doc["es"], "Los documentos de la Asamblea General"))
		}, []want{{WrongLanguage, "5", "de"}}, nil, ""},
		{"paragraph left in English", func(t *testing.T, doc map[corpus.Lang]string) {
			doc["es"] = mustReplace(t, doc["es"], paraOf(t, doc["es"], "Los datos recibidos"), paraOf(t, doc["en"], "Data received"))
		}, []want{{Untranslated, "22", "es"}}, nil, ""},
		{"paragraph deleted", func(t *testing.T, doc map[corpus.Lang]string) {
			doc["es"] = mustReplace(t, doc["es"], paraOf(t, doc["es"], "Todo miembro puede darse de baja")+"\n\n", "")
		}, []want{{MissingParagraph, "11", "es"}}, nil, ""},
		{"paragraph added", replace("es", "reputación de la Alianza.\n", "reputación de la Alianza.\n\nLos miembros informarán a la Secretaría de cualquier cambio en sus estatutos en un plazo razonable.\n"),
			[]want{{ExtraParagraph, "9", "es"}}, nil, ""},
		{"paragraph duplicated", func(t *testing.T, doc map[corpus.Lang]string) {
			p := paraOf(t, doc["es"], "El Consejo convoca sesiones extraordinarias")
			doc["es"] = mustReplace(t, doc["es"], p, p+"\n\n"+p)
		}, []want{{Duplicate, "13", "es"}}, nil, ""},
		{"sentence deleted", replace("es", "Los acuerdos se adoptan por mayoría simple de los votos emitidos. ", ""),
			[]want{{MissingSentence, "14", "es"}}, nil, ""},
		{"sentence added", replace("ru", "Альянс руководствуется", "Альянс является открытым для всех организаций региона. Альянс руководствуется"),
			[]want{{ExtraSentence, "4", "ru"}}, nil, ""},
		{"URL changed", replace("es", "https://www.nrca.example.org/charter", "https://www.nrca.example.org/carta"),
			[]want{{URLMismatch, "28", "es"}}, nil, ""},
		{"e-mail changed", replace("de", "membership@nrca.example.org", "mitglieder@nrca.example.org"),
			[]want{{EmailMismatch, "7", "de"}}, nil, ""},
		{"subsection deleted", func(t *testing.T, doc map[corpus.Lang]string) {
			doc["ru"] = mustReplace(t, doc["ru"], paraOf(t, doc["ru"], "12.2 ")+"\n\n", "")
		}, []want{{MissingSection, "12.2", "ru"}}, nil, ""},
		{"name changed", replace("es", "La sede de la Alianza está en Tromsø.", "La sede de la Alianza está en Oslo."),
			nil, []want{{NameMismatch, "2", "es"}}, ""},
		{"cut inside a section", func(t *testing.T, doc map[corpus.Lang]string) {
			i := strings.Index(doc["es"], "Los datos recibidos a través")
			doc["es"] = doc["es"][:i+40]
		}, []want{{MissingSection, "22", "es"}}, nil, ""},
	}
	orig := map[corpus.Lang]string{}
	for _, l := range testLangs {
		data, err := os.ReadFile("../testdata/charter/" + string(l) + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		orig[l] = string(data)
	}
	if raceDetector {
		cases = cases[:2]
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := map[corpus.Lang]string{}
			for l, s := range orig {
				doc[l] = s
			}
			tc.edit(t, doc)
			vers, rows := loadTexts(t, doc)
			rep := Compare(vers, rows, Options{Detect: detect(t)})
			var got, info []want
			for _, f := range rep.Findings {
				w := want{f.Check, f.Section, f.Langs[1]}
				if f.Severity >= Warning {
					got = append(got, w)
				} else {
					info = append(info, w)
				}
			}
			wantAll := append([]want{base}, tc.want...)
			ok := sameWants(got, wantAll)
			for _, w := range tc.info {
				ok = ok && slices.Contains(info, w)
			}
			if !ok {
				var b strings.Builder
				WriteText(&b, rep)
				t.Errorf("got %v, want %v (info %v)\n%s", got, wantAll, tc.info, b.String())
			}
		})
	}
}

// TestTestDocuments runs Compare on the documents in testdata and checks
// what it must find there, and that it finds nothing else of severity
// warning or error.
func TestTestDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	udhr := []string{"../testdata/udhr-nltk/en.txt", "../testdata/udhr-nltk/ru.txt", "../testdata/udhr-nltk/es.txt", "../testdata/udhr-nltk/de.txt"}
	tests := []struct {
		name  string
		files []string
		want  []at
	}{
		{"seed statement", []string{seedPath}, nil},
		{"charter combined", []string{"../testdata/charter/combined.txt"}, []at{{MissingSection, "17", "de"}}},
		// the NLTK copies stop after about 10,000 bytes: ru, es and de
		// inside Article 26 (en goes on to Article 29)
		{"UDHR", udhr, []at{{MissingSection, "26", "ru"}, {MissingSection, "26", "es"}, {MissingSection, "26", "de"}}},
	}
	if raceDetector {
		tests = tests[:1]
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := compareFiles(t, Options{}, tt.files...)
			if got := places(rep, Warning); !sameWants(got, tt.want) {
				var b strings.Builder
				WriteText(&b, rep)
				t.Errorf("got %v, want %v\n%s", got, tt.want, b.String())
			}
		})
	}
}

// TestCleanMarkdown: what a Markdown translation shares with its original
// and what carries no language raise no finding: front matter (no
// length-ratio, no language), a heading with the original term in
// parentheses, inline code, a table row of product names. Each of these
// gave a false warning or error on twelve-factor or commons-code-satzung.
func TestCleanMarkdown(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	en := `---
title: "The Twelve-Factor App: port binding and backing services for web applications"
description: "A methodology for building software-as-a-service apps"
---

## I. Port binding

Web apps are sometimes executed inside a web server container. For example, PHP apps might run as a module inside Apache, and Java apps might run inside Tomcat.

## II. Backing services

Run the database migration (for example ` + "`manage.py migrate`" + ` in Django, ` + "`rake db:migrate`" + ` in Rails) before the release. The database is a backing service like any other.

<table><tr><td>MySQL, PostgreSQL, SQLite</td></tr></table>
`
	ru := `---
title: "Twelve-Factor App"
---

## I. Привязка портов (Port binding)

Веб-приложения иногда запускаются внутри контейнера веб-сервера. Например, PHP-приложения могут запускаться как модуль внутри Apache, а Java-приложения внутри Tomcat.

## II. Сторонние службы (Backing services)

Запустите миграцию базы данных (например ` + "`manage.py migrate`" + ` в Django, ` + "`rake db:migrate`" + ` в Rails) перед выпуском. База данных является сторонней службой, как и любая другая.

<table><tr><td>MySQL, PostgreSQL, SQLite</td></tr></table>
`
	dir := t.TempDir()
	var files []string
	for name, text := range map[string]string{"en.md": en, "ru.md": ru} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	slices.Sort(files)
	rep := compareFiles(t, Options{}, files...)
	if got := places(rep, Warning); len(got) > 0 {
		var b strings.Builder
		WriteText(&b, rep)
		t.Errorf("findings on a clean translation: %v\n%s", got, b.String())
	}
}
