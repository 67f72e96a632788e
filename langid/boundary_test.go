package langid

import (
	"slices"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
)

// Versions of invented club rules, for the combined files below.
const (
	rulesEN = "# Chess Club Rules\n\n## 1. Membership\n\nAnyone who enjoys the game may join the club after playing three evenings as a guest.\n\n" +
		"## 2. Meetings\n\nThe club meets every Thursday evening in the back room of the town library.\n"
	rulesES = "## 1. Socios\n\nCualquier persona a quien le guste el juego puede hacerse socia después de jugar tres tardes como invitada.\n\n" +
		"## 2. Reuniones\n\nEl club se reúne todos los jueves por la tarde en la sala del fondo de la biblioteca municipal.\n"
	rulesDE = "## 1. Mitgliedschaft\n\nWer Freude am Spiel hat, kann nach drei Abenden als Gast Mitglied des Vereins werden.\n\n" +
		"## 2. Treffen\n\nDer Verein trifft sich jeden Donnerstagabend im hinteren Raum der Stadtbibliothek.\n"
	rulesRU = "# Устав шахматного клуба\n\n## 1. Членство\n\nЛюбой, кто любит игру, может вступить в клуб, сыграв три вечера в качестве гостя.\n\n" +
		"## 2. Встречи\n\nКлуб собирается каждый четверг вечером в задней комнате городской библиотеки.\n"
)

