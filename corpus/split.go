package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format is the markup of an input.
type Format uint8

const (
	// AutoFormat decides from the file name and content.
	AutoFormat Format = iota
	// PlainText: blank lines separate paragraphs; lines inside a block are
	// joined when they look hard-wrapped and kept apart when they do not
	// (a title line above a long paragraph, an address block). Plain text
	// has no fenced code: a line of backticks or tildes is text.
	PlainText
	// Markdown: CommonMark block rules for paragraphs, headings, lists,
	// fenced code and front matter; soft line breaks always join.
	Markdown
	// HTML: rendered to text as a browser shows it (see ReadHTML).
	HTML
	// DOCX: a Word document (Office Open XML), numbering rendered as Word
	// shows it (see ReadDOCX).
	DOCX
	// ODT: an OpenDocument text (see ReadODT).
	ODT
)

// ParseFormat returns the format of a name String gives: auto, plain,
// markdown, html, docx, odt.
func ParseFormat(name string) (Format, bool) {
	for f := AutoFormat; f <= ODT; f++ {
		if f.String() == name {
			return f, true
		}
	}
	return AutoFormat, false
}

// String returns the format's name as --markup takes it.
func (f Format) String() string {
	switch f {
	case PlainText:
		return "plain"
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	case DOCX:
		return "docx"
	case ODT:
		return "odt"
	}
	return "auto"
}

// SplitOptions controls SplitParagraphs. The zero value means AutoFormat.
type SplitOptions struct {
	Format Format // AutoFormat (zero) sniffs the content: see SniffFormat
}

// SniffFormat guesses the markup of text whose file is called name. A name
// ending in .md or .markdown is Markdown; so is content that starts with
// front matter or has at least two ATX headings or a fenced code block
// that is closed. A lone fence-like line (an ornament such as "~~~ * ~~~",
// or an unclosed "```") does not make a plain-text file Markdown: as
// Markdown, it would hold the rest of the document as code.
func SniffFormat(name, text string) Format {
	lower := strings.ToLower(name)
	for _, ext := range []string{".md", ".markdown", ".mdown", ".mkd"} {
		if strings.HasSuffix(lower, ext) {
			return Markdown
		}
	}
	if strings.HasPrefix(text, "---\n") || strings.HasPrefix(text, "+++\n") {
		return Markdown
	}
	headings := 0
	fence := "" // the open fence, while inside a fenced block
	for line := range strings.Lines(text) {
		l := trimIndent(line)
		if fence != "" {
			if closesFence(l, fence) {
				return Markdown
			}
			continue
		}
		if fence = codeFence(l); fence != "" {
			continue
		}
		if lvl, _ := atxLevel(l); lvl > 0 {
			headings++
			if headings >= 2 {
				return Markdown
			}
		}
	}
	return PlainText
}

// SplitParagraphs cuts decoded text (UTF-8, LF line ends, as Decode returns
// it) into paragraphs. Every non-blank line of text belongs to exactly one
// paragraph, in order; a paragraph's Text is its lines joined by "\n",
// exactly as in the input. file is stored in each Paragraph. Front matter
// is recognised at the top of the text and, in both formats, after a blank
// line further down when every line of it is metadata (see
// innerFrontMatterEnd).
func SplitParagraphs(text, file string, opts SplitOptions) []Paragraph {
	format := opts.Format
	if format == AutoFormat {
		format = SniffFormat(file, text)
	}
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	s := splitter{text: text, lines: lines, md: format == Markdown}
	s.found = make([]found, 0, nonBlank(lines)) // room enough: a paragraph has a non-blank line
	if !s.md {
		s.measure()
	}
	s.run()
	// The paragraphs are made once their number is known: appending them
	// one by one would leave garbage of four times the final slice (it
	// grows by a quarter at a time; on a long text of short paragraphs,
	// more than the text), and up to a quarter of it unused for the rest
	// of the run.
	paras := make([]Paragraph, len(s.found))
	for i, f := range s.found {
		paras[i] = Paragraph{
			File:  file,
			Start: f.start + 1,
			End:   f.end,
			Kind:  f.kind,
			Level: f.level,
			Text:  s.span(f.start, f.end),
		}
	}
	return paras
}

