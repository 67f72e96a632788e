package align

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/paralign/paralign/corpus"
)

// fuzzTimeLimit catches a hang or a blow-up on one fuzz input (a few
// kilobytes, which linear code handles in milliseconds). It is not a speed
// target (benchmarks are): 2 s failed on inputs that take 0.1 s when the
// fuzzer shared two cores with a load average of 20.
const fuzzTimeLimit = 30 * time.Second

func inTime(t *testing.T, start time.Time, what string) {
	t.Helper()
	if d := time.Since(start); d > fuzzTimeLimit {
		t.Errorf("%s took %v, want under %v", what, d, fuzzTimeLimit)
	}
}

// fuzzLabels are the labels a pattern byte selects: the four languages,
// undetermined and no language.
var fuzzLabels = []corpus.Lang{"en", "ru", "es", "de", corpus.Und, corpus.NoLang}

// labelled splits fuzz text into paragraphs and labels paragraph i with
// fuzzLabels[pattern[i mod len(pattern)]], so that the fuzzer chooses the
// language runs without a language model.
func labelled(text, file string, pattern []byte) []corpus.Paragraph {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	paras := corpus.SplitParagraphs(text, file, corpus.SplitOptions{})
	for i := range paras {
		l := corpus.Lang("en")
		if len(pattern) > 0 {
			l = fuzzLabels[int(pattern[i%len(pattern)])%len(fuzzLabels)]
		}
		paras[i].Lang = l
		if l.IsLanguage() {
			paras[i].Conf = 0.9
			paras[i].Langs = []corpus.Lang{l}
		}
	}
	return paras
}

// fuzzSeeds are the first kilobytes of the repository's documents and a
// few hand-made outlines.
func fuzzSeeds(f *testing.F, add func(text string, pattern []byte)) {
	files, _ := filepath.Glob("../testdata/*/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		add(string(data[:min(len(data), 4000)]), []byte{0})
	}
	for _, s := range []string{
		"",
		"Title\n\nPreamble.\n\n1. One.\n\n2. Two.\n\nSigned:\n\n1. A\n2. B\n",
		"# § 1 Name\n\n1. X.\n1. Y.\n\n# § 2 Purpose\n\n1. Z.\n",
		"1. A\n\n3. C\n\n2. B\n\n2. B again\n\n1.1 sub\n\n1.1.1 subsub\n\nIV. roman\n\na) letter\n",
		"Article 1\nText.\nArticle 2\nText.\n\nСтатья 1\nТекст.\nСтатья 2\nТекст.\n",
		"1) One.\n\n2) Two.\n\n1) Один.\n\n2) Два.\n\n1) Uno.\n\n2) Dos.\n",
	} {
		add(s, []byte{0, 1, 2, 3, 4, 5})
		add(s, []byte{0, 0, 1, 1, 2, 2, 3, 3})
	}
}

// samePara reports whether two paragraphs are the same paragraph of the
// same input.
func samePara(a, b corpus.Paragraph) bool {
	return a.File == b.File && a.Start == b.Start && a.End == b.End && a.Text == b.Text
}

// checkVersions asserts SplitVersions' contract: the versions hold every
// paragraph exactly once, in order, none is empty, and two neighbours
// differ in language.
func checkVersions(t *testing.T, paras []corpus.Paragraph, vers []Version) {
	t.Helper()
	k := 0
	for i, v := range vers {
		if len(v.Paras) == 0 && len(paras) > 0 {
			t.Fatalf("version %d (%s) is empty", i, v.Lang)
		}
		if i > 0 && v.Lang == vers[i-1].Lang {
			t.Fatalf("versions %d and %d are both %s", i-1, i, v.Lang)
		}
		for _, p := range v.Paras {
			if k >= len(paras) || !samePara(p, paras[k]) {
				t.Fatalf("version %d (%s): paragraph at line %d out of order", i, v.Lang, p.Start)
			}
			k++
		}
	}
	if k != len(paras) {
		t.Fatalf("versions hold %d paragraphs, the input %d", k, len(paras))
	}
}

