package align

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paralign/paralign/dict"
)

// TestTextBerg aligns the Text+Berg benchmark files named in
// TEXTBERG_NAMES (default: dev and test0–6) found in the directory
// TEXTBERG and writes NAME.ladder files into TEXTBERG_OUT, for scoring with
// sentscore. It is skipped unless TEXTBERG is set.
func TestTextBerg(t *testing.T) {
	dir, out := os.Getenv("TEXTBERG"), os.Getenv("TEXTBERG_OUT")
	if dir == "" || out == "" {
		t.Skip("TEXTBERG and TEXTBERG_OUT not set")
	}
	names := "dev,test0,test1,test2,test3,test4,test5,test6"
	if s := os.Getenv("TEXTBERG_NAMES"); s != "" {
		names = s
	}
	m := defaultBeadModel()
	applyTune(t, &m)
	if path := os.Getenv("TEXTBERG_DICT"); path != "" {
		l, err := dict.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		m.dict = NewDictionary(l.Pairs)
	}
	for _, name := range strings.Split(names, ",") {
		src := readLines(t, filepath.Join(dir, name+".de"))
		tgt := readLines(t, filepath.Join(dir, name+".fr"))
		f, err := os.Create(filepath.Join(out, name+".ladder"))
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteLadder(f, alignUnits(src, tgt, m)); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}
