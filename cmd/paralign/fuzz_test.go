package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// fuzzLabels are the labels a pattern byte selects.
var fuzzLabels = []corpus.Lang{"en", "ru", "es", "de", corpus.Und, corpus.NoLang}

// fuzzJob reads fuzzed inputs (one, or several cut at form feeds) as the
// command does and labels paragraph i of each with
// fuzzLabels[pattern[i mod len(pattern)]]: the writers are fuzzed without
// loading a language model. It returns nil when the inputs are not text.
func fuzzJob(data, pattern []byte, files bool) *job {
	parts := [][]byte{data}
	if files {
		parts = bytes.Split(data, []byte("\f"))
	}
	j := &job{langs: []corpus.Lang{"en", "ru", "es", "de"}}
	for i, part := range parts {
		name := fmt.Sprintf("f%d.txt", i)
		doc, err := corpus.ReadBytes(part, name, corpus.ReadOptions{})
		if err != nil {
			return nil
		}
		for k := range doc.Paragraphs {
			l := corpus.Lang("en")
			if len(pattern) > 0 {
				l = fuzzLabels[int(pattern[k%len(pattern)])%len(fuzzLabels)]
			}
			p := &doc.Paragraphs[k]
			p.Lang = l
			if l.IsLanguage() {
				p.Conf, p.Langs = 0.5, []corpus.Lang{l}
			}
		}
		j.docs = append(j.docs, doc)
		j.srcs = append(j.srcs, source{path: name})
	}
	return j
}

// jsonlRow is what the lossless check reads of a JSONL row.
type jsonlRow struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Cells map[string]struct {
		Text       string `json:"text"`
		Paragraphs []struct {
			File  string `json:"file"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		} `json:"paragraphs"`
	} `json:"cells"`
}

// checkLossless asserts the JSONL promise: every paragraph of every
// version, byte for byte, once and in order. A paragraph cut into
// sentences (--by sentence) may spread over consecutive rows; its pieces
// joined give it back.
func checkLossless(t *testing.T, out string, vers []align.Version) []jsonlRow {
	t.Helper()
	type piece struct {
		file       string
		start, end int
		text       string
	}
	got := map[string][]piece{}
	var rows []jsonlRow
	for n, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" && out == "" {
			break
		}
		var r jsonlRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("JSONL line %d does not parse: %v\n%s", n+1, err, line)
		}
		if r.ID == "" || len(r.Cells) == 0 {
			t.Fatalf("JSONL line %d: no id or no cells: %s", n+1, line)
		}
		rows = append(rows, r)
		for lang, c := range r.Cells {
			if len(c.Paragraphs) == 0 {
				t.Fatalf("JSONL line %d: cell %s without paragraphs", n+1, lang)
			}
			for _, p := range c.Paragraphs {
				ps := got[lang]
				if k := len(ps) - 1; k >= 0 && ps[k].file == p.File && ps[k].start == p.Start {
					ps[k].text += p.Text
					continue
				}
				got[lang] = append(ps, piece{p.File, p.Start, p.End, p.Text})
			}
		}
	}
	for _, v := range vers {
		ps := got[v.Lang.String()]
		if len(ps) != len(v.Paras) {
			t.Fatalf("%s: JSONL holds %d paragraphs, the version %d", v.Lang, len(ps), len(v.Paras))
		}
		for k, p := range v.Paras {
			if ps[k].file != p.File || ps[k].start != p.Start || ps[k].end != p.End || ps[k].text != p.Text {
				t.Fatalf("%s: JSONL paragraph %d is %s:%d-%d %q, want %s:%d-%d %q", v.Lang, k, ps[k].file, ps[k].start, ps[k].end, ps[k].text, p.File, p.Start, p.End, p.Text)
			}
		}
	}
	return rows
}

// checkTSV asserts the TSV form: a header of id and the version
// languages, then one line per row with one field per column, the same
// ids and cell texts as the JSONL rows.
func checkTSV(t *testing.T, out string, vers []align.Version, rows []jsonlRow) {
	t.Helper()
	if strings.Contains(out, "\r") {
		t.Fatalf("TSV holds a CR")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	head := []string{"id"}
	for _, v := range vers {
		head = append(head, v.Lang.String())
	}
	if lines[0] != strings.Join(head, "\t") {
		t.Fatalf("TSV header %q, want %q", lines[0], strings.Join(head, "\t"))
	}
	if len(lines)-1 != len(rows) {
		t.Fatalf("TSV has %d rows, JSONL %d", len(lines)-1, len(rows))
	}
	for k, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != len(head) {
			t.Fatalf("TSV row %d has %d fields, want %d: %q", k+1, len(f), len(head), line)
		}
		if f[0] != rows[k].ID {
			t.Fatalf("TSV row %d id %q, JSONL %q", k+1, f[0], rows[k].ID)
		}
		for i, v := range vers {
			if want := rows[k].Cells[v.Lang.String()].Text; f[i+1] != want {
				t.Fatalf("TSV row %d (%s) %s cell %q, JSONL %q", k+1, f[0], v.Lang, f[i+1], want)
			}
		}
	}
}

// FuzzWriters runs align's pipeline after reading and labelling (versions,
// outlines, rows, refinement by paragraph or sentence) and both writers
// on fuzzed input: JSONL lines parse and hold every paragraph once, in
// order, byte for byte; TSV has the header, a field per column, no tab or
// newline inside a cell, and the same rows.
func FuzzWriters(f *testing.F) {
	for _, name := range []string{"charter/combined.txt", "kazakhstan-2022/combined.txt", "blog-mixed-en-de/doc.txt"} {
		data, err := os.ReadFile(filepath.Join("../../testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 4000)], []byte{0, 0, 0, 1, 1, 1, 2, 2, 2}, uint8(0), false)
		f.Add(data[:min(len(data), 2000)], []byte{0, 4, 1, 5, 2, 3}, uint8(2), false)
	}
	f.Add([]byte("1. One.\n\n2. Two.\f1. Eins.\f1. Uno.\n\n2. Dos."), []byte{0}, uint8(1), true)
	f.Add([]byte("1. One.\n\n2. Two.\f1. Eins.\f1. Uno.\n\n2. Dos."), []byte{0, 3, 2}, uint8(2), true)
	f.Add([]byte("Title\tx\r\n\r\n1. A\u00a0b\u2028c\n\n2. \ufeffB. C. D!"), []byte{0, 1}, uint8(2), false)
	f.Add([]byte("\xff\xfe1\x00.\x00 \x00A\x00"), []byte{2}, uint8(0), false)
	f.Fuzz(func(t *testing.T, data, pattern []byte, by uint8, files bool) {
		j := fuzzJob(data, pattern, files)
		if j == nil {
			return
		}
		vers, err := j.versions()
		if err != nil {
			return // no language, or two versions of one: an error for the user, not output
		}
		unit := align.Unit(by % 3)
		rows := align.AlignSections(align.Outlines(vers))
		if unit != align.BySection {
			rows = align.Refine(rows, unit, align.RefineOptions{Pivot: align.PivotVersion(rows, len(vers)), Langs: versionLangs(vers)})
		}
		var jsonl, tsv bytes.Buffer
		if err := align.WriteJSONL(&jsonl, vers, rows, unit != align.BySection); err != nil {
			t.Fatal(err)
		}
		if err := writeRowsTSV(&tsv, vers, rows); err != nil {
			t.Fatal(err)
		}
		got := checkLossless(t, jsonl.String(), vers)
		checkTSV(t, tsv.String(), vers, got)
	})
}
