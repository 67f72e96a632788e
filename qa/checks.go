package qa

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralign/paralign/corpus"
)

// groupOf returns the index into pr.q of the first paragraph of the
// group holding pivot paragraph k (side 0) or v's paragraph k (side 1);
// -1 when it is in none.
func (pr *pair) groupOf(side, k int) int {
	for _, g := range pr.groups {
		idx := g.p
		if side == 1 {
			idx = g.q
		}
		if slices.Contains(idx, k) {
			return g.q[0]
		}
	}
	return -1
}

// numItem is one number value of one side of a section.
type numItem struct {
	value string // canonical
	raw   string // the token's digits as written, for matching
	shown string // as messages show it
	para  int    // index into the side's paragraphs
	tok   int    // the token it came from, unique within the side
	done  bool
}

func sideNumbers(paras []*para, lang corpus.Lang) (items []numItem, spelled map[string]int) {
	spelled = map[string]int{}
	tok := 0
	for k, pa := range paras {
		for _, t := range numberTokens(pa.num, lang) {
			if !pa.keptAt(t.start) {
				continue
			}
			tok++
			for _, v := range t.values {
				shown := v
				if len(t.values) == 1 {
					shown = strings.TrimSpace(pa.num[t.start:t.end])
				}
				items = append(items, numItem{value: v, raw: t.raw, shown: shown, para: k, tok: tok})
			}
		}
		for _, v := range spelledNumbers(pa.kept(pa.body), lang) {
			spelled[v]++
		}
	}
	return items, spelled
}

// keptAt reports whether byte offset i of the body is in a counted
// sentence.
func (pa *para) keptAt(i int) bool {
	for s, sp := range pa.sents {
		if i >= sp.Start && i < sp.End {
			return pa.keep[s]
		}
	}
	return false
}

// numbers compares the numbers of the section as multisets of values,
// each side read in its language's notation. A difference is excused by
// the same digits written on both sides ("12.1" as a reference in any
// language) or by the number spelled out or in Roman numerals on the other
// side. What remains is reported per group of paragraphs: number-missing
// when the pivot's number is not there (with v's differing numbers in the
// same place as evidence), number-extra when v only adds.
func (c *comparer) numbers(pr *pair) {
	pi, pSpelled := sideNumbers(pr.p, c.lang(c.pv))
	qi, qSpelled := sideNumbers(pr.q, c.lang(pr.v))
	// by value
	for a := range pi {
		for b := range qi {
			if !qi[b].done && qi[b].value == pi[a].value {
				pi[a].done, qi[b].done = true, true
				break
			}
		}
	}
	// by the digits as written
	for a := range pi {
		if pi[a].done {
			continue
		}
		for b := range qi {
			if !qi[b].done && qi[b].raw == pi[a].raw {
				ta, tb := pi[a].tok, qi[b].tok
				for x := range pi {
					if pi[x].tok == ta {
						pi[x].done = true
					}
				}
				for x := range qi {
					if qi[x].tok == tb {
						qi[x].done = true
					}
				}
				break
			}
		}
	}
	// spelled out on the other side
	for a := range pi {
		if !pi[a].done && qSpelled[pi[a].value] > 0 {
			qSpelled[pi[a].value]--
			pi[a].done = true
		}
	}
	for b := range qi {
		if !qi[b].done && pSpelled[qi[b].value] > 0 {
			pSpelled[qi[b].value]--
			qi[b].done = true
		}
	}
	type bucket struct{ missing, extra []numItem }
	buckets := map[int]*bucket{}
	var order []int
	get := func(k int) *bucket {
		if b, ok := buckets[k]; ok {
			return b
		}
		buckets[k] = &bucket{}
		order = append(order, k)
		return buckets[k]
	}
	for _, it := range pi {
		if !it.done {
			b := get(pr.groupOf(0, it.para))
			b.missing = append(b.missing, it)
		}
	}
	for _, it := range qi {
		if !it.done {
			b := get(pr.groupOf(1, it.para))
			b.extra = append(b.extra, it)
		}
	}
	slices.Sort(order)
	show := func(its []numItem) string {
		var s []string
		for _, it := range its {
			s = append(s, "`"+corpus.CellText(it.shown)+"`")
		}
		return strings.Join(slices.Compact(s), ", ")
	}
	for _, k := range order {
		b := buckets[k]
		where := ref(c.rows[pr.ri])
		f := Finding{}
		if k >= 0 {
			q := pr.q[k]
			where = c.where(pr, pr.q, k)
			f.Unit, f.File, f.Line = q.n, q.p.File, q.p.Start
		} else {
			f.File, f.Line = pr.q[0].p.File, pr.q[0].p.Start
		}
		for _, it := range b.missing {
			f.Evidence = append(f.Evidence, string(c.lang(c.pv))+":"+it.value)
		}
		for _, it := range b.extra {
			f.Evidence = append(f.Evidence, string(c.lang(pr.v))+":"+it.value)
		}
		if len(b.missing) > 0 {
			f.Message = fmt.Sprintf("%s in %s %s, not in %s", show(b.missing), c.lang(c.pv), where, c.lang(pr.v))
			if len(b.extra) > 0 {
				f.Message += fmt.Sprintf("; %s has %s", c.lang(pr.v), show(b.extra))
			}
			c.add(NumberMissing, pr.ri, pr.v, f)
			continue
		}
		f.Message = fmt.Sprintf("%s in %s %s, not in %s", show(b.extra), c.lang(pr.v), where, c.lang(c.pv))
		c.add(NumberExtra, pr.ri, pr.v, f)
	}
}

