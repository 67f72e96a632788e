package align

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

// outlineCase is a document and the section ids its outline must have.
// The cases below are written for the tests, one group per way section
// structure went wrong on real documents; reason states the rule.
type outlineCase struct {
	name   string
	file   string // its name decides the markup: .md is Markdown
	text   string
	want   []string
	reason string
}

func runOutlineCases(t *testing.T, tests []outlineCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := corpus.SniffFormat(tt.file, tt.text)
			v := Version{Lang: "en", File: tt.file, Format: format, Paras: corpus.SplitParagraphs(tt.text, tt.file, corpus.SplitOptions{Format: format})}
			o := Outlines([]Version{v})[0]
			lossless(t, o)
			if diff := cmp.Diff(tt.want, ids(o)); diff != "" {
				t.Errorf("Outlines(%s) ids mismatch (-want +got):\n%s\nreason: %s", tt.name, diff, tt.reason)
			}
		})
	}
}

func TestOutlineListNumbering(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name:   "markdown item misnumbered",
			file:   "hausordnung.md",
			text:   "# Hausordnung\n\n1. Die Haustür ist ab zweiundzwanzig Uhr abzuschließen, auch im Sommer.\n\n2. Fahrräder gehören in den Keller und nicht in das Treppenhaus.\n\n3. Der Müll wird getrennt und an den Abholtagen bereitgestellt.\n\n2. Die Waschküche steht jeder Partei an einem Tag der Woche zur Verfügung, der Plan hängt am Eingang aus und wird jedes Jahr im Januar neu verteilt.\n",
			want:   []string{"title", "1", "2", "3", "4"},
			reason: "Markdown renders an ordered list by its start number plus the item's position",
		},
		{
			name:   "markdown list starting at five",
			file:   "rules.md",
			text:   "# Rules\n\nPrevious rules are in part one; this part continues the count.\n\n5. Members keep the hall tidy after every meeting of the club.\n\n6. Members pay the fee before the end of January each year.\n\n6. Members who leave return their keys to the board within a week.\n",
			want:   []string{"title", "preamble", "5", "6", "7"},
			reason: "start number plus position, not 1 plus position",
		},
		{
			name:   "plain text keeps the numbers as written",
			file:   "rules.txt",
			text:   "Rules\n\n1. Members keep the hall tidy after every meeting of the club.\n\n2. Members pay the fee before the end of January each year.\n\n3. Members who leave return their keys to the board within a week.\n\n1. Heaps of compost stand two metres from the fence, and the board may order them moved at any time.\n",
			want:   []string{"title", "1", "2", "3", "3+1"},
			reason: "no renderer numbers a plain-text list: a stray 1. is not 4 (it restarts a list after the last point)",
		},
		{
			name:   "short overview list before the rules",
			file:   "reglas.md",
			text:   "# Reglas de la liga\n\n## Resumen\n\nHay tres clases de partidas:\n\n1. amistosas\n2. de desafío\n3. de defensa\n\n## Reglas\n\n1. Cada jugador entra en la liga por el último puesto de la tabla.\n2. Un desafío se hace por escrito a la junta y al jugador desafiado.\n3. El jugador desafiado juega en un plazo de catorce días.\n4. Si gana el que desafía, los dos jugadores cambian de puesto.\n5. La junta puede retirar a quien no juegue en tres meses.\n",
			want:   []string{"title", "0+1", "0+2", "1", "2", "3", "4", "5"},
			reason: "a list is read as one unit: the main sequence may not take items 4-5 of the rules after the overview's 1-3",
		},
	})
}

