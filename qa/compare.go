package qa

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// Options controls Compare. The zero value means the defaults.
type Options struct {
	// Pivot is the reference language every other version is checked
	// against; Und (or a language no version has) means the version with
	// the most sections, the first in version order on a tie.
	Pivot corpus.Lang
	// Enabled says which checks run, by id; nil means the checks whose
	// Default is true.
	Enabled map[string]bool
	// Detect labels one sentence with its language (the command passes
	// langid's Detector.Detect). Nil skips the sentence-level language
	// checks; paragraph labels are still used.
	Detect func(text string) corpus.Label
	// Aliases are groups of names that count as one another's
	// counterpart ({"CSTO", "OTSC", "ОДКБ"}), added to a few built in
	// (UN, EU, USA, USSR, NATO, UK).
	Aliases [][]string
	// Dict, when not nil, returns the bilingual dictionary from the
	// pivot's language to another version's (nil for none): its word
	// pairs help pair the paragraphs and sentences of a section.
	Dict func(src, tgt corpus.Lang) *align.Dictionary
	// LengthK is the multiple of the median absolute deviation a length
	// ratio may differ from the median of the document's ratios; 0 means
	// DefaultLengthK.
	LengthK float64
}

// DefaultLengthK is Options.LengthK's default. Measured on the test
// documents (the seed statement, the charter and the UDHR, eight language
// pairs): the section ratios of clean text lie within 3.5 MADs of their
// median, a section cut to half its length lies 4.8 or more away, cut to
// a third 6.4 or more.
const DefaultLengthK = 4.5

// Thresholds, in letters.
const (
	// minForeign: a paragraph or sentence shorter than this is not judged
	// by its language (names, short quotes, captions).
	minForeign = 25
	// minSentence: a missing or extra sentence or paragraph shorter than
	// this is not reported (splitting differs on such fragments, and
	// connectives such as "Now, therefore," are often absorbed).
	minSentence = 15
	// minLength: sections shorter than this in the pivot give no length
	// ratio (titles, one-line items).
	minLength = 150
)

// comparer holds one run of Compare.
type comparer struct {
	opts    Options
	vers    []align.Version
	rows    []align.Row
	pv      int
	aliases [][]string
	found   []keyed
	pairs   [][]*pair // [row][version]; nil where not both present
	tails   []*tail   // per version: where it stops before the pivot does, or nil
	ratios  []float64 // per version: the median of its section length ratios to the pivot
	// docNames indexes every version's whole text for names (built on
	// first use)
	docNames []*nameIndex
}

// beadOptions are the options of AlignUnits between the pivot and
// version v.
func (c *comparer) beadOptions(v int) align.BeadOptions {
	o := align.BeadOptions{Ratio: c.ratios[v], Omissions: true}
	if c.opts.Dict != nil {
		o.Dict = c.opts.Dict(c.vers[c.pv].Lang, c.vers[v].Lang)
	}
	return o
}

// keyed is a finding with its place in document order.
type keyed struct {
	Finding
	row, ver int
}

// Compare checks every version against the pivot, section by section:
// sections present in one and not the other, then, inside the sections
// both have, language, paragraphs and sentences without counterpart (by
// AlignUnits), numbers, URLs, e-mail addresses, length and names. rows
// are vers aligned by section (align.AlignSections). One root cause gives
// one finding: text judged untranslated, missing or extra is left out of
// the number, link, name and length checks. The result depends only on
// the inputs.
func Compare(vers []align.Version, rows []align.Row, opts Options) Report {
	c := &comparer{opts: opts, vers: vers, rows: rows}
	rep := Report{}
	for _, v := range vers {
		rep.Langs = append(rep.Langs, v.Lang)
	}
	if len(vers) == 0 {
		rep.summarise()
		return rep
	}
	c.pv = slices.Index(rep.Langs, opts.Pivot)
	if opts.Pivot == corpus.Und || c.pv < 0 {
		c.pv = align.PivotVersion(rows, len(vers))
	}
	rep.Pivot = rep.Langs[c.pv]
	c.aliases = append(slices.Clone(defaultAliases), opts.Aliases...)
	if c.opts.LengthK <= 0 {
		c.opts.LengthK = DefaultLengthK
	}
	c.pairs = make([][]*pair, len(rows))
	c.tails = make([]*tail, len(vers))
	c.ratios = make([]float64, len(vers))
	for v := range vers {
		if v != c.pv {
			c.presence(v)
			c.ratios[v] = c.roughRatio(v)
		}
	}
	for ri, r := range rows {
		c.pairs[ri] = make([]*pair, len(vers))
		for v := range vers {
			if v == c.pv || r.Cells[v].Empty() || r.Cells[c.pv].Empty() {
				continue
			}
			pr := c.newPair(ri, v)
			pr.cut = c.tails[v] != nil && c.tails[v].row == ri
			c.pairs[ri][v] = pr
			c.content(pr)
		}
	}
	for ri := range rows {
		c.names(ri)
	}
	for v := range vers {
		if v != c.pv {
			c.lengths(v)
			if c.tails[v] != nil {
				c.reportTail(v, c.tails[v])
			}
		}
	}
	slices.SortStableFunc(c.found, func(a, b keyed) int {
		return cmp.Or(
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.row, b.row),
			cmp.Compare(a.Unit, b.Unit),
			cmp.Compare(a.Sentence, b.Sentence),
			cmp.Compare(a.ver, b.ver),
			cmp.Compare(checkIndex(a.Check), checkIndex(b.Check)),
		)
	})
	for _, k := range c.found {
		rep.Findings = append(rep.Findings, k.Finding)
	}
	rep.summarise()
	return rep
}

