package corpus

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
)

// para is what the HTML tests compare of a paragraph.
type htmlPara struct {
	Start, End int
	Kind       Kind
	Level      int
	Text       string
}

func htmlParas(ps []Paragraph) []htmlPara {
	var out []htmlPara
	for _, p := range ps {
		out = append(out, htmlPara{p.Start, p.End, p.Kind, p.Level, p.Text})
	}
	return out
}

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []htmlPara
	}{
		{
			name: "blocks and inline elements",
			html: "<p>Die <strong>Partei</strong>en <a href=x>stimmen</a> zu.</p>\n<div>Zweiter   Absatz\n über zwei Zeilen</div>",
			want: []htmlPara{{1, 1, Text, 0, "Die Parteien stimmen zu."}, {2, 3, Text, 0, "Zweiter Absatz über zwei Zeilen"}},
		},
		{
			name: "character references and no-break space",
			html: "<p>&laquo;Tom&nbsp;&amp;&#160;Jerry&raquo; &#x2014; 5&lt;6</p>",
			want: []htmlPara{{1, 1, Text, 0, "«Tom\u00a0&\u00a0Jerry» — 5<6"}},
		},
		{
			name: "line break inside a paragraph",
			html: "<p>Hafenstraße 5<br>24103 Kiel<br/>Deutschland</p>",
			want: []htmlPara{{1, 1, Text, 0, "Hafenstraße 5\n24103 Kiel\nDeutschland"}},
		},
		{
			name: "script style template noscript and comments carry no text",
			html: "<script>var a='<p>x</p>';</script><style>p{}</style><template><p>t</p></template><noscript>Enable JS</noscript><!-- hidden --><p>Visible</p>",
			want: []htmlPara{{1, 1, Text, 0, "Visible"}},
		},
		{
			name: "headings keep their level",
			html: "<h1>Устав</h1>\n<h3>Статья 1</h3>",
			want: []htmlPara{{1, 1, Heading, 1, "Устав"}, {2, 2, Heading, 3, "Статья 1"}},
		},
		{
			name: "ordered list numbered as rendered",
			html: "<ol start=\"4\"><li>cuatro</li><li value=\"9\">nueve</li><li>diez</li></ol><ol type=\"a\"><li>uno</li><li>dos</li></ol><ol type=\"I\"><li>eins</li><li>zwei</li></ol>",
			want: []htmlPara{
				{1, 1, ListItem, 1, "4. cuatro"}, {1, 1, ListItem, 1, "9. nueve"}, {1, 1, ListItem, 1, "10. diez"},
				{1, 1, ListItem, 1, "a. uno"}, {1, 1, ListItem, 1, "b. dos"},
				{1, 1, ListItem, 1, "I. eins"}, {1, 1, ListItem, 1, "II. zwei"},
			},
		},
		{
			name: "nested lists and paragraphs in items",
			html: "<ol>\n<li><p>Erster Punkt</p>\n<ul><li>Unterpunkt</li></ul></li>\n<li><p>Zweiter Punkt</p></li>\n</ol>",
			want: []htmlPara{{2, 2, ListItem, 1, "1. Erster Punkt"}, {3, 3, ListItem, 2, "Unterpunkt"}, {4, 4, ListItem, 1, "2. Zweiter Punkt"}},
		},
		{
			name: "table row is one paragraph",
			html: "<table><tr><th>Artikel</th><th>Inhalt</th></tr>\n<tr><td>1</td><td>Name und Sitz</td></tr></table>",
			want: []htmlPara{{1, 1, Text, 0, "Artikel Inhalt"}, {2, 2, Text, 0, "1 Name und Sitz"}},
		},
		{
			name: "preformatted text keeps white space",
			html: "<pre>a  b\n  c</pre>",
			want: []htmlPara{{1, 2, Text, 0, "a  b\n  c"}},
		},
		{
			name: "page furniture is boilerplate, article headers are text",
			html: "<title>Site</title><header>Home | About</header><nav><a>English</a></nav><main><article><header><h1>Title</h1></header><p>Body.</p><footer>Posted by Anna</footer></article></main><footer>© Site</footer><div class=\"cookie-consent\">We use cookies.</div>",
			want: []htmlPara{
				{1, 1, Boilerplate, 0, "Site"}, {1, 1, Boilerplate, 0, "Home | About"}, {1, 1, Boilerplate, 0, "English"},
				{1, 1, Heading, 1, "Title"}, {1, 1, Text, 0, "Body."}, {1, 1, Text, 0, "Posted by Anna"},
				{1, 1, Boilerplate, 0, "© Site"}, {1, 1, Boilerplate, 0, "We use cookies."},
			},
		},
		{
			name: "broken markup",
			html: "<p>Erster <b>fett\n<p>Zweiter</i> Absatz</div>\n<li>lose",
			want: []htmlPara{{1, 1, Text, 0, "Erster fett"}, {2, 2, Text, 0, "Zweiter Absatz"}, {3, 3, ListItem, 1, "lose"}},
		},
		{
			name: "marker inside markup",
			html: "<p id=\"s1\"><strong>Section 1 – Definitions.</strong></p>",
			want: []htmlPara{{1, 1, Text, 0, "Section 1 – Definitions."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadHTML([]byte(tt.html), "page.html", "")
			if err != nil {
				t.Fatalf("ReadHTML: %v", err)
			}
			if diff := cmp.Diff(tt.want, htmlParas(got)); diff != "" {
				t.Errorf("ReadHTML(%q) mismatch (-want +got):\n%s", tt.html, diff)
			}
		})
	}
}

func TestReadHTMLCharset(t *testing.T) {
	ru := "<p>Совместное заявление</p>"
	cp1251, err := charmap.Windows1251.NewEncoder().String(ru)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		want string
	}{
		{"meta charset decides", "<html><head><meta charset=\"windows-1251\"></head><body>" + cp1251, "Совместное заявление"},
		{"http-equiv content type", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>" + cp1251, "Совместное заявление"},
		{"wrong meta: the page is UTF-8", "<html><head><meta charset=\"iso-8859-1\"></head><body>" + ru, "Совместное заявление"},
		{"wrong meta: claims UTF-8, is cp1251", "<html><head><meta charset=\"utf-8\"></head><body>" + cp1251, "Совместное заявление"},
		{"BOM before the meta", "\ufeff<html><head><meta charset=\"windows-1252\"></head>" + ru, "Совместное заявление"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadHTML([]byte(tt.data), "page.html", "")
			if err != nil {
				t.Fatalf("ReadHTML: %v", err)
			}
			if len(got) != 1 || got[0].Text != tt.want {
				t.Errorf("ReadHTML = %+v, want one paragraph %q", htmlParas(got), tt.want)
			}
		})
	}
}

func TestSniffDocument(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             Format
		err              string
	}{
		{"doctype", "a.txt", "<!DOCTYPE html><p>x", HTML, ""},
		{"html tag after BOM and space", "a", "\ufeff\n <HTML lang=ru>", HTML, ""},
		{"extension", "page.htm", "<p>x</p>", HTML, ""},
		{"markdown with html block is no page", "a.md", "<div align=center><h1>T</h1></div>", AutoFormat, ""},
		{"pdf", "a.pdf", "%PDF-1.7\n", AutoFormat, "PDF is not read yet"},
		{"old doc or protected", "a.docx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", AutoFormat, "password-protected"},
		{"broken zip", "a.docx", "PK\x03\x04garbage", AutoFormat, "not a valid zip archive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SniffDocument([]byte(tt.data), tt.file)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), tt.file+":") {
					t.Fatalf("SniffDocument(%q) error = %v, want one naming the file and saying %q", tt.data, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("SniffDocument(%q) = %v, %v; want %v", tt.data, got, err, tt.want)
			}
		})
	}
	if _, err := SniffDocument([]byte("%PDF-1.4"), "x.pdf"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("PDF error %v does not wrap ErrUnsupported", err)
	}
}

func TestReadHTMLPage(t *testing.T) {
	data, err := os.ReadFile("../testdata/html/statement.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadBytes(data, "statement.html", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != HTML {
		t.Fatalf("format %v, want html", doc.Format)
	}
	checkHTMLLossless(t, string(data), doc.Paragraphs)
	for _, p := range doc.Paragraphs {
		line := strings.Split(string(data), "\n")[p.Start-1]
		first := strings.Fields(p.Text)[0]
		if strings.Contains(first, ".") && len(first) < 4 {
			first = strings.Fields(p.Text)[1] // a rendered list number
		}
		if !strings.Contains(html.UnescapeString(line), first) {
			t.Errorf("paragraph %q: line %d is %q", p.Text, p.Start, line)
		}
	}
}

// checkHTMLLossless asserts that the text of every text node outside
// script, style, template and noscript is in the paragraphs, in order:
// the non-space characters of the text nodes are a subsequence of those
// of the paragraphs (which add only rendered list numbers).
func checkHTMLLossless(t *testing.T, page string, ps []Paragraph) {
	t.Helper()
	var want []rune
	z := html.NewTokenizer(strings.NewReader(page))
	skip := 0
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if htmlSkip[atomOf(name)] {
				skip++
			}
		case html.EndTagToken:
			if htmlSkip[atomOf(name)] && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				for _, r := range string(z.Text()) {
					if !unicode.IsSpace(r) {
						want = append(want, r)
					}
				}
			}
		}
	}
	var got []rune
	for _, p := range ps {
		for _, r := range p.Text {
			if !unicode.IsSpace(r) {
				got = append(got, r)
			}
		}
	}
	k := 0
	for _, r := range got {
		if k < len(want) && r == want[k] {
			k++
		}
	}
	if k < len(want) {
		t.Errorf("text lost: %q… is not in the paragraphs in order", string(want[k:min(len(want), k+40)]))
	}
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range []string{
		"<p>a<b>b</b></p><ol start=3><li>x<li>y</ol>",
		"<table><tr><td>1<td>2</table><pre>a\n b</pre>",
		"<nav>n</nav><script>s</script><p>t<br>u",
		"<h2>x</h2></h2></p><li>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		ps, err := ReadHTML([]byte(page), "f.html", "utf-8")
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.Start < 1 || p.End < p.Start || strings.TrimSpace(p.Text) == "" {
				t.Fatalf("bad paragraph %+v", p)
			}
		}
		if strings.ContainsAny(page, "\r\x00\ufeff") || !utf8.ValidString(page) {
			return // decoding normalises or re-reads these
		}
		checkHTMLLossless(t, page, ps)
	})
}

func ExampleReadHTML() {
	page := `<h1>Satzung</h1><ol><li>Der Verein heißt <em>Ruderclub</em>.</li><li>Sitz ist Kiel.</li></ol>`
	ps, _ := ReadHTML([]byte(page), "satzung.html", "")
	for _, p := range ps {
		fmt.Printf("%s %d: %s\n", p.Kind, p.Level, p.Text)
	}
	// Output:
	// heading 1: Satzung
	// list-item 1: 1. Der Verein heißt Ruderclub.
	// list-item 1: 2. Sitz ist Kiel.
}

func atomOf(name []byte) atom.Atom { return atom.Lookup(name) }
