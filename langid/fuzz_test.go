package langid

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
)

// FuzzExcerpt: excerpt never panics, and an excerpt of a text without
// blank lines is excerptWindows windows of the text, in order and apart.
func FuzzExcerpt(f *testing.F) {
	f.Add(strings.Repeat("Haus ", 20) + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 3))
	f.Add(strings.Repeat("All human beings are born free and equal in dignity and rights. ", 8))
	f.Add(strings.Repeat("这是一个很长的段落", 60))
	f.Fuzz(func(t *testing.T, text string) {
		ex, ok := excerpt(text)
		if !ok || strings.Contains(text, "\n\n") {
			return
		}
		windows := strings.Split(ex, "\n\n")
		if len(windows) != excerptWindows {
			t.Fatalf("excerpt(%q) = %q: %d windows, want %d", text, ex, len(windows), excerptWindows)
		}
		at := 0 // where the last window ended
		for _, w := range windows {
			i := strings.Index(text[at:], w)
			if w == "" || i < 0 {
				t.Fatalf("excerpt(%q) = %q: window %q is not in the text after the one before", text, ex, w)
			}
			at += i + len(w)
		}
	})
}

// FuzzLabel: labelling the paragraphs of any text never panics; every
// content paragraph gets a candidate, und or none, with a confidence
// between 0 and 1. The seeds include the inputs of the corpus package's
// fuzz targets: the excerpt's index out of range was one of them.
func FuzzLabel(f *testing.F) {
	f.Add(strings.Repeat("Haus ", 20) + strings.Repeat("Donaudampfschifffahrtsgesellschaft", 3))
	f.Add("Article 1\n\nAll human beings are born free and equal in dignity and rights.\n\nСтатья 1\n\nВсе люди рождаются свободными.\n")
	f.Add(strings.Repeat("这是一个很长的段落", 60))
	for _, dir := range []string{"FuzzSplitParagraphs", "FuzzReadBytes", "FuzzSplitSentences", "FuzzDecode"} {
		files, _ := filepath.Glob(filepath.Join("..", "corpus", "testdata", "fuzz", dir, "*"))
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			for _, v := range fuzzValues(string(data)) {
				f.Add(v)
			}
		}
	}
	d, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		paras := corpus.SplitParagraphs(text, "fuzz.txt", corpus.SplitOptions{})
		d.Label(paras)
		for _, p := range paras {
			if !p.Kind.Content() {
				continue
			}
			if p.Lang.IsLanguage() && !slices.Contains(d.Langs(), p.Lang) {
				t.Fatalf("paragraph %q: label %s is no candidate", p.Text, p.Lang)
			}
			if p.Conf < 0 || p.Conf > 1 || math.IsNaN(p.Conf) {
				t.Fatalf("paragraph %q: confidence %v", p.Text, p.Conf)
			}
		}
	})
}

// fuzzValues returns the string and []byte values of a file of Go's fuzz
// corpus format ("go test fuzz v1", then one value a line).
func fuzzValues(file string) []string {
	var out []string
	for line := range strings.Lines(file) {
		line = strings.TrimSpace(line)
		for _, prefix := range []string{"string(", "[]byte("} {
			if inner, ok := strings.CutPrefix(line, prefix); ok {
				if v, err := strconv.Unquote(strings.TrimSuffix(inner, ")")); err == nil {
					out = append(out, v)
				}
			}
		}
	}
	return out
}
