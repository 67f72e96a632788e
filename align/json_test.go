package align

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
)

// TestWriteJSONL checks WriteJSONL's rows against what they hold: valid
// JSON a line, keys in order (id, kind, score, cells; cells in the
// versions' order, empty ones left out), each cell's text its Text (the
// paragraphs joined and cleaned, though written a paragraph at a time),
// each paragraph's text and place as read, and <, > and & unescaped.
func TestWriteJSONL(t *testing.T) {
	para := func(text string, start int) corpus.Paragraph {
		return corpus.Paragraph{File: "f.txt", Start: start, End: start + strings.Count(text, "\n"), Text: text,
			Label: corpus.Label{Lang: "en", Conf: 0.75}}
	}
	vers := []Version{{Lang: "en"}, {Lang: "ru"}, {Lang: "de"}}
	rows := []Row{
		{ID: "1", Kind: Numbered, Score: 0.12345, Cells: []Cell{
			{Paras: []corpus.Paragraph{para("He said \"<b>&</b>\" \\ back\tslash\nand\u2028more ", 1), para("  \n ", 3), para("\xffbad\u200b byte", 4), para("\u0301mark", 5)}},
			{},
			{Paras: []corpus.Paragraph{para("Zwei Sätze. Noch einer.", 9)}, Spans: []ParaSpan{{Para: 0, Start: 13, End: 24}}},
		}},
		{ID: "1+1", Kind: Unnumbered, Cells: []Cell{{}, {Paras: []corpus.Paragraph{para("Один.", 2)}}, {}}},
		{ID: "2", Kind: Numbered, Score: 1, Cells: []Cell{{}, {}, {}}},
	}
	for _, scored := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteJSONL(&b, vers, rows, scored); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if len(lines) != len(rows) {
			t.Fatalf("%d lines for %d rows:\n%s", len(lines), len(rows), b.String())
		}
		for i, line := range lines {
			var got struct {
				ID    string   `json:"id"`
				Kind  string   `json:"kind"`
				Score *float64 `json:"score"`
				Cells map[string]struct {
					Text       string          `json:"text"`
					Paragraphs []JSONParagraph `json:"paragraphs"`
				} `json:"cells"`
			}
			if err := json.Unmarshal([]byte(line), &got); err != nil {
				t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
			}
			r := rows[i]
			if got.ID != r.ID || got.Kind != r.Kind.String() || (got.Score != nil) != scored {
				t.Errorf("line %d: id %q kind %q score %v, want %q %q and a score: %v", i+1, got.ID, got.Kind, got.Score, r.ID, r.Kind, scored)
			}
			if want := math.Round(r.Score*1000) / 1000; scored && got.Score != nil && *got.Score != want {
				t.Errorf("line %d: score %v, want %v", i+1, *got.Score, want)
			}
			if got.Cells == nil {
				t.Errorf("line %d: no cells object: %s", i+1, line)
			}
			keys := []string{`"id":`, `"kind":`, `"cells":`}
			if scored {
				keys = []string{`"id":`, `"kind":`, `"score":`, `"cells":`}
			}
			last := -1
			for v, c := range r.Cells {
				key := `"` + vers[v].Lang.String() + `":{`
				cell, ok := got.Cells[vers[v].Lang.String()]
				if c.Empty() {
					if ok {
						t.Errorf("line %d: empty cell %s written", i+1, vers[v].Lang)
					}
					continue
				}
				keys = append(keys, key)
				if cell.Text != replaceInvalid(c.Text()) {
					t.Errorf("line %d, %s: text %q, want %q", i+1, vers[v].Lang, cell.Text, c.Text())
				}
				if len(cell.Paragraphs) != len(c.Paras) {
					t.Fatalf("line %d, %s: %d paragraphs, want %d", i+1, vers[v].Lang, len(cell.Paragraphs), len(c.Paras))
				}
				for k, p := range c.Paras {
					want := JSONParagraph{File: p.File, Start: p.Start, End: p.End, Lang: p.Lang, Conf: p.Conf, Text: replaceInvalid(c.ParaText(k))}
					if cell.Paragraphs[k] != want {
						t.Errorf("line %d, %s, paragraph %d: %+v, want %+v", i+1, vers[v].Lang, k, cell.Paragraphs[k], want)
					}
				}
			}
			for _, k := range keys {
				at := strings.Index(line, k)
				if at <= last {
					t.Errorf("line %d: %s not after the keys before it: %s", i+1, k, line)
				}
				last = at
			}
		}
		if !strings.Contains(b.String(), `<b>&</b>`) {
			t.Errorf("<, > or & escaped:\n%s", b.String())
		}
	}
}

// TestWriteJSONLNaN: a number JSON cannot hold is an error, and the rows
// before it are written whole.
func TestWriteJSONLNaN(t *testing.T) {
	vers := []Version{{Lang: "en"}}
	cell := func(conf float64) []Cell {
		return []Cell{{Paras: []corpus.Paragraph{{Text: strings.Repeat("word ", 2000), Label: corpus.Label{Lang: "en", Conf: conf}}}}}
	}
	rows := []Row{{ID: "1", Cells: cell(0.5)}, {ID: "2", Cells: cell(math.NaN())}}
	var b bytes.Buffer
	if err := WriteJSONL(&b, vers, rows, false); err == nil {
		t.Error("a NaN confidence written without an error")
	}
	if lines := strings.Split(b.String(), "\n"); len(lines) != 2 || !json.Valid([]byte(lines[0])) || lines[1] != "" {
		t.Errorf("want the first row whole and nothing of the second; got %d bytes in %d lines", b.Len(), len(lines))
	}
}

// replaceInvalid is s as encoding/json writes it: each byte that is not
// UTF-8 a U+FFFD.
func replaceInvalid(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}
