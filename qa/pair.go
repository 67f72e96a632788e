package qa

import (
	"fmt"
	"slices"
	"strings"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// pair is one section as the pivot and version v have it.
type pair struct {
	ri, v int
	p, q  []*para // pivot's and v's paragraphs
	// whole is set when the section was judged as a whole (untranslated,
	// wrong language, empty): it takes no part in the later checks.
	whole bool
	// groups are the paragraph beads with text on both sides.
	groups []group
	// verdicts are the languages found in v's paragraphs (see judge).
	verdicts []verdict
	// cut is set on the last row of a version that stops before the
	// pivot does: the pivot's text after the point where v stops is not
	// reported here (see reportTail).
	cut      bool
	cutSents bool // pivot sentences were left over in the last group
}

// group is a bead of paragraphs: indexes into pair.p and pair.q.
type group struct{ p, q []int }

func (c *comparer) newPair(ri, v int) *pair {
	r := c.rows[ri]
	return &pair{
		ri: ri, v: v,
		p: prepare(r.Cells[c.pv], r.Kind, c.lang(c.pv)),
		q: prepare(r.Cells[v], r.Kind, c.lang(v)),
	}
}

// where names a paragraph of a section in messages: "§3" when the section
// has one paragraph, "§3 ¶2" otherwise.
func (c *comparer) where(pr *pair, paras []*para, k int) string {
	s := ref(c.rows[pr.ri])
	if len(paras) > 1 {
		s += fmt.Sprintf(" ¶%d", paras[k].n)
	}
	return s
}

// content runs the checks inside a section both the pivot and v have.
func (c *comparer) content(pr *pair) {
	if c.wholeSection(pr) {
		pr.whole = true
		return
	}
	dups := c.duplicates(pr)
	c.alignParas(pr, dups)
	c.numbers(pr)
	c.links(pr)
	c.cosmetic(pr)
}

// verdict is what the language checks found in one paragraph of v.
type verdict struct {
	foreign corpus.Lang   // Und: in its own language, or too short to tell
	whole   bool          // wholly (90% or more) in foreign
	langs   []corpus.Lang // the other languages found, largest first
	sample  string        // the first sentence in another language
	sent    int           // its 1-based number, 0 when judged by the label
}

// judge finds the language of a paragraph of version v: sentence by
// sentence with Options.Detect (sentences under minForeign letters, or
// made mostly of capitalised words, are not judged), by its label when Detect is nil or no sentence could be
// judged. A paragraph labelled NoLang (front matter, code, markup only)
// is not judged, nor a short one made mostly of capitalised words.
func (c *comparer) judge(q *para, own corpus.Lang) verdict {
	if q.letters < minForeign || q.p.Lang == corpus.NoLang || namesOnly(q.body) {
		return verdict{}
	}
	if c.opts.Detect != nil {
		ownN, total := 0, 0
		byLang := map[corpus.Lang]int{}
		var vd verdict
		for i := range q.sents {
			s := q.sentText(i)
			n := corpus.Letters(s)
			if n < minForeign || namesOnly(s) {
				continue // too short, or names (a list, a table row) that tell no language
			}
			lab := c.opts.Detect(s)
			switch {
			case lab.Lang == own:
				ownN += n
			case lab.Lang.IsLanguage():
				byLang[lab.Lang] += n
				if vd.sample == "" {
					vd.sample, vd.sent = s, i+1
				}
			default:
				continue
			}
			total += n
		}
		if total > 0 {
			if len(byLang) == 0 {
				return verdict{}
			}
			vd.langs = sortedKeys(byLang)
			slices.SortStableFunc(vd.langs, func(a, b corpus.Lang) int { return byLang[b] - byLang[a] })
			vd.foreign = vd.langs[0]
			vd.whole = 10*ownN < total
			if vd.whole {
				vd.sample, vd.sent = q.body, 0
			}
			return vd
		}
	}
	switch l := q.p.Lang; {
	case l.IsLanguage() && l != own && !q.p.Mixed:
		return verdict{foreign: l, whole: true, langs: []corpus.Lang{l}, sample: q.body}
	case q.p.Mixed:
		var others []corpus.Lang
		for _, x := range q.p.Langs {
			if x != own {
				others = append(others, x)
			}
		}
		if len(others) > 0 {
			return verdict{foreign: others[0], langs: others, sample: q.body}
		}
	}
	return verdict{}
}

// namesOnly reports whether text is short (under 100 letters of prose, see
// corpus.Prose) and made mostly of capitalised words: a list of names, a
// table row of product names, which tell no language.
func namesOnly(text string) bool {
	prose := corpus.Prose(text)
	return corpus.Letters(prose) < 100 && corpus.CapitalisedShare(prose) >= 0.5
}

// wholeSection judges the section as a whole: empty, or wholly in another
// language (every paragraph that can be judged). It reports whether it
// did.
func (c *comparer) wholeSection(pr *pair) bool {
	pl, ql := 0, 0
	for _, p := range pr.p {
		pl += p.letters
	}
	for _, q := range pr.q {
		ql += q.letters
	}
	first := pr.q[0].p
	if ql == 0 && pl > 0 {
		c.add(Empty, pr.ri, pr.v, Finding{File: first.File, Line: first.Start,
			Message:  fmt.Sprintf("%s is empty in %s (%s has %d letters): %s", ref(c.rows[pr.ri]), c.lang(pr.v), c.lang(c.pv), pl, quote(pr.q[0].p.Text, 40)),
			Evidence: []string{short(pr.q[0].p.Text, 40)}})
		return true
	}
	own, pivot := c.lang(pr.v), c.lang(c.pv)
	pr.verdicts = make([]verdict, len(pr.q))
	top, judged, n := corpus.Und, 0, 0
	text := ""
	for k, q := range pr.q {
		pr.verdicts[k] = c.judge(q, own)
	}
	for k, q := range pr.q {
		vd := pr.verdicts[k]
		if q.letters < minForeign {
			continue
		}
		judged++
		if !vd.whole || top != corpus.Und && vd.foreign != top {
			return false
		}
		top = vd.foreign
		n += q.letters
		if text == "" {
			text = q.body
		}
	}
	if judged == 0 || top != pivot && slices.ContainsFunc(pr.p, func(p *para) bool { return p.p.Lang == top }) {
		return false
	}
	id := WrongLanguage
	if top == pivot {
		id = Untranslated
	}
	c.add(id, pr.ri, pr.v, Finding{File: first.File, Line: first.Start,
		Message:  fmt.Sprintf("%s of %s is in %s: %s", ref(c.rows[pr.ri]), own, langName(top), quote(text, 60)),
		Evidence: []string{string(top), short(text, 60)}})
	return true
}

func sortedKeys[V any](m map[corpus.Lang]V) []corpus.Lang {
	out := make([]corpus.Lang, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// langName returns a language's code as messages write it.
func langName(l corpus.Lang) string { return l.String() }

// duplicates finds paragraphs of v that repeat an earlier paragraph of
// the same section word for word while the pivot's section repeats none.
// It reports them and returns their indexes, which the paragraph
// alignment then leaves out.
func (c *comparer) duplicates(pr *pair) map[int]bool {
	key := func(s string) string { return strings.ToLower(corpus.CellText(s)) }
	seen := map[string]bool{}
	for _, p := range pr.p {
		if p.letters < minForeign {
			continue
		}
		if k := key(p.body); seen[k] {
			return nil
		} else {
			seen[k] = true
		}
	}
	out := map[int]bool{}
	first := map[string]int{}
	for k, q := range pr.q {
		if q.letters < minForeign {
			continue
		}
		kk := key(q.body)
		j, ok := first[kk]
		if !ok {
			first[kk] = k
			continue
		}
		out[k] = true
		q.dropAll()
		c.add(Duplicate, pr.ri, pr.v, Finding{Unit: q.n, File: q.p.File, Line: q.p.Start,
			Message:  fmt.Sprintf("%s of %s repeats ¶%d word for word; %s has it once: %s", c.where(pr, pr.q, k), c.lang(pr.v), pr.q[j].n, c.lang(c.pv), quote(q.body, 60)),
			Evidence: []string{short(q.body, 60)}})
	}
	return out
}

// alignParas aligns the paragraphs of the section (the duplicates left
// out), reports those without counterpart, checks the language of the
// paired ones and aligns their sentences.
func (c *comparer) alignParas(pr *pair, dups map[int]bool) {
	var qIdx []int
	for k := range pr.q {
		if !dups[k] {
			qIdx = append(qIdx, k)
		}
	}
	// a version that stops in this row covers only a prefix of the
	// pivot's paragraphs: as many as its length needs at the document's
	// ratio
	np := len(pr.p)
	if pr.cut {
		ql := 0
		for _, k := range qIdx {
			ql += pr.q[k].letters
		}
		need := float64(ql) / c.ratios[pr.v]
		got := 0
		np = 0
		for np < len(pr.p) && float64(got) < need {
			got += pr.p[np].letters
			np++
		}
		np = max(np, min(1, len(pr.p)))
	}
	var beads []align.Bead
	if np == 1 && len(qIdx) == 1 {
		beads = []align.Bead{{Src: []int{0}, Tgt: []int{0}, Score: 1}}
	} else {
		src := make([]string, np)
		for k, p := range pr.p[:np] {
			src[k] = p.body
		}
		tgt := make([]string, len(qIdx))
		for k, i := range qIdx {
			tgt[k] = pr.q[i].body
		}
		beads = align.AlignUnits(src, tgt, c.beadOptions(pr.v))
	}
	var cut []int // pivot paragraphs after the point where v stops
	if pr.cut && len(beads) > 0 && len(beads[len(beads)-1].Src) == 0 {
		// v's last paragraph, cut short, goes with the pivot's paragraph
		// it starts
		last := beads[len(beads)-1]
		switch {
		case len(beads) > 1 && len(beads[len(beads)-2].Tgt) == 0:
			beads[len(beads)-2].Tgt = last.Tgt
			beads = beads[:len(beads)-1]
		case np < len(pr.p):
			beads[len(beads)-1].Src = []int{np}
			np++
		}
	}
	if pr.cut {
		for len(beads) > 0 && len(beads[len(beads)-1].Tgt) == 0 {
			cut = append(beads[len(beads)-1].Src, cut...)
			beads = beads[:len(beads)-1]
		}
		for k := np; k < len(pr.p); k++ {
			cut = append(cut, k)
		}
		for _, k := range cut {
			pr.p[k].dropAll()
		}
	}
	beads = c.rejoin(pr, beads, qIdx)
	for bi, b := range beads {
		g := group{p: b.Src}
		for _, t := range b.Tgt {
			g.q = append(g.q, qIdx[t])
		}
		switch {
		case len(g.q) == 0:
			for _, k := range g.p {
				c.missingPara(pr, k)
			}
		case len(g.p) == 0:
			for _, k := range g.q {
				c.extraPara(pr, k)
			}
		default:
			pr.groups = append(pr.groups, g)
			if c.groupLanguage(pr, g) {
				continue
			}
			c.alignSentences(pr, g, pr.cut && bi == len(beads)-1)
		}
	}
	if pr.cut {
		c.markCut(pr, cut)
	}
}

// rejoin turns a pivot paragraph without counterpart next to a version
// paragraph without counterpart, alone between paired paragraphs (or the
// section's ends), back into a pair when their sentences pair: at least
// one 1:1 sentence bead the aligner is confident of. A paragraph that lost
// most of its sentences is too short for the paragraph aligner to pair by
// length; compared sentence by sentence, it reports the sentences
// missing, not a paragraph missing and another one extra. qIdx maps the
// beads' target indexes to pr.q.
func (c *comparer) rejoin(pr *pair, beads []align.Bead, qIdx []int) []align.Bead {
	var out []align.Bead
	for i := 0; i < len(beads); i++ {
		if i+1 < len(beads) && oneSided(beads[i]) && oneSided(beads[i+1]) &&
			(i == 0 || !oneSided(beads[i-1])) && (i+2 == len(beads) || !oneSided(beads[i+2])) {
			a, b := beads[i], beads[i+1]
			if len(a.Src) == 0 {
				a, b = b, a
			}
			if len(a.Src) == 1 && len(b.Tgt) == 1 && c.sentencesPair(pr.p[a.Src[0]], pr.q[qIdx[b.Tgt[0]]], pr.v) {
				out = append(out, align.Bead{Src: a.Src, Tgt: b.Tgt, Score: 0})
				i++
				continue
			}
		}
		out = append(out, beads[i])
	}
	return out
}

// sentencesPair reports whether the sentence aligner pairs at least one
// sentence of p with one of q (version v) with a score of 0.5 or more.
func (c *comparer) sentencesPair(p, q *para, v int) bool {
	var src, tgt []string
	for i := range p.sents {
		src = append(src, p.sentText(i))
	}
	for i := range q.sents {
		tgt = append(tgt, q.sentText(i))
	}
	for _, b := range align.AlignUnits(src, tgt, c.beadOptions(v)) {
		if len(b.Src) == 1 && len(b.Tgt) == 1 && b.Score >= 0.5 {
			return true
		}
	}
	return false
}

// markCut records where a version that stops in this row stops: inside
// it when pivot text is left over, or when its last paragraph ends
// without final punctuation.
func (c *comparer) markCut(pr *pair, cut []int) {
	t := c.tails[pr.v]
	last := pr.q[len(pr.q)-1]
	ends := strings.TrimRightFunc(last.body, func(r rune) bool { return strings.ContainsRune(" \t\n\"'”’»)]", r) })
	open := ends != "" && !strings.ContainsAny(ends[len(ends)-1:], ".!?:;…")
	if len(cut) == 0 && !pr.cutSents && !open {
		return
	}
	t.cutAt = c.where(pr, pr.q, len(pr.q)-1)
	r := []rune(corpus.CellText(last.body))
	t.cutText = string(r[max(0, len(r)-30):])
}

func (c *comparer) missingPara(pr *pair, k int) {
	p := pr.p[k]
	p.dropAll()
	if p.letters < minSentence {
		return
	}
	file, line := p.p.File, p.p.Start
	if len(pr.q) > 0 {
		// the version's paragraph at that place: where this one belongs
		q := pr.q[min(k, len(pr.q)-1)]
		file, line = q.p.File, q.p.Start
	}
	c.add(MissingParagraph, pr.ri, pr.v, Finding{Unit: p.n, File: file, Line: line,
		Message:  fmt.Sprintf("%s of %s has no counterpart in %s: %s", c.where(pr, pr.p, k), c.lang(c.pv), c.lang(pr.v), quote(p.body, 80)),
		Evidence: []string{short(p.body, 80)}})
}

func (c *comparer) extraPara(pr *pair, k int) {
	q := pr.q[k]
	q.dropAll()
	if q.letters < minSentence {
		return
	}
	c.add(ExtraParagraph, pr.ri, pr.v, Finding{Unit: q.n, File: q.p.File, Line: q.p.Start,
		Message:  fmt.Sprintf("%s of %s has no counterpart in %s: %s", c.where(pr, pr.q, k), c.lang(pr.v), c.lang(c.pv), quote(q.body, 80)),
		Evidence: []string{short(q.body, 80)}})
}

// groupLanguage reports v's paragraphs of a group that are in another
// language (see judge): untranslated when wholly in the pivot's,
// wrong-language when wholly in a third one, mixed-language when partly.
// A language the pivot's paragraphs are in too is a name or a quotation
// and not reported. A group with a paragraph wholly in another language
// or empty takes no further part; it reports whether that happened.
func (c *comparer) groupLanguage(pr *pair, g group) bool {
	own, pivot := c.lang(pr.v), c.lang(c.pv)
	out := false
	for _, k := range g.q {
		q := pr.q[k]
		if q.letters == 0 {
			if lp := c.groupLetters(pr.p, g.p); lp > 0 {
				q.dropAll()
				c.add(Empty, pr.ri, pr.v, Finding{Unit: q.n, File: q.p.File, Line: q.p.Start,
					Message:  fmt.Sprintf("%s of %s is empty (%s has %d letters): %s", c.where(pr, pr.q, k), own, pivot, lp, quote(q.p.Text, 40)),
					Evidence: []string{short(q.p.Text, 40)}})
				out = true
			}
			continue
		}
		vd := pr.verdicts[k]
		switch {
		case vd.foreign == corpus.Und:
			continue
		case vd.foreign != pivot && pivotHas(pr, g, vd.foreign):
			continue
		case vd.whole:
			id := WrongLanguage
			if vd.foreign == pivot {
				id = Untranslated
			}
			for _, j := range g.p {
				pr.p[j].dropAll()
			}
			for _, j := range g.q {
				pr.q[j].dropAll()
			}
			c.add(id, pr.ri, pr.v, Finding{Unit: q.n, File: q.p.File, Line: q.p.Start,
				Message:  fmt.Sprintf("%s of %s is in %s: %s", c.where(pr, pr.q, k), own, langName(vd.foreign), quote(q.body, 60)),
				Evidence: []string{string(vd.foreign), short(q.body, 60)}})
			out = true
		default:
			names := make([]string, len(vd.langs))
			for i, l := range vd.langs {
				names[i] = langName(l)
			}
			msg := fmt.Sprintf("%s of %s is partly in %s", c.where(pr, pr.q, k), own, strings.Join(names, ", "))
			if vd.sent > 0 {
				msg += fmt.Sprintf(" (sentence %d: %s)", vd.sent, quote(vd.sample, 60))
			}
			line, col := q.p.Start, 1
			if vd.sent > 0 && vd.sent <= len(q.sents) {
				line, col = q.sentAt(vd.sent - 1)
			}
			c.add(MixedLanguage, pr.ri, pr.v, Finding{Unit: q.n, Sentence: vd.sent, File: q.p.File, Line: line, Column: col,
				Message: msg, Evidence: append(langStrings(vd.langs), short(vd.sample, 60))})
		}
	}
	return out
}

// pivotHas reports whether a pivot paragraph of group g is labelled
// with language l, wholly or in part.
func pivotHas(pr *pair, g group, l corpus.Lang) bool {
	for _, k := range g.p {
		p := pr.p[k].p
		if p.Lang == l || p.Mixed && slices.Contains(p.Langs, l) {
			return true
		}
	}
	return false
}

func langStrings(ls []corpus.Lang) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

func (c *comparer) groupLetters(paras []*para, idx []int) int {
	n := 0
	for _, k := range idx {
		n += paras[k].letters
	}
	return n
}

// sentRef is one sentence of a group: paragraph and sentence index.
type sentRef struct{ para, sent int }

// alignSentences aligns the sentences of a group of paragraphs and
// reports the sentences without counterpart: only those of minSentence
// letters or more that the aligner is confident about, and not those
// whose neighbours in the bead chain are 1:0 and 0:1 at once (a
// restructured passage, not an omission).
//
// In the last group of a version that stops in this row (last), pivot
// sentences after v's last one are the cut, not reported, and v's last
// sentence, perhaps cut in the middle, is not counted with its partner.
func (c *comparer) alignSentences(pr *pair, g group, last bool) {
	var ps, qs []sentRef
	var src, tgt []string
	for _, k := range g.p {
		for i := range pr.p[k].sents {
			ps = append(ps, sentRef{k, i})
			src = append(src, pr.p[k].sentText(i))
		}
	}
	for _, k := range g.q {
		for i := range pr.q[k].sents {
			qs = append(qs, sentRef{k, i})
			tgt = append(tgt, pr.q[k].sentText(i))
		}
	}
	if len(src) <= 1 && len(tgt) <= 1 {
		return
	}
	beads := align.AlignUnits(src, tgt, c.beadOptions(pr.v))
	if last {
		for len(beads) > 0 && len(beads[len(beads)-1].Tgt) == 0 {
			for _, i := range beads[len(beads)-1].Src {
				pr.p[ps[i].para].keep[ps[i].sent] = false
			}
			beads = beads[:len(beads)-1]
			pr.cutSents = true
		}
		if n := len(beads); n > 0 {
			for _, i := range beads[n-1].Src {
				pr.p[ps[i].para].keep[ps[i].sent] = false
			}
			for _, j := range beads[n-1].Tgt {
				pr.q[qs[j].para].keep[qs[j].sent] = false
			}
		}
	}
	for bi, b := range beads {
		if len(b.Src) > 0 && len(b.Tgt) > 0 {
			continue
		}
		// a 1:0 next to a 0:1 is a pair the aligner could not match:
		// a reworded passage more often than an omission
		if bi > 0 && oneSided(beads[bi-1]) && len(beads[bi-1].Src) != len(b.Src) ||
			bi+1 < len(beads) && oneSided(beads[bi+1]) && len(beads[bi+1].Src) != len(b.Src) {
			continue
		}
		if len(b.Src) > 0 {
			s := ps[b.Src[0]]
			p := pr.p[s.para]
			text := p.sentText(s.sent)
			p.keep[s.sent] = false
			if corpus.Letters(text) < minSentence {
				continue
			}
			f := Finding{Unit: p.n, Sentence: s.sent + 1, File: p.p.File, Line: p.p.Start}
			if at, ok := tgtNear(beads, bi, qs); ok {
				// where the sentence would stand in the version
				q := pr.q[at.para]
				f.File = q.p.File
				f.Line, f.Column = q.sentAt(at.sent)
			}
			f.Message, f.Evidence = fmt.Sprintf("sentence %d of %s of %s has no counterpart in %s: %s", s.sent+1, c.where(pr, pr.p, s.para), c.lang(c.pv), c.lang(pr.v), quote(text, 80)), []string{short(text, 80)}
			c.add(MissingSentence, pr.ri, pr.v, f)
		} else {
			s := qs[b.Tgt[0]]
			q := pr.q[s.para]
			text := q.sentText(s.sent)
			q.keep[s.sent] = false
			if corpus.Letters(text) < minSentence {
				continue
			}
			line, col := q.sentAt(s.sent)
			c.add(ExtraSentence, pr.ri, pr.v, Finding{Unit: q.n, Sentence: s.sent + 1, File: q.p.File, Line: line, Column: col,
				Message:  fmt.Sprintf("sentence %d of %s of %s has no counterpart in %s: %s", s.sent+1, c.where(pr, pr.q, s.para), c.lang(pr.v), c.lang(c.pv), quote(text, 80)),
				Evidence: []string{short(text, 80)}})
		}
	}
}

func oneSided(b align.Bead) bool { return len(b.Src) == 0 || len(b.Tgt) == 0 }

// tgtNear returns the version's sentence nearest to bead bi, which has
// none: the first of the next bead that has one (where the missing
// sentence would be inserted), else the last of the bead before.
func tgtNear(beads []align.Bead, bi int, qs []sentRef) (sentRef, bool) {
	for j := bi + 1; j < len(beads); j++ {
		if len(beads[j].Tgt) > 0 {
			return qs[beads[j].Tgt[0]], true
		}
	}
	for j := bi - 1; j >= 0; j-- {
		if t := beads[j].Tgt; len(t) > 0 {
			return qs[t[len(t)-1]], true
		}
	}
	return sentRef{}, false
}
