package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// zipEntries zips the given entries (name, contents, name, contents, …) in
// order, as a word processor would store them.
func zipEntries(t testing.TB, entries ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`

// docx builds a Word document from the body XML and optional styles and
// numbering parts (without their root elements).
func docx(t testing.TB, body, styles, numbering string, more ...string) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	entries := []string{"[Content_Types].xml", `<Types/>`, "word/document.xml", wHead + body + `</w:body></w:document>`}
	if styles != "" {
		entries = append(entries, "word/styles.xml", `<w:styles `+ns+`>`+styles+`</w:styles>`)
	}
	if numbering != "" {
		entries = append(entries, "word/numbering.xml", `<w:numbering `+ns+`>`+numbering+`</w:numbering>`)
	}
	return zipEntries(t, append(entries, more...)...)
}

// para is a w:p with the given paragraph properties and text.
func para(ppr, text string) string {
	if ppr != "" {
		ppr = "<w:pPr>" + ppr + "</w:pPr>"
	}
	return "<w:p>" + ppr + `<w:r><w:t xml:space="preserve">` + text + "</w:t></w:r></w:p>"
}

func num(numID, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
}

// lvl is a w:lvl of an abstract numbering.
func lvl(ilvl int, start int, format, text string, extra ...string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl>`,
		ilvl, start, format, text, strings.Join(extra, ""))
}

// officeBrief is what the tests compare: kind, level and text of each paragraph.
type officeBrief struct {
	Kind  Kind
	Level int
	Text  string
}

func officeBriefs(ps []Paragraph) []officeBrief {
	var out []officeBrief
	for _, p := range ps {
		out = append(out, officeBrief{p.Kind, p.Level, p.Text})
	}
	return out
}

