package langid

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/paralign/paralign/corpus"
)

// one detector for the package's tests: building it is cheap, loading the
// models on first use is not.
var shared = sync.OnceValue(func() *Detector {
	d, err := New(Options{})
	if err != nil {
		panic(err)
	}
	return d
})

// detectorFor returns a detector among langs, the shared one for nil.
func detectorFor(t *testing.T, langs []corpus.Lang) *Detector {
	t.Helper()
	if langs == nil {
		return shared()
	}
	d, err := New(Options{Langs: langs})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDetect(t *testing.T) {
	tests := []struct {
		text   string
		want   corpus.Lang
		reason string
	}{
		{"Статья 5", "ru", "headings decide sections; lingua's script rule"},
		{"Artículo 5", "es", ""},
		{"Artikel 5", "de", ""},
		{"Joint Statement of Communist and Workers’ Parties on the situation in Kazakhstan", "en", ""},
		{"Comunicado Conjunto de Partidos Comunistas y Obreros", "es", ""},
		{"Aufstand in Kasachstan", "de", ""},
		{"1)", corpus.NoLang, "a marker alone has no letters"},
		{"12. 2022 — 3,5 %", corpus.NoLang, ""},
		{"https://tinyurl.com/uprising2022", corpus.NoLang, "URLs get arbitrary labels from lingua: set aside"},
		{"iso@intersoz.org\nwww.intersoz.org\nhttp://facebook.com/intersoz.org", corpus.NoLang, "blog page"},
		{"", corpus.NoLang, ""},
		{"## VII. Привязка портов (Port binding)", "ru", "twelve-factor: mostly Cyrillic letters once the Roman numeral is set aside; lingua alone says en"},
		{"## IX. Утилизируемость (Disposability)", "ru", "twelve-factor"},
		{"* Запуск миграции базы данных (например `manage.py migrate` в Django, `rake db:migrate` в Rails).", "ru", "twelve-factor: inline code is no language"},
		{"## IV. Backing services", "en", "a Roman numeral marker before English"},
	}
	d := shared()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := d.Detect(tt.text); got.Lang != tt.want {
				t.Errorf("Detect(%q) = %v (%.2f), want %v %s", tt.text, got.Lang, got.Conf, tt.want, tt.reason)
			}
		})
	}
}

func TestDetectMixed(t *testing.T) {
	d := shared()
	text := "The Communist and Workers Parties express their solidarity with the workers of Kazakhstan and their just demands. " +
		"Коммунистические и рабочие партии выражают солидарность с трудящимися Казахстана и их справедливыми требованиями."
	got := d.Detect(text)
	if !got.Mixed || len(got.Langs) != 2 || got.Langs[0] != "ru" && got.Langs[0] != "en" {
		t.Errorf("Detect(en+ru paragraph) = %+v, want mixed en and ru", got)
	}
	plain := d.Detect("The Communist and Workers Parties express their solidarity with the workers. They demand higher wages and pensions.")
	if plain.Mixed || plain.Lang != "en" {
		t.Errorf("Detect(English paragraph) = %+v, want en, not mixed", plain)
	}
}

func TestNew(t *testing.T) {
	if _, err := New(Options{Langs: []corpus.Lang{"en", "xx"}}); err == nil {
		t.Error("New(en, xx): no error for an unknown code")
	}
	if _, err := New(Options{Langs: []corpus.Lang{"en", "en"}}); err == nil {
		t.Error("New(en, en): no error for a repeated code")
	}
	one, err := New(Options{Langs: []corpus.Lang{"de"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := one.Detect("Whatever text this is"); got.Lang != "de" {
		t.Errorf("one-language Detect = %v, want de", got.Lang)
	}
	if got := one.Detect("42"); got.Lang != corpus.NoLang {
		t.Errorf("one-language Detect(42) = %v, want none", got.Lang)
	}
}

// TestLabelSeed checks every paragraph of the seed statement against its
// language blocks (layout.tsv: en 1-55, ru 56-76, es 77-95).
func TestLabelSeed(t *testing.T) {
	paras := readTestdata(t, "kazakhstan-2022/combined.txt")
	shared().Label(paras)
	for _, p := range paras {
		want := corpus.Lang("en")
		switch {
		case p.Start >= 77:
			want = "es"
		case p.Start >= 56:
			want = "ru"
		}
		if p.Lang != want {
			t.Errorf("line %d %q: %v (%.2f), want %v", p.Start, firstChars(p.Text), p.Lang, p.Conf, want)
		}
	}
}

// TestLabelBlog: the German announcement inside the English blog page is
// German, the English around it English, URL and e-mail lines none.
func TestLabelBlog(t *testing.T) {
	paras := readTestdata(t, "blog-mixed-en-de/doc.txt")
	d, err := New(Options{Langs: []corpus.Lang{"en", "de"}})
	if err != nil {
		t.Fatal(err)
	}
	d.Label(paras)
	// hand labels: lines 27-49 and 55-62 are the German announcement and
	// its links; every paragraph made only of URLs or addresses is none
	for _, p := range paras {
		want := corpus.Lang("en")
		switch {
		case onlyLinks(p.Text):
			want = corpus.NoLang
		case p.Start >= 27 && p.Start <= 49, p.Start >= 55 && p.Start <= 62:
			want = "de"
		}
		if p.Lang != want {
			t.Errorf("line %d %q: %v (%.2f), want %v", p.Start, firstChars(p.Text), p.Lang, p.Conf, want)
		}
	}
}

func onlyLinks(text string) bool {
	return strings.TrimSpace(corpus.Prose(text)) == ""
}

func readTestdata(t testing.TB, name string) []corpus.Paragraph {
	t.Helper()
	f, err := os.Open("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := corpus.Read(f, name, corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Paragraphs
}

func firstChars(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		r = r[:40]
	}
	return string(r)
}

// TestScoresStable: one text's confidences are the same on every call.
// lingua sums log-probabilities in the order of a map's iteration and of
// its goroutines' finishing, so its own values for this text took five
// different last bits in 300 calls (issue 11: 1,474 rows of a run under
// load had other confidences).
func TestScoresStable(t *testing.T) {
	d := shared()
	for _, text := range []string{"The parties state the following", "Comunicado Conjunto de Partidos", "Bitte hier anmelden: jetzt und hier"} {
		for _, high := range []bool{false, true} {
			want, _ := d.scores(text, high)
			for range 300 {
				if got, _ := d.scores(text, high); !slices.Equal(got, want) {
					t.Fatalf("scores(%q, %v) = %v, then %v", text, high, want, got)
				}
			}
		}
	}
}

func TestLabelDeterministic(t *testing.T) {
	a := readTestdata(t, "kazakhstan-2022/combined.txt")
	b := readTestdata(t, "kazakhstan-2022/combined.txt")
	one, err := New(Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	many, err := New(Options{Workers: 8})
	if err != nil {
		t.Fatal(err)
	}
	one.Label(a)
	many.Label(b)
	for i := range a {
		if fmt.Sprint(a[i].Label) != fmt.Sprint(b[i].Label) {
			t.Errorf("line %d: 1 worker %v, 8 workers %v", a[i].Start, a[i].Label, b[i].Label)
		}
	}
}

func ExampleDetector_Label() {
	d, err := New(Options{Langs: []corpus.Lang{"en", "ru", "es"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Joint Statement of Communist and Workers’ Parties\n\nСовместное заявление коммунистических и рабочих партий\n\n1)\n\nComunicado Conjunto de Partidos Comunistas y Obreros\n"
	paras := corpus.SplitParagraphs(text, "combined.txt", corpus.SplitOptions{})
	d.Label(paras)
	for _, p := range paras {
		fmt.Println(p.Start, p.Lang)
	}
	// Output:
	// 1 en
	// 3 ru
	// 5 none
	// 7 es
}

func BenchmarkLabel(b *testing.B) {
	paras := readTestdata(b, "kazakhstan-2022/combined.txt")
	d := shared()
	d.Label(slicesClone(paras)) // load the models outside the timing
	size := 0
	for _, p := range paras {
		size += len(p.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		d.Label(slicesClone(paras))
	}
}

func slicesClone(p []corpus.Paragraph) []corpus.Paragraph {
	return append([]corpus.Paragraph(nil), p...)
}

// TestPlainlyInAsLingua: a paragraph plainly in a language by its common
// words (see plainlyIn) is one lingua gives that language with confidence
// 1.00, so that not asking lingua changes no output; and enough of them
// are plain for the shortcut to pay.
func TestPlainlyInAsLingua(t *testing.T) {
	d := shared()
	plain := 0
	for _, name := range []string{"kazakhstan-2022/combined.txt", "charter/combined.txt", "blog-mixed-en-de/doc.txt",
		"udhr-nltk/en.txt", "udhr-nltk/es.txt", "udhr-nltk/de.txt", "udhr-nltk/ru.txt"} {
		paras := readTestdata(t, name)
		for _, p := range paras {
			clean := corpus.Prose(sample(unmarked(p.Text)))
			l, _, ok := d.plainlyIn(clean, false)
			if !ok {
				continue
			}
			plain++
			sc, _ := d.scores(clean, false)
			if sc[0].lang != l || round2(sc[0].conf) != 1 {
				t.Errorf("%s line %d %q: plainly %v, lingua %v %.4f", name, p.Start, firstChars(p.Text), l, sc[0].lang, sc[0].conf)
			}
			// the candidates left beside it are byScript's
			var got, want []corpus.Lang
			_, det := d.detect(p.Text, false)
			for _, x := range det.sc {
				got = append(got, x.lang)
			}
			for _, x := range sc {
				want = append(want, x.lang)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s line %d %q: candidates %v, lingua's after byScript %v", name, p.Start, firstChars(p.Text), got, want)
			}
		}
	}
	if plain < 200 {
		t.Errorf("%d paragraphs plainly in a language, want 200 or more", plain)
	}
}

func TestPlainly(t *testing.T) {
	en := "Everyone has the right to freedom of thought, conscience and religion; this right includes freedom to change his religion or belief. "
	tests := []struct {
		name  string
		langs []corpus.Lang
		text  string
		want  corpus.Lang // "" not plainly in any
		why   string
	}{
		{"English prose", nil, en + en, "en", ""},
		{"short", nil, "Everyone has the right to life, liberty and security of person.", "", "53 letters: lingua's low mode is not sure of such text"},
		{"a sentence of another candidate", nil, en + "Jeder hat das Recht auf Gedanken-, Gewissens- und Religionsfreiheit; dieses Recht schließt die Freiheit ein. " + en, "", ""},
		{"French among en ru es de", nil, "Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente Déclaration, sans distinction aucune, notamment de race, de couleur, de sexe, de langue, de religion, d'opinion politique ou de toute autre opinion.", "", ""},
		{"French a word ahead of Spanish", nil, "Par la suite, à l'ouïe de nos mésaventures, on me conseilla d'écrire à la section propriétaire de la cabane (en fait le Club alpin académique de Zurich) pour me plaindre.", "",
			"11 Spanish common words, 10 French: lingua says en, and the paragraph is then found French (see foreign)"},
		{"French among en fr", []corpus.Lang{"en", "fr"}, "Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente Déclaration, sans distinction aucune, notamment de race, de couleur, de sexe, de langue, de religion, d'opinion politique ou de toute autre opinion.", "fr", ""},
		{"hashes", nil, "- es: " + strings.Repeat("7a34e8de0f8 ", 30), "", "letters between digits make Spanish common words"},
		{"common words of one script, letters of another", nil, strings.Repeat("The Конституционного of Российской and Федерации to the Всеобщей. ", 3), "", "lingua then says ru (see byScript)"},
		{"a candidate without a list", []corpus.Lang{"en", "sv"}, en + en, "", ""},
		{"mostly another script", nil, en + "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства, и это право.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := detectorFor(t, tt.langs)
			l, _, ok := d.plainlyIn(corpus.Prose(tt.text), false)
			if !ok {
				l = ""
			}
			if l != tt.want {
				t.Errorf("plainlyIn = %q, %v; want %q %s", l, ok, tt.want, tt.why)
			}
		})
	}
	// under fullLetters, provisional as the low mode's scores are, and
	// left to the high mode when it judges
	d := shared()
	if l, prov, ok := d.plainlyIn(en, false); l != "en" || !prov || !ok {
		t.Errorf("plainlyIn(%d letters, low) = %v, %v, %v; want en, provisional", linguaLetters(en), l, prov, ok)
	}
	if l, _, ok := d.plainlyIn(en, true); ok {
		t.Errorf("plainlyIn(%d letters, high) = %v; want none: the high mode judges it", linguaLetters(en), l)
	}
	if l, prov, ok := d.plainlyIn(en+en, true); l != "en" || prov || !ok {
		t.Errorf("plainlyIn(%d letters, high) = %v, %v, %v; want en, not provisional", linguaLetters(en+en), l, prov, ok)
	}
	// text only one candidate writes is never provisional (see scores)
	ru := "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью."
	if l, prov, ok := d.plainlyIn(ru, false); l != "ru" || prov || !ok {
		t.Errorf("plainlyIn(%d Cyrillic letters) = %v, %v, %v; want ru, not provisional", linguaLetters(ru), l, prov, ok)
	}
}

// TestBeforeModels: the hook comes once a script, before the first text
// of that script is scored in the high-accuracy mode, with the models of
// the candidates writing it; not for the low mode, nor for text only one
// candidate writes (no model is asked).
func TestBeforeModels(t *testing.T) {
	var calls []int64
	d, err := New(Options{Langs: []corpus.Lang{"en", "ru", "es", "de"}, BeforeModels: func(n int64) {
		calls = append(calls, n)
	}})
	if err != nil {
		t.Fatal(err)
	}
	d.scores("Queue", false) // low mode
	d.scores("База данных", true)
	if len(calls) != 0 {
		t.Fatalf("before any high-mode scoring of a model: called with %v", calls)
	}
	d.scores("Queue", true)
	d.scores("Cache", true)
	if want := []int64{3 * highModelBytes}; !slices.Equal(calls, want) {
		t.Errorf("called with %v, want %v (en, es, de)", calls, want)
	}

	low, err := New(Options{LowAccuracy: true, BeforeModels: func(int64) { t.Error("called with LowAccuracy") }})
	if err != nil {
		t.Fatal(err)
	}
	low.scores("Queue", true)
}