// linkItem is a URL or e-mail address of one side.
type linkItem struct {
	link
	para int
}

// links compares the URLs and the e-mail addresses of the section as
// sets. A path segment naming either language ("/en/", "/es/") does not
// count.
func (c *comparer) links(pr *pair) {
	langs := []corpus.Lang{c.lang(c.pv), c.lang(pr.v)}
	for _, kind := range []string{URLMismatch, EmailMismatch} {
		get := func(paras []*para) []linkItem {
			var out []linkItem
			for k, pa := range paras {
				text := pa.kept(pa.body)
				ls := urls(text)
				if kind == EmailMismatch {
					ls = emails(text)
				}
				for _, l := range ls {
					l.norm = langFree(l.norm, langs)
					out = append(out, linkItem{l, k})
				}
			}
			return out
		}
		pl, ql := get(pr.p), get(pr.q)
		has := func(ls []linkItem, n string) bool {
			return slices.ContainsFunc(ls, func(l linkItem) bool { return l.norm == n })
		}
		var missing, extra []string
		var ev []string
		unit := -1
		for _, l := range pl {
			if !has(ql, l.norm) && !slices.Contains(missing, "`"+l.raw+"`") {
				missing = append(missing, "`"+l.raw+"`")
				ev = append(ev, string(langs[0])+":"+l.norm)
				if unit < 0 {
					unit = pr.groupOf(0, l.para)
				}
			}
		}
		for _, l := range ql {
			if !has(pl, l.norm) && !slices.Contains(extra, "`"+l.raw+"`") {
				extra = append(extra, "`"+l.raw+"`")
				ev = append(ev, string(langs[1])+":"+l.norm)
				if unit < 0 {
					unit = l.para
				}
			}
		}
		if len(ev) == 0 {
			continue
		}
		f := Finding{Evidence: ev, File: pr.q[0].p.File, Line: pr.q[0].p.Start}
		where := ref(c.rows[pr.ri])
		if unit >= 0 {
			q := pr.q[unit]
			f.Unit, f.File, f.Line = q.n, q.p.File, q.p.Start
			where = c.where(pr, pr.q, unit)
		}
		switch {
		case len(missing) > 0 && len(extra) > 0:
			f.Message = fmt.Sprintf("%s in %s %s, not in %s; %s has %s", strings.Join(missing, ", "), langs[0], where, langs[1], langs[1], strings.Join(extra, ", "))
		case len(missing) > 0:
			f.Message = fmt.Sprintf("%s in %s %s, not in %s", strings.Join(missing, ", "), langs[0], where, langs[1])
		default:
			f.Message = fmt.Sprintf("%s in %s %s, not in %s", strings.Join(extra, ", "), langs[1], where, langs[0])
		}
		c.add(kind, pr.ri, pr.v, f)
	}
}

