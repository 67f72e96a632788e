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

// TestArticlesAcrossScripts aligns an English version numbered "Article N"
// with versions whose article labels are written in other scripts: the
// label words share one class, so every article lines up by number.
func TestArticlesAcrossScripts(t *testing.T) {
	en := "Charter\n\nArticle 1\n\nAll members are equal.\n\nArticle 2\n\nThe board meets yearly.\n\nArticle 3\n\nThe charter may be amended.\n"
	tests := []struct {
		lang corpus.Lang
		text string
	}{
		{"zh", "章程\n第一条　所有成员一律平等。\n第二条　理事会每年开会。\n第三条　本章程可以修改。\n"},
		{"ja", "憲章\n\n第１条　すべての会員は平等である。\n\n第２条　理事会は毎年開かれる。\n\n第３条　この憲章は改正することができる。\n"},
		{"ko", "헌장\n\n제1조(평등) 모든 회원은 평등하다.\n\n제2조(이사회) 이사회는 매년 열린다.\n\n제3조(개정) 이 헌장은 개정할 수 있다.\n"},
		{"ar", "الميثاق\n\nالمادة ١\n\nجميع الأعضاء متساوون.\n\nالمادة ٢\n\nيجتمع المجلس سنويا.\n\nالمادة ٣\n\nيجوز تعديل الميثاق.\n"},
		{"he", "אמנה\n\nסעיף 1\n\nכל החברים שווים.\n\nסעיף 2\n\nהוועד נפגש מדי שנה.\n\nסעיף 3\n\nניתן לתקן את האמנה.\n"},
		{"el", "Καταστατικό\n\nΆρθρο 1ο\n\nΌλα τα μέλη είναι ίσα.\n\nΆρθρο 2ο\n\nΤο συμβούλιο συνέρχεται ετησίως.\n\nΆρθρο 3ο\n\nΤο καταστατικό μπορεί να τροποποιηθεί.\n"},
		{"uk", "Статут\n\nСтаття 1. Рівність\n\nУсі члени рівні.\n\nСтаття 2. Рада\n\nРада збирається щороку.\n\nСтаття 3. Зміни\n\nСтатут може бути змінений.\n"},
		{"fr", "Charte\n\nArticle premier\n\nTous les membres sont égaux.\n\nArticle 2\n\nLe conseil se réunit chaque année.\n\nArticle 3\n\nLa charte peut être modifiée.\n"},
		{"pt", "Carta\n\nArtigo 1.º\n\nTodos os membros são iguais.\n\nArtigo 2.º\n\nO conselho reúne-se anualmente.\n\nArtigo 3.º\n\nA carta pode ser alterada.\n"},
		{"pl", "Statut\n\nArt. 1.\n\nWszyscy członkowie są równi.\n\nArt. 2.\n\nZarząd zbiera się co roku.\n\nArt. 3.\n\nStatut może być zmieniony.\n"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			rows := AlignSections(Outlines([]Version{oneLangVersion("en", "en.txt", en), oneLangVersion(tt.lang, "x.txt", tt.text)}))
			var got []string
			for _, r := range rows {
				if r.Kind == Numbered && !r.Cells[0].Empty() && !r.Cells[1].Empty() {
					got = append(got, r.ID)
				}
			}
			if diff := cmp.Diff([]string{"1", "2", "3"}, got); diff != "" {
				t.Errorf("articles in both versions mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
