package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// SplitSentences splits a paragraph's text into sentences. The spans cover
// text exactly: in order, adjacent, none empty, the first starting at 0 and
// the last ending at len(text); whitespace between two sentences belongs to
// the sentence before it. Text without a sentence end is one sentence; empty
// text has no sentences. lang selects the abbreviation rules; Und or an
// unknown language gets the default rules.
//
// Candidate boundaries are the Unicode sentence boundaries of UAX #29; rules
// then drop the false ones and add a few that UAX #29 misses:
//
//   - A lower-case letter never starts a sentence, whatever ends the one
//     before (".", "?", "!", "etc."): "“Why?” she asked" is one sentence.
//   - After "." an abbreviation of lang does not end a sentence. Some
//     (Dr., z. B., т. е., p. ej.) never do; some (etc., usw., и т. д.,
//     EE. UU.) do when a capital follows; some (No., Nr., Art., pág.) only
//     hold on to a following number; г., в. (year, century) end a sentence
//     after a number and hold on to a following name otherwise.
//   - A single capital letter with "." is an initial (J. R. R. Tolkien,
//     В. И. Ленин); in English and the default rules "I." is not.
//   - In German a number of up to three digits with "." before a word or
//     number is an ordinal or a date ("am 1. Mai", "14. Lebensjahr").
//   - A list or section marker at the start of a line ("1.", "III.",
//     "a.", "§ 3.", "Artikel 5.") stays with the text after it.
//   - "…" or "..." followed by a capital ends a sentence; inside brackets
//     ("[…]") it marks an omission and does not.
//   - Closing quotes, brackets and Markdown emphasis or footnote marks after
//     the end punctuation stay with the sentence before ("end.**", "end.[^1]").
//   - A line break ends a sentence only after end punctuation, before a
//     blank line, before a list item, heading or table row, before or after
//     a line of HTML or a Hugo shortcode, or after a heading line; other line
//     breaks are soft wraps inside a sentence.
//
// The rules look at a bounded window around each candidate, so the time is
// linear in len(text). Invalid UTF-8 is allowed; the spans then still cover
// text, although they may cut inside an invalid sequence.
func SplitSentences(text string, lang Lang) []Span {
	if text == "" {
		return nil
	}
	s := sentSplitter{text: text, rules: rulesFor(lang)}
	var spans []Span
	start, seen := 0, 0
	for _, c := range sentCandidates(text) {
		if c <= seen {
			// In the whitespace or marks of a candidate already decided:
			// the same decision, and skipping keeps the time linear.
			continue
		}
		b, ok := s.decide(c)
		if b >= len(text) {
			break
		}
		seen = max(seen, b)
		if ok && b > start {
			spans = append(spans, Span{start, b})
			start = b
		}
	}
	return append(spans, Span{start, len(text)})
}

// Bounds of the context the rules look at, so that the work per candidate
// is constant.
const (
	sentMaxChain = 8  // Close and Sp runes after a full stop before uniseg is cut off
	sentMaxLook  = 64 // bytes looked at around a candidate
	sentMaxMarks = 32 // bytes of closing marks moved to the sentence before
)