func TestReadDOCX(t *testing.T) {
	// a decimal list "%1." over a level "%1.%2." and a lettered level "(%3)"
	nested := `<w:abstractNum w:abstractNumId="0">` +
		lvl(0, 1, "decimal", "%1.") + lvl(1, 1, "decimal", "%1.%2.") + lvl(2, 1, "lowerLetter", "(%3)") +
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
	tests := []struct {
		name      string
		body      string
		styles    string
		numbering string
		want      []officeBrief
		reason    string
	}{{
		name:      "decimal list with nested levels and restarts",
		numbering: nested,
		body: para(num(1, 0), "First.") + para(num(1, 1), "Sub one.") + para(num(1, 1), "Sub two.") +
			para(num(1, 2), "Point.") + para(num(1, 0), "Second.") + para(num(1, 1), "Sub again."),
		want: []officeBrief{{ListItem, 1, "1. First."}, {ListItem, 2, "1.1. Sub one."}, {ListItem, 2, "1.2. Sub two."},
			{ListItem, 3, "(a) Point."}, {ListItem, 1, "2. Second."}, {ListItem, 2, "2.1. Sub again."}},
	}, {
		name: "formats, start value and a label in the level text",
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 4, "upperRoman", "Article %1") + `</w:abstractNum>` +
			`<w:abstractNum w:abstractNumId="1">` + lvl(0, 25, "upperLetter", "%1)") + `</w:abstractNum>` +
			`<w:abstractNum w:abstractNumId="2">` + lvl(0, 9, "lowerRoman", "%1.") + `</w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
			`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>`,
		body: para(num(1, 0), "Scope.") + para(num(1, 0), "Terms.") + para(num(2, 0), "y") + para(num(2, 0), "z") + para(num(2, 0), "aa") +
			para(num(3, 0), "nine") + para(num(3, 0), "ten"),
		want: []officeBrief{{ListItem, 1, "Article IV Scope."}, {ListItem, 1, "Article V Terms."}, {ListItem, 1, "Y) y"}, {ListItem, 1, "Z) z"},
			{ListItem, 1, "AA) aa"}, {ListItem, 1, "ix. nine"}, {ListItem, 1, "x. ten"}},
	}, {
		name: "a num with a start override restarts the shared abstract numbering; one without continues it",
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "decimal", "%1)") + `</w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
			`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
			`<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`,
		body:   para(num(1, 0), "a") + para(num(1, 0), "b") + para("", "Signatories") + para(num(2, 0), "c") + para(num(2, 0), "d") + para(num(3, 0), "e"),
		want:   []officeBrief{{ListItem, 1, "1) a"}, {ListItem, 1, "2) b"}, {Text, 0, "Signatories"}, {ListItem, 1, "1) c"}, {ListItem, 1, "2) d"}, {ListItem, 1, "3) e"}},
		reason: "pandoc starts every list with a new num with start overrides",
	}, {
		name: "a level override replaces the level's format",
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "decimal", "%1.") + `</w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">` + lvl(0, 3, "lowerLetter", "%1)") + `</w:lvlOverride></w:num>`,
		body: para(num(1, 0), "x") + para(num(1, 0), "y"),
		want: []officeBrief{{ListItem, 1, "c) x"}, {ListItem, 1, "d) y"}},
	}, {
		name: "lvlRestart 0: a level that never restarts",
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "decimal", "Chapter %1") + lvl(1, 1, "decimal", "%2.", `<w:lvlRestart w:val="0"/>`) +
			`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
		body: para(num(1, 0), "One") + para(num(1, 1), "a") + para(num(1, 0), "Two") + para(num(1, 1), "b"),
		want: []officeBrief{{ListItem, 1, "Chapter 1 One"}, {ListItem, 2, "1. a"}, {ListItem, 1, "Chapter 2 Two"}, {ListItem, 2, "2. b"}},
	}, {
		name:      "isLgl writes the higher levels as decimals",
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "upperRoman", "%1.") + lvl(1, 1, "decimal", "%1.%2", `<w:isLgl/>`) + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
		body:      para(num(1, 0), "Part") + para(num(1, 1), "point"),
		want:      []officeBrief{{ListItem, 1, "I. Part"}, {ListItem, 2, "1.1 point"}},
	}, {
		name: "bullets add no text; a blank bullet leaves the paragraph text; numId 0 is no numbering",
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "bullet", "\uf0b7") + `</w:abstractNum>` +
			`<w:abstractNum w:abstractNumId="1">` + lvl(0, 1, "bullet", " ") + `</w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
		body:   para(num(1, 0), "apples") + para(num(2, 0), "continued") + para(num(0, 0), "plain"),
		want:   []officeBrief{{ListItem, 1, "apples"}, {Text, 0, "continued"}, {Text, 0, "plain"}},
		reason: "pandoc gives the continuation paragraphs of a list item a bullet of one space",
	}, {
		name: "headings by style id, by English and localised names, by outlineLvl along basedOn, Title",
		styles: `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Заголовок 3"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Ttulo1"><w:name w:val="Título 1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Section head"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="My head"/><w:basedOn w:val="Custom"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/></w:style>`,
		body: para(`<w:pStyle w:val="Title"/>`, "Charter") + para(`<w:pStyle w:val="Heading1"/>`, "One") + para(`<w:pStyle w:val="berschrift2"/>`, "Zwei") +
			para(`<w:pStyle w:val="a3"/>`, "Три") + para(`<w:pStyle w:val="Ttulo1"/>`, "Uno") + para(`<w:pStyle w:val="Derived"/>`, "Two") +
			para(`<w:pStyle w:val="BodyText"/>`, "Body") + para(`<w:outlineLvl w:val="3"/>`, "Direct"),
		want: []officeBrief{{Heading, 1, "Charter"}, {Heading, 1, "One"}, {Heading, 2, "Zwei"}, {Heading, 3, "Три"}, {Heading, 1, "Uno"},
			{Heading, 2, "Two"}, {Text, 0, "Body"}, {Heading, 4, "Direct"}},
	}, {
		name: "numbering through the paragraph style; a numbered heading stays a heading",
		styles: `<w:style w:type="paragraph" w:styleId="Art"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Point"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`,
		numbering: `<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "decimal", "Article %1", `<w:pStyle w:val="Art"/>`) + `</w:abstractNum>` +
			`<w:abstractNum w:abstractNumId="1">` + lvl(0, 1, "decimal", "%1.") + lvl(1, 1, "lowerLetter", "%2)", `<w:pStyle w:val="Point"/>`) + `</w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
		body: para(`<w:pStyle w:val="Art"/>`, "Name") + para(`<w:pStyle w:val="Point"/>`, "first") + para(`<w:pStyle w:val="Point"/>`, "second") +
			para(`<w:pStyle w:val="Art"/>`, "Seat"),
		want: []officeBrief{{Heading, 2, "Article 1 Name"}, {ListItem, 2, "a) first"}, {ListItem, 2, "b) second"}, {Heading, 2, "Article 2 Seat"}},
	}, {
		name: "tracked changes: insertions kept, deletions and moved-from text dropped, a deleted mark joins paragraphs",
		body: `<w:p><w:r><w:t>The seat is in </w:t></w:r><w:del w:id="1"><w:r><w:delText>Oslo</w:delText></w:r></w:del>` +
			`<w:ins w:id="2"><w:r><w:t>Tromsø</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>` +
			`<w:p><w:moveFrom w:id="3"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>` +
			`<w:p><w:pPr><w:rPr><w:del w:id="4"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Joined </w:t></w:r></w:p>` +
			`<w:p><w:pPr><w:pPrChange w:id="5"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>text.</w:t></w:r></w:p>`,
		want: []officeBrief{{Text, 0, "The seat is in Tromsø."}, {Text, 0, "Joined text."}},
	}, {
		name: "fields show their result; fldSimple its runs; hidden text is left out",
		body: `<w:p><w:r><w:t xml:space="preserve">See page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF x </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
			`<w:r><w:t xml:space="preserve"> and </w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>1 May</w:t></w:r></w:fldSimple>` +
			`<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
		want: []officeBrief{{Text, 0, "See page 7 and 1 May."}},
	}, {
		name: "tab, break, non-breaking hyphen, symbol; tab stops in pPr are no text",
		body: `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>co</w:t>` +
			`<w:noBreakHyphen/><w:t>op </w:t><w:sym w:font="Symbol" w:char="00A7"/><w:sym w:font="Wingdings" w:char="F0E0"/></w:r></w:p>`,
		want: []officeBrief{{Text, 0, "a\tb\nco-op §"}},
	}, {
		name: "tables: each cell's paragraphs in row order; empty cells left out",
		body: `<w:tbl><w:tr><w:tc>` + para("", "1.") + `</w:tc><w:tc>` + para("", "The seat.") + `</w:tc></w:tr>` +
			`<w:tr><w:tc>` + para("", "2.") + `</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>` + para("", "After."),
		want: []officeBrief{{Text, 0, "1."}, {Text, 0, "The seat."}, {Text, 0, "2."}, {Text, 0, "After."}},
	}, {
		name: "a text box follows its paragraph; mc:Fallback is not read twice",
		body: `<w:p><w:r><w:t>Outer.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + para("", "Boxed.") +
			`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + para("", "Boxed.") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
		want: []officeBrief{{Text, 0, "Outer."}, {Text, 0, "Boxed."}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadDOCX(docx(t, tt.body, tt.styles, tt.numbering), "t.docx")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, officeBriefs(got)); diff != "" {
				t.Errorf("ReadDOCX mismatch (-want +got):\n%s", diff)
			}
			for i, p := range got {
				if p.File != "t.docx" || p.Start != i+1 || p.End != p.Start {
					t.Errorf("paragraph %d: File %q Start %d End %d, want t.docx %d %d", i+1, p.File, p.Start, p.End, i+1, i+1)
				}
			}
		})
	}
}