// TestLabelVersionOpening labels combined files (versions one after
// another) and one-language files around a version's first heading. The
// want string gives each paragraph's language in order.
func TestLabelVersionOpening(t *testing.T) {
	tests := []struct {
		name   string
		langs  string
		text   string
		want   string
		reason string
	}{
		{
			name: "a Spanish-looking address closes the English version", langs: "en,es",
			text: rulesEN + "\n## 3. Contact\n\nAvenida Central 14\n28013 Madrid\nEspaña\n\n# Reglamento del Club de Ajedrez\n\n" + rulesES,
			want: "en en en en en en en es es es es es",
			reason: "issue 9, class 9: a language-neutral closing block (an address, names, numbers) is no evidence of the next version; " +
				"lingua is sure of it (es 0.99) only because of its place names, and the next version opens at its heading",
		},
		{
			name: "a list of Spanish names closes the German version", langs: "de,es",
			text:   "# Satzung des Schachvereins\n\n" + rulesDE + "\n## 3. Vorstand\n\nAna Torres\nLuis Romero\nCarmen Ortega\n\n# Estatutos del Club de Ajedrez\n\n" + rulesES,
			want:   "de de de de de de de es es es es es",
			reason: "issue 9, class 9: a signatory list closing one version took the next version's language and opened it early",
		},
		{
			name: "a German postal address closes the Russian version", langs: "ru,de,en",
			text:   rulesRU + "\n## 3. Адрес\n\nSchachklub Königsspringer e.V.\nPostfach 1120\n79098 Freiburg\nDeutschland\n\n# Satzung des Schachklubs\n\n" + rulesDE,
			want:   "ru ru ru ru ru ru ru de de de de de",
			reason: "issue 9, class 9: a block in Latin letters at the end of a Cyrillic version belongs to that version, not to the Latin one after it",
		},
		{
			name: "a German title with a Spanish name opens the German version", langs: "en,ru,es,de",
			text:   "# Estatutos de la Asociación\n\n" + rulesES + "\n# Satzung der Asociación Cultural\n\n" + rulesDE,
			want:   "es es es es es de de de de de",
			reason: "issue 9, class 16: a short heading opening a version was labelled with the language of the version before it (three German words as Spanish)",
		},
		{
			name: "an uncertain German title opens the German version", langs: "en,ru,es,de",
			text:   rulesEN + "\n# Statut des Klubs\n\n" + rulesDE,
			want:   "en en en en en de de de de de",
			reason: "issue 9, class 16: a version-opening heading too close to call was given to the version before it",
		},
		{
			name: "an uncertain Spanish title opens the Spanish version", langs: "en,ru,es,de",
			text:   "# Satzung\n\n" + rulesDE + "\n# Estatutos Harbour Club\n\n" + rulesES,
			want:   "de de de de de es es es es es",
			reason: "issue 9, class 16: a title made of a name and one word of its language belongs to what follows it",
		},
		{
			name: "organisations closing a version without headings", langs: "de,en",
			text: "Wer Freude am Spiel hat, kann nach drei Abenden als Gast Mitglied des Vereins werden.\n\n" +
				"Der Verein trifft sich jeden Donnerstagabend im hinteren Raum der Stadtbibliothek.\n\n" +
				"Mitveranstalter:\n\nReform and Revolution Caucus (USA),\n\nLernen im Kampf (BRD)\n\n" +
				"Anyone who enjoys the game may join the club after playing three evenings as a guest.\n\n" +
				"The club meets every Thursday evening in the back room of the town library.\n",
			want: "de de de de de en en",
			reason: "issue 9, class 9: without a heading the version changes once, where the short lines' own labels disagree least; " +
				"an English name among the German co-organisers does not open the English version early",
		},
		{
			name: "headings of two languages in turn", langs: "en,de",
			text: "These house rules apply to all members of the garden association and to their guests.\n\n" +
				"Diese Hausordnung gilt für alle Mitglieder des Gartenvereins und für ihre Gäste.\n\n" +
				"## 2. Quiet hours\n\n## 2. Ruhezeiten\n\n" +
				"Between one and three in the afternoon a midday rest is to be kept on the whole site.\n\n" +
				"Zwischen dreizehn und fünfzehn Uhr ist auf dem gesamten Gelände Mittagsruhe einzuhalten.\n",
			want:   "en de en de en de",
			reason: "a bilingual file, paragraph by paragraph, has no version boundary: each heading keeps its own label",
		},
		{
			name: "a Russian title opens the Russian version", langs: "en,ru",
			text: rulesEN + "\n" + rulesRU,
			want: "en en en en en ru ru ru ru ru",
		},
		{
			name: "an empty last section keeps its version's language", langs: "de,en",
			text:   "# Satzung\n\n" + rulesDE + "\n## 3. Anhang\n\n" + rulesEN,
			want:   "de de de de de de en en en en en",
			reason: "the heading that opens a version is the highest-level one before its text, not the last section heading of the version before",
		},
		{
			name: "an address closing a one-language file", langs: "en,es",
			text:   rulesEN + "\n## 3. Contact\n\nAvenida Central 14\n28013 Madrid\nEspaña\n",
			want:   "en en en en en en en",
			reason: "issue 9, class 9: the address is no evidence of a language, its document is",
		},
		{
			name: "names and a place name inside a one-language file", langs: "en,es,de",
			text:   "# Casa Grande Berlin\n\n" + rulesES + "\n## 3. Junta directiva\n\nAnna Berg\nJonas Lind\nMikael Ström\n\n## 4. Sede\n\nLa sede del club está en la casa del presidente mientras la biblioteca esté cerrada.\n",
			want:   "es es es es es es es es es",
			reason: "names and a title made of names take the language of the file around them",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var langs []corpus.Lang
			for _, l := range strings.Split(tt.langs, ",") {
				langs = append(langs, corpus.Lang(l))
			}
			d, err := New(Options{Langs: langs})
			if err != nil {
				t.Fatal(err)
			}
			paras := corpus.SplitParagraphs(tt.text, "rules.md", corpus.SplitOptions{})
			d.Label(paras)
			var got []string
			for _, p := range paras {
				got = append(got, p.Lang.String())
			}
			if want := strings.Fields(tt.want); !slices.Equal(got, want) {
				for _, p := range paras {
					t.Logf("line %d: %v %.2f %q", p.Start, p.Lang, p.Conf, firstChars(p.Text))
				}
				t.Errorf("Label = %v\nwant    %v\n%s", got, want, tt.reason)
			}
		})
	}
}