func (c *comparer) enabled(id string) bool {
	if c.opts.Enabled == nil {
		ch, _ := LookupCheck(id)
		return ch.Default
	}
	return c.opts.Enabled[id]
}

// add records a finding of check id about version v in row ri.
func (c *comparer) add(id string, ri, v int, f Finding) {
	if !c.enabled(id) {
		return
	}
	ch, _ := LookupCheck(id)
	f.Check, f.Severity, f.ITSType = id, ch.Severity, ch.ITSType
	f.Section = c.rows[ri].ID
	if len(f.Sections) == 0 {
		f.Sections = []string{f.Section}
	}
	f.Langs = []corpus.Lang{c.vers[c.pv].Lang, c.vers[v].Lang}
	f.Fingerprint = fingerprint(f)
	c.found = append(c.found, keyed{Finding: f, row: ri, ver: v})
}

func (c *comparer) lang(v int) corpus.Lang { return c.vers[v].Lang }

// ref names a row in messages: "§3", "title", "preamble", "block 8+1".
func ref(r align.Row) string {
	switch r.Kind {
	case align.Title:
		return "title"
	case align.Preamble:
		return "preamble"
	case align.Unnumbered:
		return "block " + r.ID
	}
	if strings.HasPrefix(r.ID, "§") {
		return r.ID // "§8", not "§§8"
	}
	return "§" + r.ID
}

// run is a run of consecutive rows the pivot has and a version lacks, or
// the other way round.
type run struct {
	start, last int      // first and last row
	ids         []string // their ids
	id          string   // the check
}

// tail is a version that stops before the pivot does: the run of
// sections missing at its end and the last row it has.
type tail struct {
	run
	row int // the last row the version has text in
	// cutAt is where in that row the version stops, for messages
	// ("§26 ¶2"); empty when the row is complete.
	cutAt, cutText string
}

// presence reports the sections the pivot has and version v lacks, and
// the other way round. A run of consecutive rows missing from v is one
// finding (a passage left out), at its first row. A run of sections
// missing at the end of v is a version cut short: it is reported after
// the content checks (see reportTail), which look at where it stops.
func (c *comparer) presence(v int) {
	lastV := -1
	for ri, r := range c.rows {
		if !r.Cells[v].Empty() {
			lastV = ri
		}
	}
	var cur *run
	flush := func() {
		if cur == nil {
			return
		}
		if cur.start > lastV && lastV >= 0 && cur.id == MissingSection && c.tails[v] == nil {
			c.tails[v] = &tail{run: *cur, row: lastV}
		} else {
			c.reportRun(v, cur, "")
		}
		cur = nil
	}
	for ri, r := range c.rows {
		hasP, hasV := !r.Cells[c.pv].Empty(), !r.Cells[v].Empty()
		id := ""
		switch {
		case hasP && !hasV && r.Kind == align.Unnumbered:
			id = MissingBlock
		case hasP && !hasV:
			id = MissingSection
		case !hasP && hasV && r.Kind == align.Unnumbered:
			id = ExtraBlock
		case !hasP && hasV:
			id = ExtraSection
		case !hasP && !hasV:
			continue // neither: does not break a run
		}
		if cur != nil && cur.id != id {
			flush()
		}
		if id == "" {
			continue
		}
		if cur == nil {
			cur = &run{start: ri, id: id}
		}
		cur.ids = append(cur.ids, r.ID)
		cur.last = ri
	}
	flush()
}

