package docset_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/docset"
	"github.com/paralign/paralign/langid"
)

var enru = []corpus.Lang{"en", "ru"}

func TestParseLine(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    docset.Input
		wantErr string
	}{
		{name: "files in --langs order", line: `{"doc":"c","files":{"ru":{"path":"c.ru.txt"},"en":{"text":"x","name":"c.en.txt"}}}`,
			want: docset.Input{Doc: "c", Refs: []docset.Ref{{Lang: "en", Name: "c.en.txt", Text: []byte("x")}, {Lang: "ru", Path: "c.ru.txt", Name: "c.ru.txt"}}}},
		{name: "combined text named by the doc", line: `{"doc":"s","combined":{"text":"y"}}`,
			want: docset.Input{Doc: "s", Refs: []docset.Ref{{Name: "s", Text: []byte("y")}}}},
		{name: "text named DOC.LANG", line: `{"doc":"s","files":{"ru":{"text":""}}}`,
			want: docset.Input{Doc: "s", Refs: []docset.Ref{{Lang: "ru", Name: "s.ru", Text: []byte{}}}}},
		{name: "not JSON", line: `doc`, wantErr: "not a stream line: "},
		{name: "empty", line: ` `, wantErr: "empty line: "},
		{name: "two values", line: `{"doc":"a","combined":{"path":"p"}} {}`, wantErr: "more than one JSON value"},
		{name: "unknown field", line: `{"doc":"a","combined":{"path":"p"},"lang":"en"}`, wantErr: `unknown field "lang"`},
		{name: "both", line: `{"doc":"a","combined":{"path":"p"},"files":{"en":{"path":"q"}}}`, want: docset.Input{Doc: "a"}, wantErr: `"files" and "combined": give one`},
		{name: "neither", line: `{"doc":"a"}`, want: docset.Input{Doc: "a"}, wantErr: "no input"},
		{name: "outside --langs", line: `{"doc":"a","files":{"de":{"path":"q"}}}`, want: docset.Input{Doc: "a"}, wantErr: "files: de is not among --langs (en,ru)"},
		{name: "no such code", line: `{"doc":"a","files":{"zz":{"path":"q"}}}`, want: docset.Input{Doc: "a"}, wantErr: `unknown language code "zz"`},
		{name: "text and path", line: `{"doc":"a","combined":{"path":"p","text":"t"}}`, want: docset.Input{Doc: "a"}, wantErr: `"text" and "path": give one`},
		{name: "path -", line: `{"doc":"a","combined":{"path":"-"}}`, want: docset.Input{Doc: "a"}, wantErr: "standard input holds the stream"},
		{name: "name of a path", line: `{"doc":"a","combined":{"path":"p","name":"n"}}`, want: docset.Input{Doc: "a"}, wantErr: `"name" names a "text"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := docset.ParseLine([]byte(tt.line), enru)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseLine(%q) error = %v, want one containing %q", tt.line, err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatalf("ParseLine(%q): %v", tt.line, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseLine(%q) mismatch (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

func ExampleAligner_Align() {
	det, err := langid.New(langid.Options{Langs: enru})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := docset.New(det, enru, docset.Options{})
	in, err := docset.ParseLine([]byte(`{"doc":"memo","combined":{"text":"1. The office opens at nine every morning.\n\n2. Visitors register at the desk.\n\n1. Офис открывается в девять часов.\n\n2. Посетители регистрируются на стойке.\n"}}`), enru)
	if err != nil {
		fmt.Println(err)
		return
	}
	files := []docset.File{{Lang: in.Refs[0].Lang, Name: in.Refs[0].Name, Data: in.Refs[0].Text}}
	res, err := a.Align(context.Background(), files)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := docset.NewRecord(in.Doc, res, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range rec.Rows {
		fmt.Printf("%.60s…\n", row)
	}
	fmt.Printf("%s\n", rec.Coverage[:60])
	docset.ErrorRecord("gone", os.ErrNotExist).Write(os.Stdout)
	// Output:
	// {"id":"1","kind":"section","cells":{"en":{"text":"1. The off…
	// {"id":"2","kind":"section","cells":{"en":{"text":"2. Visitor…
	// {"pivot":"en","languages":["en","ru"],"sections":[{"id":"1",
	// {"doc":"gone","rows":[],"coverage":null,"findings":[],"error":"file does not exist"}
}