// langFree drops the path segments of a normalised URL that name one of
// langs, and a "lang=" or "hl=" query parameter.
func langFree(u string, langs []corpus.Lang) string {
	parts := strings.Split(u, "/")
	out := parts[:1]
	for _, p := range parts[1:] {
		seg := strings.ToLower(p)
		if q, _, ok := strings.Cut(seg, "?"); ok {
			seg = q
		}
		drop := false
		for _, l := range langs {
			if seg == string(l) || strings.HasPrefix(seg, string(l)+"-") && len(seg) == 5 {
				drop = true
			}
		}
		if !drop {
			out = append(out, p)
		}
	}
	s := strings.Join(out, "/")
	for _, l := range langs {
		for _, k := range []string{"lang=", "hl="} {
			s = strings.Replace(s, k+string(l), k, 1)
		}
	}
	return s
}

// cosmetic runs the checks that are off by default on paragraphs paired
// one to one.
func (c *comparer) cosmetic(pr *pair) {
	for _, g := range pr.groups {
		if len(g.p) != 1 || len(g.q) != 1 {
			continue
		}
		p, q := pr.p[g.p[0]], pr.q[g.q[0]]
		if p.keptLetters() == 0 || q.keptLetters() == 0 {
			continue
		}
		f := Finding{Unit: q.n, File: q.p.File, Line: q.p.Start}
		where := c.where(pr, pr.q, g.q[0])
		if a, b := endPunct(p.body), endPunct(q.body); a != b {
			f.Message = fmt.Sprintf("%s of %s ends in %s, %s in %s", where, c.lang(pr.v), showPunct(b), showPunct(a), c.lang(c.pv))
			f.Evidence = []string{string(c.lang(c.pv)) + ":" + a, string(c.lang(pr.v)) + ":" + b}
			c.add(EndPunctuation, pr.ri, pr.v, f)
		}
		if a, b := quoteMarks(p.body), quoteMarks(q.body); a != b {
			f.Message = fmt.Sprintf("%s of %s has %d quotation marks, %s has %d", where, c.lang(pr.v), b, c.lang(c.pv), a)
			f.Evidence = []string{fmt.Sprintf("%s:%d", c.lang(c.pv), a), fmt.Sprintf("%s:%d", c.lang(pr.v), b)}
			c.add(Quotes, pr.ri, pr.v, f)
		}
		if at := doubleSpace(q.body); at >= 0 && doubleSpace(p.body) < 0 {
			lo := max(0, at-20)
			for lo > 0 && !utf8.RuneStart(q.body[lo]) {
				lo--
			}
			hi := min(len(q.body), at+22)
			for hi < len(q.body) && !utf8.RuneStart(q.body[hi]) {
				hi++
			}
			ctx := q.body[lo:hi]
			f.Message = fmt.Sprintf("%s of %s has a double space: “%s”", where, c.lang(pr.v), strings.ReplaceAll(ctx, "\n", " "))
			f.Evidence = []string{ctx}
			c.add(DoubleSpace, pr.ri, pr.v, f)
		}
	}
}

// endPunct returns the last punctuation mark of text, closing quotes and
// brackets skipped, or "" when it ends in a letter or digit.
func endPunct(text string) string {
	s := strings.TrimRightFunc(text, unicode.IsSpace)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case strings.ContainsRune("\"'”’»)]*_", r):
			s = s[:len(s)-size]
			continue
		case unicode.IsPunct(r):
			if r == '…' || strings.HasSuffix(s, "...") {
				return "…"
			}
			return string(r)
		}
		return ""
	}
	return ""
}

func showPunct(p string) string {
	if p == "" {
		return "no punctuation"
	}
	return "“" + p + "”"
}

// quoteMarks counts double quotation marks and guillemets.
func quoteMarks(text string) int {
	n := 0
	for _, r := range text {
		if strings.ContainsRune("\"“”„«»‟", r) {
			n++
		}
	}
	return n
}

// doubleSpace returns the offset of two ASCII spaces inside a line
// (not its indentation), or -1.
func doubleSpace(text string) int {
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimLeft(line, " \t")
		if i := strings.Index(strings.TrimRight(body, " \n"), "  "); i >= 0 {
			return off + len(line) - len(body) + i
		}
		off += len(line)
	}
	return -1
}

// names looks, in row ri, for the names and acronyms of the pivot that a
// version renders without any counterpart. A capitalised word that any
// version writes in lower case somewhere is a common word, not a name.
// With other versions to compare, a name is expected only when every
// other version has it in this row, and, in a version of another script
// (where transliteration makes matching loose), when the version writes
// it elsewhere in the document; with no other version, only acronyms of
// the same script are. An acronym in another script needs an alias.
func (c *comparer) names(ri int) {
	ps := c.pairs[ri]
	var live []int
	for v, pr := range ps {
		if pr != nil && !pr.whole {
			live = append(live, v)
		}
	}
	if len(live) == 0 || !c.enabled(NameMismatch) {
		return
	}
	if c.docNames == nil {
		c.docNames = make([]*nameIndex, len(c.vers))
		for v, ver := range c.vers {
			var b strings.Builder
			for _, p := range ver.Paras {
				b.WriteString(p.Text)
				b.WriteByte('\n')
			}
			c.docNames[v] = newNameIndex(b.String())
		}
	}
	idx := map[int]*nameIndex{}
	full := map[int]*nameIndex{}
	for _, v := range live {
		var kept, all strings.Builder
		for _, q := range ps[v].q {
			kept.WriteString(q.kept(q.body))
			kept.WriteByte('\n')
			all.WriteString(q.body)
			all.WriteByte('\n')
		}
		idx[v] = newNameIndex(kept.String())
		full[v] = newNameIndex(all.String())
	}
	pScript := scriptOf(c.rows[ri].Cells[c.pv].Paras)
	for _, v := range live {
		pr := ps[v]
		cross := scriptOf(c.rows[ri].Cells[v].Paras) != pScript
		var missing []string
		unit := -1
		for k, p := range pr.p {
			for _, n := range names(p.kept(p.body), c.lang(c.pv)) {
				if idx[v].has(n, c.aliases, false) || slices.Contains(missing, n.word) {
					continue
				}
				if slices.ContainsFunc(c.docNames, func(ix *nameIndex) bool { return ix.common(n) }) {
					continue
				}
				aliased := slices.ContainsFunc(c.aliases, func(g []string) bool { return slices.Contains(g, n.word) })
				if n.acronym && cross && !aliased {
					continue
				}
				others, agree := 0, true
				for _, w := range live {
					if w != v {
						others++
						agree = agree && full[w].has(n, c.aliases, true)
					}
				}
				switch {
				case others == 0 && !(n.acronym || aliased):
					continue
				case !agree:
					continue
				case cross && !aliased && !c.docNames[v].has(n, c.aliases, false):
					continue
				}
				missing = append(missing, n.word)
				if unit < 0 {
					unit = pr.groupOf(0, k)
				}
			}
		}
		if len(missing) == 0 {
			continue
		}
		f := Finding{Evidence: missing, File: pr.q[0].p.File, Line: pr.q[0].p.Start}
		where := ref(c.rows[ri])
		if unit >= 0 {
			q := pr.q[unit]
			f.Unit, f.File, f.Line = q.n, q.p.File, q.p.Start
			where = c.where(pr, pr.q, unit)
		}
		shown := make([]string, len(missing))
		for i, m := range missing {
			shown[i] = "`" + m + "`"
		}
		f.Message = fmt.Sprintf("%s in %s %s, no counterpart in %s", strings.Join(shown, ", "), c.lang(c.pv), where, c.lang(v))
		c.add(NameMismatch, ri, v, f)
	}
}

