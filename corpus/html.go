package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ReadHTML renders an HTML page to paragraphs as a browser shows it.
//
// Block elements (p, h1–h6, li, blockquote, pre, dt, dd, table rows, div
// and the like) are paragraphs; inline elements join their text without
// adding spaces; character references are decoded and white space is
// collapsed (kept inside pre); br is a line break ("\n") inside the
// paragraph; the cells of a table row are one paragraph, joined by a space.
// script, style, template, noscript and comments carry no text. Headings
// keep their level (Kind Heading). An item of an ordered list starts with
// its number as rendered (the list's start attribute or the item's value
// plus its position, in the list's type: 1, a, A, i, I) and a dot; an item
// of any list is a ListItem whose Level is its list nesting depth.
// Navigation, page headers and footers, sidebars, language selectors,
// cookie banners and the page <title> are Boilerplate: kept, never taken
// for content (see isBoilerplate).
//
// Every text node's text is in exactly one paragraph, in order; a
// paragraph's Start and End are the lines of the HTML source its text
// comes from. The encoding is enc when given; else the byte-order mark,
// then the page's <meta charset> (unless the page is valid UTF-8 with
// non-ASCII text, which a legacy code page never is), then Decode's
// detection.
func ReadHTML(data []byte, name, enc string) ([]Paragraph, error) {
	if enc == "" {
		enc = htmlCharset(data)
	}
	dec, err := Decode(data, name, enc)
	if err != nil && enc != "" {
		dec, err = Decode(data, name, "")
	}
	if err != nil {
		return nil, err
	}
	r := htmlRenderer{name: name, line: 1}
	r.run(dec.Text)
	return r.out, nil
}

// htmlCharset returns the encoding the page declares in a <meta> within
// its first htmlPrescan bytes, "" when none or when data has a BOM (which
// decides) or is valid UTF-8 holding non-ASCII text.
func htmlCharset(data []byte) string {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return ""
	}
	declared := ""
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), htmlPrescan)]))
scan:
	for {
		switch z.Next() {
		case html.ErrorToken:
			break scan
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.DataAtom != atom.Meta {
				continue
			}
			var httpEquiv bool
			var content string
			for _, a := range t.Attr {
				switch strings.ToLower(a.Key) {
				case "charset":
					declared = strings.TrimSpace(a.Val)
				case "http-equiv":
					httpEquiv = strings.EqualFold(a.Val, "content-type")
				case "content":
					content = a.Val
				}
			}
			if declared == "" && httpEquiv {
				if _, cs, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					declared = strings.Trim(strings.TrimSpace(cs), `"'; `)
				}
			}
			if declared != "" {
				break scan
			}
		}
	}
	if declared == "" {
		return ""
	}
	if utf8.Valid(data) && !isASCII(data) {
		return "utf-8"
	}
	if strings.HasPrefix(strings.ToLower(declared), "utf-16") {
		return "utf-8" // HTML: a page read as bytes that declares UTF-16 is UTF-8
	}
	return declared
}

// htmlPrescan is how far into a page a <meta charset> is looked for: the
// 1024 bytes of the HTML standard's prescan.
const htmlPrescan = 1024

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// htmlRenderer turns the token stream of a page into paragraphs.
type htmlRenderer struct {
	name  string
	out   []Paragraph
	line  int // line of the token being read
	stack []htmlElem
	lists []htmlList

	buf        strings.Builder // text of the open paragraph
	start, end int             // its source lines
	kind       Kind
	level      int
	prefix     string // a list item's rendered number, for its first paragraph
}

type htmlElem struct {
	a       atom.Atom
	name    string
	chrome  bool // boilerplate: this element or an ancestor
	skip    bool // no text: script, style, …
	pre     bool // white space kept
	content bool // article or main: page headers and footers inside are content
}

type htmlList struct {
	ordered bool
	typ     string // 1, a, A, i, I
	next    int
}

