package corpus

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// odt builds an OpenDocument text from automatic styles and body XML.
func odt(t testing.TB, styles, body string, more ...string) []byte {
	t.Helper()
	content := `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` +
		`xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
		`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
		`xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<office:automatic-styles>` + styles + `</office:automatic-styles><office:body><office:text>` + body +
		`</office:text></office:body></office:document-content>`
	return zipEntries(t, append([]string{"mimetype", "application/vnd.oasis.opendocument.text", "content.xml", content}, more...)...)
}

func TestReadODT(t *testing.T) {
	const listStyles = `<text:list-style style:name="L1">` +
		`<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>` +
		`<text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>` +
		`<text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="." text:display-levels="3"/>` +
		`</text:list-style>` +
		`<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="I" text:start-value="4" style:num-prefix="Article "/></text:list-style>` +
		`<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>` +
		`<text:list-style style:name="Blank"><text:list-level-style-bullet text:level="1" text:bullet-char=" "/></text:list-style>` +
		`<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>`
	tests := []struct {
		name string
		body string
		want []officeBrief
	}{{
		name: "nested list, continuation paragraph, display levels",
		body: `<text:list text:style-name="L1"><text:list-item><text:p>First.</text:p><text:p>More of it.</text:p>` +
			`<text:list><text:list-item><text:p>sub</text:p><text:list><text:list-item><text:p>deep</text:p></text:list-item></text:list></text:list-item>` +
			`<text:list-item><text:p>sub two</text:p></text:list-item></text:list></text:list-item>` +
			`<text:list-item><text:p>Second.</text:p><text:list><text:list-item><text:p>again</text:p></text:list-item></text:list></text:list-item></text:list>`,
		want: []officeBrief{{ListItem, 1, "1. First."}, {Text, 0, "More of it."}, {ListItem, 2, "(a) sub"}, {ListItem, 3, "1.a.1. deep"},
			{ListItem, 2, "(b) sub two"}, {ListItem, 1, "2. Second."}, {ListItem, 2, "(a) again"}},
	}, {
		name: "start values, continue-numbering and continue-list; a new list restarts",
		body: `<text:list xml:id="a" text:style-name="L2"><text:list-item><text:p>Scope</text:p></text:list-item></text:list>` +
			`<text:p>Between.</text:p>` +
			`<text:list text:continue-numbering="true" text:style-name="L2"><text:list-item><text:p>Terms</text:p></text:list-item></text:list>` +
			`<text:list text:style-name="L1"><text:list-item><text:p>one</text:p></text:list-item></text:list>` +
			`<text:list text:continue-list="a" text:style-name="L2"><text:list-item><text:p>Seat</text:p></text:list-item></text:list>` +
			`<text:list text:style-name="L1"><text:list-item text:start-value="7"><text:p>seven</text:p></text:list-item><text:list-item><text:p>eight</text:p></text:list-item></text:list>` +
			`<text:list text:style-name="L1"><text:list-item><text:p>anew</text:p></text:list-item></text:list>`,
		want: []officeBrief{{ListItem, 1, "Article IV Scope"}, {Text, 0, "Between."}, {ListItem, 1, "Article V Terms"}, {ListItem, 1, "1. one"},
			{ListItem, 1, "Article VI Seat"}, {ListItem, 1, "7. seven"}, {ListItem, 1, "8. eight"}, {ListItem, 1, "1. anew"}},
	}, {
		name: "bullets add nothing; a blank bullet leaves text; a list header has no number",
		body: `<text:list text:style-name="B"><text:list-item><text:p>apples</text:p></text:list-item></text:list>` +
			`<text:list text:style-name="Blank"><text:list-item><text:p>continued</text:p></text:list-item></text:list>` +
			`<text:list text:style-name="L1"><text:list-header><text:p>Header</text:p></text:list-header><text:list-item><text:p>x</text:p></text:list-item></text:list>`,
		want: []officeBrief{{ListItem, 1, "apples"}, {Text, 0, "continued"}, {Text, 0, "Header"}, {ListItem, 1, "1. x"}},
	}, {
		name: "headings, Title style, recorded heading numbers",
		body: `<text:p text:style-name="P1">Charter</text:p><text:h text:outline-level="2"><text:number>3.</text:number>Seat</text:h>` +
			`<text:p text:style-name="Heading_20_3">Sub</text:p>`,
		want: []officeBrief{{Heading, 1, "Charter"}, {Heading, 2, "3. Seat"}, {Heading, 3, "Sub"}},
	}, {
		name: "white space, spaces, tabs, line breaks; tracked deletions, notes and annotations",
		body: `<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Oslo</text:p></text:deletion></text:changed-region></text:tracked-changes>` +
			"<text:p>  The   seat\n is<text:s text:c=\"2\"/>in <text:change text:change-id=\"c1\"/><text:change-start text:change-id=\"c2\"/>Tromsø<text:change-end text:change-id=\"c2\"/>" +
			`<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A note.</text:p></text:note-body></text:note>.` +
			`<office:annotation><text:p>A comment.</text:p></office:annotation></text:p>` +
			`<text:p>a<text:tab/>b<text:line-break/>c</text:p>`,
		want: []officeBrief{{Text, 0, "The seat is  in Tromsø."}, {Text, 0, "a\tb\nc"}, {Text, 0, "A note."}},
	}, {
		name: "tables: each cell's paragraphs; a text box after its paragraph",
		body: `<table:table><table:table-row><table:table-cell><text:p>1.</text:p></table:table-cell><table:table-cell><text:p>Seat.</text:p></table:table-cell></table:table-row>` +
			`<table:table-row><table:covered-table-cell/><table:table-cell><text:p/></table:table-cell></table:table-row></table:table>` +
			`<text:p>Outer.<draw:frame><draw:text-box><text:p>Boxed.</text:p></draw:text-box></draw:frame></text:p>`,
		want: []officeBrief{{Text, 0, "1."}, {Text, 0, "Seat."}, {Text, 0, "Outer."}, {Text, 0, "Boxed."}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadODT(odt(t, listStyles, tt.body), "t.odt")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, officeBriefs(got)); diff != "" {
				t.Errorf("ReadODT mismatch (-want +got):\n%s", diff)
			}
			for i, p := range got {
				if p.File != "t.odt" || p.Start != i+1 || p.End != p.Start {
					t.Errorf("paragraph %d: File %q Start %d End %d", i+1, p.File, p.Start, p.End)
				}
			}
		})
	}
}

func TestReadODTErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"no content", zipEntries(t, "mimetype", "application/vnd.oasis.opendocument.text"), "no content.xml", nil},
		{"malformed", zipEntries(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content><text:p>"), "content.xml: malformed XML", nil},
		{"no text", odt(t, "", "<text:p> </text:p>"), "empty input", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes(tt.data, "x.odt", ReadOptions{})
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "x.odt" || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadBytes = %v, want a *ParseError for x.odt containing %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("ReadBytes = %v, want it to wrap %v", err, tt.is)
			}
		})
	}
}

func FuzzReadODT(f *testing.F) {
	f.Add(odt(f, `<text:list-style style:name="L"><text:list-level-style-number text:level="1" style:num-format="a" text:display-levels="9"/></text:list-style>`,
		`<text:list text:style-name="L"><text:list-item text:start-value="99999"><text:p>x<text:s text:c="99"/></text:p></text:list-item></text:list>`))
	if b, err := os.ReadFile("../testdata/office/charter-ru.lo.odt"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ReadODT(data, "f.odt")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ReadODT error %v is no *ParseError", err)
			}
			return
		}
		for i, p := range ps {
			if p.Start != i+1 || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("paragraph %d: %+v", i, p)
			}
		}
	})
}
