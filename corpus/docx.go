package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Word and OpenDocument files have no lines; a Paragraph read from one by
// ReadDOCX or ReadODT is positioned by its ordinal instead: the N-th
// paragraph the reader gives (1-based, footnotes and endnotes counted after
// the body) has Start = End = N, the paragraph number a person finds with
// the word processor's navigation. Lines broken inside a paragraph (w:br,
// text:line-break) are joined by "\n" in its Text and do not count.

// maxZipEntry is the largest uncompressed size of a zip entry the office
// readers read: a document.xml or content.xml of a very long book is tens of
// megabytes, so an entry over 256 MiB is refused as a zip bomb (a few
// kilobytes that inflate to gigabytes).
const maxZipEntry = 256 << 20

// openZip opens an office file as a zip archive.
func openZip(data []byte, name string) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &ParseError{File: name, Err: fmt.Errorf("not a valid zip archive (a damaged .docx or .odt?): %w", err)}
	}
	return zr, nil
}

// readEntry returns the contents of the archive's entry path; found is
// false when there is none. An entry over maxZipEntry bytes is an error.
func readEntry(zr *zip.Reader, path, name string) (data []byte, found bool, err error) {
	for _, f := range zr.File {
		if f.Name != path {
			continue
		}
		tooBig := &ParseError{File: name, Err: fmt.Errorf("%s: uncompressed size over the limit of %d MiB (a zip bomb?)", path, maxZipEntry>>20)}
		if f.UncompressedSize64 > maxZipEntry {
			return nil, true, tooBig
		}
		rc, err := f.Open()
		if err != nil {
			return nil, true, &ParseError{File: name, Err: fmt.Errorf("%s: %w", path, err)}
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, maxZipEntry+1))
		if err != nil {
			return nil, true, &ParseError{File: name, Err: fmt.Errorf("%s: %w", path, err)}
		}
		if len(b) > maxZipEntry {
			return nil, true, tooBig
		}
		return b, true, nil
	}
	return nil, false, nil
}

// xmlError wraps a decoding error of an archive entry.
func xmlError(name, entry string, err error) error {
	return &ParseError{File: name, Err: fmt.Errorf("%s: malformed XML: %w", entry, err)}
}

// eachToken calls f with every token of the XML part entry of the office
// file name, in order, until the end or an error; a malformed part or an
// error of f is a ParseError naming the file and part.
func eachToken(data []byte, name, entry string, f func(d *xml.Decoder, tok xml.Token) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err == nil {
			err = f(d, tok)
		}
		if err != nil {
			return xmlError(name, entry, err)
		}
	}
}

