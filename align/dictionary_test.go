package align

import (
	"fmt"
	"os"
	"testing"

	"github.com/paralign/paralign/dict"
)

func testDictionary(t *testing.T) *Dictionary {
	t.Helper()
	l, err := dict.Load("testdata/animals.de-fr.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return NewDictionary(l.Pairs)
}

func ladder(beads []Bead) string {
	s := ""
	for _, b := range beads {
		s += fmt.Sprint(b.Src, b.Tgt, " ")
	}
	return s
}

// A sentence the translation left out, among sentences of like length and
// without shared names or numbers: only the words say which one it is.
func TestDictionaryFindsTheMissingSentence(t *testing.T) {
	src := []string{"Der Hund schläft im Garten.", "Die Katze trinkt Milch.", "Das Pferd läuft schnell.", "Die Ziege frisst Gras."}
	tgt := []string{"Le chien dort au jardin.", "Le cheval court vite.", "La chèvre mange de l'herbe."}
	want := "[0] [0] [1] [] [2] [1] [3] [2] "
	d := testDictionary(t)
	if got := ladder(AlignUnits(src, tgt, BeadOptions{Dict: d})); got != want {
		t.Errorf("with the dictionary: %s, want %s", got, want)
	}
	// the reversed dictionary serves the other direction
	if got := ladder(AlignUnits(tgt, src, BeadOptions{Dict: d.Reverse()})); got != "[0] [0] [] [1] [1] [2] [2] [3] " {
		t.Errorf("reversed: %s", got)
	}
	// without it the lengths alone pick another sentence: the test
	// measures the dictionary, not the length model
	if got := ladder(AlignUnits(src, tgt, BeadOptions{})); got == want {
		t.Errorf("without a dictionary the alignment is already %s: the case tests nothing", got)
	}
}

func TestDictStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Regierungen", "regie"}, {"Regierung", "regie"}, // inflection meets its headword
		{"Hund", "hund"},
		{"gouvernement", "gouve"},
		{"Straße", "stras"},                    // folded as the tokenizer folds
		{"правительство", "pravi"},             // Cyrillic transliterated
		{"elektromagnetische Wellen", "elekt"}, // a phrase by its longest word
		{"la chèvre", "chevr"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := dictStem(tt.in); got != tt.want {
			t.Errorf("dictStem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDictionaryLoadsFreeDict reads the FreeDict German–French
// dictionary when Debian's dict-freedict-deu-fra is installed.
func TestDictionaryLoadsFreeDict(t *testing.T) {
	l, used, err := dict.Auto(dict.DictdDir, "de", "fr")
	if err != nil {
		t.Fatal(err)
	}
	if l == nil {
		t.Skip("no FreeDict de-fr installed")
	}
	d := NewDictionary(l.Pairs)
	s, g := d.Words()
	if d.Len() < 10000 || s < 5000 || g < 5000 {
		t.Errorf("%v: %d pairs, %d/%d stems; want a real dictionary", used, d.Len(), s, g)
	}
	if _, err := os.Stat(used[0]); err != nil {
		t.Error(err)
	}
}