// sentCandidates returns the sorted candidate boundaries: the UAX #29
// sentence boundaries inside text, and the ends of "…" followed by space.
//
// uniseg's SB8 look-ahead rescans the rest of a run of spaces or closing
// punctuation after every rune of it, which is quadratic in the run's length
// (10 KB of spaces after "a." take a second). So text is fed to uniseg in
// segments, cut when such a run gets longer than sentMaxChain; a candidate
// is then added where the run ends, where UAX #29 would have put it. Elsewhere
// each look-ahead stops at the next letter or terminator, and the total is
// linear.
func sentCandidates(text string) []int {
	var cands []int
	segStart := 0
	chain := -1      // length of the Close* Sp* run after a full stop, -1 outside one
	closing := false // the run is still in its Close* part
	cut := false     // the run was cut from uniseg: add a candidate where it ends
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isATerm(r):
			chain, closing, cut = 0, true, false
		case chain >= 0 && closing && isCloser(r):
			chain++
		case chain >= 0 && sentSp(r):
			chain++
			closing = false
		default:
			if cut && !isSContinue(r) && !isTerminator(r) && !isParaSep(r) {
				cands = append(cands, i)
			}
			chain, cut = -1, false
		}
		if chain > sentMaxChain && !cut {
			cands = uaxBoundaries(text, segStart, i, cands)
			segStart, cut = i, true
		}
		if (r == '—' || r == '–') && sentAfterEnd(text, i) {
			cands = append(cands, i) // "¡Claro! —¿Vienes?": UAX #29 reads the dash as SContinue
		}
		if r == '…' {
			j := i + size
			for j < len(text) && j-i < sentMaxMarks {
				q, n := utf8.DecodeRuneInString(text[j:])
				if !isCloser(q) {
					break
				}
				j += n
			}
			if q, _ := utf8.DecodeRuneInString(text[j:]); isSpace(q) {
				cands = append(cands, j)
			}
		}
		i += size
	}
	cands = uaxBoundaries(text, segStart, len(text), cands)
	slices.Sort(cands)
	return cands
}

// sentAfterEnd reports whether whitespace and, before it, end punctuation
// (and perhaps closing marks) come just before text[i].
func sentAfterEnd(text string, i int) bool {
	j := i
	for j > 0 && i-j < 8 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !sentSp(r) {
			break
		}
		j -= n
	}
	if j == i {
		return false
	}
	for k := j; k > 0 && j-k < 16; {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		switch {
		case isTerminator(r) || r == '…':
			return true
		case !isCloser(r):
			return false
		}
		k -= n
	}
	return false
}

// uaxBoundaries appends the UAX #29 boundaries strictly inside text[from:to],
// as offsets into text.
func uaxBoundaries(text string, from, to int, cands []int) []int {
	s, state := text[from:to], -1
	for off := from; s != ""; {
		var sent string
		sent, s, state = uniseg.FirstSentenceInString(s, state)
		off += len(sent)
		if s != "" {
			cands = append(cands, off)
		}
	}
	return cands
}

// sentSplitter decides on candidate boundaries of one text.
type sentSplitter struct {
	text  string
	rules *sentRules
}

// decide takes a candidate boundary c and returns where the boundary goes
// (after the whitespace and closing marks that follow c) and whether there
// is one. The position is returned even when ok is false, so that the caller
// can skip the candidates it covers.
func (s *sentSplitter) decide(c int) (b int, ok bool) {
	text := s.text
	// The sentence content ends at e; b is after the whitespace that follows.
	e := c
	for e > 0 && c-e < sentMaxLook {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	b = sentSkipSpace(text, c)
	end := e // where the closing marks before the terminator end
	if e == b && b < len(text) {
		// No whitespace: uniseg broke inside a token, as in "end.**" or
		// "end.[^1]". Move over such marks, or give up.
		m, ok := sentMarksEnd(text, b)
		if !ok {
			return b, false
		}
		if m > b {
			b = sentSkipSpace(text, m)
			e = m
		}
	}
	if b >= len(text) {
		return b, false
	}
	breaks := sentLineBreaks(text[e:b])
	if breaks >= 2 {
		return b, true // a blank line
	}
	if breaks == 1 && sentListLine(text[b:]) {
		return b, true
	}

	// The terminator cluster is text[w:t].
	t := end
	for t > 0 && end-t < sentMaxMarks {
		r, n := utf8.DecodeLastRuneInString(text[:t])
		if !isCloser(r) && !isEmphasis(r) {
			break
		}
		t -= n
	}
	w := t
	for w > 0 && t-w < sentMaxLook {
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if !isTerminator(r) && r != '…' {
			break
		}
		w -= n
	}
	if w == t {
		// No end punctuation: a line break, or a terminator these rules do
		// not know, which uniseg does.
		if breaks == 0 {
			return b, true
		}
		prev := sentLineBefore(text, e)
		return b, sentHeadingLine(prev) || sentMarkupLine(prev)
	}
	if sentMarkerLine(sentLineBefore(text, t)) {
		return b, false
	}
	next := sentNextRune(text, b)
	if unicode.IsLower(next) {
		return b, false
	}
	term := text[w:t]
	if strings.ContainsRune(term, '…') || strings.Count(term, ".") >= 2 && strings.Trim(term, ".") == "" {
		// An ellipsis; "(…)" and "[...]" mark an omission.
		r, _ := utf8.DecodeLastRuneInString(text[:w])
		return b, r != '(' && r != '['
	}
	if !isFullStop(term) {
		return b, true // "!", "?", "?!", "。" …
	}
	if w > 0 && text[w-1] == '\\' {
		w-- // a Markdown escape: "14\. Lebensjahr"
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:w])
	switch {
	case sentDigit(prev):
		return b, !s.ordinal(w, b, breaks, next)
	case unicode.IsLetter(prev):
		return b, !s.abbreviation(w, b, next)
	}
	return b, true
}

