package align

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralign/paralign/corpus"
)

// SectionKind says what a section row is.
type SectionKind uint8

const (
	// Numbered is a section with a marker of the document's main sequence,
	// or a nested subsection.
	Numbered SectionKind = iota
	// Title is the document's title line.
	Title
	// Preamble is unnumbered text between the title and the first section.
	Preamble
	// Unnumbered is a block that belongs to no section: head matter before
	// the title, closing formulas, signatory lists, appendices.
	Unnumbered
)

var sectionKindNames = [...]string{"section", "title", "preamble", "unnumbered"}

// String returns the kind as written in JSONL output.
func (k SectionKind) String() string {
	if int(k) < len(sectionKindNames) {
		return sectionKindNames[k]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (k SectionKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Version is one language version of a document: a whole file, or one
// language block of a combined file.
type Version struct {
	Lang  corpus.Lang
	File  string
	Paras []corpus.Paragraph
}

// Section is a run of consecutive paragraphs of one version under one id.
type Section struct {
	ID    string // "title", "preamble", "1", "IV", "§3", "III.1.a", "8+1", "0+2"
	Kind  SectionKind
	Paras []corpus.Paragraph
}

// Outline is a version cut into sections. Its sections hold every
// paragraph of the version exactly once, in order.
type Outline struct {
	Version
	Sections []Section
	// Style describes the marker style chosen as the main sequence, for
	// messages ("Markdown heading 2, Roman, '.'"); empty when none.
	Style string
}

// signature is a marker style: the features that a document's main
// sequence keeps from one section to the next.
type signature struct {
	class
	punct    string
	indented bool // the marker line is indented: a list apart from the flush-left points
	tight    bool // a list item on the line right after or before another: a list, not points set apart by blank lines
}

// class is a signature without its punctuation: versions of a document
// share it even when one writes "1." and another "1)".
type class struct {
	heading int
	label   string
	kind    corpus.NumKind
	depth   int
	list    bool
}

func (c class) String() string {
	var parts []string
	if c.heading > 0 {
		parts = append(parts, fmt.Sprintf("heading %d", c.heading))
	}
	if c.list {
		parts = append(parts, "list")
	}
	if c.label != "" {
		parts = append(parts, "label "+c.label)
	}
	parts = append(parts, [...]string{"", "arabic", "roman", "letter"}[c.kind])
	if c.depth > 1 {
		parts = append(parts, fmt.Sprintf("depth %d", c.depth))
	}
	return strings.Join(parts, ", ")
}

// mark is a parsed marker at paragraph index i of a version.
type mark struct {
	i     int
	sig   signature
	m     corpus.Marker
	value int // the marker's value; position in the list for lists written 1. 1. 1.
}

// chain is a candidate main sequence: markers of one signature with rising
// values.
type chain struct {
	sig   signature
	marks []mark
	score float64 // letters governed, discounted for gaps; see bestChain
}

// Outlines cuts each version into sections. The main sequence is chosen
// consistently: the marker class (numbering system, label word, heading
// level, depth) that forms the best sequence summed over all versions, each
// version then taking its best signature of that class (so "1." in one
// version and "1)" in another both count).
func Outlines(versions []Version) []Outline {
	marks := make([][]mark, len(versions))
	chains := make([]map[signature]chain, len(versions))
	classScore := map[class]float64{}
	for v, ver := range versions {
		marks[v] = findMarks(ver.Paras)
		chains[v] = bestChains(ver.Paras, marks[v])
		total := float64(letterCount(ver.Paras)) + 1
		best := map[class]float64{}
		for sig, c := range chains[v] {
			if len(c.marks) >= 2 { // one marker makes no sequence
				best[sig.class] = max(best[sig.class], c.score/total)
			}
		}
		for cl, s := range best {
			classScore[cl] += s
		}
	}
	var main class
	mainScore := 0.0
	for cl, s := range classScore {
		if s > mainScore || (s == mainScore && classLess(cl, main)) {
			main, mainScore = cl, s
		}
	}
	// Headings nest: when the best sequence is of headings, an outer
	// heading level that also forms a real sequence is the main one
	// ("# III." over "## 1.").
	if main.heading > 1 {
		outer, outerScore := main, mainScore
		for cl, s := range classScore {
			if cl.heading == 0 || cl.heading >= main.heading || s < 0.3*float64(len(versions)) {
				continue
			}
			if cl.heading < outer.heading || (cl.heading == outer.heading && (s > outerScore || (s == outerScore && classLess(cl, outer)))) {
				outer, outerScore = cl, s
			}
		}
		main = outer
	}
	out := make([]Outline, len(versions))
	for v, ver := range versions {
		var pick *chain
		total := float64(letterCount(ver.Paras)) + 1
		for _, sig := range sortedSigs(chains[v]) {
			c := chains[v][sig]
			if sig.class == main && (pick == nil || c.score > pick.score) {
				pick = &c
			}
		}
		if pick == nil {
			// This version lacks the others' style: take its own best
			// sequence when it is a real one.
			for _, sig := range sortedSigs(chains[v]) {
				c := chains[v][sig]
				if len(c.marks) >= 2 && c.score/total >= 0.3 && (pick == nil || c.score > pick.score) {
					pick = &c
				}
			}
		}
		out[v] = outline(ver, marks[v], pick)
	}
	return out
}

func classLess(a, b class) bool {
	return a.String() < b.String()
}

func sortedSigs(m map[signature]chain) []signature {
	sigs := make([]signature, 0, len(m))
	for s := range m {
		sigs = append(sigs, s)
	}
	// deterministic order: by class description, then punctuation
	for i := 1; i < len(sigs); i++ {
		for j := i; j > 0 && sigLess(sigs[j], sigs[j-1]); j-- {
			sigs[j], sigs[j-1] = sigs[j-1], sigs[j]
		}
	}
	return sigs
}

func sigLess(a, b signature) bool {
	if a.class != b.class {
		return classLess(a.class, b.class)
	}
	return a.punct < b.punct
}

// findMarks parses the marker of every paragraph that can carry one and
// numbers lists written "1. 1. 1." by position, as Markdown renders them.
func findMarks(paras []corpus.Paragraph) []mark {
	var out []mark
	for i, p := range paras {
		if p.Kind == corpus.Code || p.Kind == corpus.FrontMatter {
			continue
		}
		m, ok := corpus.ParseMarker(p.Text)
		if !ok {
			continue
		}
		sig := signature{
			class:    class{heading: m.Heading, label: m.Label, kind: m.Kind(), depth: m.Depth(), list: p.Kind == corpus.ListItem},
			punct:    m.Punct,
			indented: m.Heading == 0 && indentOf(p.Text) > 0,
			tight:    p.Kind == corpus.ListItem && tightItem(paras, i),
		}
		out = append(out, mark{i: i, sig: sig, m: m, value: m.Value})
	}
	// Lists whose items all carry the same number: number them by position.
	for a := 0; a < len(out); {
		if !out[a].sig.list {
			a++
			continue
		}
		b := a + 1
		level := paras[out[a].i].Level
		for b < len(out) && out[b].sig == out[a].sig && paras[out[b].i].Level == level && listContinues(paras, out[b-1].i, out[b].i, level) {
			b++
		}
		same := b-a > 1
		for k := a + 1; k < b && same; k++ {
			same = out[k].value == out[a].value
		}
		if same {
			for k := a; k < b; k++ {
				out[k].value = k - a + 1
			}
		}
		a = b
	}
	return out
}

// listContinues reports whether the list items at paragraphs i < j (same
// level) belong to one list: only deeper items or their continuations lie
// between them.
func listContinues(paras []corpus.Paragraph, i, j, level int) bool {
	for k := i + 1; k < j; k++ {
		p := paras[k]
		if p.Kind == corpus.ListItem && p.Level > level {
			continue
		}
		if p.Kind == corpus.Text && leadingSpaces(p.Text) > 0 {
			continue
		}
		return false
	}
	return true
}

// tightItem reports whether list item i touches, with no blank line
// between, a list item that continues its numbering (or its bullet): it is
// one of a compact list, not a point set apart by blank lines. A point
// followed directly by a sublist starting at 1 is not tight.
func tightItem(paras []corpus.Paragraph, i int) bool {
	cont := func(a, b int) bool { // b follows a directly and continues it
		if paras[a].Kind != corpus.ListItem || paras[b].Kind != corpus.ListItem || paras[a].End+1 != paras[b].Start {
			return false
		}
		ma, ok1 := corpus.ParseMarker(paras[a].Text)
		mb, ok2 := corpus.ParseMarker(paras[b].Text)
		if !ok1 || !ok2 {
			return !ok1 && !ok2 // bullets
		}
		return mb.Value == ma.Value+1 || (mb.Value == ma.Value && ma.Value == 1)
	}
	return (i > 0 && cont(i-1, i)) || (i+1 < len(paras) && cont(i, i+1))
}

// indentOf returns the number of white-space bytes before the first
// character, stray byte-order marks not counted.
func indentOf(s string) int {
	s = strings.TrimLeft(s, "\ufeff")
	return len(s) - len(strings.TrimLeftFunc(s, isSpaceOrBOM))
}

func leadingSpaces(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// bestChains finds, for each signature, its best chain: the subsequence of
// its markers with rising values that governs the most text. Each marker
// weighs the letters from its paragraph to the next marker of its
// signature, so a list of short items (signatories) weighs little and the
// long numbered points of a statement weigh much; a marker that skips
// numbers, or a chain that does not start at 1, is discounted.
func bestChains(paras []corpus.Paragraph, marks []mark) map[signature]chain {
	bySig := map[signature][]mark{}
	for _, mk := range marks {
		bySig[mk.sig] = append(bySig[mk.sig], mk)
	}
	prefix := make([]int, len(paras)+1)
	for i, p := range paras {
		prefix[i+1] = prefix[i] + corpus.Letters(p.Text)
	}
	const window = 400
	out := map[signature]chain{}
	for sig, ms := range bySig {
		local := make([]float64, len(ms))
		for k, mk := range ms {
			end := len(paras)
			if k+1 < len(ms) {
				end = ms[k+1].i
			}
			local[k] = float64(prefix[end] - prefix[mk.i])
		}
		// The last marker of a signature would govern everything to the
		// end of the version; let it weigh no more than twice the median
		// of the others, so a list at the end cannot pose as the main
		// sequence by swallowing the text after it.
		if n := len(local); n > 1 {
			others := append([]float64(nil), local[:n-1]...)
			slices.Sort(others)
			local[n-1] = min(local[n-1], 2*others[len(others)/2]+1)
		}
		// next[j]: the first later marker with value v_j+1, the natural
		// successor; a chain that passes it over to take another is
		// discounted.
		// runStart[k]: where the run of consecutive values holding k begins.
		runStart := make([]int, len(ms))
		for k := range ms {
			runStart[k] = k
			if k > 0 && ms[k].value == ms[k-1].value+1 {
				runStart[k] = runStart[k-1]
			}
		}
		next := make([]int, len(ms))
		for j := range ms {
			next[j] = len(ms)
			for k := j + 1; k < len(ms) && k <= j+window; k++ {
				if ms[k].value == ms[j].value+1 {
					next[j] = k
					break
				}
			}
		}
		best := make([]float64, len(ms))
		prev := make([]int, len(ms))
		for k, mk := range ms {
			start := 0.5
			if mk.value == 1 {
				start = 1
			}
			best[k], prev[k] = local[k]*start, -1
			for j := max(0, k-window); j < k; j++ {
				gap := mk.value - ms[j].value
				if gap <= 0 || gap > 20 {
					continue
				}
				q := 1.0
				switch {
				case gap == 1:
				case gap <= 3:
					q = 0.6
				default:
					q = 0.3
				}
				if next[j] < k {
					q *= 0.3
				}
				if runStart[k] > j && ms[runStart[k]].value == 1 {
					// k continues a list that restarted at 1 after j
					q *= 0.5
				}
				if s := best[j] + local[k]*q; s > best[k] {
					best[k], prev[k] = s, j
				}
			}
		}
		top := -1
		for k := range ms {
			if top < 0 || best[k] > best[top] {
				top = k
			}
		}
		var picked []mark
		for k := top; k >= 0; k = prev[k] {
			picked = append(picked, ms[k])
		}

		for a, b := 0, len(picked)-1; a < b; a, b = a+1, b-1 {
			picked[a], picked[b] = picked[b], picked[a]
		}
		out[sig] = chain{sig: sig, marks: picked, score: best[top]}
	}
	return out
}

// outline cuts one version into sections along its main chain (nil: none).
func outline(ver Version, marks []mark, main *chain) Outline {
	o := Outline{Version: ver}
	paras := ver.Paras
	var starts []mark
	if main != nil {
		starts = main.marks
		o.Style = main.sig.class.String() + ", '" + main.sig.punct + "'"
	}
	first := len(paras)
	if len(starts) > 0 {
		first = starts[0].i
	}
	o.Sections = append(o.Sections, head(paras[:first])...)
	markAt := map[int]mark{}
	for _, mk := range marks {
		markAt[mk.i] = mk
	}
	for k, st := range starts {
		end := len(paras)
		if k+1 < len(starts) {
			end = starts[k+1].i
		}
		id := st.m.ID()
		if st.value != st.m.Value && st.m.Kind() == corpus.Arabic && st.m.Depth() == 1 {
			id = fmt.Sprint(st.value) // list written 1. 1. 1.: its position
			if st.m.Label == "§" {
				id = "§" + id
			}
		}
		body := paras[st.i:end]
		// Unnumbered headings at the main level or above end the section.
		cut := len(body)
		if main.sig.heading > 0 {
			for j := 1; j < len(body); j++ {
				if body[j].Kind == corpus.Heading && body[j].Level <= main.sig.heading {
					cut = j
					break
				}
			}
		}
		if k == len(starts)-1 && cut == len(body) {
			cut = trailerStart(body, main.sig.kind)
		}
		o.Sections = append(o.Sections, subsections(id, st, body[:cut], markAt, st.i)...)
		o.Sections = append(o.Sections, unnumbered(id, body[cut:])...)
	}
	return o
}

// subsections returns the section id over body (body[0] carries its
// marker) and, nested in it, the subsections it holds: dotted markers that
// extend its number ("12.1" in 12), or headings deeper than its own
// heading. Numbered list items and numbered paragraphs inside a section
// are not subsections.
func subsections(id string, parent mark, body []corpus.Paragraph, markAt map[int]mark, offset int) []Section {
	var cands []mark
	for j := 1; j < len(body); j++ {
		mk, ok := markAt[offset+j]
		if !ok {
			continue
		}
		switch {
		case mk.m.Depth() == parent.m.Depth()+1 && prefixMatches(parent.m, mk.m):
		case parent.m.Heading > 0 && mk.m.Heading > parent.m.Heading:
		default:
			continue
		}
		cands = append(cands, mk)
	}
	// Keep the subsequence of rising values of the most common signature.
	var subs []mark
	if len(cands) > 0 {
		count := map[signature]int{}
		for _, c := range cands {
			count[c.sig]++
		}
		var best signature
		bestN := 0
		for _, c := range cands {
			if count[c.sig] > bestN {
				best, bestN = c.sig, count[c.sig]
			}
		}
		last := 0
		for _, c := range cands {
			if c.sig == best && c.value > last {
				subs = append(subs, c)
				last = c.value
			}
		}
		if len(subs) == 1 && subs[0].value != 1 {
			subs = nil
		}
	}
	if len(subs) == 0 {
		return []Section{{ID: id, Kind: Numbered, Paras: body}}
	}
	out := []Section{{ID: id, Kind: Numbered, Paras: body[:subs[0].i-offset]}}
	for k, s := range subs {
		end := len(body)
		if k+1 < len(subs) {
			end = subs[k+1].i - offset
		}
		sid := id + "." + s.m.Parts[len(s.m.Parts)-1].ID()
		out = append(out, subsections(sid, s, body[s.i-offset:end], markAt, s.i)...)
	}
	return out
}

func prefixMatches(parent, child corpus.Marker) bool {
	for k, p := range parent.Parts {
		if child.Parts[k].Value != p.Value {
			return false
		}
	}
	return true
}

// head cuts the paragraphs before the first section into title, preamble
// and head matter (front matter, datelines, lines before an explicit
// "Preamble" heading), numbered 0+N.
func head(paras []corpus.Paragraph) []Section {
	var out []Section
	n := 0
	other := func(p corpus.Paragraph) {
		n++
		out = append(out, Section{ID: fmt.Sprintf("0+%d", n), Kind: Unnumbered, Paras: []corpus.Paragraph{p}})
	}
	i := 0
	for i < len(paras) && (paras[i].Kind == corpus.FrontMatter || isDateline(paras[i].Text) || corpus.Letters(paras[i].Text) == 0) {
		other(paras[i])
		i++
	}
	if i < len(paras) && titleLike(paras[i]) {
		out = append(out, Section{ID: "title", Kind: Title, Paras: paras[i : i+1]})
		i++
	}
	pre := -1
	for j := i; j < len(paras); j++ {
		if isPreambleHeading(paras[j].Text) {
			pre = j
			break
		}
	}
	if pre >= 0 {
		for ; i < pre; i++ {
			other(paras[i])
		}
	}
	if i < len(paras) {
		out = append(out, Section{ID: "preamble", Kind: Preamble, Paras: paras[i:]})
	}
	return out
}

// trailerStart returns where the closing matter after the last section
// begins (len(body) when there is none): the earliest paragraph after the
// section's first text from which every paragraph is short (a caption, a
// closing formula, a list item) and which holds a numbered list that
// restarts at 1: a signatory list after the last point.
func trailerStart(body []corpus.Paragraph, kind corpus.NumKind) int {
	start := 1
	for start < len(body) && corpus.Letters(afterMarker(body[start-1].Text)) == 0 {
		start++ // a marker line alone ("Article 30"): its text follows
	}
	cut := len(body)
	restart := false
	for j := len(body) - 1; j >= start; j-- {
		p := body[j]
		if utf8.RuneCountInString(strings.TrimSpace(p.Text)) > 160 && p.Kind != corpus.ListItem {
			break
		}
		if p.Kind == corpus.ListItem && utf8.RuneCountInString(p.Text) > 300 {
			break
		}
		if m, ok := corpus.ParseMarker(p.Text); ok && p.Kind == corpus.ListItem && m.Value == 1 && m.Kind() == kind {
			restart = true
		}
		cut = j
	}
	if !restart {
		return len(body)
	}
	return cut
}

// unnumbered cuts paragraphs that belong to no section into blocks
// id+1, id+2, …: a heading with what follows it up to the next heading,
// the items of one list together, any other paragraph alone.
func unnumbered(id string, paras []corpus.Paragraph) []Section {
	var out []Section
	for i := 0; i < len(paras); {
		j := i + 1
		switch paras[i].Kind {
		case corpus.Heading:
			for j < len(paras) && paras[j].Kind != corpus.Heading {
				j++
			}
		case corpus.ListItem:
			for j < len(paras) && paras[j].Kind == corpus.ListItem {
				j++
			}
		}
		out = append(out, Section{ID: fmt.Sprintf("%s+%d", id, len(out)+1), Kind: Unnumbered, Paras: paras[i:j]})
		i = j
	}
	return out
}

// titleLike reports whether p can be a document title: a heading, or one
// line of at most 200 characters that does not end like a sentence.
func titleLike(p corpus.Paragraph) bool {
	if p.Kind == corpus.Heading {
		return true
	}
	t := strings.TrimFunc(p.Text, isSpaceOrBOM)
	if p.Start != p.End || utf8.RuneCountInString(t) > 200 || corpus.Letters(t) < 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".;,:", last)
}

var preambleWords = map[string]bool{
	"preamble": true, "präambel": true, "preámbulo": true, "преамбула": true,
	"préambule": true, "preambolo": true, "preâmbulo": true, "preambuła": true,
}

func isPreambleHeading(text string) bool {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool {
		return isSpaceOrBOM(r) || r == '#' || r == ':' || r == '.' || r == '*'
	}))
	return preambleWords[t]
}

var monthWords = []string{
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
	"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
}

// isDateline reports a short line that is a date ("Tuesday, January 18,
// 2022", "18.01.2022", "18 января 2022 г."), as press statements put on
// top.
func isDateline(text string) bool {
	t := strings.TrimFunc(text, isSpaceOrBOM)
	if utf8.RuneCountInString(t) > 60 || strings.ContainsRune(t, '\n') {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	year, month := false, false
	for _, w := range words {
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == "" {
			year = true
		}
		for _, m := range monthWords {
			if strings.HasPrefix(w, m) && len(w) <= len(m)+3 {
				month = true
			}
		}
	}
	if year && month && len(words) <= 6 {
		return true
	}
	// numeric dates: 18.01.2022, 2022-01-18
	digits := strings.Count(t, "") - 1
	for _, r := range t {
		if !unicode.IsDigit(r) && !strings.ContainsRune(".-/ ", r) {
			digits = -1
			break
		}
	}
	return digits >= 8 && year
}

func afterMarker(text string) string {
	if m, ok := corpus.ParseMarker(text); ok {
		return text[m.Len:]
	}
	return text
}

func letterCount(paras []corpus.Paragraph) int {
	n := 0
	for _, p := range paras {
		n += corpus.Letters(p.Text)
	}
	return n
}

func isSpaceOrBOM(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }
