package dict

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, file, text string
		from, to         corpus.Lang
		pairs            [][2]string
		err              string
	}{
		{name: "tab", file: "words.tsv", text: "Hund\tchien\n\n# a comment\nelektromagnetische Wellen\tonde électromagnétique\n",
			pairs: [][2]string{{"Hund", "chien"}, {"elektromagnetische Wellen", "onde électromagnétique"}}},
		{name: "hunalign is target @ source", file: "hu.dic", text: "chien @ Hund\n",
			pairs: [][2]string{{"Hund", "chien"}}},
		{name: "language line", file: "words.txt", text: "\ufeff# paralign dictionary de fr\nHund\tchien\n",
			from: "de", to: "fr", pairs: [][2]string{{"Hund", "chien"}}},
		{name: "languages from the name", file: "/x/animals.de-fr.tsv", text: "Hund\tchien\n",
			from: "de", to: "fr", pairs: [][2]string{{"Hund", "chien"}}},
		{name: "FreeDict names", file: "freedict-eng-rus.txt", text: "house\tдом\n",
			from: "en", to: "ru", pairs: [][2]string{{"house", "дом"}}},
		{name: "no separator", file: "words.tsv", text: "Hund\tchien\nKatze chat\n", err: "words.tsv:2: want word<TAB>translation"},
		{name: "empty side", file: "words.tsv", text: "Hund\t \n", err: "words.tsv:1: a side of the pair is empty"},
		{name: "bad language line", file: "w.tsv", text: "# paralign dictionary de\n", err: "w.tsv:1: want"},
		{name: "bad language code", file: "w.tsv", text: "# paralign dictionary de french\n", err: "w.tsv:1: invalid language code"},
		{name: "not UTF-8", file: "w.tsv", text: "a\tb\nK\xe4se\tfromage\n", err: "w.tsv:2: not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ReadText(strings.NewReader(tt.text), tt.file)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.From != tt.from || l.To != tt.to || !slices.Equal(l.Pairs, tt.pairs) {
				t.Errorf("got %s-%s %q, want %s-%s %q", l.From, l.To, l.Pairs, tt.from, tt.to, tt.pairs)
			}
		})
	}
}

// b64enc writes n as dictd does: base 64 digits, most significant first.
func b64enc(n int) string {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if n == 0 {
		return "A"
	}
	var s []byte
	for ; n > 0; n /= 64 {
		s = append([]byte{digits[n%64]}, s...)
	}
	return string(s)
}

// writeDictd writes a dictd dictionary NAME.index and NAME.dict.dz into
// dir from its entries, in FreeDict's layouts.
func writeDictd(t *testing.T, dir, name string, entries []string) string {
	t.Helper()
	var data bytes.Buffer
	var index strings.Builder
	data.WriteString("00-database-info\nA dictionary for the tests.\n")
	index.WriteString("00databaseinfo\tA\t" + b64enc(data.Len()) + "\n")
	for _, e := range entries {
		head, _, _ := strings.Cut(e, " ")
		index.WriteString(strings.ToLower(head) + "\t" + b64enc(data.Len()) + "\t" + b64enc(len(e)) + "\n")
		data.WriteString(e)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(data.Bytes())
	w.Close()
	if err := os.WriteFile(filepath.Join(dir, name+".dict.dz"), z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".index")
	if err := os.WriteFile(path, []byte(index.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadDictd(t *testing.T) {
	dir := t.TempDir()
	path := writeDictd(t, dir, "freedict-deu-fra", []string{
		// WikDict: numbered senses, definitions between them
		"Haus /haʊ̯s/ <n, neut>\n1. maison 2.\nzu einem bestimmten Zweck erbautes Gebäude\n 3.\nzum Wohnen dienendes Gebäude\n2. chambre\ngesetzgebende Körperschaft\n3. gars, type, zig#zig (Französisch)\nMensch, Person\n",
		"Gletscher /ˈɡlɛt͡ʃɐ/ <n, masc>\nglacier\nEismasse, die talwärts fließt\n",
		// the older FreeDict layout
		"schnell /ʃnɛl/\n1. rapide, vite\n2. vite\n",
	})
	l, err := ReadDictd(path)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"Haus", "maison"}, {"Haus", "chambre"}, {"Haus", "gars"}, {"Haus", "type"},
		{"Gletscher", "glacier"}, {"schnell", "rapide"}, {"schnell", "vite"}, {"schnell", "vite"}}
	if l.From != "de" || l.To != "fr" || !slices.Equal(l.Pairs, want) {
		t.Errorf("got %s-%s %q,\nwant de-fr %q", l.From, l.To, l.Pairs, want)
	}

	bad := filepath.Join(dir, "freedict-fra-deu.index")
	os.WriteFile(filepath.Join(dir, "freedict-fra-deu.dict"), []byte("maison\nHaus\n"), 0o644)
	os.WriteFile(bad, []byte("maison\tA\tZZZZ\n"), 0o644)
	if _, err := ReadDictd(bad); err == nil || !strings.Contains(err.Error(), "freedict-fra-deu.index:1: bad offset") {
		t.Errorf("a length past the data: err = %v, want one naming the index line", err)
	}
}

func TestAuto(t *testing.T) {
	dir := t.TempDir()
	writeDictd(t, dir, "freedict-deu-fra", []string{"Gletscher /x/\nglacier\n"})
	writeDictd(t, dir, "freedict-fra-deu", []string{"montagne /x/\nBerg, Gebirge\n"})
	l, used, err := Auto(dir, "de", "fr")
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"Gletscher", "glacier"}, {"Berg", "montagne"}, {"Gebirge", "montagne"}}
	if len(used) != 2 || l.From != "de" || l.To != "fr" || !slices.Equal(l.Pairs, want) {
		t.Errorf("Auto(de, fr) = %s-%s %q from %q, want both files merged: %q", l.From, l.To, l.Pairs, used, want)
	}
	if l, used, err := Auto(dir, "en", "ru"); l != nil || used != nil || err != nil {
		t.Errorf("Auto(en, ru) with no such file = %v, %v, %v; want nothing", l, used, err)
	}
}

func TestWriteReadsBack(t *testing.T) {
	l := &List{From: "de", To: "fr", Pairs: [][2]string{{"Pferd", "cheval"}, {"Hund", "chien"}, {"Pferd", "cheval"}}}
	var b bytes.Buffer
	if err := l.Write(&b); err != nil {
		t.Fatal(err)
	}
	if want := "# paralign dictionary de fr\nHund\tchien\nPferd\tcheval\n"; b.String() != want {
		t.Fatalf("Write = %q, want %q (sorted, without repeats)", b.String(), want)
	}
	back, err := ReadText(&b, "x")
	if err != nil {
		t.Fatal(err)
	}
	if back.From != "de" || back.To != "fr" || len(back.Pairs) != 2 {
		t.Errorf("read back %+v", back)
	}
}