// ordinal reports whether the number ending at w, followed by "." and
// whitespace, is a German ordinal or date rather than a sentence end.
func (s *sentSplitter) ordinal(w, b, breaks int, next rune) bool {
	if !s.rules.ordinals || breaks > 0 {
		return false
	}
	i := w
	for i > 0 && w-i <= 3 && sentDigit(rune(s.text[i-1])) {
		i--
	}
	if w-i > 3 {
		return false
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s.text[:i]); !isSpace(r) && r != '(' {
			return false // "1.0." or "x1."
		}
	}
	// A number after "Abs.", "Nr.", "§" is a cardinal: "nach Art. 6 Abs. 2."
	j := i
	if r, n := utf8.DecodeLastRuneInString(s.text[:j]); sentSp(r) {
		j -= n
	}
	switch r, _ := utf8.DecodeLastRuneInString(s.text[:j]); r {
	case '§':
		return false
	case '.':
		parts, _, _ := sentDottedParts(s.text, j-1)
		if len(parts) > 0 {
			if k, ok := s.rules.lookup(strings.Join(parts, ".")); ok && k == abbrNumber {
				return false
			}
		}
	}
	return unicode.IsLetter(next) || sentDigit(next)
}

// abbreviation reports whether the word ending at w, followed by "." and
// whitespace up to b, is an abbreviation or initial that does not end a
// sentence before next.
func (s *sentSplitter) abbreviation(w, b int, next rune) bool {
	parts, at, spaced := sentDottedParts(s.text, w)
	if len(parts) == 0 {
		return false
	}
	// Inside an abbreviation written with spaces: "z. | B.", "EE. | UU.".
	if b-w <= 4 {
		var after []string
		for i := b; len(after) < 3; {
			j := i
			for j < len(s.text) && j-i < sentMaxLook {
				r, n := utf8.DecodeRuneInString(s.text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			if j == i || j >= len(s.text) || s.text[j] != '.' {
				break
			}
			after = append(after, s.text[i:j])
			i = j + 1
			if r, n := utf8.DecodeRuneInString(s.text[i:]); sentSp(r) {
				i += n
			}
		}
		for i := range parts {
			for j := range after {
				key := strings.Join(append(slices.Clip(parts[i:]), after[:j+1]...), ".")
				if _, ok := s.rules.lookup(key); ok {
					return true
				}
			}
		}
	}
	for i := range parts {
		key := strings.Join(parts[i:], ".")
		kind, ok := s.rules.lookup(key)
		if !ok && i == len(parts)-1 {
			kind, ok = s.rules.lookupSuffix(key)
		}
		if !ok {
			continue
		}
		switch kind {
		case abbrNever:
			return true
		case abbrFinal:
			return !sentUpper(next)
		case abbrNumber:
			if sentDigit(next) {
				return true
			}
			continue // "S." before a name is an initial
		case abbrMeasure:
			if sentNumberBefore(s.text, at[i]) {
				return !sentUpper(next)
			}
			return true
		}
	}
	last := parts[len(parts)-1]
	if r, n := utf8.DecodeRuneInString(last); n == len(last) && sentUpper(r) {
		// An initial, unless it is the English pronoun.
		return !(r == 'I' && s.rules.pronounI)
	}
	// An unlisted acronym written without spaces: "U.S.A.", "Ph.D.".
	k := len(parts) - 1
	for k > 0 && !spaced[k-1] && utf8.RuneCountInString(parts[k-1]) <= 3 {
		k--
	}
	if len(parts)-k >= 2 && utf8.RuneCountInString(last) <= 3 {
		return !sentUpper(next)
	}
	return false
}

// sentDottedParts returns the letter runs of a dotted word that ends just
// before the final "." at w: "z. B" gives [z B], "U.S" gives [U S]. at[i] is
// the offset of part i in text; spaced[i] says whether parts i and i+1 are
// separated by a space ("z. B.") rather than written together ("z.B.").
func sentDottedParts(text string, w int) (parts []string, at []int, spaced []bool) {
	j := w
	for len(parts) < 4 {
		k := j
		for k > 0 && j-k < sentMaxLook {
			r, n := utf8.DecodeLastRuneInString(text[:k])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			k -= n
		}
		if k == j || j-k >= sentMaxLook {
			break
		}
		parts, at = append(parts, text[k:j]), append(at, k)
		if k > 0 && text[k-1] == '.' {
			spaced = append(spaced, false)
			j = k - 1
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if sentSp(r) && k-n > 0 && text[k-n-1] == '.' {
			spaced = append(spaced, true)
			j = k - n - 1
			continue
		}
		break
	}
	slices.Reverse(parts)
	slices.Reverse(at)
	spaced = spaced[:max(len(parts)-1, 0)]
	slices.Reverse(spaced)
	return parts, at, spaced
}

// sentNumberBefore reports whether the word before position i (the start
// of an abbreviation) is a number: "1948 г.", "XX в.", "19. Jh.".
func sentNumberBefore(text string, i int) bool {
	j := i
	for j > 0 && i-j < 8 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !sentSp(r) {
			break
		}
		j -= n
	}
	if j == i {
		return false
	}
	if j > 0 && text[j-1] == '.' {
		j-- // an ordinal: "im 19. Jh."
	}
	k := j
	for k > 0 && j-k < 16 {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !sentDigit(r) && !strings.ContainsRune("IVXLCDM–-", r) {
			break
		}
		k -= n
	}
	return k < j
}

// sentMarksEnd looks at the token that starts at b, just after a candidate
// without whitespace. If it holds only closing marks (quotes, brackets,
// Markdown emphasis, a footnote reference like "[^1]" or "[12]"), it returns
// its end and true; if the token goes on with a letter or digit, false; else
// (a script without spaces) b and true.
func sentMarksEnd(text string, b int) (int, bool) {
	i := b
	if b > 0 && text[b-1] == '[' { // uniseg breaks "end.[^1]" after the bracket
		j, ok := sentFootnote(text, b-1)
		if !ok {
			return b, false
		}
		i = j
	}
	for i < len(text) && i-b < sentMaxMarks {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isSpace(r):
			return i, true
		case r == '[':
			j, ok := sentFootnote(text, i)
			if !ok {
				return i, false
			}
			i = j
			continue
		case isCloser(r) || isEmphasis(r):
		case i == b && !sentUpper(r) && !unicode.IsLower(r) && !sentDigit(r):
			return b, true // CJK and other scripts without spaces
		default:
			return i, false
		}
		i += n
	}
	return i, i == len(text)
}

// sentFootnote returns the end of the footnote reference ("[^1]", "[^note]",
// "[12]") that starts at text[i] == '['.
func sentFootnote(text string, i int) (int, bool) {
	j := strings.IndexByte(text[i:min(len(text), i+sentMaxMarks)], ']')
	if j < 2 {
		return i, false
	}
	ref := text[i+1 : i+j]
	if ref[0] != '^' && strings.Trim(ref, "0123456789") != "" {
		return i, false
	}
	return i + j + 1, true
}

// sentNextRune returns the first rune at or after b that is not an opening
// quote, bracket, dash, Markdown mark or space, or 0.
func sentNextRune(text string, b int) rune {
	for i := b; i < len(text) && i-b < 16; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isCloser(r) && !isEmphasis(r) && !isSpace(r) && !strings.ContainsRune("¿¡-–—", r) {
			return r
		}
		i += n
	}
	return 0
}