// placeIn returns where row ri would stand in version v, which lacks it:
// the last line of the nearest row before it that v has, else the first
// line of the nearest after it; the pivot's place when v has no row.
func (c *comparer) placeIn(v, ri int) (string, int) {
	for j := ri - 1; j >= 0; j-- {
		if ps := c.rows[j].Cells[v].Paras; len(ps) > 0 {
			return ps[len(ps)-1].File, ps[len(ps)-1].End
		}
	}
	for j := ri + 1; j < len(c.rows); j++ {
		if ps := c.rows[j].Cells[v].Paras; len(ps) > 0 {
			return ps[0].File, ps[0].Start
		}
	}
	p := c.rows[ri].Cells[c.pv].Paras[0]
	return p.File, p.Start
}

// reportRun reports a run of rows present in one version only. lead,
// when not empty, starts the message.
func (c *comparer) reportRun(v int, cur *run, lead string) {
	r := c.rows[cur.start]
	f := Finding{Evidence: cur.ids, Sections: cur.ids}
	src := c.pv
	if cur.id == ExtraSection || cur.id == ExtraBlock {
		src = v
	}
	p := r.Cells[src].Paras[0]
	f.File, f.Line = p.File, p.Start
	if src != v {
		f.File, f.Line = c.placeIn(v, cur.start)
	}
	what := ref(r)
	if len(cur.ids) > 1 {
		unit := "blocks"
		if cur.id == MissingSection || cur.id == ExtraSection {
			unit = "sections"
		}
		what = fmt.Sprintf("%s to %s (%d %s)", what, ref(c.rows[cur.last]), len(cur.ids), unit)
	}
	switch cur.id {
	case MissingSection, MissingBlock:
		f.Message = fmt.Sprintf("%s%s in %s, not in %s: %s", lead, what, c.lang(c.pv), c.lang(v), quote(r.Cells[c.pv].Paras[0].Text, 60))
	default:
		f.Message = fmt.Sprintf("%s%s in %s, not in %s (pivot): %s", lead, what, c.lang(v), c.lang(c.pv), quote(r.Cells[v].Paras[0].Text, 60))
	}
	c.add(cur.id, cur.start, v, f)
}

// reportTail reports a version cut short: one missing-section finding,
// at the row where it stops when it stops inside one (the rest of that
// row is not reported again), else at the first missing section.
func (c *comparer) reportTail(v int, t *tail) {
	if t.cutAt == "" {
		c.reportRun(v, &t.run, fmt.Sprintf("%s ends after %s; ", c.lang(v), ref(c.rows[t.row])))
		return
	}
	r := c.rows[t.row]
	pr := c.pairs[t.row][v]
	last := pr.q[len(pr.q)-1]
	what := ref(c.rows[t.run.start])
	if len(t.ids) > 1 {
		what = fmt.Sprintf("%s to %s (%d sections)", what, ref(c.rows[t.last]), len(t.ids))
	}
	f := Finding{
		File: last.p.File, Line: last.p.Start, Unit: last.n,
		Sections: append([]string{r.ID}, t.ids...),
		Evidence: append([]string{"ends:" + t.cutText}, t.ids...),
		Message: fmt.Sprintf("%s ends inside %s (%s); the rest of %s and %s in %s, not in %s",
			c.lang(v), t.cutAt, quote("…"+t.cutText, 40), ref(r), what, c.lang(c.pv), c.lang(v)),
	}
	c.add(MissingSection, t.row, v, f)
}

// roughRatio returns the median ratio of v's length to the pivot's, in
// characters, over the rows both have with minLength letters or more in
// the pivot, before any check; 1 when there is none. It is the ratio the
// aligner is given for units of one section, which are too few to
// measure it (an omission would skew it).
func (c *comparer) roughRatio(v int) float64 {
	var rs []float64
	count := func(cell align.Cell) (chars, lets int) {
		for _, p := range cell.Paras {
			chars += utf8.RuneCountInString(corpus.CellText(p.Text))
			lets += corpus.Letters(p.Text)
		}
		return chars, lets
	}
	for _, r := range c.rows {
		if r.Cells[v].Empty() || r.Cells[c.pv].Empty() {
			continue
		}
		if pc, pl := count(r.Cells[c.pv]); pl >= minLength {
			qc, _ := count(r.Cells[v])
			rs = append(rs, float64(qc)/float64(pc))
		}
	}
	if len(rs) == 0 {
		return 1
	}
	return median(rs)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