// FuzzSplitVersions cuts a fuzzed, synthetically labelled document into
// versions and checks that nothing is lost, duplicated or reordered.
func FuzzSplitVersions(f *testing.F) {
	fuzzSeeds(f, func(s string, p []byte) { f.Add(s, p) })
	f.Fuzz(func(t *testing.T, text string, pattern []byte) {
		paras := labelled(text, "f.txt", pattern)
		start := time.Now()
		vers := SplitVersions("f.txt", paras)
		MajorityLang(paras)
		inTime(t, start, "SplitVersions")
		checkVersions(t, paras, vers)
	})
}

// checkRows asserts that the rows hold, for every version, exactly the
// outline's sections in order, each whole in the row of its id.
func checkRows(t *testing.T, outlines []Outline, rows []Row) {
	t.Helper()
	next := make([]int, len(outlines)) // next section of each outline
	for k, r := range rows {
		if len(r.Cells) != len(outlines) {
			t.Fatalf("row %d (%s) has %d cells for %d versions", k, r.ID, len(r.Cells), len(outlines))
		}
		empty := true
		for v, c := range r.Cells {
			if c.Empty() {
				continue
			}
			empty = false
			o := outlines[v]
			if next[v] >= len(o.Sections) {
				t.Fatalf("row %d (%s), version %d: more cells than the outline's %d sections", k, r.ID, v, len(o.Sections))
			}
			sec := o.Sections[next[v]]
			next[v]++
			if sec.ID != r.ID {
				t.Fatalf("row %d (%s), version %d: holds section %s", k, r.ID, v, sec.ID)
			}
			if len(c.Paras) != len(sec.Paras) || !samePara(c.Paras[0], sec.Paras[0]) {
				t.Fatalf("row %d (%s), version %d: cell is not section %s", k, r.ID, v, sec.ID)
			}
		}
		if empty {
			t.Fatalf("row %d (%s) has no text", k, r.ID)
		}
	}
	for v, o := range outlines {
		if next[v] != len(o.Sections) {
			t.Fatalf("version %d: rows hold %d of its %d sections", v, next[v], len(o.Sections))
		}
	}
}

// checkOutline asserts that the outline's sections hold its paragraphs
// exactly once, in order, and that every id is one printable field.
func checkOutline(t *testing.T, o Outline) {
	t.Helper()
	k := 0
	for _, s := range o.Sections {
		if len(s.Paras) == 0 {
			t.Fatalf("%s: section %s is empty", o.Lang, s.ID)
		}
		if s.ID == "" || strings.IndexFunc(s.ID, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			t.Fatalf("%s: section id %q is not one printable field", o.Lang, s.ID)
		}
		if s.Kind.String() == "unknown" {
			t.Fatalf("%s: section %s has kind %d", o.Lang, s.ID, s.Kind)
		}
		for _, p := range s.Paras {
			if k >= len(o.Paras) || !samePara(p, o.Paras[k]) {
				t.Fatalf("%s: section %s: paragraph at line %d out of order", o.Lang, s.ID, p.Start)
			}
			k++
		}
	}
	if k != len(o.Paras) {
		t.Fatalf("%s: sections hold %d paragraphs, the version %d", o.Lang, k, len(o.Paras))
	}
}

// FuzzOutlines outlines fuzzed documents and aligns their sections, in
// the two ways the command builds versions: language blocks of one
// combined file, and one file per version (the text cut at form feeds).
// Every paragraph must land in exactly one section and every section in
// exactly one row, in order per version; coverage and the pivot must not
// fail.
func FuzzOutlines(f *testing.F) {
	fuzzSeeds(f, func(s string, p []byte) { f.Add(s, p, false) })
	f.Add("1. One.\n\n2. Two.\f1. Eins.\f2. Dos.\n\n1. Uno.", []byte{0, 3, 2}, true)
	f.Fuzz(func(t *testing.T, text string, pattern []byte, files bool) {
		var vers []Version
		start := time.Now()
		if files {
			for i, part := range strings.Split(text, "\f") {
				name := "f" + string(rune('a'+i%26)) + ".txt"
				paras := labelled(part, name, pattern)
				if len(paras) == 0 {
					continue
				}
				vers = append(vers, Version{Lang: MajorityLang(paras), File: name, Paras: paras})
			}
		} else {
			paras := labelled(text, "f.txt", pattern)
			if len(paras) == 0 {
				return
			}
			vers = SplitVersions("f.txt", paras)
		}
		outlines := Outlines(vers)
		rows := AlignSections(outlines)
		inTime(t, start, "Outlines and AlignSections")
		if len(outlines) != len(vers) {
			t.Fatalf("%d outlines for %d versions", len(outlines), len(vers))
		}
		for v, o := range outlines {
			if len(o.Paras) != len(vers[v].Paras) {
				t.Fatalf("outline %d holds %d paragraphs, its version %d", v, len(o.Paras), len(vers[v].Paras))
			}
			checkOutline(t, o)
		}
		checkRows(t, outlines, rows)
		langs := make([]corpus.Lang, len(vers))
		for v := range vers {
			langs[v] = vers[v].Lang
		}
		if pv := PivotVersion(rows, len(vers)); pv < 0 || pv >= max(1, len(vers)) {
			t.Fatalf("PivotVersion = %d for %d versions", pv, len(vers))
		}
		Coverage(rows, langs, CoverageOptions{})
	})
}

// FuzzAlignUnits aligns two fuzzed lists of units (lines of the two
// strings; at most 300 a side, to keep an input fast) and checks the
// contract of AlignUnits: every index exactly once, in order, beads no
// larger than MaxSpan a side, scores in [0, 1], and the same result when
// run again.
func FuzzAlignUnits(f *testing.F) {
	read := func(p string) string {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		return string(data[:min(len(data), 3000)])
	}
	en, de := read("../testdata/udhr-nltk/en.txt"), read("../testdata/udhr-nltk/de.txt")
	f.Add(en, de, uint8(0), false)
	f.Add(en, "", uint8(2), false)
	f.Add("a\nb\nc", "a b\nc", uint8(3), true)
	f.Add("1. One.\n2. Two.\n3. Three.", "1. Eins.\n\n3. Drei.", uint8(4), false)
	f.Add("\n\n\n", "x", uint8(9), false)
	f.Add("Basta.\nDer Weg war weit, und es wurde bald dunkel.", "La route était longue, et il fit bientôt nuit.", uint8(0x80), false)
	f.Fuzz(func(t *testing.T, a, b string, span uint8, noLex bool) {
		src, tgt := fuzzUnits(a), fuzzUnits(b)
		// span's high bit asks for Omissions
		opts := BeadOptions{MaxSpan: int(span & 0x7f % 6), NoLexicon: noLex, Omissions: span&0x80 != 0}
		start := time.Now()
		beads := AlignUnits(src, tgt, opts)
		inTime(t, start, "AlignUnits")
		maxSpan, fan := min(opts.MaxSpan, 4), min(opts.MaxSpan, 4)
		if opts.MaxSpan == 0 {
			maxSpan, fan = defaultBeadModel().maxSpan, defaultBeadModel().fan
		}
		var ns, nt int
		for k, bd := range beads {
			if len(bd.Src) == 0 && len(bd.Tgt) == 0 {
				t.Fatalf("bead %d is empty", k)
			}
			a, b := len(bd.Src), len(bd.Tgt)
			if max(a, b) > fan || min(a, b) > 1 && max(a, b) > maxSpan {
				t.Fatalf("bead %d is %d:%d, MaxSpan %d (1:%d)", k, a, b, maxSpan, fan)
			}
			if math.IsNaN(bd.Score) || bd.Score < 0 || bd.Score > 1 {
				t.Fatalf("bead %d: score %v", k, bd.Score)
			}
			for _, i := range bd.Src {
				if i != ns {
					t.Fatalf("bead %d: source index %d, want %d", k, i, ns)
				}
				ns++
			}
			for _, j := range bd.Tgt {
				if j != nt {
					t.Fatalf("bead %d: target index %d, want %d", k, j, nt)
				}
				nt++
			}
		}
		if ns != len(src) || nt != len(tgt) {
			t.Fatalf("beads cover %d of %d source and %d of %d target units", ns, len(src), nt, len(tgt))
		}
		again := AlignUnits(src, tgt, opts)
		if len(again) != len(beads) {
			t.Fatalf("second run: %d beads, first %d", len(again), len(beads))
		}
		for k := range beads {
			if !slices.Equal(beads[k].Src, again[k].Src) || !slices.Equal(beads[k].Tgt, again[k].Tgt) || beads[k].Score != again[k].Score {
				t.Fatalf("second run differs at bead %d: %+v, first %+v", k, again[k], beads[k])
			}
		}
	})
}

// fuzzUnits cuts fuzz text into at most 300 units, one per line.
func fuzzUnits(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	return lines[:min(len(lines), 300)]
}
