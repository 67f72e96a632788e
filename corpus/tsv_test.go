package corpus

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCellText(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   string
		reason string
	}{
		{name: "runs of white space", text: " 1.\u00a0\u00a0At\tthe\n\nend \u2028", want: "1. At the end"},
		{name: "controls", text: "a\x00b\x7fc\u0085d", want: "a b c d"},
		{name: "stray marks", text: "\ufeffa\u200bb", want: "ab"},
		{name: "NFC", text: "Cafe\u0301", want: "Café"},
		{
			name: "NFC after a dropped zero-width space", text: "Cafe\u200b\u0301", want: "Café",
			reason: "FuzzTSVWriter: the mark was left apart from its letter, and CellText of the cell changed it again",
		},
		{name: "invalid UTF-8", text: "caf\xe9", want: "caf\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CellText(tt.text); got != tt.want {
				t.Errorf("CellText(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestIsCell: text CellText returns as it is, without a copy, is the
// text it would make of it.
func TestIsCell(t *testing.T) {
	cells := 0
	for _, text := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "caf\xe9", "x\ufffd", "Cafe\u0301", "Café",
		"\ufeffa", "a\u200b", "a\x00", "1. At the end", "Статья 5. Все люди", "a\u2028b", "a\u0085",
	} {
		want := cellText(text)
		if isCell(text) {
			cells++
			if want != text {
				t.Errorf("isCell(%q), but CellText makes %q of it", text, want)
			}
		} else if want == text && text != "" {
			t.Logf("%q: not taken as a cell, CellText leaves it", text)
		}
		if got := CellText(text); got != want {
			t.Errorf("CellText(%q) = %q, want %q", text, got, want)
		}
	}
	if cells < 5 {
		t.Errorf("%d texts taken as cells, want 5", cells)
	}
}

func TestTSVWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewTSVWriter(&b)
	w.Write([]string{"id", "en"})
	w.Write([]string{"1", "1. One\tline\r\ntwo"})
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "id\ten\n1\t1. One line two\n"; got != want {
		t.Errorf("TSVWriter wrote %q, want %q", got, want)
	}
}

// TestWriteJoined checks that writing a cell from its parts gives what
// writing the parts joined by a space gives, on parts that start or end
// with white space, are empty or only white space or format characters,
// start with a combining mark, hold tabs, newlines or invalid UTF-8, and
// on random parts of those pieces.
func TestWriteJoined(t *testing.T) {
	pieces := []string{"", " ", "  ", "\t", "\n", "a", "b c", " d", "e ", "\u200b", "\ufeff", "\u0301", "e\u0301", "\u00a0", "\xff", "Ж", "\r\n", "x\u200b\u0301"}
	cases := [][][]string{
		{{"1"}, {"Article 1", "All human beings"}, {}},
		{{" lead", "trail ", "", "  ", "mid\tdle"}},
		{{"\u200b", "\u0301x", "a\u200b", "\u0301"}},
		{{"\xffbad", "\xe2\x82", "ok"}, {"\t\n", " "}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		row := make([][]string, 1+rng.IntN(3))
		for i := range row {
			for range rng.IntN(5) {
				var b strings.Builder
				for range rng.IntN(4) {
					b.WriteString(pieces[rng.IntN(len(pieces))])
				}
				row[i] = append(row[i], b.String())
			}
		}
		cases = append(cases, row)
	}
	for _, row := range cases {
		var got, want bytes.Buffer
		wj, w := NewTSVWriter(&got), NewTSVWriter(&want)
		joined := make([]string, len(row))
		for i, parts := range row {
			joined[i] = strings.Join(parts, " ")
		}
		wj.WriteJoined(row)
		w.Write(joined)
		wj.Flush()
		w.Flush()
		if got.String() != want.String() {
			t.Errorf("WriteJoined(%q) wrote %q; Write of the joined cells writes %q", row, got.String(), want.String())
		}
	}
}