// found is a paragraph as the splitter finds it: lines [start, end).
type found struct {
	start, end int
	kind       Kind
	level      int
}

// nonBlank returns the number of lines that are not blank.
func nonBlank(lines []string) int {
	n := 0
	for _, l := range lines {
		if !isBlank(l) {
			n++
		}
	}
	return n
}

type splitter struct {
	// text is what lines were cut from, at every "\n": a paragraph's Text
	// is a substring of it (see span)
	text  string
	lines []string
	// span's cursor: line cur starts at byte off of text
	cur, off int
	md       bool
	found    []found // the paragraphs so far
	// open paragraph: lines [start, i) of kind/level; start < 0 when none
	start int
	kind  Kind
	level int
	// indents of the enclosing list items, innermost last
	listIndents []int
	lastWasItem bool // the previous paragraph was a list item (list context)
	// plain text: the widest line of each line's blank-line block, and the
	// narrowest wrap column the document as a whole allows
	widths    []int
	wrapFloor int
}

func (s *splitter) run() {
	s.start = -1
	i := 0
	if fm := frontMatterEnd(s.lines); fm > 0 {
		s.emit(0, fm, FrontMatter, 0)
		i = fm
	}
	for i < len(s.lines) {
		line := s.lines[i]
		if isBlank(line) {
			s.close(i)
			i++
			continue
		}
		if i > 0 && isBlank(s.lines[i-1]) {
			if fm := innerFrontMatterEnd(s.lines[i:]); fm > 0 {
				// the front matter of a later version in a combined file
				s.emit(i, i+fm, FrontMatter, 0)
				s.listIndents = s.listIndents[:0]
				s.lastWasItem = false
				i += fm
				continue
			}
		}
		body := trimIndent(line)
		if fence := codeFence(body); fence != "" && s.md {
			s.close(i)
			end := i + 1
			for end < len(s.lines) && !closesFence(trimIndent(s.lines[end]), fence) {
				end++
			}
			if end < len(s.lines) {
				end++ // include the closing fence
			}
			s.emit(i, end, Code, 0)
			s.lastWasItem = false
			i = end
			continue
		}
		if lvl, ok := atxLevel(body); ok {
			s.close(i)
			s.emit(i, i+1, Heading, lvl)
			s.listIndents = s.listIndents[:0]
			s.lastWasItem = false
			i++
			continue
		}
		if s.start >= 0 && i > s.start && s.kind != Heading {
			if lvl := setextLevel(body); lvl > 0 && s.kind == Text && i == s.start+1 {
				s.kind, s.level = Heading, lvl
				s.close(i + 1)
				i++
				continue
			}
		}
		if s.start >= 0 && !s.md && labelLine(body) {
			// "Article 12" on the line after the text of Article 11
			s.close(i)
			s.open(i, Text, 0)
			s.lastWasItem = false
			i++
			continue
		}
		if indent, ok := listMarker(line); ok && s.startsItem(i, line, body) {
			s.close(i)
			s.open(i, ListItem, s.listLevel(indent))
			s.lastWasItem = true
			i++
			continue
		}
		if s.start < 0 {
			if s.lastWasItem && leadingIndent(line) == 0 && !s.md {
				s.listIndents = s.listIndents[:0]
			}
			if leadingIndent(line) == 0 {
				s.lastWasItem = false
			}
			s.open(i, Text, 0)
			i++
			continue
		}
		if !s.md && !s.continues(i) {
			s.close(i)
			s.open(i, Text, 0)
			i++
			continue
		}
		i++
	}
	s.close(len(s.lines))
}

// startsItem reports whether the list-marker line at i starts a new item
// rather than continuing the open paragraph.
func (s *splitter) startsItem(i int, line, body string) bool {
	if s.start < 0 {
		return true
	}
	if s.kind == ListItem {
		// A sibling or nested item. In plain text a hard-wrapped item line
		// may begin with a number ("in the year\n2022. Then"): only the next
		// number of the list, a bullet, or a line that does not continue a
		// wrapped line starts an item there.
		return s.md || nextInList(trimIndent(s.lines[s.start]), body) || !s.wrapped(i)
	}
	// Interrupting a paragraph: CommonMark allows a bullet or an ordered
	// item numbered 1; a line ending in a colon introduces a list too.
	prev := strings.TrimRightFunc(s.lines[i-1], isSpace)
	if !s.md && s.wrapped(i) && !strings.HasSuffix(prev, ":") {
		return false
	}
	return startsAtOne(body) || strings.HasSuffix(prev, ":")
}

// continues reports, for plain text, whether line i continues the open
// paragraph as a hard-wrapped line. Line i-1 is taken as wrapped when the
// first word of line i would not have fitted on it: its length plus that
// word reaches the widest line of the block (with 10% slack).
func (s *splitter) continues(i int) bool { return s.wrapped(i) }

func (s *splitter) wrapped(i int) bool {
	prev := strings.TrimRightFunc(s.lines[i-1], isSpace)
	word := firstWord(s.lines[i])
	width := s.blockWidth(i)
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(word) > width*9/10
}

// measure records, for plain text, the width of every line's blank-line
// block and the document's wrap floor. Tools wrap a whole file at one
// column, so a block of short lines in a file whose lines run wider was
// broken by hand (a title over a subtitle, an address), not wrapped: the
// floor is the 90th percentile of the line lengths, capped at 64 columns
// so that a file of long unwrapped lines does not hide a block that really
// is wrapped narrowly.
func (s *splitter) measure() {
	s.widths = make([]int, len(s.lines))
	lens := make([]int, 0, len(s.lines))
	for lo := 0; lo < len(s.lines); {
		if isBlank(s.lines[lo]) {
			lo++
			continue
		}
		hi, w := lo, 0
		for ; hi < len(s.lines) && !isBlank(s.lines[hi]); hi++ {
			n := utf8.RuneCountInString(strings.TrimRightFunc(s.lines[hi], isSpace))
			lens = append(lens, n)
			w = max(w, n)
		}
		for k := lo; k < hi; k++ {
			s.widths[k] = w
		}
		lo = hi
	}
	if len(lens) > 0 {
		slices.Sort(lens)
		s.wrapFloor = min(lens[len(lens)*9/10], 64)
	}
}

// blockWidth returns the width line i may have been wrapped at: the rune
// length of the longest line of its blank-line block, or the document's
// wrap floor when that is wider.
func (s *splitter) blockWidth(i int) int { return max(s.widths[i], s.wrapFloor) }

func (s *splitter) listLevel(indent int) int {
	for len(s.listIndents) > 0 && s.listIndents[len(s.listIndents)-1] > indent {
		s.listIndents = s.listIndents[:len(s.listIndents)-1]
	}
	if n := len(s.listIndents); n == 0 || s.listIndents[n-1] < indent {
		s.listIndents = append(s.listIndents, indent)
	}
	return len(s.listIndents)
}

func (s *splitter) open(i int, k Kind, level int) {
	s.start, s.kind, s.level = i, k, level
}

// close ends the open paragraph before line end.
func (s *splitter) close(end int) {
	if s.start < 0 {
		return
	}
	s.emit(s.start, end, s.kind, s.level)
	s.start = -1
}

func (s *splitter) emit(start, end int, k Kind, level int) {
	s.found = append(s.found, found{start, end, k, level})
}

// span returns lines [start, end) as they stand in the text, "\n" between
// them: the substring, not a copy (hard-wrapped text, a paragraph of
// several lines, would otherwise be held twice). Paragraphs come in
// order, so the cursor only moves on.
func (s *splitter) span(start, end int) string {
	if start < s.cur {
		s.cur, s.off = 0, 0
	}
	for ; s.cur < start; s.cur++ {
		s.off += len(s.lines[s.cur]) + 1
	}
	n := end - start - 1 // the "\n"s between the lines
	for _, l := range s.lines[start:end] {
		n += len(l)
	}
	return s.text[s.off : s.off+n]
}

// frontMatterEnd returns the number of lines of a YAML (---) or TOML (+++)
// front matter block at the top, or 0.
func frontMatterEnd(lines []string) int {
	if len(lines) < 2 {
		return 0
	}
	fence := strings.TrimRightFunc(strings.TrimPrefix(lines[0], "\ufeff"), isSpace)
	if fence != "---" && fence != "+++" {
		return 0
	}
	for i := 1; i < len(lines) && i < 500; i++ {
		l := strings.TrimRightFunc(lines[i], isSpace)
		if l == fence || (fence == "---" && l == "...") {
			return i + 1
		}
	}
	return 0
}

// innerFrontMatterEnd returns the number of lines of a front matter block
// that starts at lines[0] after the top of a file (files concatenated into
// a combined file keep each its own), or 0. There a "---" line is more
// often a thematic break, so the block must be metadata all through:
// every line between the fences a lower-case key ("title:", "draft =
// false"), a TOML table, an indented line or a YAML list item, no blank
// line, and a blank line or the end of the text after the closing fence.
func innerFrontMatterEnd(lines []string) int {
	n := frontMatterEnd(lines)
	if n < 3 || n < len(lines) && !isBlank(lines[n]) {
		return 0
	}
	toml := strings.TrimRightFunc(lines[0], isSpace) == "+++"
	for _, l := range lines[1 : n-1] {
		if !metadataLine(l, toml) {
			return 0
		}
	}
	return n
}

var (
	reYAMLKey = regexp.MustCompile(`^[a-z_][A-Za-z0-9_-]*\s*:(\s|$)|^- `)
	reTOMLKey = regexp.MustCompile(`^[a-z_][A-Za-z0-9_.-]*\s*=\s|^\[[A-Za-z0-9_.-]+\]\s*$`)
)

// metadataLine reports whether line can be a line of YAML (or, with toml,
// TOML) front matter: see innerFrontMatterEnd.
func metadataLine(line string, toml bool) bool {
	switch {
	case isBlank(line):
		return false
	case leadingIndent(line) > 0:
		return true
	case toml:
		return reTOMLKey.MatchString(line)
	}
	return reYAMLKey.MatchString(line)
}

// minFence is the shortest run of backticks or tildes that opens a fenced
// code block (CommonMark).
const minFence = 3

// codeFence returns the fence that body opens (the run of backticks or
// tildes it starts with), or "" when it opens none. CommonMark: at least
// minFence of one character; after a backtick fence the info string may
// not hold a backtick, so "```code``` text" is an inline code span, not a
// fence. A tilde fence's info string may hold anything.
func codeFence(body string) string {
	if body == "" || (body[0] != '`' && body[0] != '~') {
		return ""
	}
	n := len(body) - len(strings.TrimLeft(body, body[:1]))
	if n < minFence {
		return ""
	}
	if body[0] == '`' && strings.Contains(body[n:], "`") {
		return ""
	}
	return body[:n]
}

// closesFence reports whether body closes a block opened with fence
// (CommonMark): a run of the same character at least as long, followed by
// nothing but white space.
func closesFence(body, fence string) bool {
	b := strings.TrimRightFunc(body, isSpace)
	return strings.HasPrefix(b, fence) && strings.Trim(b, fence[:1]) == ""
}