func (r *htmlRenderer) top() htmlElem {
	if len(r.stack) == 0 {
		return htmlElem{}
	}
	return r.stack[len(r.stack)-1]
}

func (r *htmlRenderer) run(text string) {
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := string(z.Raw())
		switch tt {
		case html.TextToken:
			if !r.top().skip {
				r.text(string(z.Text()), raw)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			r.startTag(t, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			t := z.Token()
			r.endTag(t)
		}
		r.line += strings.Count(raw, "\n")
	}
	r.flush()
}

// htmlSkip elements carry no text a reader sees.
var htmlSkip = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true}

var htmlBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Html: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Title: true, atom.Tr: true, atom.Ul: true,
	atom.Option: true, atom.Select: true,
}

// htmlVoid elements have no end tag and hold nothing.
var htmlVoid = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true,
}

func (r *htmlRenderer) startTag(t html.Token, selfClosing bool) {
	a := t.DataAtom
	switch a {
	case atom.Br:
		if !r.top().skip && r.buf.Len() > 0 {
			r.trimSpace()
			r.buf.WriteByte('\n')
		}
		return
	case atom.Td, atom.Th:
		r.space()
	}
	if htmlBlocks[a] {
		r.flush()
	}
	if htmlVoid[a] || selfClosing {
		return
	}
	parent := r.top()
	e := htmlElem{a: a, name: t.Data, skip: parent.skip || htmlSkip[a], pre: parent.pre || a == atom.Pre || a == atom.Textarea, content: parent.content || a == atom.Article || a == atom.Main}
	e.chrome = parent.chrome || isBoilerplate(t, parent.content)
	r.stack = append(r.stack, e)
	switch a {
	case atom.Ol, atom.Ul, atom.Menu:
		l := htmlList{ordered: a == atom.Ol, typ: "1", next: 1}
		for _, at := range t.Attr {
			switch at.Key {
			case "start":
				if n, err := strconv.Atoi(strings.TrimSpace(at.Val)); err == nil {
					l.next = n
				}
			case "type":
				l.typ = at.Val
			}
		}
		r.lists = append(r.lists, l)
	case atom.Li:
		if len(r.lists) > 0 {
			l := &r.lists[len(r.lists)-1]
			for _, at := range t.Attr {
				if at.Key == "value" {
					if n, err := strconv.Atoi(strings.TrimSpace(at.Val)); err == nil {
						l.next = n
					}
				}
			}
			if l.ordered {
				r.prefix = listNumber(l.next, l.typ) + ". "
			}
			l.next++
		}
	}
}

func (r *htmlRenderer) endTag(t html.Token) {
	a := t.DataAtom
	if a == atom.Td || a == atom.Th {
		r.space()
	}
	// close up to the matching element; an end tag nothing opened is
	// ignored, as browsers do
	k := len(r.stack) - 1
	for k >= 0 && r.stack[k].name != t.Data {
		k--
	}
	if k < 0 {
		if htmlBlocks[a] {
			r.flush()
		}
		return
	}
	for len(r.stack) > k {
		e := r.stack[len(r.stack)-1]
		if htmlBlocks[e.a] {
			r.flush()
		}
		if (e.a == atom.Ol || e.a == atom.Ul || e.a == atom.Menu) && len(r.lists) > 0 {
			r.lists = r.lists[:len(r.lists)-1]
		}
		r.stack = r.stack[:len(r.stack)-1]
	}
}

// text adds a text token's text (character references decoded) read from
// raw at r.line.
func (r *htmlRenderer) text(s, raw string) {
	pre := r.top().pre
	if !pre {
		s = collapseHTMLSpace(s)
	}
	if r.buf.Len() == 0 {
		if !pre {
			s = strings.TrimLeft(s, " ")
		}
		if strings.TrimSpace(s) == "" {
			return
		}
		r.open(raw)
		s = r.prefix + s
		r.prefix = ""
	} else if !pre && strings.HasPrefix(s, " ") && strings.HasSuffix(r.buf.String(), " ") {
		s = s[1:]
	}
	r.buf.WriteString(s)
	if t := strings.TrimRight(raw, " \t\r\n\f"); t != "" {
		r.end = r.line + strings.Count(t, "\n")
	}
}

// open starts a paragraph whose first text is raw at r.line.
func (r *htmlRenderer) open(raw string) {
	lead := len(raw) - len(strings.TrimLeft(raw, " \t\r\n\f"))
	r.start = r.line + strings.Count(raw[:lead], "\n")
	r.end = r.start
	r.kind, r.level = Text, 0
	for k := len(r.stack) - 1; k >= 0; k-- {
		if l := headingAtomLevel(r.stack[k].a); l > 0 {
			r.kind, r.level = Heading, l
			break
		}
		if r.stack[k].a == atom.Li {
			depth := 0
			for _, e := range r.stack[:k+1] {
				if e.a == atom.Ol || e.a == atom.Ul || e.a == atom.Menu {
					depth++
				}
			}
			r.kind, r.level = ListItem, max(depth, 1)
			break
		}
	}
	if r.top().chrome {
		r.kind, r.level = Boilerplate, 0
	}
}

// space separates table cells: one space unless the text ends in one.
func (r *htmlRenderer) space() {
	if r.buf.Len() > 0 && !strings.HasSuffix(r.buf.String(), " ") {
		r.buf.WriteByte(' ')
	}
}

func (r *htmlRenderer) trimSpace() {
	s := strings.TrimRight(r.buf.String(), " ")
	r.buf.Reset()
	r.buf.WriteString(s)
}

func (r *htmlRenderer) flush() {
	if r.buf.Len() == 0 {
		return
	}
	text := strings.TrimRight(r.buf.String(), " \n")
	if !r.top().pre {
		text = strings.ReplaceAll(text, " \n", "\n")
	}
	r.buf.Reset()
	if strings.TrimSpace(text) == "" {
		return
	}
	r.out = append(r.out, Paragraph{File: r.name, Start: r.start, End: max(r.end, r.start), Kind: r.kind, Level: r.level, Text: text})
}

// collapseHTMLSpace turns every run of HTML white space (space, tab, line
// feed, form feed, carriage return) into one space; NO-BREAK SPACE stays.
func collapseHTMLSpace(s string) string {
	var b strings.Builder
	space := false
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(c)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// listNumber renders n in an ordered list's type: 1, a, A, i, I.
func listNumber(n int, typ string) string {
	switch typ {
	case "a", "A":
		if n >= 1 && n <= 26 {
			s := string(rune('a' + n - 1))
			if typ == "A" {
				s = strings.ToUpper(s)
			}
			return s
		}
	case "i", "I":
		if n >= 1 && n < 4000 {
			s := toRoman(n)
			if typ == "i" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

func headingAtomLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// boilerplateWords are the words of class and id names (split at spaces,
// hyphens and underscores) that name page furniture in common site
// templates.
var boilerplateWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true,
	"breadcrumbs": true, "cookie": true, "cookies": true, "consent": true, "sidebar": true,
	"langswitch": true, "languages": true, "switcher": true, "skip": true,
}

// isBoilerplate reports whether the element opened by t is page furniture:
// nav and aside, a page header or footer (header, footer or
// role=banner/contentinfo outside article and main, where they belong to
// the text), role=navigation/search/complementary, the page <title>, or
// a class or id made of boilerplateWords.
func isBoilerplate(t html.Token, inContent bool) bool {
	switch t.DataAtom {
	case atom.Nav, atom.Aside, atom.Title:
		return true
	case atom.Header, atom.Footer:
		if !inContent {
			return true
		}
	}
	for _, a := range t.Attr {
		switch a.Key {
		case "role":
			switch strings.ToLower(a.Val) {
			case "navigation", "search", "complementary":
				return true
			case "banner", "contentinfo":
				if !inContent {
					return true
				}
			}
		case "class", "id":
			for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
				if boilerplateWords[w] {
					return true
				}
			}
		}
	}
	return false
}