func TestReadDOCXNotes(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	data := docx(t, `<w:p><w:r><w:t>Body</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`, "", "",
		"word/footnotes.xml", `<w:footnotes `+ns+`><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`+
			`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A footnote.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/endnotes.xml", `<w:endnotes `+ns+`><w:endnote w:id="1"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`)
	got, err := ReadDOCX(data, "n.docx")
	if err != nil {
		t.Fatal(err)
	}
	want := []officeBrief{{Text, 0, "Body."}, {Text, 0, " A footnote."}, {Text, 0, "An endnote."}}
	if diff := cmp.Diff(want, officeBriefs(got)); diff != "" {
		t.Errorf("ReadDOCX mismatch (-want +got):\n%s", diff)
	}
}

func TestReadDOCXErrors(t *testing.T) {
	big := zipEntries(t, "word/document.xml", wHead+strings.Repeat(" ", maxZipEntry+1)+"</w:body></w:document>")
	tests := []struct {
		name string
		data []byte
		want string // in the message
		is   error
	}{
		{"not a zip", []byte("PK\x03\x04 but no archive"), "not a valid zip archive", nil},
		{"no document part", zipEntries(t, "word/styles.xml", "<x/>"), "no word/document.xml", nil},
		{"malformed document", zipEntries(t, "word/document.xml", wHead+"<w:p><w:r><w:t>unclosed</w:r></w:p>"), "word/document.xml: malformed XML", nil},
		{"malformed styles", docx(t, para("", "x"), "<w:style", ""), "word/styles.xml: malformed XML", nil},
		{"zip bomb", big, "over the limit of 256 MiB", nil},
		{"no text", docx(t, "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", "", ""), "empty input", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes(tt.data, "x.docx", ReadOptions{Format: DOCX})
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "x.docx" || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadBytes = %v, want a *ParseError for x.docx containing %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("ReadBytes = %v, want it to wrap %v", err, tt.is)
			}
		})
	}
}

// TestReadDOCXFixtures reads the documents pandoc and LibreOffice made
// from the charter (scripts/make-office-fixtures.sh): the Word numbering
// renders the numbers of the text version.
func TestReadDOCXFixtures(t *testing.T) {
	for _, name := range []string{"charter-en.docx", "charter-ru.docx", "charter-ru.lo.docx", "kazakhstan-2022.lo.docx"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/office/" + name)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := ReadDOCX(data, name)
			if err != nil {
				t.Fatal(err)
			}
			marks := 0
			for _, p := range ps {
				if m, ok := ParseMarker(p.Text); ok && p.Kind == ListItem && m.Value == 33 {
					marks++
				}
			}
			if name != "kazakhstan-2022.lo.docx" && marks != 1 {
				t.Errorf("%s: %d list items numbered 33, want 1", name, marks)
			}
			if ps[0].Kind != Heading && name != "kazakhstan-2022.lo.docx" {
				t.Errorf("%s: first paragraph %v, want the title heading", name, ps[0])
			}
		})
	}
}

func FuzzReadDOCX(f *testing.F) {
	f.Add(docx(f, para(num(1, 0), "First.")+para(`<w:pStyle w:val="Heading1"/>`, "Title"), `<w:style w:styleId="Heading1"><w:basedOn w:val="Heading1"/></w:style>`,
		`<w:abstractNum w:abstractNumId="0">`+lvl(0, 1, "decimal", "%1.%9")+`<w:numStyleLink w:val="S"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`))
	f.Add(docx(f, `<w:tbl><w:tr><w:tc>`+para("", "x")+`</w:tc></w:tr></w:tbl><w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, "", ""))
	f.Add([]byte("PK\x03\x04"))
	if b, err := os.ReadFile("../testdata/office/charter-ru.lo.docx"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := ReadDOCX(data, "f.docx")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ReadDOCX error %v is no *ParseError", err)
			}
			return
		}
		for i, p := range ps {
			if p.Start != i+1 || p.End != p.Start || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("paragraph %d: %+v", i, p)
			}
		}
	})
}