// scriptOf returns the script most letters of the paragraphs are in.
func scriptOf(paras []corpus.Paragraph) string {
	lat, cyr, other := 0, 0, 0
	for _, p := range paras {
		for _, r := range p.Text {
			switch {
			case unicode.Is(unicode.Latin, r):
				lat++
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
			case unicode.IsLetter(r):
				other++
			}
		}
	}
	switch {
	case cyr > lat && cyr > other:
		return "cyrillic"
	case other > lat:
		return "other"
	}
	return "latin"
}

// lengths compares the length of each section of version v with the
// pivot's against the document's own ratios for the pair: letters counted
// without the units already reported as missing, extra or untranslated;
// sections under minLength letters in the pivot are not judged. The band
// is median ± k·MAD (scaled to a standard deviation), at least ±20% of
// the median; with fewer than five sections it is 0.4–2.5.
func (c *comparer) lengths(v int) {
	type sample struct {
		ri     int
		pl, ql int
		ratio  float64
	}
	var ss []sample
	for ri := range c.rows {
		pr := c.pairs[ri][v]
		if pr == nil || pr.whole || pr.cut {
			continue
		}
		// front matter, code and markup (NoLang) are no translation
		pl, ql := 0, 0
		for _, p := range pr.p {
			if p.p.Lang != corpus.NoLang {
				pl += p.keptLetters()
			}
		}
		for _, q := range pr.q {
			if q.p.Lang != corpus.NoLang {
				ql += q.keptLetters()
			}
		}
		if pl < minLength {
			continue
		}
		ss = append(ss, sample{ri, pl, ql, float64(ql) / float64(pl)})
	}
	if len(ss) == 0 {
		return
	}
	rs := make([]float64, len(ss))
	for i, s := range ss {
		rs[i] = s.ratio
	}
	med := median(rs)
	lo, hi := 0.4, 2.5
	if len(rs) >= 5 {
		dev := make([]float64, len(rs))
		for i, r := range rs {
			dev[i] = math.Abs(r - med)
		}
		half := max(c.opts.LengthK*1.4826*median(dev), 0.2*med)
		lo, hi = med-half, med+half
	}
	for _, s := range ss {
		if s.ratio >= lo && s.ratio <= hi {
			continue
		}
		pr := c.pairs[s.ri][v]
		f := Finding{File: pr.q[0].p.File, Line: pr.q[0].p.Start,
			Evidence: []string{fmt.Sprintf("%.2f", s.ratio)}}
		where := ref(c.rows[s.ri])
		// the group furthest from the median, when there are several
		if len(pr.groups) > 1 {
			worst, wd := -1, 0.0
			for _, g := range pr.groups {
				gp, gq := 0, 0
				for _, k := range g.p {
					gp += pr.p[k].keptLetters()
				}
				for _, k := range g.q {
					gq += pr.q[k].keptLetters()
				}
				if gp == 0 {
					continue
				}
				if d := math.Abs(math.Log(float64(gq) / float64(gp) / med)); d > wd {
					worst, wd = g.q[0], d
				}
			}
			if worst >= 0 {
				q := pr.q[worst]
				f.Unit, f.File, f.Line = q.n, q.p.File, q.p.Start
				where = c.where(pr, pr.q, worst)
			}
		}
		f.Message = fmt.Sprintf("%s of %s has %d letters, %.0f%% of %s's %d; the document's %s/%s ratios lie within %.2f–%.2f (median %.2f)",
			where, c.lang(v), s.ql, 100*s.ratio, c.lang(c.pv), s.pl, c.lang(v), c.lang(c.pv), lo, hi, med)
		c.add(LengthRatio, s.ri, v, f)
	}
}