// atxLevel recognises an ATX heading "## Title". Besides CommonMark's form
// it accepts a missing space before a section marker ("##X. Logs", seen in
// hand-written translations).
func atxLevel(body string) (int, bool) {
	n := 0
	for n < len(body) && body[n] == '#' {
		n++
	}
	if n == 0 || n > 6 {
		return 0, false
	}
	rest := body[n:]
	if rest == "" {
		return n, true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if isSpace(r) {
		return n, true
	}
	if _, ok := ParseMarker(rest); ok {
		return n, true
	}
	return 0, false
}

func setextLevel(body string) int {
	b := strings.TrimRightFunc(body, isSpace)
	if len(b) < 2 {
		return 0
	}
	switch {
	case strings.Trim(b, "=") == "":
		return 1
	case strings.Trim(b, "-") == "" && len(b) >= 3:
		return 2
	}
	return 0
}

// listMarker recognises a list-item line: a bullet (- * + • – ·) or an
// ordered marker (1. 1) (1) a) iv.) followed by white space, after any
// indentation. It returns the indentation in columns.
func listMarker(line string) (int, bool) {
	body := trimIndent(line)
	if body == "" {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(body)
	switch r {
	case '-', '*', '+', '•', '–', '·', '▪':
		rest := body[size:]
		if rest == "" {
			return 0, false
		}
		r2, _ := utf8.DecodeRuneInString(rest)
		if !isSpace(r2) {
			return 0, false
		}
		if r == '-' || r == '*' {
			// a thematic break such as "- - -" or "***" is no item
			if strings.Trim(strings.Map(dropSpace, body), string(r)) == "" {
				return 0, false
			}
		}
		return leadingIndent(line), true
	}
	if m, ok := ParseMarker(body); ok && m.Label == "" && m.Heading == 0 && m.Len < len(body) {
		return leadingIndent(line), true
	}
	return 0, false
}

// nextInList reports whether item line body continues the list whose open
// item starts with prev: the same bullet, or the next number.
func nextInList(prev, body string) bool {
	pr, _ := utf8.DecodeRuneInString(prev)
	br, _ := utf8.DecodeRuneInString(body)
	if strings.ContainsRune("-*+•–·▪", br) {
		return pr == br
	}
	pm, ok1 := ParseMarker(prev)
	bm, ok2 := ParseMarker(body)
	return ok1 && ok2 && bm.Value == pm.Value+1 && bm.Kind() == pm.Kind()
}

// labelLine reports whether a line starts with a labelled marker
// ("Article 12", "§ 3", "Статья 5"), which always starts a paragraph.
func labelLine(body string) bool {
	m, ok := ParseMarker(body)
	return ok && m.Label != "" && m.Heading == 0
}

func startsAtOne(body string) bool {
	r, _ := utf8.DecodeRuneInString(body)
	switch r {
	case '-', '*', '+', '•', '–', '·', '▪':
		return true
	}
	m, ok := ParseMarker(body)
	return ok && m.Value == 1
}

func dropSpace(r rune) rune {
	if isSpace(r) {
		return -1
	}
	return r
}

// isSpace reports white space in the wide sense used throughout paralign:
// Unicode White_Space (NO-BREAK SPACE and the other Unicode spaces
// included) and the zero-width no-break space U+FEFF, which concatenated
// files carry as stray byte-order marks.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
}

func isBlank(line string) bool {
	return strings.TrimFunc(line, isSpace) == ""
}

// trimIndent drops leading white space and stray BOMs.
func trimIndent(line string) string { return strings.TrimLeftFunc(line, isSpace) }

// leadingIndent returns the indentation of line in columns (tab = 4).
func leadingIndent(line string) int {
	n := 0
	for _, r := range line {
		switch {
		case r == '\t':
			n += 4
		case r == '\ufeff':
		case isSpace(r):
			n++
		default:
			return n
		}
	}
	return n
}

// firstWord returns the first run of characters of line that are not
// white space, or "".
func firstWord(line string) string {
	line = strings.TrimLeftFunc(line, isSpace)
	if i := strings.IndexFunc(line, isSpace); i >= 0 {
		return line[:i]
	}
	return line
}
