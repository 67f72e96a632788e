package main

import (
	"encoding/csv"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tsvTable splits TSV output into rows of cells.
func tsvTable(out string) [][]string {
	var rows [][]string
	for line := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// TestFormats: CSV and TMX say what TSV says, each in its own way,
// on the seed statement by sentence.
func TestFormats(t *testing.T) {
	seed := "../../testdata/kazakhstan-2022/combined.txt"
	table := tsvTable(runCLI(t, "align", "--by", "sentence", seed))
	langs := table[0][1:]

	t.Run("csv", func(t *testing.T) {
		for _, bom := range []bool{true, false} {
			out := runCLI(t, "align", "--by", "sentence", "--format", "csv", "--bom="+strconv.FormatBool(bom), seed)
			body, hasBOM := strings.CutPrefix(out, utf8BOM)
			if hasBOM != bom {
				t.Errorf("--bom=%v: output starts with the BOM: %v", bom, hasBOM)
			}
			if n, crlf := strings.Count(body, "\n"), strings.Count(body, "\r\n"); n != crlf || n != len(table) {
				t.Errorf("--bom=%v: %d line ends, %d of them CRLF; want %d, all CRLF (RFC 4180)", bom, n, crlf, len(table))
			}
			got, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatalf("the CSV does not parse: %v", err)
			}
			if diff := cmp.Diff(table, got); diff != "" {
				t.Errorf("CSV and TSV mismatch (-tsv +csv):\n%s", diff)
			}
		}
	})

	t.Run("tmx", func(t *testing.T) {
		var doc struct {
			Version string `xml:"version,attr"`
			Header  struct {
				SrcLang string `xml:"srclang,attr"`
				SegType string `xml:"segtype,attr"`
			} `xml:"header"`
			Units []struct {
				ID   string `xml:"tuid,attr"`
				TUVs []struct {
					Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
					Seg  string `xml:"seg"`
				} `xml:"tuv"`
			} `xml:"body>tu"`
		}
		if err := xml.Unmarshal([]byte(runCLI(t, "align", "--by", "sentence", "--format", "tmx", seed)), &doc); err != nil {
			t.Fatalf("the TMX does not parse: %v", err)
		}
		if doc.Version != "1.4" || doc.Header.SrcLang != "en" || doc.Header.SegType != "sentence" {
			t.Errorf("tmx version %q, srclang %q, segtype %q; want 1.4, en, sentence", doc.Version, doc.Header.SrcLang, doc.Header.SegType)
		}
		// one unit per row with two or more cells, the cells as in TSV
		var want, got [][]string
		for _, r := range table[1:] {
			var tuv []string
			for k, c := range r[1:] {
				if c != "" {
					tuv = append(tuv, langs[k]+":"+c)
				}
			}
			if len(tuv) >= 2 {
				want = append(want, append([]string{r[0]}, tuv...))
			}
		}
		for _, u := range doc.Units {
			row := []string{u.ID}
			for _, v := range u.TUVs {
				row = append(row, v.Lang+":"+v.Seg)
			}
			got = append(got, row)
		}
		if len(want) < 10 {
			t.Fatalf("only %d rows with two languages: the test has lost its input", len(want))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("TMX units mismatch (-want +got):\n%s", diff)
		}
	})
}
