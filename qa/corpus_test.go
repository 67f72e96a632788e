package qa

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
)

// The tests on real documents label their paragraphs with langid, as the
// command does; the detector (lingua's models) is built once.
var (
	detOnce sync.Once
	det     *langid.Detector
	detErr  error
)

var testLangs = []corpus.Lang{"en", "ru", "es", "de"}

func detector(t testing.TB) *langid.Detector {
	t.Helper()
	detOnce.Do(func() { det, detErr = langid.New(langid.Options{Langs: testLangs}) })
	if detErr != nil {
		t.Fatal(detErr)
	}
	return det
}

// The planted-fault tests change one file of a document at a time; the
// labels of the others, and of every sentence seen before, are kept.
var (
	labelCache  sync.Map // file text → []corpus.Label
	detectCache sync.Map // sentence → corpus.Label
)

// label labels the paragraphs of one file, as Detector.Label does.
func label(t testing.TB, text string, paras []corpus.Paragraph) {
	t.Helper()
	if v, ok := labelCache.Load(text); ok {
		labels := v.([]corpus.Label)
		if len(labels) == len(paras) {
			for i := range paras {
				paras[i].Label = labels[i]
			}
			return
		}
	}
	detector(t).Label(paras)
	labels := make([]corpus.Label, len(paras))
	for i, p := range paras {
		labels[i] = p.Label
	}
	labelCache.Store(text, labels)
}

// detect is Detector.Detect with a cache.
func detect(t testing.TB) func(string) corpus.Label {
	d := detector(t)
	return func(s string) corpus.Label {
		if v, ok := detectCache.Load(s); ok {
			return v.(corpus.Label)
		}
		l := d.Detect(s)
		detectCache.Store(s, l)
		return l
	}
}

// load reads files as the command does: one file is a combined document
// cut into its language versions, several are one version each. Versions
// are ordered as testLangs.
func load(t testing.TB, files ...string) ([]align.Version, []align.Row) {
	t.Helper()
	var vers []align.Version
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.ReadBytes(data, filepath.Base(f), corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		label(t, string(data), doc.Paragraphs)
		if len(files) == 1 {
			vers = align.SplitVersions(doc.File, doc.Paragraphs)
			break
		}
		vers = append(vers, align.Version{Lang: align.MajorityLang(doc.Paragraphs), File: doc.File, Paras: doc.Paragraphs})
	}
	slices.SortStableFunc(vers, func(a, b align.Version) int {
		return slices.Index(testLangs, a.Lang) - slices.Index(testLangs, b.Lang)
	})
	return vers, align.AlignSections(align.Outlines(vers))
}

func compareFiles(t testing.TB, opts Options, files ...string) Report {
	t.Helper()
	vers, rows := load(t, files...)
	if opts.Detect == nil {
		opts.Detect = detect(t)
	}
	return Compare(vers, rows, opts)
}

// TestDump prints the findings on the test documents; run with
// PARALIGN_QA_DUMP=1 go test -run Dump -v ./qa.
func TestDump(t *testing.T) {
	if os.Getenv("PARALIGN_QA_DUMP") == "" {
		t.Skip("set PARALIGN_QA_DUMP=1")
	}
	all := map[string]bool{}
	for _, c := range Checks() {
		all[c.ID] = true
	}
	for _, files := range [][]string{
		{"../testdata/kazakhstan-2022/combined.txt"},
		{"../testdata/charter/combined.txt"},
		{"../testdata/charter/en.txt", "../testdata/charter/ru.txt", "../testdata/charter/es.txt", "../testdata/charter/de.txt"},
		{"../testdata/udhr-nltk/en.txt", "../testdata/udhr-nltk/ru.txt", "../testdata/udhr-nltk/es.txt", "../testdata/udhr-nltk/de.txt"},
	} {
		opts := Options{}
		if os.Getenv("PARALIGN_QA_DUMP") == "all" {
			opts.Enabled = all
		}
		rep := compareFiles(t, opts, files...)
		WriteText(os.Stdout, rep)
	}
}
