package qa_test

import (
	"os"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/qa"
)

func ExampleCompare() {
	en := `1. At the beginning of 2022, 30 years after the dissolution of the USSR, Kazakhstan was shaken by mass mobilizations.

2. The Communist and Workers Parties signing this statement express their solidarity with the demonstrators.`
	es := `1) A principios de 2022, 35 años después de la disolución de la URSS, Kazajistán fue sacudida por grandes movilizaciones.

2) Los Partidos Comunistas y Obreros que suscriben este comunicado expresan su solidaridad con los manifestantes.`
	var vers []align.Version
	for _, v := range []struct {
		lang corpus.Lang
		text string
	}{{"en", en}, {"es", es}} {
		paras := corpus.SplitParagraphs(v.text, string(v.lang)+".txt", corpus.SplitOptions{})
		for i := range paras {
			// the command labels paragraphs with langid
			paras[i].Lang = v.lang
		}
		vers = append(vers, align.Version{Lang: v.lang, File: string(v.lang) + ".txt", Paras: paras})
	}
	rows := align.AlignSections(align.Outlines(vers))
	rep := qa.Compare(vers, rows, qa.Options{})
	qa.WriteText(os.Stdout, rep)
	// Output:
	// es.txt:1:1: error number-missing: `30` in en §1, not in es; es has `35` (section 1, paragraph 1)
	// 1 finding: 1 error, 0 warnings, 0 info (es against en)
}
