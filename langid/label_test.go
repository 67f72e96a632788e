package langid

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/paralign/paralign/corpus"
)

const (
	textFR = "Article premier. Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.\n\n" +
		"Article 2. Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente Déclaration, sans distinction aucune, notamment de race, de couleur, de sexe, de langue, de religion, d'opinion politique ou de toute autre opinion.\n\n" +
		"Article 3. Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne.\n"
	textIT = "Articolo 1. Tutti gli esseri umani nascono liberi ed eguali in dignità e diritti. Essi sono dotati di ragione e di coscienza e devono agire gli uni verso gli altri in spirito di fratellanza.\n\n" +
		"Articolo 2. Ad ogni individuo spettano tutti i diritti e tutte le libertà enunciate nella presente Dichiarazione, senza distinzione alcuna, per ragioni di razza, di colore, di sesso, di lingua, di religione.\n"
	textEN = "Article 1. All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.\n\n" +
		"Article 2. Everyone is entitled to all the rights and freedoms set forth in this Declaration, without distinction of any kind, such as race, colour, sex, language, religion, political or other opinion.\n"
)

// TestLabelForeign: text in a language outside the candidates is Und,
// with the language found in Langs, instead of the nearest candidate
// with full confidence; text in a candidate keeps its label.
func TestLabelForeign(t *testing.T) {
	tests := []struct {
		name   string
		langs  []corpus.Lang
		text   string
		want   []string // per paragraph: lang, or und/found
		reason string
	}{
		{
			name: "French among en ru es de", text: textFR, want: []string{"und/fr", "und/fr", "und/fr"},
			reason: "issue 6: a French file was aligned as English, conf 1.00",
		},
		{name: "Italian among en ru es de", text: textIT, want: []string{"und/it", "und/it"}, reason: "labelled Spanish before"},
		{name: "French with one candidate", langs: []corpus.Lang{"en"}, text: textFR, want: []string{"und/fr", "und/fr", "und/fr"}},
		{name: "French among candidates with fr", langs: []corpus.Lang{"en", "fr"}, text: textFR, want: []string{"fr", "fr", "fr"}},
		{name: "English then French", text: textEN + "\n" + textFR, want: []string{"en", "en", "und/fr", "und/fr", "und/fr"}},
		{name: "English alone", text: textEN, want: []string{"en", "en"}},
		{name: "short French paragraph", text: "Tous les êtres humains naissent libres et égaux en dignité et en droits.\n",
			want: []string{"und/fr"}, reason: "issue 12: English 0.70; too short for a probe"},
		{name: "short French paragraph after English", text: textEN + "\nIls sont doués de raison et de conscience.\n",
			want: []string{"en", "en", "und/fr"}, reason: "issue 12"},
		{name: "Ukrainian among en ru es de", text: "Усі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю і повинні діяти у відношенні один до одного в дусі братерства.\n",
			want: []string{"und/uk"}, reason: "lingua's script rule says ru 1.00"},
		{name: "one letter repeated", text: strings.Repeat("a", 1<<20) + "\n", want: []string{"und"},
			reason: "issue 12: 50 MB of the letter a was Spanish"},
		{name: "English and French in turn", text: interleave(textEN, textFR), want: []string{"en", "und/fr", "en", "und/fr", "und/fr"},
			reason: "a bilingual file, paragraph by paragraph: every paragraph a run of its own"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := detectorFor(t, tt.langs)
			paras := corpus.SplitParagraphs(tt.text, "t.txt", corpus.SplitOptions{})
			d.Label(paras)
			var got []string
			for _, p := range paras {
				s := p.Lang.String()
				if p.Lang == corpus.Und && len(p.Langs) > 0 {
					s += "/" + p.Langs[0].String()
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Label = %v, want %v %s", got, tt.want, tt.reason)
			}
		})
	}
}