func TestOutlineHead(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name:   "language switch above the title",
			file:   "satzung.md",
			text:   "English | Deutsch\n\n# Satzung des Rudervereins\n\nDer Verein wurde von Hafenarbeitern gegründet, die ein eigenes Boot haben wollten.\n\n## 1. Mitglieder\n\nJeder, der zweihundert Meter schwimmen kann, darf beitreten.\n\n## 2. Boote\n\nBoote werden einen Tag vorher an der Tafel gebucht.\n",
			want:   []string{"0+1", "title", "preamble", "1", "2"},
			reason: "the title is the highest-level heading before the prose; a label above it is head matter",
		},
		{
			name:   "setext title under a draft label",
			file:   "charter.md",
			text:   "DRAFT\n\nCharter of the Allotment Society\n================================\n\nThe society was founded in 1921 by the workers of the rail yard.\n\n1. Any resident of the district may rent a plot from the society.\n\n2. Plots are rented for a year and renewed unless cancelled.\n",
			want:   []string{"0+1", "title", "preamble", "1", "2"},
			reason: "a setext heading is a title like an ATX one",
		},
		{
			name:   "byline and contents before the introduction",
			file:   "ustav.md",
			text:   "# Устав гребного клуба\n\nИван Петров и Анна Смирнова\n\nСодержание\n\nI. Члены клуба\nII. Лодки\n\nКлуб основали портовые рабочие, которые хотели иметь собственную лодку, и он до сих пор хранит их дух.\n\n## I. Члены клуба\n\nВступить может каждый, кто проплывёт двести метров.\n\n## II. Лодки\n\nЛодки бронируют за день на доске в сарае.\n",
			want:   []string{"title", "0+1", "0+2", "0+3", "preamble", "I", "II"},
			reason: "bylines and tables of contents are head matter (0+N); the preamble is the first prose",
		},
		{
			name:   "html h1 block as title",
			file:   "puzzles.md",
			text:   "<p align=\"center\">\n  <img src=\"logo.svg\" width=\"80\">\n</p>\n\n<div align=\"center\">\n<h1>Rätsel der Woche</h1>\n</div>\n\nJede Woche ein Rätsel, die Lösung steht darunter.\n\n### 1. Welche Zahl folgt?\n\nZwei, vier, acht, sechzehn.\n\n### 2. Welches Wort passt nicht?\n\nApfel, Birne, Möhre, Pflaume.\n",
			want:   []string{"0+1", "title", "preamble", "1", "2"},
			reason: "an HTML block holding an <h1> is a level-1 heading; the logo block above it is head matter",
		},
		{
			name:   "date line and headed summary before the terms",
			file:   "miete.md",
			text:   "# Mietbedingungen für Schließfächer\n\nStand: 3. März 2021\n\n## Kurz gesagt\n\nDiese Punkte fassen die Bedingungen zusammen; es gilt der volle Text.\n\n* Schließfächer werden monatlich gemietet.\n* Ein verlorener Schlüssel kostet zehn Euro.\n\n## Bedingungen\n\n1. **Miete.** Ein Fach wird für einen Kalendermonat gemietet.\n\n2. **Schlüssel.** Jeder Mieter erhält einen Schlüssel.\n",
			want:   []string{"title", "0+1", "0+2", "0+3", "1", "2"},
			reason: "dates and a headed summary are head matter; only unheaded prose or a block headed Preamble is the preamble",
		},
		{
			name:   "introduction heading names the preamble",
			file:   "guide.md",
			text:   "# Style Guide\n\n## Contents\n\n- Introduction\n- Rules\n\n## Introduction\n\nThis guide says how the club writes its notices.\n\n## 1. Dates\n\nDates are written day, month, year.\n\n## 2. Names\n\nNames are written in full the first time.\n",
			want:   []string{"title", "0+1", "preamble", "1", "2"},
			reason: "a heading that names the introduction opens the preamble; what lies before it is head matter",
		},
		{
			name:   "unpunctuated subtitle is the preamble",
			file:   "statement.txt",
			text:   "Joint Statement of the Parties\n\nOn the experience of the great strikes of the dock workers of the northern ports in the winter of that year\n\n1. The strikes began in the first week of January in the largest port.\n\n2. The parties express their solidarity with the striking workers.\n",
			want:   []string{"title", "preamble", "1", "2"},
			reason: "a long line saying what the statement is about is introductory, though it ends without a period",
		},
	})
}

func TestOutlineSubsections(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name:   "letter heading one level off its siblings",
			file:   "guia.md",
			text:   "# Guía\n\n## 1. Árboles\n\nNotas generales sobre los árboles.\n\n#### a) Roble\n\nLos robles dan bellotas.\n\n#### b) Haya\n\nLas hayas tienen la corteza lisa.\n\n### c) Arce\n\nLos arces tienen hojas lobuladas.\n\n## 2. Arbustos\n\nLos arbustos tienen varios tallos.\n",
			want:   []string{"title", "1", "1.a", "1.b", "1.c", "2"},
			reason: "siblings match by numbering system and punctuation, not by the number of #",
		},
		{
			name:   "same-level heading in another numbering is a child",
			file:   "guide.md",
			text:   "# Guide\n\n## I. Trees\n\nRemarks.\n\n### 1. Broadleaf\n\n#### a) Oak\n\nAcorns.\n\n### b) Beech\n\nGrey bark.\n\n### 2. Conifers\n\nNeedles.\n\n## II. Shrubs\n\nStems.\n",
			want:   []string{"title", "I", "I.1", "I.1.a", "I.1.b", "I.2", "II"},
			reason: "### b) among ### 1. and ### 2. is not their sibling but a child of 1.",
		},
		{
			name:   "grandchildren outnumber children",
			file:   "handbuch.md",
			text:   "# Handbuch\n\n# I. Bäume\n\nAllgemeines.\n\n## 1. Laubbäume\n\n### a) Eiche\n\nEicheln.\n\n### b) Buche\n\nGlatte Rinde.\n\n### c) Ahorn\n\nGelappte Blätter.\n\n### d) Linde\n\nHerzförmige Blätter.\n\n## 2. Nadelbäume\n\nNadeln.\n\n# II. Sträucher\n\nStängel.\n",
			want:   []string{"title", "I", "I.1", "I.1.a", "I.1.b", "I.1.c", "I.1.d", "I.2", "II"},
			reason: "the shallowest numbering under a heading makes its subsections, however many deeper markers there are",
		},
		{
			name:   "cyrillic look-alikes among latin letters",
			file:   "spravka.md",
			text:   "# Справка\n\n## 1. Деревья\n\nЗамечания.\n\n### a) Дуб\n\nЖёлуди.\n\n### b) Бук\n\nКора.\n\n### с) Клён\n\nЛистья.\n\n### d) Липа\n\nЦветы.\n\n### е) Ель\n\nХвоя.\n\n## 2. Кусты\n\nСтебли.\n",
			want:   []string{"title", "1", "1.a", "1.b", "1.c", "1.d", "1.e", "2"},
			reason: "Cyrillic с and е between Latin letters take the reading that continues the sequence",
		},
		{
			name:   "cyrillic alphabet keeps its order",
			file:   "spisok.md",
			text:   "# Список\n\n## 1. Деревья\n\nЗамечания.\n\n### а) Дуб\n\nЖёлуди.\n\n### б) Бук\n\nКора.\n\n### в) Клён\n\nЛистья.\n\n### г) Липа\n\nЦветы.\n\n### д) Ива\n\nВетви.\n\n### е) Ель\n\nХвоя.\n\n## 2. Кусты\n\nСтебли.\n",
			want:   []string{"title", "1", "1.a", "1.b", "1.c", "1.d", "1.e", "1.f", "2"},
			reason: "е after д is the sixth letter, not Latin e",
		},
	})
}

func TestOutlineSectionEnd(t *testing.T) {
	runOutlineCases(t, []outlineCase{
		{
			name:   "headings after a list under the title",
			file:   "locker.md",
			text:   "Locker Rules\n============\n\n1. A locker is rented for one calendar month and renews unless cancelled.\n\n2. Each renter receives one key; a lost key costs ten euros.\n\nQuestions\n---------\n\n### Can I share a locker?\n\nYes, but one person answers for the key.\n\nLicence\n-------\n\nThis text may be reused freely.\n",
			want:   []string{"title", "1", "2", "2+1", "2+2"},
			reason: "a Markdown list item cannot hold a flush-left heading: headings after the last item end it; a heading block keeps its deeper headings",
		},
		{
			name:   "list under a level-2 heading keeps deeper headings",
			file:   "regeln.md",
			text:   "# Regeln\n\n## Regeln im Einzelnen\n\n1. Jeder Spieler beginnt auf dem letzten Platz der Rangliste.\n\n2. Eine Forderung wird schriftlich beim Vorstand eingereicht.\n\n### Hinweis\n\nDer Vorstand kann Fristen verlängern.\n\n## Warum eine Rangliste?\n\nJeder spielt gegen ähnlich starke Gegner.\n",
			want:   []string{"title", "0+1", "1", "2", "2+1"},
			reason: "headings at the level of the list's own heading or higher end the last item; deeper ones stay in it",
		},
		{
			name:   "answer heading in every item",
			file:   "faq.md",
			text:   "# Club FAQ\n\nAnswers to the questions members ask most often about the club.\n\n1. When does the club meet and where are the meetings held?\n\n#### Answer\n\nEvery Tuesday evening in the hall behind the church.\n\n2. Who can join the club, and is there an age limit for members?\n\n#### Answer\n\nAnyone over sixteen who lives in the district.\n\n3. What does it cost to be a member of the club for a whole year?\n\n#### Answer\n\nForty euros a year; students pay half.\n",
			want:   []string{"title", "preamble", "1", "2", "3"},
			reason: "a heading that recurs in every section is part of each, the last one included",
		},
		{
			name:   "commentary heading at the article level",
			file:   "kommentar.md",
			text:   "# Kommentar\n\n## Artikel 1\n\nJeder Spieler gibt vor der Partie die Hand.\n\n## Kommentar\n\nDer Handschlag ist ein Zeichen des Respekts.\n\n## Artikel 2\n\nEine berührte Figur muss gezogen werden.\n\n## Kommentar\n\nDie Regel gilt, sobald die Hand die Figur loslässt.\n\n## Artikel 3\n\nDie Uhr startet der Spieler mit den schwarzen Steinen.\n\n## Kommentar\n\nSchwarz startet die Uhr, wenn beide bereit sind.\n",
			want:   []string{"title", "1", "2", "3"},
			reason: "a heading every section repeats does not split each section into N and N+1",
		},
	})
}