// ReadDOCX reads a Word document (.docx, Office Open XML) as paragraphs in
// document order: the body's paragraphs, those of table cells one by one
// (row by row, each cell's paragraphs in turn) and of text boxes after the
// paragraph holding them, then footnotes and endnotes. Text is what Word
// shows with all tracked changes accepted: insertions kept, deletions and
// moved-from text dropped, a field's shown result rather than its code,
// hidden text left out; w:tab is a tab, w:br and w:cr a newline,
// w:noBreakHyphen a hyphen; note reference marks are not written.
//
// A paragraph's style (its w:outlineLvl, its name such as "heading 2",
// "Überschrift 2", "Заголовок 2", "Título 2", or "Title", looked up along
// its basedOn chain) makes it a Heading of that level. Word's automatic
// numbering is rendered as Word shows it (numbering.xml: number formats,
// level texts such as "%1." or "Article %1" or "%1.%2.", start values,
// restarts, overrides, numbering given by the paragraph style) and written
// before the text with one space; such a paragraph is a ListItem of level
// ilvl+1 unless its style makes it a heading. A bulleted paragraph is a
// ListItem with no text added (the glyph is a symbol-font character, not
// text); a level that shows nothing (no format, a blank bullet) leaves the
// paragraph Text. Paragraphs with no text are left out. See the note on
// Start and End above.
//
// Errors are *ParseError values naming the file: an archive that is not a
// zip, a missing word/document.xml, malformed XML (naming the entry), an
// entry over maxZipEntry bytes.
func ReadDOCX(data []byte, name string) ([]Paragraph, error) {
	zr, err := openZip(data, name)
	if err != nil {
		return nil, err
	}
	doc, ok, err := readEntry(zr, "word/document.xml", name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &ParseError{File: name, Err: errors.New("no word/document.xml in the archive: not a Word document")}
	}
	r := &docxReader{name: name}
	if b, ok, err := readEntry(zr, "word/styles.xml", name); err != nil {
		return nil, err
	} else if ok {
		if r.styles, err = parseDocxStyles(b); err != nil {
			return nil, xmlError(name, "word/styles.xml", err)
		}
	}
	if b, ok, err := readEntry(zr, "word/numbering.xml", name); err != nil {
		return nil, err
	} else if ok {
		if r.num, err = parseDocxNumbering(b); err != nil {
			return nil, xmlError(name, "word/numbering.xml", err)
		}
	}
	if err := r.read(doc, "word/document.xml"); err != nil {
		return nil, err
	}
	for _, entry := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		b, ok, err := readEntry(zr, entry, name)
		if err != nil {
			return nil, err
		}
		if ok {
			if err := r.read(b, entry); err != nil {
				return nil, err
			}
		}
	}
	return r.out, nil
}

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docxPara is a paragraph being read.
type docxPara struct {
	text    strings.Builder
	style   string
	numID   string // "" when the paragraph names no numbering
	ilvl    int
	hasIlvl bool
	outline int  // w:outlineLvl 0–8, or -1
	markDel bool // the paragraph mark is a tracked deletion: it joins the next paragraph
	inPPr   bool
	inNumPr bool
	inRun   bool
	hidden  bool // the current run is hidden (w:vanish)
	inText  bool // inside w:t
	inner   []Paragraph
}

type docxReader struct {
	name   string
	styles docxStyles
	num    *docxNumbering
	out    []Paragraph
	paras  []*docxPara // open paragraphs, innermost last (text boxes nest)
	fields []bool      // open complex fields, innermost last: true once past "separate"
	carry  string      // text of paragraphs whose mark was deleted, for the next one
}

// read reads the paragraphs of one XML part (document, footnotes or
// endnotes) and appends them to r.out.
func (r *docxReader) read(data []byte, entry string) error {
	err := eachToken(data, r.name, entry, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			return r.start(d, t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			if p := r.top(); p != nil && p.inText {
				p.text.Write(t)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(r.paras) > 0 {
		return xmlError(r.name, entry, errors.New("unclosed paragraph"))
	}
	return nil
}

func (r *docxReader) top() *docxPara {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

// shown reports whether text at this point is shown: not in a hidden run,
// not in a field's instructions.
func (r *docxReader) shown(p *docxPara) bool {
	if p == nil || !p.inRun || p.hidden {
		return false
	}
	for _, result := range r.fields {
		if !result {
			return false
		}
	}
	return true
}

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a WordprocessingML toggle: absent val or "true", "1", "on" is
// on.
func onOff(e xml.StartElement) bool {
	v, ok := attr(e, "val")
	return !ok || v == "true" || v == "1" || v == "on"
}

func (r *docxReader) start(d *xml.Decoder, e xml.StartElement) error {
	if e.Name.Space == nsMC && e.Name.Local == "Fallback" {
		return d.Skip() // the same content as mc:Choice, for older readers
	}
	if e.Name.Space != nsW && e.Name.Space != nsWStrict {
		return nil
	}
	p := r.top()
	if p != nil && p.inPPr && e.Name.Local == "del" {
		p.markDel = true // the paragraph mark (w:pPr/w:rPr/w:del) is deleted
		return d.Skip()
	}
	switch e.Name.Local {
	case "p":
		r.paras = append(r.paras, &docxPara{outline: -1})
		return nil
	case "del", "moveFrom", "delText", "instrText", "delInstrText", "pPrChange", "rPrChange",
		"sectPr", "tabs", "footnoteRef", "endnoteRef", "separator", "continuationSeparator":
		return d.Skip()
	case "footnote", "endnote":
		if t, _ := attr(e, "type"); t != "" && t != "normal" {
			return d.Skip() // separators and continuation notices
		}
		return nil
	}
	if p == nil {
		return nil
	}
	if p.inPPr {
		switch e.Name.Local {
		case "pStyle":
			p.style, _ = attr(e, "val")
		case "numPr":
			p.inNumPr = true
		case "ilvl":
			if p.inNumPr {
				v, _ := attr(e, "val")
				p.ilvl, _ = strconv.Atoi(v)
				p.hasIlvl = true
			}
		case "numId":
			if p.inNumPr {
				p.numID, _ = attr(e, "val")
			}
		case "outlineLvl":
			v, _ := attr(e, "val")
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
				p.outline = n
			}
		}
		return nil
	}
	switch e.Name.Local {
	case "pPr":
		p.inPPr = true
	case "r":
		p.inRun, p.hidden = true, false
	case "vanish":
		if p.inRun {
			p.hidden = onOff(e)
		}
	case "t":
		p.inText = r.shown(p)
	case "tab", "ptab":
		if r.shown(p) {
			p.text.WriteByte('\t')
		}
	case "br", "cr":
		if r.shown(p) {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		if r.shown(p) {
			p.text.WriteByte('-')
		}
	case "sym":
		if r.shown(p) {
			p.text.WriteString(symText(e))
		}
	case "fldChar":
		switch t, _ := attr(e, "fldCharType"); t {
		case "begin":
			r.fields = append(r.fields, false)
		case "separate":
			if n := len(r.fields); n > 0 {
				r.fields[n-1] = true
			}
		case "end":
			if n := len(r.fields); n > 0 {
				r.fields = r.fields[:n-1]
			}
		}
	}
	return nil
}

// symText returns the character of a w:sym element: its w:char code
// point, unless that is a private-use code of a symbol font (Wingdings,
// Symbol), which has no meaning as text.
func symText(e xml.StartElement) string {
	v, _ := attr(e, "char")
	n, err := strconv.ParseUint(v, 16, 32)
	if err != nil || n == 0 || !unicode.IsPrint(rune(n)) || unicode.In(rune(n), unicode.Co) {
		return ""
	}
	return string(rune(n))
}

func (r *docxReader) end(e xml.EndElement) {
	if e.Name.Space != nsW && e.Name.Space != nsWStrict {
		return
	}
	p := r.top()
	if p == nil {
		return
	}
	switch e.Name.Local {
	case "p":
		r.paras = r.paras[:len(r.paras)-1]
		r.finish(p)
	case "pPr":
		p.inPPr = false
	case "numPr":
		p.inNumPr = false
	case "r":
		p.inRun, p.hidden = false, false
	case "t":
		p.inText = false
	}
}

// finish gives the paragraph its number, kind and level and emits it
// (after its parent when it is in a text box).
func (r *docxReader) finish(p *docxPara) {
	text := r.carry + p.text.String()
	r.carry = ""
	if p.markDel {
		// accepted, the deletion of the paragraph mark joins this
		// paragraph to the next, which keeps its own properties
		r.carry = text
		return
	}
	level := p.outline + 1
	if level == 0 {
		level = r.styles.headingLevel(p.style)
	}
	numID, ilvl := p.numID, p.ilvl
	if numID == "" {
		numID, ilvl = r.styles.numbering(p.style, r.num)
	} else if !p.hasIlvl {
		ilvl = 0
	}
	var label string
	var visible, bullet bool
	if r.num != nil {
		label, visible, bullet = r.num.render(numID, ilvl, r.styles)
	}
	out := Paragraph{File: r.name, Text: text}
	switch {
	case level > 0:
		out.Kind, out.Level = Heading, level
	case visible:
		out.Kind, out.Level = ListItem, min(max(ilvl, 0), maxListLevels-1)+1
	}
	if label != "" {
		if strings.TrimFunc(text, unicode.IsSpace) == "" {
			out.Text = label
		} else {
			out.Text = label + " " + text
		}
	}
	if strings.TrimFunc(out.Text, unicode.IsSpace) == "" {
		if bullet && len(p.inner) == 0 {
			return
		}
		out.Text = ""
	}
	if parent := r.top(); parent != nil {
		if out.Text != "" {
			parent.inner = append(parent.inner, out)
		}
		parent.inner = append(parent.inner, p.inner...)
		return
	}
	if out.Text != "" {
		r.emit(out)
	}
	for _, q := range p.inner {
		r.emit(q)
	}
}

func (r *docxReader) emit(p Paragraph) { r.out = appendOffice(r.out, p) }

// appendOffice appends an office paragraph with its position (see above).
func appendOffice(out []Paragraph, p Paragraph) []Paragraph {
	n := len(out) + 1
	p.Start, p.End = n, n
	return append(out, p)
}

// docxStyles are the paragraph and numbering styles of styles.xml by id.
type docxStyles map[string]*docxStyle

type docxStyle struct {
	name    string
	basedOn string
	outline int // w:outlineLvl 0–8, or -1
	numID   string
	ilvl    int
	hasIlvl bool
}

// maxStyleChain bounds a walk along basedOn and numStyleLink references,
// so that a cycle in a damaged file ends. Word itself nests styles a few
// levels deep.
const maxStyleChain = 32

type xVal struct {
	Val *string `xml:"val,attr"`
}

func (v *xVal) get() (string, bool) {
	if v == nil || v.Val == nil {
		return "", false
	}
	return *v.Val, true
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

func parseDocxStyles(data []byte) (docxStyles, error) {
	var doc struct {
		Styles []struct {
			ID      string `xml:"styleId,attr"`
			Name    *xVal  `xml:"name"`
			BasedOn *xVal  `xml:"basedOn"`
			PPr     struct {
				Outline *xVal   `xml:"outlineLvl"`
				NumPr   *xNumPr `xml:"numPr"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	out := docxStyles{}
	for _, s := range doc.Styles {
		st := &docxStyle{outline: -1}
		st.name, _ = s.Name.get()
		st.basedOn, _ = s.BasedOn.get()
		if v, ok := s.PPr.Outline.get(); ok {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
				st.outline = n
			} else {
				st.outline = 9 // body text: stops the basedOn walk
			}
		}
		if np := s.PPr.NumPr; np != nil {
			st.numID, _ = np.NumID.get()
			if v, ok := np.Ilvl.get(); ok {
				st.ilvl, _ = strconv.Atoi(v)
				st.hasIlvl = true
			}
		}
		out[s.ID] = st
	}
	return out, nil
}

// headingNames are the names of Word's heading styles in the languages of
// localised Word versions that write them (Word normally writes the
// English built-in name, "heading 1", whatever its language), lower case,
// before the level number.
var headingNames = []string{
	"heading", "überschrift", "заголовок", "título", "titulo", "titre", "titolo",
	"kop", "nagłówek", "rubrik", "overskrift", "otsikko", "nadpis", "naslov",
	"başlık", "επικεφαλίδα", "כותרת", "عنوان", "見出し", "标题", "제목",
}

// headingLevel returns the heading level (1–9) that style id gives a
// paragraph, or 0: the style's w:outlineLvl, a heading name with a level
// ("heading 2", "Heading2", "Überschrift 2"), "Title" as level 1, else
// that of the style it is based on.
func (s docxStyles) headingLevel(id string) int {
	for range maxStyleChain {
		st := s[id]
		if st == nil {
			return headingNameLevel(id)
		}
		if st.outline >= 0 {
			if st.outline < 9 {
				return st.outline + 1
			}
			return 0
		}
		if l := headingNameLevel(st.name); l > 0 {
			return l
		}
		if l := headingNameLevel(id); l > 0 {
			return l
		}
		if st.basedOn == "" {
			return 0
		}
		id = st.basedOn
	}
	return 0
}

// headingNameLevel reads the level from a heading style's name or id.
func headingNameLevel(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "title" {
		return 1
	}
	for _, h := range headingNames {
		rest, ok := strings.CutPrefix(n, h)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if l, err := strconv.Atoi(rest); err == nil && l >= 1 && l <= 9 {
			return l
		}
	}
	return 0
}

// numbering returns the numbering a paragraph of style id gets from its
// style or the styles it is based on: the num id and level ("" when
// none). A style naming no level takes the level of the abstract
// numbering that links to it (w:pStyle), else 0.
func (s docxStyles) numbering(id string, num *docxNumbering) (string, int) {
	for range maxStyleChain {
		st := s[id]
		if st == nil {
			return "", 0
		}
		if st.numID != "" {
			if st.hasIlvl {
				return st.numID, st.ilvl
			}
			return st.numID, num.levelOfStyle(st.numID, id, s)
		}
		id = st.basedOn
	}
	return "", 0
}

// docxLevel is one level of an abstract numbering.
type docxLevel struct {
	start   int
	format  numFormat
	text    string // w:lvlText, "%1." …
	restart int    // w:lvlRestart: restart after this level (1-based) is counted; 0 never; -1 after any higher level
	legal   bool   // w:isLgl: all levels written as decimals
	pStyle  string
}

type docxAbstract struct {
	levels    [maxListLevels]docxLevel
	styleLink string // w:numStyleLink: the levels are those of a numbering style
}

type docxNum struct {
	abstract string
	start    map[int]int        // w:startOverride by level
	levels   map[int]*docxLevel // w:lvl overrides by level
}

// docxNumbering is numbering.xml with the counters of the document read
// so far. Counters belong to the abstract numbering, as in Word: nums
// sharing one continue each other's numbering, and a num with start
// overrides restarts the levels it overrides where it is first used.
type docxNumbering struct {
	abstract map[string]*docxAbstract
	nums     map[string]*docxNum
	counters map[string]*listCounters // by abstract id
	started  map[string]bool          // nums whose start overrides have been applied
}

type xLvl struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *xVal  `xml:"start"`
	NumFmt  *xVal  `xml:"numFmt"`
	LvlText *xVal  `xml:"lvlText"`
	Restart *xVal  `xml:"lvlRestart"`
	IsLgl   *xVal  `xml:"isLgl"`
	PStyle  *xVal  `xml:"pStyle"`
}

func (x *xLvl) level() (int, docxLevel) {
	i, _ := strconv.Atoi(x.Ilvl)
	lv := docxLevel{start: 1, restart: -1}
	if v, ok := x.Start.get(); ok {
		lv.start, _ = strconv.Atoi(v)
	}
	lv.format = numDecimal
	if v, ok := x.NumFmt.get(); ok {
		if f, ok := wordNumFormats[v]; ok {
			lv.format = f
		}
	}
	if v, ok := x.LvlText.get(); ok {
		lv.text = v
	} else if x.LvlText == nil {
		lv.text = "%" + strconv.Itoa(i+1) + "."
	}
	if v, ok := x.Restart.get(); ok {
		if n, err := strconv.Atoi(v); err == nil {
			lv.restart = n
		}
	}
	if x.IsLgl != nil {
		v, ok := x.IsLgl.get()
		lv.legal = !ok || v == "true" || v == "1" || v == "on"
	}
	lv.pStyle, _ = x.PStyle.get()
	return i, lv
}

func parseDocxNumbering(data []byte) (*docxNumbering, error) {
	var doc struct {
		Abstract []struct {
			ID        string `xml:"abstractNumId,attr"`
			Lvls      []xLvl `xml:"lvl"`
			StyleLink *xVal  `xml:"numStyleLink"`
		} `xml:"abstractNum"`
		Num []struct {
			ID        string `xml:"numId,attr"`
			Abstract  *xVal  `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start *xVal  `xml:"startOverride"`
				Lvl   *xLvl  `xml:"lvl"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	n := &docxNumbering{
		abstract: map[string]*docxAbstract{},
		nums:     map[string]*docxNum{},
		counters: map[string]*listCounters{},
		started:  map[string]bool{},
	}
	for _, a := range doc.Abstract {
		abs := &docxAbstract{}
		for i := range abs.levels {
			abs.levels[i] = docxLevel{start: 1, format: numNone, restart: -1}
		}
		for _, x := range a.Lvls {
			if i, lv := x.level(); i >= 0 && i < maxListLevels {
				abs.levels[i] = lv
			}
		}
		abs.styleLink, _ = a.StyleLink.get()
		n.abstract[a.ID] = abs
	}
	for _, x := range doc.Num {
		num := &docxNum{start: map[int]int{}, levels: map[int]*docxLevel{}}
		num.abstract, _ = x.Abstract.get()
		for _, o := range x.Overrides {
			i, err := strconv.Atoi(o.Ilvl)
			if err != nil || i < 0 || i >= maxListLevels {
				continue
			}
			if v, ok := o.Start.get(); ok {
				num.start[i], _ = strconv.Atoi(v)
			}
			if o.Lvl != nil {
				_, lv := o.Lvl.level()
				num.levels[i] = &lv
			}
		}
		n.nums[x.ID] = num
	}
	return n, nil
}

// abstractOf returns the abstract numbering of num id and its id,
// following a numbering style's link (w:numStyleLink) to the numbering
// the style names.
func (n *docxNumbering) abstractOf(numID string, styles docxStyles) (*docxAbstract, string) {
	for range maxStyleChain {
		num := n.nums[numID]
		if num == nil {
			return nil, ""
		}
		abs := n.abstract[num.abstract]
		if abs == nil {
			return nil, ""
		}
		if abs.styleLink == "" {
			return abs, num.abstract
		}
		st := styles[abs.styleLink]
		if st == nil || st.numID == "" || st.numID == numID {
			return abs, num.abstract
		}
		numID = st.numID
	}
	return nil, ""
}

// levelOfStyle returns the level of num id's abstract numbering that
// names paragraph style id, or 0.
func (n *docxNumbering) levelOfStyle(numID, id string, styles docxStyles) int {
	if n == nil {
		return 0
	}
	abs, _ := n.abstractOf(numID, styles)
	if abs == nil {
		return 0
	}
	for i, lv := range abs.levels {
		if lv.pStyle == id {
			return i
		}
	}
	return 0
}

// level returns level i of num as overridden by the num.
func (n *docxNumbering) level(num *docxNum, abs *docxAbstract, i int) docxLevel {
	lv := abs.levels[i]
	if o := num.levels[i]; o != nil {
		lv = *o
	}
	if s, ok := num.start[i]; ok {
		lv.start = s
	}
	return lv
}

// render counts a paragraph of num id at level ilvl and returns the text
// Word shows for its number ("" for none or a bullet), whether a marker is
// shown at all, and whether it is a bullet.
func (n *docxNumbering) render(numID string, ilvl int, styles docxStyles) (label string, visible, bullet bool) {
	num := n.nums[numID]
	if num == nil {
		return "", false, false // numId 0 and unknown ids: no numbering
	}
	abs, absID := n.abstractOf(numID, styles)
	if abs == nil {
		return "", false, false
	}
	ilvl = min(max(ilvl, 0), maxListLevels-1)
	c := n.counters[absID]
	if c == nil {
		c = &listCounters{}
		n.counters[absID] = c
	}
	if len(num.start) > 0 && !n.started[numID] {
		n.started[numID] = true
		for i := range num.start {
			c.set[i] = false
		}
	}
	lv := n.level(num, abs, ilvl)
	if lv.format == numBullet {
		return "", strings.TrimFunc(lv.text, unicode.IsSpace) != "", true
	}
	value := c.advance(ilvl, lv.start, func(d int) bool {
		r := n.level(num, abs, d).restart
		if r < 0 {
			r = d
		}
		return ilvl < r
	})
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		ch := lv.text[i]
		if ch != '%' || i+1 == len(lv.text) || lv.text[i+1] < '1' || lv.text[i+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		k := int(lv.text[i+1] - '1')
		i++
		if k > ilvl {
			continue // a deeper level than the paragraph's: Word shows nothing
		}
		kl := n.level(num, abs, k)
		v := value
		if k < ilvl {
			v = c.current(k, kl.start)
		}
		f := kl.format
		if lv.legal && f != numNone && f != numBullet {
			f = numDecimal
		}
		b.WriteString(formatNumber(v, f))
	}
	label = strings.TrimFunc(b.String(), unicode.IsSpace)
	return label, label != "", false
}
