package align

import (
	"cmp"
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

// UnmarshalText implements encoding.TextUnmarshaler: the names String
// gives, "unknown" excepted.
func (k *SectionKind) UnmarshalText(b []byte) error {
	i := slices.Index(sectionKindNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("unknown section kind %q: want %s", b, strings.Join(sectionKindNames[:], ", "))
	}
	*k = SectionKind(i)
	return nil
}

// Version is one language version of a document: a whole file, or one
// language block of a combined file.
type Version struct {
	Lang  corpus.Lang
	File  string
	Paras []corpus.Paragraph
	// Format is the markup the paragraphs were split with; it decides how
	// list items are numbered (Markdown renders them by position). The
	// zero value, AutoFormat, means unknown: numbers are read as written.
	Format corpus.Format
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
	value int // the value a reader sees: see numberLists and readLookalikes
	// listHead is the paragraph index of the first item of the list the
	// mark's paragraph is an item of; its own index when it is no list
	// item or the first.
	listHead int
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
//
// The marks of a version are found twice, for its chains and for its
// outline, rather than kept for all versions between the two: on a long
// text they are the largest thing held (a mark a numbered paragraph).
func Outlines(versions []Version) []Outline {
	chains := make([]map[signature]chain, len(versions))
	classScore := map[class]float64{}
	for v, ver := range versions {
		chains[v] = bestChains(ver.Paras, findMarks(ver.Paras, ver.Format))
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
	picks := make([]*chain, len(versions))
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
		chains[v] = nil // the others than pick
		out[v] = outline(ver, findMarks(ver.Paras, ver.Format), pick)
		picks[v] = pick
	}
	matchLabels(out, picks)
	return out
}

// inStep is the share of the shorter of two main sequences whose numbers
// the other has too, above which two versions number in step.
const inStep = 0.5

// matchLabels gives the versions that label the pivot's numbering
// differently the pivot's ids: "§ 1" in German against "Section 1" or
// "Article 1" in English are one row when each version keeps its scheme
// and the numbers run in step. The pivot is the first version with a main
// sequence (versions come in --langs order). Only the paragraph sign
// shows in an id ("§1" against "1"), so that is what changes.
func matchLabels(outs []Outline, picks []*chain) {
	pivot := slices.IndexFunc(picks, func(c *chain) bool { return c != nil })
	if pivot < 0 {
		return
	}
	para := picks[pivot].sig.label == "§"
	for v, c := range picks {
		if c == nil || v == pivot || (c.sig.label == "§") == para || !numbersInStep(picks[pivot], c) {
			continue
		}
		for k := range outs[v].Sections {
			sec := &outs[v].Sections[k]
			if sec.Kind != Numbered && (sec.Kind != Unnumbered || strings.HasPrefix(sec.ID, "0+")) {
				continue
			}
			if para {
				sec.ID = "§" + sec.ID
			} else {
				sec.ID = strings.TrimPrefix(sec.ID, "§")
			}
		}
	}
}

func numbersInStep(a, b *chain) bool {
	have := map[int]bool{}
	for _, mk := range a.marks {
		have[mk.value] = true
	}
	shared := 0
	for _, mk := range b.marks {
		if have[mk.value] {
			shared++
		}
	}
	return float64(shared) >= inStep*float64(min(len(a.marks), len(b.marks)))
}

// classLess orders classes by their description, then by the fields it
// does not show (depth 0 and 1 read alike): a total order, so that a tie
// between two classes or signatures never falls to a map's order.
func classLess(a, b class) bool {
	if sa, sb := a.String(), b.String(); sa != sb {
		return sa < sb
	}
	return cmp.Or(cmp.Compare(a.heading, b.heading), cmp.Compare(a.label, b.label),
		cmp.Compare(a.kind, b.kind), cmp.Compare(a.depth, b.depth), compareBool(a.list, b.list)) < 0
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

func sortedSigs(m map[signature]chain) []signature {
	sigs := make([]signature, 0, len(m))
	for s := range m {
		sigs = append(sigs, s)
	}
	// deterministic order: by class (see classLess), then punctuation,
	// indentation and tightness
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
	return cmp.Or(cmp.Compare(a.punct, b.punct), compareBool(a.indented, b.indented), compareBool(a.tight, b.tight)) < 0
}

// findMarks parses the marker of every paragraph that can carry one, then
// gives Cyrillic look-alike letters their reading in context
// (readLookalikes) and numbers list items as a reader sees them
// (numberLists). format is the version's markup: in a rendered document
// (HTML, Word, OpenDocument) source lines say nothing of layout, so no
// list item is tight.
func findMarks(paras []corpus.Paragraph, format corpus.Format) []mark {
	md := format == corpus.Markdown
	rendered := format == corpus.HTML || format == corpus.DOCX || format == corpus.ODT
	var out []mark
	for i, p := range paras {
		if !p.Kind.Content() {
			continue
		}
		m, ok := corpus.ParseMarker(p.Text)
		if !ok {
			continue
		}
		if m.Heading == 0 && p.Kind == corpus.Heading {
			m.Heading = p.Level // a setext, HTML or Word heading
		}
		sig := signature{
			class:    class{heading: m.Heading, label: m.Label, kind: m.Kind(), depth: m.Depth(), list: p.Kind == corpus.ListItem},
			punct:    m.Punct,
			indented: m.Heading == 0 && indentOf(p.Text) > 0,
			tight:    p.Kind == corpus.ListItem && !rendered && tightItem(paras, i),
		}
		out = append(out, mark{i: i, sig: sig, m: m, value: m.Value, listHead: i})
	}
	readLookalikes(out)
	numberLists(paras, out, md)
	return out
}

// readLookalikes gives a Cyrillic letter that looks like a Latin one ("с"
// in "а) b) с)") the reading that continues the letter marker before it
// of the same signature: its Latin position when that is the next value,
// else its place in the Cyrillic alphabet. The mark's marker is changed so
// that its id follows the reading.
func readLookalikes(marks []mark) {
	for k := range marks {
		mk := &marks[k]
		last := len(mk.m.Parts) - 1
		alt := mk.m.Parts[last].AltValue
		if mk.m.Parts[last].Kind != corpus.Letter || alt == 0 {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if marks[j].sig != mk.sig {
				continue
			}
			if marks[j].value+1 == alt && marks[j].value+1 != mk.value {
				parts := slices.Clone(mk.m.Parts)
				parts[last].Value = alt
				mk.m.Parts, mk.m.Value, mk.value = parts, alt, alt
			}
			break
		}
	}
}

// numberLists finds the lists among the marks: list items of one
// signature and nesting level with only deeper items or indented
// continuations between them. Each item records the paragraph of its
// list's first item (listHead). Items are numbered as a reader sees them:
// in Markdown, the list's start number plus the item's position, as
// CommonMark renders it (a stray "1." after "10." is 11); in plain text as
// written, except a list whose items all carry one number ("1. 1. 1."),
// numbered by position.
func numberLists(paras []corpus.Paragraph, marks []mark, md bool) {
	done := make([]bool, len(marks))
	for a := range marks {
		if done[a] || !marks[a].sig.list {
			continue
		}
		level := paras[marks[a].i].Level
		items := []int{a}
		for b := a + 1; b < len(marks); b++ {
			pb := paras[marks[b].i]
			if pb.Kind == corpus.ListItem && pb.Level > level {
				continue // a nested item
			}
			last := marks[items[len(items)-1]].i
			if marks[b].sig != marks[a].sig || pb.Level != level || !listContinues(paras, last, marks[b].i, level) {
				break
			}
			items = append(items, b)
		}
		same := len(items) > 1
		for _, k := range items {
			done[k] = true
			marks[k].listHead = marks[a].i
			same = same && marks[k].value == marks[a].value
		}
		if len(items) < 2 || !(same || md && marks[a].sig.kind == corpus.Arabic) {
			continue
		}
		start := marks[a].value
		if same {
			start = 1
		}
		for pos, k := range items {
			marks[k].value = start + pos
		}
	}
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
	bySig := map[signature][]*mark{} // not copies: a long text has many
	for k := range marks {
		bySig[marks[k].sig] = append(bySig[marks[k].sig], &marks[k])
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
				if mk.listHead != mk.i && ms[j].listHead != mk.listHead {
					// A list is read as one unit: a sequence may enter
					// it only at its first item, never take its tail
					// (items 4–7 of a list 1–7 after an earlier list 1–3).
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
			picked = append(picked, *ms[k])
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
	recurring := recurringHeadings(paras, starts)
	markAt := make(map[int]*mark, len(marks))
	for k := range marks {
		markAt[marks[k].i] = &marks[k]
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
		// Unnumbered headings at the main level or above end the section;
		// after the last item of a list or numbered paragraphs, those at
		// the sequence's level (see sequenceLevel). A heading every
		// section repeats is part of each.
		cut := len(body)
		switch {
		case main.sig.heading > 0:
			cut = headingEnd(body, main.sig.heading, recurring)
		case k == len(starts)-1:
			cut = headingEnd(body, sequenceLevel(paras, first), recurring)
		}
		if k == len(starts)-1 {
			// page furniture after the last section (a footer) is not in it
			if b := slices.IndexFunc(body[1:], func(p corpus.Paragraph) bool { return p.Kind == corpus.Boilerplate }); b >= 0 && b+1 < cut {
				cut = b + 1
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

// sequenceLevel returns the heading level under which a main sequence of
// list items or numbered paragraphs stands: the level of the nearest
// heading before its first marker (at index first), unless that is the
// document's title; 6 when there is none. Headings at that level or higher
// after the last item are not part of it (a Markdown list item cannot
// hold a heading that is not indented): "## FAQ" after the rules under
// "## Rules", any heading after the rules right under the title.
func sequenceLevel(paras []corpus.Paragraph, first int) int {
	for j := first - 1; j >= 0; j-- {
		if l := headingLevel(paras[j]); l > 0 {
			if j == titleIndex(paras[:first], leadEnd(paras[:first])) {
				break
			}
			return l
		}
	}
	return 6
}

// headingEnd returns the index of the first heading after body[0] at
// level or higher (a smaller number) that is not one of the recurring
// headings; len(body) when there is none.
func headingEnd(body []corpus.Paragraph, level int, recurring map[string]bool) int {
	for j := 1; j < len(body); j++ {
		if l := headingLevel(body[j]); l > 0 && l <= level && !recurring[headingKey(body[j].Text)] {
			return j
		}
	}
	return len(body)
}

// recurringHeadings returns the unnumbered headings (by headingKey) that
// recur inside the sections along starts, in at least two sections and
// in at least half of them: "Answer" under every question of a FAQ,
// "Commentary" after every article. Such a heading is part of the section
// it stands in, not the end of it.
func recurringHeadings(paras []corpus.Paragraph, starts []mark) map[string]bool {
	count := map[string]int{}
	for k, st := range starts {
		end := len(paras)
		if k+1 < len(starts) {
			end = starts[k+1].i
		}
		seen := map[string]bool{}
		for _, p := range paras[st.i+1 : end] {
			if headingLevel(p) == 0 {
				continue
			}
			if _, numbered := corpus.ParseMarker(p.Text); numbered {
				continue
			}
			if key := headingKey(p.Text); !seen[key] {
				seen[key] = true
				count[key]++
			}
		}
	}
	out := map[string]bool{}
	for key, n := range count {
		if n >= 2 && 2*n >= len(starts) {
			out[key] = true
		}
	}
	return out
}

// headingKey is a heading's text without its markup, lower case: the
// same heading written at two places has one key.
func headingKey(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n") // a setext heading's text line
	return strings.ToLower(strings.TrimFunc(first, func(r rune) bool {
		return isSpaceOrBOM(r) || strings.ContainsRune("#*_:.", r)
	}))
}

// subsections returns the section id over body (body[0] carries its
// marker) and, nested in it, the subsections it holds: dotted markers that
// extend its number ("12.1" in 12), or headings deeper than its own
// heading, or at its own level when they are numbered in another system or
// punctuation (siblings share both, whatever their "#" count: "### c)"
// among "#### a)", "#### b)" under "### 1." is the third letter). Numbered
// list items and numbered paragraphs inside a section are not
// subsections. Of the candidates, one numbering (see subKey) makes the
// subsections: the shallowest, as a reader meets the outline top-down
// ("### 1." before the "#### a)" inside it, however many letters there
// are); among equally deep headings the first met; among non-headings the
// most frequent.
func subsections(id string, parent mark, body []corpus.Paragraph, markAt map[int]*mark, offset int) []Section {
	var cands []mark
	for j := 1; j < len(body); j++ {
		at, ok := markAt[offset+j]
		if !ok {
			continue
		}
		mk := *at
		switch h, ph := mk.m.Heading, parent.m.Heading; {
		case mk.m.Depth() == parent.m.Depth()+1 && prefixMatches(parent.m, mk.m):
		case ph > 0 && h > ph:
		case ph > 0 && h == ph && subKeyOf(mk) != subKeyOf(parent):
		default:
			continue
		}
		cands = append(cands, mk)
	}
	subs := pickSubs(cands)
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

// subKey is what sibling subsections share: numbering system, label word
// and punctuation, not their heading level.
type subKey struct {
	kind  corpus.NumKind
	label string
	punct string
}

func subKeyOf(mk mark) subKey { return subKey{mk.m.Kind(), mk.m.Label, mk.m.Punct} }

// noHeading ranks a marker outside a heading below every heading level.
const noHeading = 7

// pickSubs chooses the subsections among the candidates (in document
// order): the numbering that subsections documents, then its rising
// values. A single subsection that does not start the count is none.
func pickSubs(cands []mark) []mark {
	type group struct {
		level, count, first int
	}
	groups := map[subKey]*group{}
	var keys []subKey
	for k, c := range cands {
		level := c.m.Heading
		if level == 0 {
			level = noHeading
		}
		g := groups[subKeyOf(c)]
		if g == nil {
			g = &group{level: level, first: k}
			groups[subKeyOf(c)] = g
			keys = append(keys, subKeyOf(c))
		}
		g.level = min(g.level, level)
		g.count++
	}
	if len(keys) == 0 {
		return nil
	}
	rank := func(k subKey) [3]int {
		g := groups[k]
		count := 0
		if g.level == noHeading {
			count = -g.count
		}
		return [3]int{g.level, count, g.first}
	}
	best := keys[0]
	for _, k := range keys[1:] {
		if r, b := rank(k), rank(best); r[0] < b[0] || r[0] == b[0] && (r[1] < b[1] || r[1] == b[1] && r[2] < b[2]) {
			best = k
		}
	}
	var subs []mark
	last := 0
	for _, c := range cands {
		if subKeyOf(c) == best && c.value > last {
			subs = append(subs, c)
			last = c.value
		}
	}
	if len(subs) == 1 && subs[0].value != 1 {
		return nil
	}
	return subs
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
// and head matter numbered 0+N:
//
//   - front matter, date lines and lines without letters at the top are
//     head matter, one row each;
//   - the title is the highest-level heading (Markdown, setext, an HTML
//     block's <h1>) before the first prose paragraph, the first of its
//     level; without one, the first title-like line. What stands above the
//     title (a label, a language switch, a date) is head matter;
//   - a heading that names a preamble (Preamble, Introduction, …) starts
//     the preamble, which runs to the first section; what lies between the
//     title and it is head matter;
//   - else the preamble is the unheaded prose after the title, from its
//     first prose paragraph to the next heading. Short lines before it
//     (bylines, a "Contents" line and the table of contents) are head
//     matter, one row each, and so is every block under another heading
//     (a headed Summary or Overview, "Terms" over the numbered terms),
//     a heading with what follows up to the next heading of its level.
func head(paras []corpus.Paragraph) []Section {
	var out []Section
	n := 0
	other := func(ps []corpus.Paragraph) {
		n++
		out = append(out, Section{ID: fmt.Sprintf("0+%d", n), Kind: Unnumbered, Paras: ps})
	}
	i := 0
	for ; i < leadEnd(paras); i++ {
		other(paras[i : i+1])
	}
	if t := titleIndex(paras, i); t >= 0 {
		for ; i < t; i++ {
			other(paras[i : i+1])
		}
		out = append(out, Section{ID: "title", Kind: Title, Paras: paras[t : t+1]})
		i = t + 1
	}
	pre := -1
	for j := i; j < len(paras); j++ {
		if isPreambleHeading(paras[j].Text) {
			pre = j
			break
		}
	}
	if pre >= 0 {
		for _, b := range headingBlocks(paras[i:pre]) {
			other(b)
		}
		out = append(out, Section{ID: "preamble", Kind: Preamble, Paras: paras[pre:]})
		return out
	}
	for i < len(paras) && headingLevel(paras[i]) == 0 && !isProse(paras[i]) {
		j := i + 1
		for paras[i].Kind == corpus.ListItem && j < len(paras) && paras[j].Kind == corpus.ListItem {
			j++ // a list (of contents) is one block
		}
		other(paras[i:j])
		i = j
	}
	if i < len(paras) && headingLevel(paras[i]) == 0 {
		j := i + 1
		for j < len(paras) && headingLevel(paras[j]) == 0 {
			j++
		}
		out = append(out, Section{ID: "preamble", Kind: Preamble, Paras: paras[i:j]})
		i = j
	}
	for _, b := range headingBlocks(paras[i:]) {
		other(b)
	}
	return out
}

// leadEnd returns where the lead of a document ends: the front matter,
// date lines and lines without letters at its top.
func leadEnd(paras []corpus.Paragraph) int {
	i := 0
	for i < len(paras) && (paras[i].Kind == corpus.FrontMatter || paras[i].Kind == corpus.Boilerplate || isDateline(paras[i].Text) || corpus.Letters(paras[i].Text) == 0) {
		i++
	}
	return i
}

// titleIndex returns the index of the title among paras[from:] (the
// paragraphs before the first section), or -1: see head.
func titleIndex(paras []corpus.Paragraph, from int) int {
	best, bestLevel := -1, 0
	for j := from; j < len(paras) && (j == from || !isProse(paras[j])); j++ {
		if l := headingLevel(paras[j]); l > 0 && (best < 0 || l < bestLevel) {
			best, bestLevel = j, l
		}
	}
	if best >= 0 {
		return best
	}
	if from < len(paras) && titleLike(paras[from]) {
		return from
	}
	return -1
}

// headingLevel returns the heading level of p: a Markdown heading's, or
// that of the heading element in an HTML block; 0 when p is no heading.
func headingLevel(p corpus.Paragraph) int {
	if p.Kind == corpus.Heading {
		return p.Level
	}
	if p.Kind == corpus.Text {
		return corpus.HTMLHeadingLevel(p.Text)
	}
	return 0
}

// Prose is what an introduction is written in, unlike bylines,
// "Contents", the entries of a table of contents or a label: a paragraph
// of at least proseWords words that ends as a sentence or a lead-in does,
// one of at least subtitleWords words (an unpunctuated subtitle that says
// what the statement is about), or one of more than proseRunes
// characters. A paragraph of several lines each shorter than proseWords
// words (contents, an address, names one per line) is no prose.
const (
	proseWords    = 6
	subtitleWords = 12
	proseRunes    = 200
)

func isProse(p corpus.Paragraph) bool {
	if p.Kind != corpus.Text && p.Kind != corpus.ListItem {
		return false
	}
	t := strings.TrimRightFunc(p.Text, func(r rune) bool {
		return isSpaceOrBOM(r) || strings.ContainsRune("*_\\»”’)]", r)
	})
	if strings.Contains(t, "\n") {
		short := true
		for line := range strings.Lines(t) {
			short = short && len(strings.Fields(line)) < proseWords
		}
		if short {
			return false
		}
	}
	words := len(strings.Fields(t))
	if utf8.RuneCountInString(t) > proseRunes || words >= subtitleWords {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?:;…。！？", last) && words >= proseWords
}

// headingBlocks cuts paragraphs into blocks: a heading with what follows
// it up to the next heading of its level or higher, the items of one list
// together, any other paragraph alone.
func headingBlocks(paras []corpus.Paragraph) [][]corpus.Paragraph {
	var out [][]corpus.Paragraph
	for i := 0; i < len(paras); {
		j := i + 1
		if l := headingLevel(paras[i]); l > 0 {
			for j < len(paras) && !(headingLevel(paras[j]) > 0 && headingLevel(paras[j]) <= l) {
				j++
			}
		} else if paras[i].Kind == corpus.ListItem {
			for j < len(paras) && paras[j].Kind == corpus.ListItem {
				j++
			}
		}
		out = append(out, paras[i:j])
		i = j
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
// id+1, id+2, … (see headingBlocks).
func unnumbered(id string, paras []corpus.Paragraph) []Section {
	var out []Section
	for _, b := range headingBlocks(paras) {
		out = append(out, Section{ID: fmt.Sprintf("%s+%d", id, len(out)+1), Kind: Unnumbered, Paras: b})
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
	if strings.Contains(t, "\n") || utf8.RuneCountInString(t) > 200 || corpus.Letters(t) < 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".;,:", last)
}

// preambleWords name a document's introductory part in a heading:
// Preamble and Introduction in the languages paralign is tested on.
var preambleWords = map[string]bool{
	"preamble": true, "präambel": true, "preámbulo": true, "преамбула": true,
	"préambule": true, "preambolo": true, "preâmbulo": true, "preambuła": true,
	"introduction": true, "введение": true, "introducción": true, "einleitung": true,
	"einführung": true, "introduzione": true, "introdução": true, "wstęp": true,
	"вступ": true,
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
