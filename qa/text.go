package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// para is one paragraph of a cell, prepared for the checks.
type para struct {
	p    corpus.Paragraph
	n    int    // 1-based number within the section
	body string // the text after a leading section or list marker
	off  int    // bytes of p.Text before body
	// num is body with the line-leading markers of lists inside the
	// paragraph and the URLs and e-mail addresses blanked, byte for byte:
	// the text numbers are read from.
	num     string
	sents   []corpus.Span // sentences of body
	keep    []bool        // per sentence: counted by the number, link, name and length checks
	letters int           // letters of body
}

// prepare cuts a cell into paras. kind is the row's kind: the first
// paragraph of a numbered section loses its marker, as do list items and
// paragraphs whose markers count up with a neighbour's.
func prepare(c align.Cell, kind align.SectionKind, lang corpus.Lang) []*para {
	out := make([]*para, len(c.Paras))
	vals := make([]int, len(c.Paras))
	marks := make([]corpus.Marker, len(c.Paras))
	for k, p := range c.Paras {
		if m, ok := corpus.ParseMarker(p.Text); ok {
			marks[k], vals[k] = m, m.Value
		}
	}
	for k, p := range c.Paras {
		body, off := p.Text, 0
		m := marks[k]
		strip := vals[k] > 0 && (k == 0 && kind == align.Numbered ||
			p.Kind == corpus.ListItem || m.Label != "" || m.Punct == ")" || m.Punct == "()" ||
			k > 0 && vals[k-1] == vals[k]-1 || k+1 < len(vals) && vals[k+1] == vals[k]+1)
		if strip {
			body, off = p.Text[m.Len:], m.Len
		}
		body = strings.TrimRightFunc(body, unicode.IsSpace)
		pa := &para{p: p, n: k + 1, body: body, off: off, letters: corpus.Letters(body)}
		pa.num = blankListMarkers(maskLinks(body))
		pa.sents = corpus.SplitSentences(body, lang)
		pa.keep = make([]bool, len(pa.sents))
		for i := range pa.keep {
			pa.keep[i] = true
		}
		out[k] = pa
	}
	return out
}

// at returns the source line and column (1-based, in runes) of byte i of
// body. For a page or an office file, whose text is rendered, the line is
// the paragraph's first and the column counts in the rendered text.
func (pa *para) at(i int) (line, col int) {
	before := pa.p.Text[:min(pa.off+i, len(pa.p.Text))]
	nl := strings.LastIndexByte(before, '\n')
	line = pa.p.Start + min(strings.Count(before, "\n"), pa.p.End-pa.p.Start)
	return line, utf8.RuneCountInString(before[nl+1:]) + 1
}

// sentAt returns where sentence i of the paragraph starts.
func (pa *para) sentAt(i int) (line, col int) {
	s := pa.sents[i]
	start := s.Start + len(pa.body[s.Start:s.End]) - len(strings.TrimLeft(pa.body[s.Start:s.End], " \t\n"))
	return pa.at(start)
}

func (pa *para) sentText(i int) string {
	return strings.TrimSpace(pa.body[pa.sents[i].Start:pa.sents[i].End])
}

// dropAll marks every sentence of the paragraph as not counted.
func (pa *para) dropAll() {
	for i := range pa.keep {
		pa.keep[i] = false
	}
}

// kept returns the counted parts of the paragraph's text s (body or num),
// joined by spaces.
func (pa *para) kept(s string) string {
	var b strings.Builder
	for i, sp := range pa.sents {
		if pa.keep[i] {
			b.WriteString(s[sp.Start:sp.End])
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// keptLetters returns the letters of the counted sentences.
func (pa *para) keptLetters() int {
	n := 0
	for i, sp := range pa.sents {
		if pa.keep[i] {
			n += corpus.Letters(pa.body[sp.Start:sp.End])
		}
	}
	return n
}

// blankListMarkers replaces the markers of list items that start lines
// inside a paragraph ("1) a copy…", "2. the name…") with spaces: markers
// in ")" form always, "1." only in a run of two or more counting up, so
// that a wrapped line starting with a date ("14. März") keeps its number.
func blankListMarkers(s string) string {
	type mk struct{ start, end, val int }
	var dots []mk
	b := []byte(s)
	changed := false
	for ls := 0; ls < len(s); {
		le := strings.IndexByte(s[ls:], '\n')
		if le < 0 {
			le = len(s)
		} else {
			le += ls
		}
		i := ls
		for i < le && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		paren := i < le && s[i] == '('
		j := i
		if paren {
			j++
		}
		d := j
		for j < le && isDigitByte(s[j]) && j-d < 3 {
			j++
		}
		if j > d && j < le && (s[j] == ')' || s[j] == '.') && j+1 < le && (s[j+1] == ' ' || s[j+1] == '\t' || s[j+1] == 0xc2) {
			val := 0
			for _, c := range s[d:j] {
				val = val*10 + int(c-'0')
			}
			if s[j] == ')' {
				for k := i; k <= j; k++ {
					b[k] = ' '
				}
				changed = true
			} else if !paren {
				dots = append(dots, mk{i, j + 1, val})
			}
		}
		ls = le + 1
	}
	for k, m := range dots {
		if k > 0 && dots[k-1].val == m.val-1 || k+1 < len(dots) && dots[k+1].val == m.val+1 {
			for x := m.start; x < m.end; x++ {
				b[x] = ' '
			}
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(b)
}

// quote returns text on one line, cut to about n runes at a word
// boundary with "…", in typographic quotes.
func quote(text string, n int) string {
	s := corpus.CellText(text)
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		cut := n
		for k := n; k > n*2/3; k-- {
			if r[k] == ' ' {
				cut = k
				break
			}
		}
		s = strings.TrimRight(string(r[:cut]), " ,;:") + "…"
	}
	return "“" + s + "”"
}

// short returns text on one line cut as quote does, without quotes: the
// form kept in evidence.
func short(text string, n int) string {
	q := quote(text, n)
	return strings.TrimSuffix(strings.TrimPrefix(q, "“"), "”")
}
