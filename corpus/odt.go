package corpus

import (
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// ReadODT reads an OpenDocument text (.odt) as paragraphs in document
// order, as ReadDOCX reads a Word document: headings (text:h, with their
// outline level, and paragraphs of the style Title or a heading style) as
// Heading, paragraphs of table cells one by one, text boxes after their
// paragraph, notes (text:note) after the body. Deleted text of tracked
// changes (text:tracked-changes) is left out, inserted text kept. White
// space is collapsed as OpenDocument prescribes; text:s, text:tab and
// text:line-break give spaces, a tab and a newline.
//
// List numbering is rendered as the word processor shows it from the list
// style (text:list-level-style-number: style:num-format 1, a, A, i, I,
// style:num-prefix and num-suffix, text:start-value, text:display-levels),
// text:start-value of an item, and lists continued by
// text:continue-numbering or text:continue-list; each text:list otherwise
// starts its numbering anew. The number and one space are written before
// the text of an item's first paragraph, which is a ListItem of its list
// depth; the item's further paragraphs are Text. A heading's number is the
// one the file records (text:number), else that of the outline style.
// Bullets are treated as in ReadDOCX. Start and End are as described at
// the top of docx.go. Errors are those of ReadDOCX, for content.xml and
// styles.xml.
func ReadODT(data []byte, name string) ([]Paragraph, error) {
	zr, err := openZip(data, name)
	if err != nil {
		return nil, err
	}
	content, ok, err := readEntry(zr, "content.xml", name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &ParseError{File: name, Err: errors.New("no content.xml in the archive: not an OpenDocument text")}
	}
	r := &odtReader{
		name:       name,
		paraStyles: map[string]odtParaStyle{},
		listStyles: map[string]*odtListStyle{},
		chains:     map[string]*listCounters{},
	}
	if b, ok, err := readEntry(zr, "styles.xml", name); err != nil {
		return nil, err
	} else if ok {
		if err := r.read(b, "styles.xml"); err != nil {
			return nil, err
		}
	}
	if err := r.read(content, "content.xml"); err != nil {
		return nil, err
	}
	for _, p := range r.notes {
		r.out = appendOffice(r.out, p)
	}
	return r.out, nil
}

// OpenDocument namespaces.
const (
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsSVG    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
)

type odtParaStyle struct {
	parent    string
	display   string
	listStyle string
	outline   int // style:default-outline-level, or 0
}

// odtLevel is one level of a list style.
type odtLevel struct {
	format         numFormat
	prefix, suffix string
	start          int
	display        int // text:display-levels
}

type odtListStyle struct {
	levels [maxListLevels]odtLevel
}

type odtPara struct {
	text     strings.Builder
	space    bool // the text ends in collapsed white space (or is empty)
	heading  int
	style    string
	label    string
	numbered bool // an item's first paragraph
	bullet   bool
	visible  bool
	depth    int
	note     bool
	inNumber bool // inside text:number
	number   strings.Builder
	inner    []Paragraph
}

// odtList is an open text:list.
type odtList struct {
	style    string
	counters *listCounters
}

// odtItem is an open text:list-item or text:list-header.
type odtItem struct {
	header bool
	start  int // text:start-value, or 0
	used   bool
}

type odtReader struct {
	name       string
	paraStyles map[string]odtParaStyle
	listStyles map[string]*odtListStyle
	outline    *odtListStyle
	chains     map[string]*listCounters // by xml:id of a list
	last       *listCounters            // the last top-level list's counters
	headings   listCounters             // outline numbering
	curList    *odtListStyle            // list style being read
	lists      []odtList
	items      []odtItem
	paras      []*odtPara
	elems      []string // local names of the open elements
	notes      []Paragraph
	inNote     int
	out        []Paragraph
}

func odtAttr(e xml.StartElement, local string) string {
	v, _ := attr(e, local)
	return v
}

func (r *odtReader) read(data []byte, entry string) error {
	err := eachToken(data, r.name, entry, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			skip, err := r.start(d, t)
			if err != nil {
				return err
			}
			if !skip {
				r.elems = append(r.elems, t.Name.Local)
			}
		case xml.EndElement:
			if len(r.elems) > 0 {
				r.elems = r.elems[:len(r.elems)-1]
			}
			r.end(t)
		case xml.CharData:
			if p := r.top(); p != nil {
				if p.inNumber {
					p.number.Write(t)
				} else {
					p.write(string(t))
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(r.paras) > 0 || len(r.lists) > 0 {
		return xmlError(r.name, entry, errors.New("unclosed paragraph or list"))
	}
	return nil
}

func (r *odtReader) top() *odtPara {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

// write appends character data, collapsing white space.
func (p *odtPara) write(s string) {
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if !p.space {
				p.text.WriteByte(' ')
				p.space = true
			}
			continue
		}
		p.text.WriteRune(c)
		p.space = false
	}
}

// parent returns the local name of the element enclosing the current one.
func (r *odtReader) parent() string {
	if len(r.elems) == 0 {
		return ""
	}
	return r.elems[len(r.elems)-1]
}

// start handles a start element; skip reports that its subtree was
// skipped (so it is not on the element stack).
func (r *odtReader) start(d *xml.Decoder, e xml.StartElement) (skip bool, err error) {
	switch e.Name.Space {
	case nsOffice:
		if e.Name.Local == "annotation" || e.Name.Local == "forms" || e.Name.Local == "master-styles" {
			// comments, form controls, page headers and footers
			return true, d.Skip()
		}
		return false, nil
	case nsSVG:
		return true, d.Skip() // titles and descriptions of drawings
	case nsStyle:
		r.styleStart(e)
		return false, nil
	case nsText:
	default:
		return false, nil
	}
	p := r.top()
	local := e.Name.Local
	switch {
	case local == "tracked-changes", local == "note-citation", local == "sequence-decls", local == "variable-decls",
		local == "user-field-decls", strings.HasSuffix(local, "-source"):
		return true, d.Skip()
	case local == "list-style", local == "outline-style":
		r.curList = &odtListStyle{}
		for i := range r.curList.levels {
			r.curList.levels[i] = odtLevel{format: numNone, start: 1, display: 1}
		}
		if local == "outline-style" {
			r.outline = r.curList
		} else {
			r.listStyles[odtAttr(e, "name")] = r.curList
		}
	case local == "list-level-style-number", local == "outline-level-style", local == "list-level-style-bullet", local == "list-level-style-image":
		r.levelStyle(e)
	case local == "p" || local == "h":
		np := &odtPara{space: true, style: odtAttr(e, "style-name"), note: r.inNote > 0}
		if local == "h" {
			np.heading = 1
			if n, err := strconv.Atoi(odtAttr(e, "outline-level")); err == nil && n > 0 {
				np.heading = min(n, 10)
			}
		} else {
			np.heading = r.styleHeading(np.style)
		}
		if len(r.items) > 0 && r.parent() == "list-item" {
			it := &r.items[len(r.items)-1]
			if !it.used && !it.header {
				it.used = true
				r.number(np, it.start)
			}
		} else if local == "h" && r.outline != nil {
			r.headingNumber(np)
		}
		r.paras = append(r.paras, np)
	case local == "list":
		r.openList(e)
	case local == "list-item" || local == "list-header":
		it := odtItem{header: local == "list-header"}
		if n, err := strconv.Atoi(odtAttr(e, "start-value")); err == nil {
			it.start = n
		}
		r.items = append(r.items, it)
	case local == "note":
		r.inNote++
	case p == nil:
	case local == "number":
		p.inNumber = true
	case local == "s":
		n, err := strconv.Atoi(odtAttr(e, "c"))
		if err != nil || n < 1 {
			n = 1
		}
		p.text.WriteString(strings.Repeat(" ", min(n, maxSpaces)))
		p.space = false
	case local == "tab":
		p.text.WriteByte('\t')
		p.space = true
	case local == "line-break":
		p.text.WriteByte('\n')
		p.space = true
	}
	return false, nil
}

// maxSpaces caps text:s's count, so that a damaged file cannot ask for
// gigabytes of spaces; no layout uses more.
const maxSpaces = 1000

func (r *odtReader) styleStart(e xml.StartElement) {
	if e.Name.Local != "style" || odtAttr(e, "family") != "paragraph" {
		return
	}
	st := odtParaStyle{parent: odtAttr(e, "parent-style-name"), display: odtAttr(e, "display-name"), listStyle: odtAttr(e, "list-style-name")}
	if n, err := strconv.Atoi(odtAttr(e, "default-outline-level")); err == nil && n > 0 {
		st.outline = n
	}
	r.paraStyles[odtAttr(e, "name")] = st
}

// levelStyle records a level of the list or outline style being read.
func (r *odtReader) levelStyle(e xml.StartElement) {
	if r.curList == nil {
		return
	}
	n, err := strconv.Atoi(odtAttr(e, "level"))
	if err != nil || n < 1 || n > maxListLevels {
		return
	}
	lv := odtLevel{format: numNone, start: 1, display: 1}
	switch e.Name.Local {
	case "list-level-style-bullet":
		lv.format = numBullet
		if strings.TrimFunc(odtAttr(e, "bullet-char"), unicode.IsSpace) == "" {
			lv.format = numNone
		}
	case "list-level-style-image":
		lv.format = numBullet
	default:
		if f, ok := attr(e, "num-format"); ok {
			lv.format = odfNumFormat(f)
		}
		lv.prefix, lv.suffix = odtAttr(e, "num-prefix"), odtAttr(e, "num-suffix")
		if s, err := strconv.Atoi(odtAttr(e, "start-value")); err == nil {
			lv.start = s
		}
		if dl, err := strconv.Atoi(odtAttr(e, "display-levels")); err == nil && dl > 0 {
			lv.display = dl
		}
	}
	r.curList.levels[n-1] = lv
}

// styleHeading returns the heading level a paragraph style gives: its
// default outline level, Title as 1, a heading style's name, else its
// parent's.
func (r *odtReader) styleHeading(name string) int {
	for range maxStyleChain {
		st, ok := r.paraStyles[name]
		if l := headingNameLevel(strings.ReplaceAll(name, "_20_", " ")); l > 0 {
			return l
		}
		if !ok {
			return 0
		}
		if st.outline > 0 {
			return st.outline
		}
		if l := headingNameLevel(st.display); l > 0 {
			return l
		}
		if st.parent == "" {
			return 0
		}
		name = st.parent
	}
	return 0
}

// openList opens a text:list: a nested list counts on in its parent's
// counters, a top-level one starts anew unless it continues a list.
func (r *odtReader) openList(e xml.StartElement) {
	l := odtList{style: odtAttr(e, "style-name")}
	if len(r.lists) > 0 {
		outer := r.lists[len(r.lists)-1]
		l.counters = outer.counters
		if l.style == "" {
			l.style = outer.style
		}
	} else {
		switch {
		case r.chains[odtAttr(e, "continue-list")] != nil:
			l.counters = r.chains[odtAttr(e, "continue-list")]
		case odtAttr(e, "continue-numbering") == "true" && r.last != nil:
			l.counters = r.last
		default:
			l.counters = &listCounters{}
		}
		r.last = l.counters
	}
	if id := odtAttr(e, "id"); id != "" {
		r.chains[id] = l.counters
	}
	r.lists = append(r.lists, l)
}

// number gives an item's first paragraph its number.
func (r *odtReader) number(p *odtPara, itemStart int) {
	l := r.lists[len(r.lists)-1]
	depth := min(len(r.lists), maxListLevels)
	p.depth = depth
	style := r.listStyles[l.style]
	if style == nil {
		style = r.listStyles[r.paraStyles[p.style].listStyle]
	}
	if style == nil {
		return
	}
	lv := style.levels[depth-1]
	switch lv.format {
	case numNone:
		return
	case numBullet:
		p.bullet, p.visible = true, true
		return
	}
	start := lv.start
	if itemStart > 0 {
		start = itemStart
		l.counters.set[depth-1] = false
	}
	l.counters.advance(depth-1, start, func(int) bool { return true })
	p.label = renderODFLabel(style, l.counters, depth)
	p.numbered, p.visible = true, true
}

// headingNumber numbers a heading by the outline style.
func (r *odtReader) headingNumber(p *odtPara) {
	lv := r.outline.levels[p.heading-1]
	if lv.format == numNone || lv.format == numBullet {
		return
	}
	r.headings.advance(p.heading-1, lv.start, func(int) bool { return true })
	p.label = renderODFLabel(r.outline, &r.headings, p.heading)
}

// renderODFLabel writes the number of a paragraph at depth (1-based):
// prefix, the last display-levels levels' numbers joined by dots, suffix.
func renderODFLabel(style *odtListStyle, c *listCounters, depth int) string {
	lv := style.levels[depth-1]
	var b strings.Builder
	b.WriteString(lv.prefix)
	for k := max(depth-lv.display, 0); k < depth; k++ {
		kl := style.levels[k]
		if k < depth-1 {
			b.WriteString(formatNumber(c.current(k, kl.start), kl.format))
			b.WriteByte('.')
		} else {
			b.WriteString(formatNumber(c.value[k], kl.format))
		}
	}
	b.WriteString(lv.suffix)
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

func (r *odtReader) end(e xml.EndElement) {
	if e.Name.Space != nsText {
		return
	}
	switch e.Name.Local {
	case "list-style", "outline-style":
		r.curList = nil
	case "list":
		if len(r.lists) > 0 {
			r.lists = r.lists[:len(r.lists)-1]
		}
	case "list-item", "list-header":
		if len(r.items) > 0 {
			r.items = r.items[:len(r.items)-1]
		}
	case "note":
		r.inNote--
	case "number":
		if p := r.top(); p != nil {
			p.inNumber = false
		}
	case "p", "h":
		if p := r.top(); p != nil {
			r.paras = r.paras[:len(r.paras)-1]
			r.finish(p)
		}
	}
}

func (r *odtReader) finish(p *odtPara) {
	text := strings.TrimRight(p.text.String(), " ")
	label := p.label
	if n := strings.TrimSpace(p.number.String()); n != "" {
		label = n // the number the word processor recorded
	}
	out := Paragraph{File: r.name, Text: text}
	switch {
	case p.heading > 0:
		out.Kind, out.Level = Heading, p.heading
	case p.visible:
		out.Kind, out.Level = ListItem, p.depth
	}
	if label != "" {
		if text == "" {
			out.Text = label
		} else {
			out.Text = label + " " + text
		}
	}
	keep := strings.TrimFunc(out.Text, unicode.IsSpace) != ""
	if p.note {
		// a note's paragraphs go to the end, wherever the note is
		if keep {
			r.notes = append(r.notes, out)
		}
		r.notes = append(r.notes, p.inner...)
		return
	}
	if parent := r.top(); parent != nil {
		if keep {
			parent.inner = append(parent.inner, out)
		}
		parent.inner = append(parent.inner, p.inner...)
		return
	}
	var all []Paragraph
	if keep {
		all = append(all, out)
	}
	all = append(all, p.inner...)
	for _, q := range all {
		r.out = appendOffice(r.out, q)
	}
}
