package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// trickyTSV is a table whose cells a spreadsheet would take for
// something else: ids and text that look like dates, numbers, booleans
// and formulas, a leading apostrophe, quotes and commas, Cyrillic, an
// empty cell (issue 13: LibreOffice made 1/1 a date and section ids
// numbers).
const trickyTSV = "id\ten\tru\n" +
	"title\t=HYPERLINK(\"http://example.com/x\",\"click\")\tЗаголовок, \"в кавычках\"\n" +
	"1/1\t1/2\t2024-01-01\n" +
	"1/2\t007\t1e5\n" +
	"2+1\tTRUE\t'apostrophe\n" +
	"3\t-2+3\t\n" +
	"4\t@SUM(A1:A9)\t+7 (495) 123-45-67\n"

// runCode runs paralign in-process and returns its exit code, standard
// output and standard error.
func runCode(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// xlsxTable reads the cells of a workbook's sheet, each row as wide as
// the header.
func xlsxTable(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open %s: %v", path, err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("%s: sheet %s: %v", path, sheet, err)
	}
	for k := range rows {
		for len(rows[k]) < len(rows[0]) {
			rows[k] = append(rows[k], "")
		}
	}
	return rows
}

// checkXLSXCells asserts what a spreadsheet needs to show every cell as
// the text it is: a string cell (never a number, date or formula) in a
// text-formatted style, the header row frozen.
func checkXLSXCells(t *testing.T, path, sheet string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v == "" {
				continue
			}
			typ, err := f.GetCellType(sheet, ref)
			if err != nil || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
				t.Errorf("%s!%s %.30q: cell type %v (%v), want a string", sheet, ref, v, typ, err)
			}
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s!%s: a formula %q", sheet, ref, formula)
			}
			id, _ := f.GetCellStyle(sheet, ref)
			if st, err := f.GetStyle(id); err != nil || st.NumFmt != xlsxTextFormat {
				t.Errorf("%s!%s: number format %v (%v), want %d (text)", sheet, ref, st.NumFmt, err, xlsxTextFormat)
			}
		}
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("%s: panes %+v (%v), want the header row frozen", sheet, panes, err)
	}
}

// TestXLSX reads align's and compare's workbooks back with excelize:
// every cell as in the TSV, typed as text.
func TestXLSX(t *testing.T) {
	seed := "../../testdata/kazakhstan-2022/combined.txt"
	dir := t.TempDir()

	t.Run("align", func(t *testing.T) {
		want := tsvTable(runCLI(t, "align", "--by", "sentence", seed))
		path := filepath.Join(dir, "align.xlsx")
		runCLI(t, "align", "--by", "sentence", "--format", "xlsx", "-o", path, seed)
		if diff := cmp.Diff(want, xlsxTable(t, path, "aligned")); diff != "" {
			t.Errorf("xlsx and TSV mismatch (-tsv +xlsx):\n%s", diff)
		}
		checkXLSXCells(t, path, "aligned")
	})

	t.Run("compare", func(t *testing.T) {
		path := filepath.Join(dir, "compare.xlsx")
		if code, _, stderr := runCode("compare", "--fail-on", "none", "--format", "xlsx", "-o", path, seed); code != 0 {
			t.Fatalf("compare: exit %d: %s", code, stderr)
		}
		rows := tsvTable(runCLI(t, "align", seed))
		findings := tsvTable(runCLI(t, "compare", "--fail-on", "none", "--format", "tsv", seed))
		if len(findings) < 2 {
			t.Fatalf("compare found nothing in %s: the test has lost its input", seed)
		}
		if diff := cmp.Diff(rows, xlsxTable(t, path, "aligned")); diff != "" {
			t.Errorf("aligned sheet and align's TSV mismatch (-tsv +xlsx):\n%s", diff)
		}
		if diff := cmp.Diff(findings, xlsxTable(t, path, "findings")); diff != "" {
			t.Errorf("findings sheet and compare's TSV mismatch (-tsv +xlsx):\n%s", diff)
		}
		checkXLSXCells(t, path, "aligned")
		checkXLSXCells(t, path, "findings")
	})

	t.Run("tricky", func(t *testing.T) {
		in := filepath.Join(dir, "tricky.tsv")
		if err := os.WriteFile(in, []byte(trickyTSV), 0o644); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "tricky.xlsx")
		runCLI(t, "convert", "--format", "xlsx", "-o", path, in)
		if diff := cmp.Diff(tsvTable(trickyTSV), xlsxTable(t, path, "aligned")); diff != "" {
			t.Errorf("xlsx and TSV mismatch (-tsv +xlsx):\n%s", diff)
		}
		checkXLSXCells(t, path, "aligned")
	})

	t.Run("too long", func(t *testing.T) {
		long := strings.Repeat("Слово ", excelize.TotalCellChars/6+1)
		in := filepath.Join(dir, "long.tsv")
		if err := os.WriteFile(in, []byte("id\ten\tru\n1\tshort\t"+long+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "long.xlsx")
		code, _, stderr := runCode("convert", "--format", "xlsx", "-o", out, in)
		if code != exitFail || !strings.Contains(stderr, "aligned!C2 (row 1, ru)") {
			t.Errorf("a cell over %d characters: exit %d, %q; want 1 naming aligned!C2", excelize.TotalCellChars, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("a failed run left %s", out)
		}
	})
}

// TestConvertRoundTrip converts a table to every format convert reads
// and from each to every other: the cells come back unchanged.
func TestConvertRoundTrip(t *testing.T) {
	formats := []string{"tsv", "csv", "jsonl", "xlsx"}
	seed := runCLI(t, "align", "--by", "sentence", "../../testdata/kazakhstan-2022/combined.txt")
	for _, tc := range []struct{ name, tsv string }{{"seed", seed}, {"tricky", trickyTSV}} {
		dir := t.TempDir()
		base := filepath.Join(dir, "base.tsv")
		if err := os.WriteFile(base, []byte(tc.tsv), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, from := range formats {
			src := filepath.Join(dir, "src."+from)
			runCLI(t, "convert", "--format", from, "-o", src, base)
			for _, to := range formats {
				t.Run(tc.name+"/"+from+"-"+to, func(t *testing.T) {
					dst := filepath.Join(dir, from+"-to."+to)
					runCLI(t, "convert", "--format", to, "-o", dst, src)
					back := runCLI(t, "convert", dst)
					if diff := cmp.Diff(tsvTable(tc.tsv), tsvTable(back)); diff != "" {
						t.Errorf("%s → %s → tsv mismatch (-want +got):\n%s", from, to, diff)
					}
				})
			}
		}
	}
}

// TestConvertJSONLLossless: align's JSONL through convert is the same
// JSONL, byte for byte: paragraphs, lines, confidences and scores kept.
func TestConvertJSONLLossless(t *testing.T) {
	for _, by := range []string{"section", "sentence"} {
		t.Run(by, func(t *testing.T) {
			want := runCLI(t, "align", "--by", by, "--format", "jsonl", "../../testdata/kazakhstan-2022/combined.txt")
			path := filepath.Join(t.TempDir(), "a.jsonl")
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, runCLI(t, "convert", "--format", "jsonl", path)); diff != "" {
				t.Errorf("convert --format jsonl mismatch (-align +convert):\n%s", diff)
			}
		})
	}
}

// TestConvertEdited: rows moved and cells changed in a spreadsheet are
// what convert writes.
func TestConvertEdited(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.tsv")
	if err := os.WriteFile(base, []byte(trickyTSV), 0o644); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "book.xlsx")
	runCLI(t, "convert", "--format", "xlsx", "-o", book, base)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	// a reviewer moves row 1/2's ru cell up to row 1/1 and rewrites a cell
	for _, set := range []struct{ ref, value string }{{"C3", "1e5"}, {"C4", ""}, {"B6", "minus two plus three"}} {
		if err := f.SetCellStr("aligned", set.ref, set.value); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want := tsvTable(trickyTSV)
	want[2][2], want[3][2], want[5][1] = "1e5", "", "minus two plus three"
	if diff := cmp.Diff(want, tsvTable(runCLI(t, "convert", book))); diff != "" {
		t.Errorf("edited workbook mismatch (-want +got):\n%s", diff)
	}
}

// TestConvertErrors: a malformed table is an error naming its line, or
// its sheet and cell, exit 1; a wrong command line exit 2.
func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	book := func(name string, rows [][]string) string {
		f := excelize.NewFile()
		defer f.Close()
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				f.SetCellStr("Sheet1", ref, v)
			}
		}
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"detect output", []string{write("d.tsv", "file\tstart\tend\tlang\tconf\ttext\n")}, exitFail, `d.tsv:1: column 1: header "file", want "id"`},
		{"unknown language", []string{write("l.tsv", "id\ten\txx\n")}, exitFail, `l.tsv:1: column 3: header "xx" is no language code`},
		{"language twice", []string{write("t.csv", "id,en,en\r\n")}, exitFail, "t.csv:1: column 3: language en has two columns"},
		{"batch table", []string{write("b.tsv", "doc\tid\ten\n")}, exitFail, `b.tsv:1: column 1: a table of several documents`},
		{"cell too many", []string{write("m.tsv", "id\ten\tru\n1\ta\tb\n\n2\ta\tb\tc\n")}, exitFail, "m.tsv:4: column 4: 4 cells, more than the header's 3"},
		{"cell too few", []string{write("f.tsv", "id\ten\tru\n1\ta\n")}, exitFail, "f.tsv:2: 2 cells, fewer than the header's 3"},
		{"empty id", []string{write("e.csv", "\ufeffid,en\r\n1,a\r\n,b\r\n")}, exitFail, "e.csv:3: column 1 (id): empty id"},
		{"bad quote", []string{write("q.csv", "id,en\n1,\"a\"b\n")}, exitFail, `q.csv:2: column 5: extraneous or missing " in quoted-field`},
		{"empty", []string{write("z.tsv", "")}, exitFail, "z.tsv: empty: no header"},
		{"xlsx header", []string{book("h.xlsx", [][]string{{"ID?", "en"}})}, exitFail, `h.xlsx: Sheet1!A1: header "ID?", want "id"`},
		{"xlsx cell", []string{book("c.xlsx", [][]string{{"id", "en"}, {"1", "a"}, {}, {"2", "b", "stray"}})}, exitFail, "c.xlsx: Sheet1!C4: 3 cells, more than the header's 2"},
		{"xlsx id", []string{book("i.xlsx", [][]string{{"id", "en", "de"}, {"", "a", "b"}})}, exitFail, "i.xlsx: Sheet1!A2 (id): empty id"},
		{"not xlsx", []string{write("n.xlsx", "PK\x03\x04 broken")}, exitFail, "n.xlsx: not an xlsx workbook"},
		{"jsonl syntax", []string{write("j.jsonl", `{"id":"1","cells":{"en":{"text":"a"}}}`+"\n"+`{"id":"2","cells":`+"\n")}, exitFail, "j.jsonl:2: not a row of align --format jsonl"},
		{"jsonl kind", []string{write("k.jsonl", `{"id":"1","kind":"chapter","cells":{}}`+"\n")}, exitFail, `k.jsonl:1: unknown section kind "chapter"`},
		{"jsonl text edited", []string{write("p.jsonl", `{"id":"1","cells":{"en":{"text":"edited","paragraphs":[{"file":"a","start":1,"end":1,"lang":"en","conf":1,"text":"original"}]}}}`+"\n")}, exitFail, "p.jsonl:1: cell en: its text is not its paragraphs'"},
		{"jsonl language", []string{write("g.jsonl", `{"id":"1","cells":{"english":{"text":"a"}}}`+"\n")}, exitFail, `g.jsonl:1: cells: "english" is no language code`},
		{"two files", []string{"a.tsv", "b.tsv"}, exitUsage, "convert reads one table; got 2 files"},
		{"moses to stdout", []string{"--format", "moses", "a.tsv"}, exitUsage, "name their prefix with -o PREFIX"},
		{"csv-safe", []string{"--csv-safe", "a.tsv"}, exitUsage, "--csv-safe wants --format csv"},
		{"no file", []string{filepath.Join(dir, "missing.tsv")}, exitFail, "missing.tsv: no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCode(append([]string{"convert"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("convert %q: exit %d, stderr %q; want exit %d, %q", tc.args, code, stderr, tc.code, tc.want)
			}
			if stdout != "" {
				t.Errorf("convert %q wrote %q to standard output", tc.args, stdout)
			}
		})
	}
}

