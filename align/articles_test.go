package align

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

// TestThousandsOfArticles generates a code of 2,500 articles ("Article N"
// in English, "Статья N" in Russian, as codes past 999 articles number
// them) in two per-language inputs, three articles missing in Russian, one
// of them past 999 and one the last, and every tenth article holding a
// paragraph that starts by citing the next. Every article must be a row of
// its own, and coverage must name exactly the three missing.
func TestThousandsOfArticles(t *testing.T) {
	const articles = 2500
	const crossRefEvery = 10 // articles between paragraphs that cite the next one
	missing := []int{9, 1000, articles}
	en := []string{
		"Every person has the right to %d kinds of protection under this Code.",
		"The rules of article %d apply to contracts concluded after its entry into force. Parties may agree otherwise in writing.",
		"A claim under this article is barred after %d days from the day the creditor learned of the breach.",
	}
	ru := []string{
		"Каждый имеет право на %d видов защиты по настоящему Кодексу.",
		"Правила статьи %d применяются к договорам, заключённым после вступления её в силу. Стороны могут письменно договориться об ином.",
		"Требование по настоящей статье погашается по истечении %d дней со дня, когда кредитор узнал о нарушении.",
	}
	var enText, ruText strings.Builder
	enText.WriteString("Civil Code\n\n")
	ruText.WriteString("Гражданский кодекс\n\n")
	for n := 1; n <= articles; n++ {
		fmt.Fprintf(&enText, "Article %d\n\n"+en[n%len(en)]+"\n\n", n, n)
		if !slices.Contains(missing, n) {
			fmt.Fprintf(&ruText, "Статья %d\n\n"+ru[n%len(ru)]+"\n\n", n, n)
		}
		if n%crossRefEvery == 0 {
			// a paragraph citing the next article is no marker
			fmt.Fprintf(&enText, "Article %d applies to these claims as well.\n\n", n+1)
			if !slices.Contains(missing, n) {
				fmt.Fprintf(&ruText, "Статья %d применяется и к этим требованиям.\n\n", n+1)
			}
		}
	}
	versions := []Version{
		oneLangVersion("en", "code.en.txt", enText.String()),
		oneLangVersion("ru", "code.ru.txt", ruText.String()),
	}
	rows := AlignSections(Outlines(versions))

	var ids []string
	for _, r := range rows {
		if r.Kind == Numbered {
			ids = append(ids, r.ID)
		}
	}
	want := make([]string, articles)
	for n := range want {
		want[n] = strconv.Itoa(n + 1)
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("numbered rows mismatch (-want +got):\n%s", diff)
	}

	rep := Coverage(rows, []corpus.Lang{"en", "ru"}, CoverageOptions{Pivot: "en"})
	wantMissing := []string{"9", "1000", "2500"}
	for _, s := range rep.Summary {
		var want []string
		if s.Lang == "ru" {
			want = wantMissing
		}
		if diff := cmp.Diff(want, s.Missing); diff != "" {
			t.Errorf("coverage of %s: missing mismatch (-want +got):\n%s", s.Lang, diff)
		}
	}
}

// oneLangVersion is a plain-text version whose paragraphs are all labelled lang,
// as the detector would label them.
func oneLangVersion(lang corpus.Lang, file, text string) Version {
	paras := corpus.SplitParagraphs(text, file, corpus.SplitOptions{Format: corpus.PlainText})
	for i := range paras {
		paras[i].Label = corpus.Label{Lang: lang, Conf: 1, Langs: []corpus.Lang{lang}}
	}
	return Version{Lang: lang, File: file, Paras: paras}
}