// sentLineBefore returns the line that ends at i: from the line break before
// i (or the start of text) to i. It returns "" for a line longer than
// sentMaxLook bytes, which is not a marker or heading.
func sentLineBefore(text string, i int) string {
	j := strings.LastIndexByte(text[max(i-sentMaxLook, 0):i], '\n')
	if j < 0 {
		if i > sentMaxLook {
			return ""
		}
		return text[:i]
	}
	return text[max(i-sentMaxLook, 0)+j+1 : i]
}

// sentLineBreaks counts the line breaks in whitespace ws; "\r\n" is one.
func sentLineBreaks(ws string) int {
	n := 0
	for i, r := range ws {
		if isParaSep(r) && !(r == '\r' && strings.HasPrefix(ws[i+1:], "\n")) {
			n++
		}
	}
	return n
}

// sentTrimIndent drops a line's indentation, byte order marks and
// blockquote marks.
func sentTrimIndent(line string) string {
	return strings.TrimLeftFunc(line, func(r rune) bool { return isSpace(r) || r == '\uFEFF' || r == '>' })
}

// sentListLine reports whether the line that starts text begins like a list
// item, a heading, a table row or a block of HTML.
func sentListLine(text string) bool {
	line := sentTrimIndent(text[:min(len(text), sentMaxLook)])
	r, n := utf8.DecodeRuneInString(line)
	switch {
	case r == '|' || sentMarkupLine(line):
		return true
	case strings.ContainsRune("-*+•‣◦–—", r):
		q, _ := utf8.DecodeRuneInString(line[n:])
		return isSpace(q)
	}
	if sentHeadingLine(line) {
		return true
	}
	// An ordered item: "1.", "1)", "(a)", "III.", "2.1." followed by space.
	line = strings.TrimPrefix(line, "(")
	i := sentMarkerPrefix(line)
	if i == 0 || i >= len(line) {
		return false
	}
	if line[i] == ')' {
		i++
	} else if line[i-1] != '.' {
		return false
	}
	q, _ := utf8.DecodeRuneInString(line[i:])
	return isSpace(q)
}