// interleave returns the blank-line separated paragraphs of a and b in
// turn, a's first.
func interleave(a, b string) string {
	pa := strings.Split(strings.TrimSpace(a), "\n\n")
	pb := strings.Split(strings.TrimSpace(b), "\n\n")
	var out []string
	for i := range max(len(pa), len(pb)) {
		if i < len(pa) {
			out = append(out, pa[i])
		}
		if i < len(pb) {
			out = append(out, pb[i])
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

// TestLabelForeignNone: no paragraph of the repository's documents, all
// in the candidate languages, is taken for another language.
func TestLabelForeignNone(t *testing.T) {
	for _, name := range []string{"charter/combined.txt", "kazakhstan-2022/combined.txt", "blog-mixed-en-de/doc.txt", "udhr-nltk/en.txt", "udhr-nltk/ru.txt", "udhr-nltk/es.txt", "udhr-nltk/de.txt"} {
		paras := readTestdata(t, name)
		shared().Label(paras)
		for _, p := range paras {
			if p.Lang == corpus.Und && len(p.Langs) > 0 {
				t.Errorf("%s:%d %q: taken for %v", name, p.Start, firstChars(p.Text), p.Langs)
			}
		}
	}
}

// TestLabelLongParagraph: a paragraph of megabytes (a file without line
// breaks) is labelled from a bounded sample (the work per paragraph is
// bounded by the sample's size, not measured by a clock here:
// BenchmarkLabelLongParagraph times it).
func TestLabelLongParagraph(t *testing.T) {
	text := strings.Repeat("The parties state the following about the events of the month. ", 8<<20/64)
	paras := []corpus.Paragraph{{File: "long.txt", Start: 1, End: 1, Text: text}}
	shared().Label(paras)
	if paras[0].Lang != "en" {
		t.Errorf("Label of an 8 MB English paragraph = %v, want en", paras[0].Lang)
	}
	if s := sample(text); len(s) > maxSample+2*sampleWindows {
		t.Errorf("sample of %d bytes is %d bytes, want at most %d", len(text), len(s), maxSample)
	}
}

// TestLabelContext: LabelContext stops when its context is done.
func TestLabelContext(t *testing.T) {
	paras := readTestdata(t, "charter/combined.txt")
	for len(paras) < 20000 {
		paras = append(paras, paras...)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	err := shared().LabelContext(ctx, paras)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("LabelContext with a cancelled context = %v, want %v", err, context.Canceled)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("LabelContext with a cancelled context took %v for %d paragraphs", d, len(paras))
	}
}

func BenchmarkLabelLongParagraph(b *testing.B) {
	text := strings.Repeat("The parties state the following about the events of the month. ", 8<<20/64)
	d := shared()
	for b.Loop() {
		d.Label([]corpus.Paragraph{{File: "long.txt", Start: 1, End: 1, Text: text}})
	}
}

// TestLabelLowFirst: a short paragraph that the low-accuracy mode gives
// another language than its neighbours' is scored again in the high one.
func TestLabelLowFirst(t *testing.T) {
	es := "Los servicios de apoyo son los servicios que la aplicación consume a través de la red durante su ejecución normal.\n\n"
	tests := []struct {
		name, text string
		want       []corpus.Lang
		reason     string
	}{
		{name: "Spanish heading between Spanish paragraphs", text: es + "Construir, distribuir, ejecutar\n\n" + es,
			want: []corpus.Lang{"es", "es", "es"}, reason: "twelve-factor es.md: the low mode says en 0.94, the high one es 0.98"},
		{name: "English names between English paragraphs", text: textEN + "\nCommunist Party of Sweden\n\n" + textEN,
			want: []corpus.Lang{"en", "en", "en", "en", "en"}, reason: "the seed's list of signatories: settled in the low mode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := corpus.SplitParagraphs(tt.text, "t.txt", corpus.SplitOptions{})
			shared().Label(paras)
			var got []corpus.Lang
			for _, p := range paras {
				got = append(got, p.Lang)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Label = %v, want %v (%s)", got, tt.want, tt.reason)
			}
		})
	}
}

// TestUnsettled: which provisional paragraphs are scored again in the
// high-accuracy mode.
func TestUnsettled(t *testing.T) {
	latin := scores{{"en", 0.8}, {"es", 0.15}, {"de", 0.05}} // best en; ru ruled out by the script
	tests := []struct {
		name   string
		labels []corpus.Lang // of the paragraphs; the provisional one is in the middle
		weak   []int         // the paragraphs whose own label is weak by its scores
		anyway []int         // the paragraphs weak whatever their scores
		want   []int
	}{
		{name: "neighbours agree", labels: []corpus.Lang{"en", "en", "en"}},
		{name: "next disagrees", labels: []corpus.Lang{"en", "en", "es"}, want: []int{1}},
		{name: "previous disagrees", labels: []corpus.Lang{"de", "en", "en"}, want: []int{1}},
		{name: "a version of another script after", labels: []corpus.Lang{"en", "en", "ru"}},
		{name: "a version of another script before", labels: []corpus.Lang{"ru", "en", "en"}},
		{name: "only other scripts around", labels: []corpus.Lang{"ru", "en", "ru"}, want: []int{1}},
		{name: "alone", labels: []corpus.Lang{corpus.NoLang, "en", corpus.Und}, want: []int{1}},
		{name: "paragraphs without a language skipped", labels: []corpus.Lang{"en", corpus.NoLang, "en", corpus.Und, "en"}},
		{name: "weak anyway: its context decides", labels: []corpus.Lang{"de", "en", "de"}, anyway: []int{1}},
		{name: "weak anyway, context on one side", labels: []corpus.Lang{corpus.NoLang, "en", "de"}, anyway: []int{1}},
		{name: "weak anyway, between two versions", labels: []corpus.Lang{"de", "de", "de", "en", "es", "es", "es"}, anyway: []int{3}},
		{name: "weak anyway, after a line of another language", labels: []corpus.Lang{"de", "de", "en", "en", "de", "de", "de"}, anyway: []int{3}, want: []int{3}},
		{name: "weak anyway, between languages in turn", labels: []corpus.Lang{"de", "es", "en", "de", "es"}, anyway: []int{2}, want: []int{2}},
		{name: "weak anyway and alone", labels: []corpus.Lang{corpus.NoLang, "en", corpus.Und}, anyway: []int{1}, want: []int{1}},
		{name: "weak by its margin: maybe a line left untranslated", labels: []corpus.Lang{"de", "en", "de"}, weak: []int{1}, want: []int{1}},
		{name: "weak neighbours are not its context", labels: []corpus.Lang{"de", "en", "en", "en", "de"}, weak: []int{1, 3}, anyway: []int{2}},
		{name: "strong neighbours agree past a weak one", labels: []corpus.Lang{"en", "de", "en", "en", "en"}, weak: []int{1}},
		{name: "neither the labelled nor the strong neighbours agree", labels: []corpus.Lang{"de", "de", "en", "en", "en"}, weak: []int{1}, want: []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := make([]corpus.Paragraph, len(tt.labels))
			all := make([]detected, len(tt.labels))
			for i, l := range tt.labels {
				paras[i].Lang = l
				all[i].sc = scores{{l, 1}}
			}
			mid := len(paras) / 2
			all[mid] = detected{sc: latin, provisional: true}
			for _, i := range tt.weak {
				all[i].weak = true
			}
			for _, i := range tt.anyway {
				all[i].weak, all[i].weakAnyway = true, true
			}
			var want []int
			for range tt.want {
				want = append(want, mid)
			}
			if got := shared().unsettled(paras, all); !slices.Equal(got, want) {
				t.Errorf("unsettled(%v) = %v, want %v", tt.labels, got, want)
			}
		})
	}
}

// TestExcerpt: the excerpt of a long paragraph is whole words from its
// start, middle and end, enough letters for lingua to weigh it as the
// paragraph; a shorter paragraph has none.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat(strings.TrimSpace(strings.ReplaceAll(textEN, "\n", " "))+" ", 2)
	long = strings.TrimSpace(long)
	if corpus.Letters(long) < 4*excerptWindows*excerptWindow {
		t.Fatalf("textEN has %d letters, too few for the test", corpus.Letters(long))
	}
	if ex, ok := excerpt("Article 1. All human beings are born free."); ok {
		t.Errorf("excerpt(short) = %q, want none", ex)
	}
	ex, ok := excerpt(long)
	if !ok {
		t.Fatalf("excerpt(%d letters) = none", corpus.Letters(long))
	}
	windows := strings.Split(ex, "\n\n")
	if len(windows) != excerptWindows {
		t.Fatalf("excerpt = %q: %d windows, want %d", ex, len(windows), excerptWindows)
	}
	if !strings.HasPrefix(long, windows[0]) || !strings.HasSuffix(long, windows[len(windows)-1]) {
		t.Errorf("excerpt = %q: want the first window at the start and the last at the end", ex)
	}
	fields := " " + strings.Join(strings.Fields(long), " ") + " "
	for _, w := range windows {
		if n := corpus.Letters(w); n < excerptWindow || n > 2*excerptWindow {
			t.Errorf("window %q: %d letters, want %d to %d", w, n, excerptWindow, 2*excerptWindow)
		}
		if !strings.Contains(fields, " "+w+" ") {
			t.Errorf("window %q: not whole words of the text", w)
		}
	}
	if n := linguaLetters(ex); n < fullLetters {
		t.Errorf("excerpt has %d letters, want at least fullLetters (%d)", n, fullLetters)
	}
}

func TestPlainLang(t *testing.T) {
	langs := []corpus.Lang{"en", "ru", "es", "de"}
	tests := []struct {
		text string
		want corpus.Lang
	}{
		{"All human beings are born free and equal in dignity and rights.", "en"},
		{"Todos los seres humanos nacen libres e iguales en dignidad y derechos.", "es"},
		{"Alle Menschen sind frei und gleich an Würde und Rechten geboren.", "de"},
		{"Communist Party of Sweden", "en"}, // one common word in four
		{"Kazakhstan Sweden Norway Albania", corpus.Und},
		{"Die Partei, the party", corpus.Und}, // a tie
		{"", corpus.Und},
	}
	for _, tt := range tests {
		if got := plainLang(tt.text, langs); got != tt.want {
			t.Errorf("plainLang(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := plainLang(tests[0].text, []corpus.Lang{"en", "ja"}); got != corpus.Und {
		t.Errorf("plainLang with a candidate without a list = %v, want und", got)
	}
}

// TestTextWords: the words are those of the lower-cased text split at
// everything but letters, each marked with the lists that hold it.
func TestTextWords(t *testing.T) {
	for _, text := range []string{
		"All human beings are born FREE and equal; THE end.",
		"Die Straße ÜBER den Fluß, İstanbul und DER Rhein",
		"Все люди рождаются СВОБОДНЫМИ и равными в своем достоинстве",
		"7a34e8de0f8 don't-stop (la) E.U. 3,5 %",
		"",
		"\xff\xfe broken",
	} {
		want := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
		got := textWordsOf(text)
		if len(got.start) != len(want) || len(got.lists) != len(want) {
			t.Errorf("%q: %d words, want %d %q", text, len(got.start), len(want), want)
			continue
		}
		for i, w := range want {
			if !strings.HasPrefix(strings.ToLower(text[got.start[i]:]), w) {
				t.Errorf("%q: word %d starts at %q, want %q", text, i, text[got.start[i]:], w)
			}
			for _, l := range sortedListLangs {
				bit, _ := listBit(l)
				in := slices.Contains(strings.Fields(commonWords[l]), w)
				if in != (got.lists[i]&bit != 0) {
					t.Errorf("%q: %q in the list of %v: %v, want %v", text, w, l, !in, in)
				}
			}
		}
		if len(want) > 0 {
			if b := got.between(got.start[0]+1, len(text)); len(b.start) != len(want)-1 {
				t.Errorf("%q: %d words after the first one's start, want %d", text, len(b.start), len(want)-1)
			}
		}
	}
}

// TestExcerptLongLastWord: a long word at the end fills the middle window
// and leaves none to start the last one; the whole text is judged then.
// It was an index out of range (a German compound repeated at the end of
// a paragraph, found by the fuzz corpus of another package).
func TestExcerptLongLastWord(t *testing.T) {
	text := strings.Repeat("Haus ", 20) + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 3)
	if ex, ok := excerpt(text); ok {
		t.Errorf("excerpt = %q, want none", ex)
	}
	if ex, ok := excerpt(text + " " + strings.Repeat("Haus ", 40)); !ok || len(strings.Split(ex, "\n\n")) != excerptWindows {
		t.Errorf("excerpt with words after the long one = %q, %v; want %d windows", ex, ok, excerptWindows)
	}
}

// TestNothingLeftUnsettled: a paragraph scored again in the high mode
// may become strong and change the context of another, which then needs
// the high mode too (the English and German charter paragraph by
// paragraph: "2. Sitz des Bundes ist Tromsø." after one round); no
// provisional score is left that its context does not settle.
func TestNothingLeftUnsettled(t *testing.T) {
	var versions [2][]string
	for k, l := range []string{"en", "de"} {
		b, err := os.ReadFile("../testdata/charter/" + l + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if strings.TrimSpace(p) != "" {
				versions[k] = append(versions[k], strings.Trim(p, "\n"))
			}
		}
	}
	var turn []string
	for i := range max(len(versions[0]), len(versions[1])) {
		for _, v := range versions {
			if i < len(v) {
				turn = append(turn, v[i])
			}
		}
	}
	text := strings.Join(turn, "\n\n") + "\n"
	d := shared()

	paras := corpus.SplitParagraphs(text, "turn.txt", corpus.SplitOptions{})
	all := make([]detected, len(paras))
	idx := make([]int, len(paras))
	for i := range idx {
		idx[i] = i
	}
	d.detectAll(context.Background(), paras, all, idx, false)
	d.detectAll(context.Background(), paras, all, d.unsettled(paras, all), true)
	if len(d.unsettled(paras, all)) == 0 {
		t.Fatalf("one round of the high mode settles every paragraph: the test needs a document where it does not")
	}

	paras = corpus.SplitParagraphs(text, "turn.txt", corpus.SplitOptions{})
	all, err := d.detectContext(context.Background(), paras)
	if err != nil {
		t.Fatal(err)
	}
	if u := d.unsettled(paras, all); len(u) > 0 {
		t.Errorf("%d paragraphs left unsettled, the first %q", len(u), paras[u[0]].Text)
	}
}

// TestCanBeMixed: the high-accuracy mode is asked about doubtful
// sentences only when they could give a second language a quarter of the
// letters.
func TestCanBeMixed(t *testing.T) {
	tests := []struct {
		name         string
		share        map[corpus.Lang]int
		total, doubt int
		want         bool
	}{
		{name: "one language, little doubt", share: map[corpus.Lang]int{"en": 90}, total: 100, doubt: 10, want: false},
		{name: "one language, a quarter in doubt", share: map[corpus.Lang]int{"en": 75}, total: 100, doubt: 25, want: true},
		{name: "just under a quarter in doubt", share: map[corpus.Lang]int{"en": 76}, total: 100, doubt: 24, want: false},
		{name: "a second language short of its quarter", share: map[corpus.Lang]int{"en": 70, "de": 15}, total: 100, doubt: 10, want: true},
		{name: "a second language too far short", share: map[corpus.Lang]int{"en": 80, "de": 10}, total: 100, doubt: 10, want: false},
		{name: "nothing certain", share: map[corpus.Lang]int{}, total: 100, doubt: 49, want: false},
		{name: "nothing certain, half in doubt", share: map[corpus.Lang]int{}, total: 100, doubt: 50, want: true},
		{name: "a quarter rounds up", share: map[corpus.Lang]int{"en": 80}, total: 101, doubt: 25, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canBeMixed(tt.share, tt.total, tt.doubt); got != tt.want {
				t.Errorf("canBeMixed(%v, %d, %d) = %v, want %v", tt.share, tt.total, tt.doubt, got, tt.want)
			}
		})
	}
}

// TestHighModeOnlyWhereItDecides: documents whose short lines their
// context settles are labelled without lingua's high-accuracy models
// (about 100 MB for en, es and de); a short line that stands against its
// context in the low mode is still scored in the high one, which gets it
// right.
func TestHighModeOnlyWhereItDecides(t *testing.T) {
	for _, name := range []string{"kazakhstan-2022/combined.txt", "charter/en.txt", "udhr-nltk/de.txt"} {
		t.Run(name, func(t *testing.T) {
			d, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			d.Label(readTestdata(t, name))
			if n := d.highScored.Load(); n != 0 {
				t.Errorf("%d texts scored in the high-accuracy mode, want none", n)
			}
		})
	}
	de := "Der Verein verfolgt ausschließlich und unmittelbar gemeinnützige Zwecke im Sinne des Abschnitts über steuerbegünstigte Zwecke der Abgabenordnung."
	es := "La aplicación se construye, se distribuye y se ejecuta en etapas separadas, y cada una tiene su propio propósito dentro del proceso de despliegue."
	tests := []struct {
		name, file, text string
		at               int         // the paragraph checked
		want             corpus.Lang // its label, not mixed
		high             bool        // some text is scored in the high mode; false: none
		reason           string
	}{
		{name: "a short English sentence in a long German paragraph", file: "t.txt", text: de + " All the rights belong to all the people of the world. " + de + " " + de,
			want: "de", reason: "the English sentence is too short to make the paragraph mixed"},
		{name: "a short English line in a German text", file: "t.txt", text: de + "\n\nIn the face of huge challenges\n\n" + de, at: 1,
			want: "en", high: true, reason: "the low mode finds the line weak by its margin, the high one strong: left untranslated"},
		{name: "a heading the low mode calls English", file: "t.md", text: es + "\n\n## V. Construir, distribuir, ejecutar\n\n" + es, at: 1,
			want: "es", high: true, reason: "the heading's low-mode label stands against both neighbours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			paras := corpus.SplitParagraphs(tt.text, tt.file, corpus.SplitOptions{})
			d.Label(paras)
			if got := paras[tt.at].Label; got.Lang != tt.want || got.Mixed {
				t.Errorf("paragraph %d labelled %+v, want %s, not mixed: %s", tt.at, got, tt.want, tt.reason)
			}
			if n := d.highScored.Load(); (n > 0) != tt.high {
				t.Errorf("%d texts scored in the high-accuracy mode, want some: %v (%s)", n, tt.high, tt.reason)
			}
		})
	}
}
