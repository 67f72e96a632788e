package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

func version(lang corpus.Lang, text string) Version {
	format := corpus.SniffFormat(string(lang), text)
	return Version{Lang: lang, File: string(lang), Paras: corpus.SplitParagraphs(text, string(lang), corpus.SplitOptions{Format: format}), Format: format}
}

func ids(o Outline) []string {
	var out []string
	for _, s := range o.Sections {
		out = append(out, s.ID)
	}
	return out
}

// lossless asserts that the outline's sections hold the version's
// paragraphs exactly once, in order.
func lossless(t *testing.T, o Outline) {
	t.Helper()
	k := 0
	for _, s := range o.Sections {
		if len(s.Paras) == 0 {
			t.Fatalf("section %s is empty", s.ID)
		}
		for _, p := range s.Paras {
			if k >= len(o.Paras) || p.Start != o.Paras[k].Start {
				t.Fatalf("section %s: paragraph at line %d out of order", s.ID, p.Start)
			}
			k++
		}
	}
	if k != len(o.Paras) {
		t.Fatalf("sections hold %d paragraphs, the version %d", k, len(o.Paras))
	}
}

func TestOutline(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   []string
		reason string
	}{
		{
			name: "points then signatory lists",
			text: "Tuesday, January 18, 2022\n\nJoint Statement on the situation\n\nThe parties state the following about the events of the month:\n\n" +
				points(1, 8, ".") + "The statement is open for further subscriptions\n\nParties signing\n\n  1. Party of A\n  2. Party of B\n  3. Party of C\n  4. Party of D\n  5. Party of E\n  6. Party of F\n  7. Party of G\n  8. Party of H\n  9. Party of I\n  10. Party of J\n\nOther Parties\n\n  1. Party of K\n  2. Party of L\n",
			want:   []string{"0+1", "title", "preamble", "1", "2", "3", "4", "5", "6", "7", "8", "8+1", "8+2", "8+3", "8+4", "8+5"},
			reason: "kazakhstan-2022: signatories numbered 1.-20. and 1.-3. after point 8",
		},
		{
			name: "signatory list flush left",
			text: "Statement\n\n" + points(1, 5, ".") + "Signed by:\n\n1. Party of A\n2. Party of B\n3. Party of C\n4. Party of D\n5. Party of E\n6. Party of F\n7. Party of G\n",
			want: []string{"title", "1", "2", "3", "4", "5", "5+1", "5+2"},
		},
		{
			name: "numbered list inside a section",
			text: "Charter\n\n" + points(1, 2, ")") + "3) The council has these duties:\n1) to meet;\n2) to vote;\n3) to report;\n4) to publish.\n\nThe council meets in public.\n\n" + points(4, 6, ")"),
			want: []string{"title", "1", "2", "3", "4", "5", "6"},
		},
		{
			name: "nested dotted subsections",
			text: points(1, 2, ".") + "3. Organs of the association and their many duties and rights.\n\n3.1 The assembly of all members decides on the statutes.\n\n3.2 The board runs the association between two assemblies.\n\n3.2.1 The board has three members.\n\n3.2.2 The board is elected for two years.\n\n" + points(4, 5, "."),
			want: []string{"1", "2", "3", "3.1", "3.2", "3.2.1", "3.2.2", "4", "5"},
		},
		{
			name:   "markdown paragraph sign with numbered paragraphs",
			text:   "---\ntitle: x\n---\n\n# § 1 Name\n\n1. The association is called X.\n1. Its seat is in Leipzig.\n\n# § 2 Purpose\n\n1. The purpose is science.\n1. It acts for the common good.\n1. It is selfless.\n\n# § 3 Members\n\nAny person can be a member.\n\n# Download\n\nA link.\n",
			want:   []string{"0+1", "§1", "§2", "§3", "§3+1"},
			reason: "commons-code-satzung: every paragraph of a § is a Markdown 1. item",
		},
		{
			name: "markdown list written 1. 1. 1. is the main sequence",
			text: "# Rules\n\n1. First rule of the house, kept at all times by every member.\n\n1. Second rule of the house, kept at all times by every member.\n\n1. Third rule of the house, kept at all times by every member.\n",
			want: []string{"title", "1", "2", "3"},
		},
		{
			name:   "table of contents repeats the headings",
			text:   "Handbook\n\nContents\n\n1. Scope\n2. Terms\n3. Rules\n\n1. Scope\n\nThis handbook applies to every member of the cooperative and to its staff.\n\n2. Terms\n\nA member is a person who has signed the charter and paid the fee.\n\n3. Rules\n\nEvery member follows the rules of the house and the decisions of the board.\n",
			want:   []string{"title", "0+1", "0+2", "1", "2", "3"},
			reason: "contract: a table of contents is head matter (0+N), not the preamble",
		},
		{
			name: "roman markdown headings with unnumbered subheadings",
			text: "## I. Codebase\n### One codebase tracked in revision control\n\nText of the first factor.\n\n## II. Dependencies\n### Explicitly declare dependencies\n\nText of the second factor.\n\n## III. Config\n\nText.\n",
			want: []string{"I", "II", "III"},
		},
		{
			name: "roman with nested numbered headings",
			text: "# III. Organs\n\nIntro.\n\n## 1. Assembly\n\nThe assembly meets.\n\n### a) Ordinary\n\nOnce a year.\n\n### b) Extraordinary\n\nOn demand.\n\n## 2. Board\n\nThe board acts.\n\n# IV. End\n\nDone.\n",
			want: []string{"III", "III.1", "III.1.a", "III.1.b", "III.2", "IV"},
		},
		{
			name:   "articles with preamble heading",
			text:   "Universal Declaration\nAdopted by resolution 217 A (III) of 10 December 1948.\n\nPREAMBLE\nWhereas recognition of the inherent dignity is the foundation of freedom in the world,\n\nArticle 1\nAll human beings are born free and equal in dignity and rights.\n\nArticle 2\nEveryone is entitled to all the rights and freedoms set forth in this Declaration.\n",
			want:   []string{"title", "0+1", "preamble", "1", "2"},
			reason: "udhr-nltk ru.txt has a line between title and ПРЕАМБУЛА",
		},
		{
			name: "no sections",
			text: "A blog post\n\nSome text about the meeting that took place on Saturday.\n\nMore text.\n",
			want: []string{"title", "preamble"},
		},
		{
			name: "wrapped semver line is no section",
			text: points(1, 2, ".") + "3. Given a version number MAJOR.MINOR.PATCH, increment the MAJOR version when you\n1.0.0. If you make incompatible API changes and so on until the end of it all.\n\n" + points(4, 4, "."),
			want: []string{"1", "2", "3", "4"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Outlines([]Version{version("en", tt.text)})[0]
			lossless(t, o)
			if diff := cmp.Diff(tt.want, ids(o)); diff != "" {
				t.Errorf("Outlines ids mismatch (-want +got):\n%s%s", diff, tt.reason)
			}
		})
	}
}