// sentMarkupLine reports whether line starts with an HTML tag or a Hugo
// shortcode.
func sentMarkupLine(line string) bool {
	line = sentTrimIndent(line)
	if strings.HasPrefix(line, "{{") {
		return true
	}
	if len(line) < 2 || line[0] != '<' {
		return false
	}
	c := line[1] | 0x20
	return 'a' <= c && c <= 'z' || line[1] == '/' || line[1] == '!'
}

// sentHeadingLine reports whether line starts like a heading: a Markdown ATX
// heading or a label and number ("Article 12", "Статья 1", "§ 3").
func sentHeadingLine(line string) bool {
	line = sentTrimIndent(line)
	if h := strings.TrimLeft(line, "#"); len(h) < len(line) && len(line)-len(h) <= 6 {
		return h == "" || h[0] == ' ' || h[0] == '\t'
	}
	rest, ok := sentCutLabel(line)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return sentDigit(r) || strings.ContainsRune("IVXLCDM", r)
}

// sentMarkerLine reports whether line, which ends just after a ".", is only a
// list or section marker: "1.", "  III.", "## I.", "a.", "2.1.", "§ 3.",
// "Artikel 5.".
func sentMarkerLine(line string) bool {
	// The last word must be a marker; most lines fail here, cheaply.
	last := line[strings.LastIndexFunc(line, isSpace)+1:]
	if last == "" || sentMarkerPrefix(last) != len(last) || last[len(last)-1] != '.' {
		return false
	}
	line = sentTrimIndent(line)
	if h := strings.TrimLeft(line, "#"); len(h) < len(line) {
		line = strings.TrimLeftFunc(h, isSpace)
	}
	if rest, ok := sentCutLabel(line); ok {
		line = rest
	}
	return line != "" && sentMarkerPrefix(line) == len(line) && line[len(line)-1] == '.'
}