func TestOutlinesMixedLabels(t *testing.T) {
	de := "Satzung des Vereins\n\n§ 1 Name\n\nDer Verein heißt Ruderclub Hafen und hat seinen Sitz in Kiel.\n\n§ 2 Zweck\n\nZweck des Vereins ist die Förderung des Rudersports.\n\n§ 3 Mitglieder\n\nMitglied kann werden, wer zweihundert Meter schwimmt.\n"
	en := "Statutes of the Club\n\nSection 1 Name\n\nThe club is called Harbour Rowing Club, seated in Kiel.\n\nSection 2 Purpose\n\nThe purpose of the club is to promote rowing.\n\nSection 3 Members\n\nAnyone who swims two hundred metres may become a member.\n"
	fr := "Statuts du club\n\nArticle 1 Nom\n\nLe club s'appelle Club d'aviron du port, il siège à Kiel.\n\nArticle 2 But\n\nLe but du club est de promouvoir l'aviron.\n"
	tests := []struct {
		name  string
		langs []corpus.Lang
		texts []string
		want  []string
	}{
		{"english pivot", []corpus.Lang{"en", "de"}, []string{en, de}, []string{"title:2", "1:2", "2:2", "3:2"}},
		{"german pivot", []corpus.Lang{"de", "en"}, []string{de, en}, []string{"title:2", "§1:2", "§2:2", "§3:2"}},
		{"article and paragraph sign", []corpus.Lang{"fr", "de"}, []string{fr, de}, []string{"title:2", "1:2", "2:2", "3:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var vers []Version
			for k, l := range tt.langs {
				vers = append(vers, version(l, tt.texts[k]))
			}
			var got []string
			for _, r := range AlignSections(Outlines(vers)) {
				n := 0
				for _, c := range r.Cells {
					if !c.Empty() {
						n++
					}
				}
				got = append(got, fmt.Sprintf("%s:%d", r.ID, n))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows mismatch (-want +got):\n%s\nreason: versions that label one numbering differently (§ 1 / Section 1) meet by number, with the pivot's ids", diff)
			}
		})
	}
}

func TestOutlineRenderedLists(t *testing.T) {
	page := `<h1>Charter</h1>
<ol>
<li>The alliance is a voluntary association of cooperatives on the rivers.</li>
</ol>
<p>It has legal personality and may acquire rights in its own name.</p>
<ol start="2">
<li>The seat of the alliance is in the largest town of the region.</li>
<li>The purpose of the alliance is to strengthen cooperation among members.</li>
</ol>
<p>To this end it organises joint projects and the exchange of knowledge.</p>
<ol start="4">
<li>The alliance is guided by equality, openness and mutual assistance.</li>
</ol>`
	paras, err := corpus.ReadHTML([]byte(page), "charter.html", "")
	if err != nil {
		t.Fatal(err)
	}
	o := Outlines([]Version{{Lang: "en", File: "charter.html", Format: corpus.HTML, Paras: paras}})[0]
	lossless(t, o)
	want := []string{"title", "1", "2", "3", "4"}
	if diff := cmp.Diff(want, ids(o)); diff != "" {
		t.Errorf("ids mismatch (-want +got):\n%s\nreason: items of an HTML list on consecutive source lines are not a compact list: a page's lines say nothing of its layout", diff)
	}
}
