package corpus

import (
	"bytes"
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