// sentCutLabel removes a leading section label ("Article", "Статья", "§" …)
// and the space after it.
func sentCutLabel(line string) (string, bool) {
	if rest, ok := strings.CutPrefix(line, "§"); ok {
		return strings.TrimLeftFunc(rest, isSpace), true
	}
	word, rest, ok := strings.Cut(line, " ")
	if !ok {
		return line, false
	}
	word = strings.TrimSuffix(word, ".")
	for _, l := range sectionLabels {
		if strings.EqualFold(word, l) {
			return strings.TrimLeftFunc(rest, isSpace), true
		}
	}
	return line, false
}

// sentMarkerPrefix returns the length of the marker at the start of s: parts
// (a number of up to four digits, a Roman numeral or a single letter) each
// followed by "." except perhaps the last: "1.", "III.1.a", "2".
func sentMarkerPrefix(s string) int {
	i, end := 0, 0
	for i < len(s) {
		j := i
		switch r, n := utf8.DecodeRuneInString(s[i:]); {
		case sentDigit(r):
			for j < len(s) && j-i < 4 && sentDigit(rune(s[j])) {
				j++
			}
		case strings.ContainsRune("IVXLCDM", r):
			for j < len(s) && j-i < 7 && strings.IndexByte("IVXLCDM", s[j]) >= 0 {
				j++
			}
		case strings.ContainsRune("ivxlcdm", r):
			for j < len(s) && j-i < 7 && strings.IndexByte("ivxlcdm", s[j]) >= 0 {
				j++
			}
		case unicode.IsLetter(r):
			j += n
		}
		if j == i {
			break
		}
		if q, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(q) || sentDigit(q) {
			break // a word, not a marker
		}
		end = j
		if j < len(s) && s[j] == '.' {
			end = j + 1
			i = j + 1
			continue
		}
		break
	}
	return end
}

// sentSkipSpace returns the end of the whitespace that starts at i.
func sentSkipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// isFullStop reports whether term is a single full stop.
func isFullStop(term string) bool {
	r, n := utf8.DecodeRuneInString(term)
	return n == len(term) && isATerm(r)
}

// isATerm reports whether r is a full stop (UAX #29 ATerm).
func isATerm(r rune) bool { return r == '.' || r == '\u2024' || r == '\uFE52' || r == '\uFF0E' }

// isTerminator reports whether r ends a sentence (UAX #29 ATerm or the
// common STerm characters).
func isTerminator(r rune) bool {
	return isATerm(r) || strings.ContainsRune("!?‼⁇⁈⁉。！？｡﹖﹗؟۔।॥։", r)
}

// isSContinue reports whether r is a comma, colon or dash that continues a
// sentence after a full stop (UAX #29 SContinue).
func isSContinue(r rune) bool { return strings.ContainsRune(",-:–—、，－：､﹐﹑﹕", r) }

// isCloser reports whether r is a quotation mark or bracket (UAX #29
// Close): it stays with the end punctuation before it.
func isCloser(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.IndexByte(`"'()[]{}`, byte(r)) >= 0
	}
	switch r {
	case '"', '\'', '«', '»', '‹', '›', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '「', '」', '『', '』':
		return true
	}
	return unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf)
}

// isEmphasis reports whether r is a Markdown emphasis or code mark.
func isEmphasis(r rune) bool { return r == '*' || r == '_' || r == '`' || r == '~' }

// isParaSep reports whether r breaks a line (UAX #29 Sep, CR, LF).
func isParaSep(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// sentSp reports whether r is whitespace that does not break a line.
func sentSp(r rune) bool { return isSpace(r) && !isParaSep(r) }

func sentDigit(r rune) bool { return '0' <= r && r <= '9' }

func sentUpper(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }
