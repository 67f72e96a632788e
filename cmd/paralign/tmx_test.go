package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// tmxRead is a TMX file as the tests read it.
type tmxRead struct {
	Version string `xml:"version,attr"`
	Header  struct {
		CreationTool        string `xml:"creationtool,attr"`
		CreationToolVersion string `xml:"creationtoolversion,attr"`
		SegType             string `xml:"segtype,attr"`
		SrcLang             string `xml:"srclang,attr"`
	} `xml:"header"`
	Units []struct {
		ID      string `xml:"tuid,attr"`
		SrcLang string `xml:"srclang,attr"`
		TUVs    []struct {
			Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Seg  string `xml:"seg"`
		} `xml:"tuv"`
	} `xml:"body>tu"`
}

// units returns the file's units as rows: tuid, the unit's source
// language, then "lang:text" per variant in file order.
func (f tmxRead) units() [][]string {
	var out [][]string
	for _, u := range f.Units {
		src := u.SrcLang
		if src == "" {
			src = f.Header.SrcLang
		}
		row := []string{u.ID, src}
		for _, v := range u.TUVs {
			row = append(row, v.Lang+":"+v.Seg)
		}
		out = append(out, row)
	}
	return out
}

// wantTMXUnits returns the units a TMX of table's languages cols (source
// first) should hold: every row two or more of them have text in, the
// source's variant first, a unit's source its first variant's language.
// tag maps a language to its xml:lang.
func wantTMXUnits(table [][]string, cols []string, tag func(string) string) [][]string {
	head := table[0]
	var out [][]string
	for _, r := range table[1:] {
		row := []string{r[0], ""}
		for _, l := range cols {
			if c := r[slices.Index(head, l)]; c != "" {
				row = append(row, tag(l)+":"+c)
			}
		}
		if len(row) >= 4 {
			row[1], _, _ = strings.Cut(row[2], ":")
			out = append(out, row)
		}
	}
	return out
}

// TestTMX writes TMX of the fixture (en the pivot, section 5 in ru and
// de only) and checks it with every reader at hand: Go's encoding/xml,
// xmllint against the TMX 1.4b DTD and translate-toolkit, which takes a
// unit's first variant as its source.
func TestTMX(t *testing.T) {
	dir := t.TempDir()
	in := []string{"--input", "en=testdata/tmx/en.txt", "--input", "ru=testdata/tmx/ru.txt", "--input", "de=testdata/tmx/de.txt"}
	table := tsvTable(runCLI(t, append([]string{"align", "--langs", "en,ru,de"}, in...)...))
	if got := len(table); got != 6 {
		t.Fatalf("the fixture aligns to %d lines, want a header and sections 1–5:\n%q", got, table)
	}
	code := func(l string) string { return l }
	tmx := func(name string, args ...string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		out := runCLI(t, append(append([]string{"align", "--langs", "en,ru,de", "--format", "tmx"}, args...), in...)...)
		if out != "" {
			if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	pairs := filepath.Join(dir, "pairs") + string(filepath.Separator)
	tmx("", "-o", pairs)
	cases := []struct {
		name, file string
		cols       []string
		tag        func(string) string
	}{
		{"every language", tmx("all.tmx"), []string{"en", "ru", "de"}, code},
		{"--pair de,ru", tmx("de-ru.tmx", "--pair", "de,ru"), []string{"de", "ru"}, code},
		{"--locale", tmx("locale.tmx", "--locale", "en=en-US,ru=ru-RU,de=de-AT"), []string{"en", "ru", "de"},
			func(l string) string { return map[string]string{"en": "en-US", "ru": "ru-RU", "de": "de-AT"}[l] }},
		{"-o DIR: en-ru", filepath.Join(pairs, "en-ru.tmx"), []string{"en", "ru"}, code},
		{"-o DIR: en-de", filepath.Join(pairs, "en-de.tmx"), []string{"en", "de"}, code},
	}
	if _, err := os.Stat(filepath.Join(pairs, "ru-de.tmx")); err == nil {
		t.Errorf("-o DIR wrote ru-de.tmx: --pairs pivot (the default) pairs only the pivot with each language")
	}
	python := translatePython()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			var f tmxRead
			if err := xml.Unmarshal(data, &f); err != nil {
				t.Fatalf("the TMX does not parse: %v", err)
			}
			if f.Version != "1.4" || f.Header.SrcLang != tt.tag(tt.cols[0]) || f.Header.SegType != "block" ||
				f.Header.CreationTool != "paralign" || f.Header.CreationToolVersion != buildVersion() {
				t.Errorf("version %q, header %+v; want 1.4, srclang %s, segtype block, paralign %s", f.Version, f.Header, tt.tag(tt.cols[0]), buildVersion())
			}
			want := wantTMXUnits(table, tt.cols, tt.tag)
			if diff := cmp.Diff(want, f.units()); diff != "" {
				t.Errorf("units mismatch (-want +got):\n%s", diff)
			}
			for _, u := range f.Units {
				if u.SrcLang == f.Header.SrcLang {
					t.Errorf("unit %s repeats the header's srclang %s", u.ID, u.SrcLang)
				}
			}
			if bin, err := exec.LookPath("xmllint"); err == nil {
				if out, err := exec.Command(bin, "--noout", "--dtdvalid", "testdata/tmx/tmx14.dtd", tt.file).CombinedOutput(); err != nil {
					t.Errorf("xmllint: not valid TMX 1.4: %v\n%s", err, out)
				}
			} else {
				t.Log("no xmllint: the DTD is not checked")
			}
			if python == "" {
				t.Log("no translate-toolkit: not read back")
				return
			}
			// translate-toolkit: a unit's source is its first variant,
			// its target the second
			var wantTT [][]string
			for _, u := range want {
				wantTT = append(wantTT, []string{u[0], u[2], u[3]})
			}
			if diff := cmp.Diff(wantTT, readTranslateToolkit(t, python, tt.file)); diff != "" {
				t.Errorf("translate-toolkit reads (-want +got):\n%s", diff)
			}
		})
	}
}

// translatePython returns a Python that imports translate-toolkit
// (Debian's python3-translate), "" when there is none.
func translatePython() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import translate.storage.tmx").Run() == nil {
			return p
		}
	}
	return ""
}

// readTranslateToolkit reads a TMX with translate-toolkit and returns per
// unit its id, then "lang:text" of its source and of its target.
func readTranslateToolkit(t *testing.T, python, file string) [][]string {
	t.Helper()
	const script = `
import json, sys
from translate.storage import tmx
from translate.misc.xml_helpers import getXMLlang
for u in tmx.tmxfile.parsefile(sys.argv[1]).units:
    nodes = u.getlanguageNodes()
    print(json.dumps([u.getid(), getXMLlang(nodes[0]) + ":" + u.source, getXMLlang(nodes[1]) + ":" + u.target]))
`
	out, err := exec.Command(python, "-c", script, file).Output()
	if err != nil {
		t.Fatalf("translate-toolkit cannot read %s: %v", file, err)
	}
	var got [][]string
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		var u []string
		if err := json.Unmarshal([]byte(line), &u); err != nil {
			t.Fatalf("translate-toolkit's reading %q: %v", line, err)
		}
		got = append(got, u)
	}
	return got
}

// FuzzTMX writes rows of arbitrary text and checks what any TMX reader
// relies on: the file parses, every unit has two or more variants and
// lists its source first, and each segment holds its cell's text (as
// encoding/xml writes it: a character XML cannot hold becomes U+FFFD).
func FuzzTMX(f *testing.F) {
	f.Add("1. One.", "", "1. Eins.", uint8(0))
	f.Add("", "Два <b>&amp;</b>", "zwei\x00\x0b]]>", uint8(1))
	f.Add("a\u2028b", "\xff\xfe", "", uint8(2))
	f.Fuzz(func(t *testing.T, en, ru, de string, src uint8) {
		vers := []align.Version{{Lang: "en"}, {Lang: "ru"}, {Lang: "de"}}
		cell := func(s string) align.Cell {
			if s == "" {
				return align.Cell{}
			}
			return align.Cell{Paras: []corpus.Paragraph{{Text: s}}}
		}
		row := align.Row{ID: "1", Cells: []align.Cell{cell(en), cell(ru), cell(de)}}
		spec := tmxSpec{unit: align.BySentence, cols: tmxCols(int(src%3), []int{0, 1, 2})}
		var b bytes.Buffer
		if err := writeRowsTMX(&b, vers, []align.Row{row}, spec); err != nil {
			t.Fatal(err)
		}
		var doc tmxRead
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("the TMX does not parse: %v\n%s", err, b.String())
		}
		var want []string
		for _, v := range spec.cols {
			if c := row.Cells[v]; !c.Empty() {
				want = append(want, vers[v].Lang.String()+":"+xmlText(c.Text()))
			}
		}
		if len(want) < 2 {
			if len(doc.Units) != 0 {
				t.Errorf("a row with %d languages made %d units", len(want), len(doc.Units))
			}
			return
		}
		if len(doc.Units) != 1 {
			t.Fatalf("%d units, want 1", len(doc.Units))
		}
		got := doc.units()[0]
		if src, _, _ := strings.Cut(got[2], ":"); got[1] != src {
			t.Errorf("the unit's source is %s, its first variant %s", got[1], src)
		}
		if diff := cmp.Diff(want, got[2:]); diff != "" {
			t.Errorf("segments mismatch (-want +got):\n%s", diff)
		}
	})
}

// xmlText is text as it reads back from XML that encoding/xml wrote: a
// rune XML 1.0 cannot hold is U+FFFD, a carriage return a newline's
// reading aside.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			b.WriteRune(r)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