// points returns numbered points from..to with the given punctuation,
// each a paragraph of prose.
func points(from, to int, punct string) string {
	var b strings.Builder
	for n := from; n <= to; n++ {
		fmt.Fprintf(&b, "%d%s\u00a0\u00a0 Point %d of the statement says something about the workers and the people of the country, at some length.\n\n", n, punct, n)
	}
	return b.String()
}

func TestOutlinesConsistentStyle(t *testing.T) {
	// en writes "1." and ru "1)"; ru also has a list "1)"… inside 2).
	en := version("en", "Title\n\n"+points(1, 4, "."))
	ru := version("ru", "Заголовок\n\n"+points(1, 1, ")")+"2) Совет имеет обязанности:\n1) собираться;\n2) голосовать;\n3) отчитываться.\n\n"+points(3, 4, ")"))
	outs := Outlines([]Version{en, ru})
	want := []string{"title", "1", "2", "3", "4"}
	for _, o := range outs {
		lossless(t, o)
		if diff := cmp.Diff(want, ids(o)); diff != "" {
			t.Errorf("%s ids mismatch (-want +got):\n%s", o.Lang, diff)
		}
	}
}

func TestAlignSectionsMissing(t *testing.T) {
	en := version("en", "Title\n\n"+points(1, 5, "."))
	de := version("de", "Titel\n\n"+points(1, 2, ".")+points(4, 5, "."))
	es := version("es", "Título\n\n"+points(1, 5, ")")+"Firmado en Madrid.\n")
	rows := AlignSections(Outlines([]Version{en, de, es}))
	var got []string
	for _, r := range rows {
		var cells []string
		for _, c := range r.Cells {
			if c.Empty() {
				cells = append(cells, "-")
			} else {
				cells = append(cells, fmt.Sprint(c.Paras[0].Start))
			}
		}
		got = append(got, r.ID+":"+strings.Join(cells, ","))
	}
	want := []string{"title:1,1,1", "1:3,3,3", "2:5,5,5", "3:7,-,7", "4:9,7,9", "5:11,9,11"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AlignSections mismatch (-want +got):\n%s", diff)
	}
}

func ExampleAlignSections() {
	en := Version{Lang: "en", Paras: corpus.SplitParagraphs("Charter\n\n1. Members.\n\n2. Board.\n", "en.txt", corpus.SplitOptions{})}
	de := Version{Lang: "de", Paras: corpus.SplitParagraphs("Satzung\n\n1. Mitglieder.\n", "de.txt", corpus.SplitOptions{})}
	for _, r := range AlignSections(Outlines([]Version{en, de})) {
		fmt.Print(r.ID)
		for _, c := range r.Cells {
			text := "(missing)"
			if !c.Empty() {
				text = c.Paras[0].Text
			}
			fmt.Printf(" | %s", text)
		}
		fmt.Println()
	}
	// Output:
	// title | Charter | Satzung
	// 1 | 1. Members. | 1. Mitglieder.
	// 2 | 2. Board. | (missing)
}

// Outlines are the same on every run. The charter written out twice in
// each language has many candidate sequences of equal score, among them
// signatures that differ only in indentation or tightness; the order of
// a map once broke their ties, and two runs in four cut it differently.
func TestOutlinesAreDeterministic(t *testing.T) {
	var vers []Version
	for _, l := range []corpus.Lang{"en", "ru", "es", "de"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "charter", string(l)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		vers = append(vers, oneLangVersion(l, string(l), strings.Repeat(string(b)+"\n\n", 2)))
	}
	outline := func() string {
		var b strings.Builder
		for _, o := range Outlines(vers) {
			fmt.Fprintln(&b, o.Lang, o.Style, ids(o))
		}
		return b.String()
	}
	first := outline()
	for range 40 {
		if got := outline(); got != first {
			t.Fatalf("two runs differ:\n%s\nand\n%s", first, got)
		}
	}
}