// FuzzReadTable: any bytes read as a table either fail with an error or
// give a table that every format writes and reads back with the same
// cells; never a panic.
func FuzzReadTable(f *testing.F) {
	f.Add([]byte(trickyTSV))
	f.Add([]byte("\ufeffid,en,ru\r\n1,\"a, \"\"b\"\"\",в\r\n"))
	f.Add([]byte(`{"id":"1/1","kind":"section","score":0.5,"cells":{"en":{"text":"a b","paragraphs":[{"file":"x","start":1,"end":2,"lang":"en","conf":0.9,"text":"a\nb"}]}}}` + "\n"))
	f.Add([]byte("id\ten\n\n1\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := readTable("in", data)
		if err != nil {
			return
		}
		want := tableRecords(tab.vers, tab.rows)
		for _, format := range []string{"tsv", "csv", "jsonl", "xlsx"} {
			var b bytes.Buffer
			if err := tab.write(&b, format, 0, csvOptions{bom: true}); err != nil {
				if format == "xlsx" && strings.Contains(err.Error(), "a spreadsheet cell holds") {
					continue
				}
				t.Fatalf("%s: %v", format, err)
			}
			want := want
			if format == "jsonl" {
				// JSONL has cells only where there is text: a language
				// without any has no column, a table without any no row
				if want = textColumns(want); len(want[0]) == 1 {
					continue
				}
			}
			back, err := readTable("out."+format, b.Bytes())
			if err != nil {
				t.Fatalf("%s written does not read back: %v\n%q", format, err, b.String())
			}
			if diff := cmp.Diff(want, tableRecords(back.vers, back.rows)); diff != "" {
				t.Fatalf("%s round trip mismatch (-want +got):\n%s", format, diff)
			}
		}
	})
}

// textColumns returns the records without the language columns that
// have no text.
func textColumns(recs [][]string) [][]string {
	keep := []int{0}
	for c := 1; c < len(recs[0]); c++ {
		if slices.ContainsFunc(recs[1:], func(rec []string) bool { return rec[c] != "" }) {
			keep = append(keep, c)
		}
	}
	out := make([][]string, len(recs))
	for r, rec := range recs {
		for _, c := range keep {
			out[r] = append(out[r], rec[c])
		}
	}
	return out
}
