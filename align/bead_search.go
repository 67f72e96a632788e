package align

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
)

// The search: dynamic programming over beads, in full for small texts and
// otherwise in a corridor around a path found on a coarser copy of the
// texts (adjacent units merged pairwise, recursively), so that time and
// memory grow linearly with the length of the texts.

// step is one bead of a path: a source and b target units.
type step struct{ a, b uint8 }

// side is one text as the search reads it.
type side struct {
	n    int
	plen []float64  // plen[i]: characters in units [0, i)
	pw   []float64  // pw[i]: anchor weight in units [0, i)
	keys [][]uint32 // per unit: sorted anchor key ids, repeats kept
	ends []unitEnd  // per unit: how it ends
	pm   []float64  // pm[i]: merge costs of the ends of units [0, i)
	pd   []float64  // pd[i]: drop costs of units [0, i)
}

func newSide(keys [][]uint32, lengths []float64, ends []unitEnd, w []float32, m *beadModel) *side {
	s := &side{n: len(keys), keys: keys, ends: ends, plen: make([]float64, len(keys)+1)}
	for i, l := range lengths {
		s.plen[i+1] = s.plen[i] + l
	}
	s.prepare(w, m)
	return s
}

// prepare sums the anchor weights and merge and drop costs.
func (s *side) prepare(w []float32, m *beadModel) {
	s.pm = make([]float64, s.n+1)
	s.pd = make([]float64, s.n+1)
	for i, e := range s.ends {
		s.pm[i+1] = s.pm[i] + m.merge[e]
		s.pd[i+1] = s.pd[i] + m.drop[e]
	}
	s.pw = make([]float64, s.n+1)
	for i, ks := range s.keys {
		t := 0.0
		for _, k := range ks {
			t += float64(w[k])
		}
		s.pw[i+1] = s.pw[i] + t
	}
}

// spanBuf is scratch space for side.span; one serves one goroutine.
type spanBuf struct{ a, b []uint32 }

// span returns the keys of units [i, j). The keys of two or more units
// are merged into buf, and valid until its next use: the search merges
// only the spans of the few beads its pairwise bound leaves in the
// running, so merging them all beforehand (as this once did) cost more
// memory than it saved time.
func (s *side) span(i, j int, buf *spanBuf) []uint32 {
	switch j - i {
	case 0:
		return nil
	case 1:
		return s.keys[i]
	}
	buf.a = mergeSorted(buf.a[:0], s.keys[i], s.keys[i+1])
	for u := i + 2; u < j; u++ {
		buf.b = mergeSorted(buf.b[:0], buf.a, s.keys[u])
		buf.a, buf.b = buf.b, buf.a
	}
	return buf.a
}

// shape is a bead shape with its prior cost.
type shape struct {
	a, b int
	pen  float64
}

// scorer scores beads between two sides.
type scorer struct {
	src, tgt *side
	w        []float32 // anchor weight by key id
	m        *beadModel
	shapes   []shape
	noBound  bool // intersect every bead's spans (tests of the bound)
}

// intersectWeight returns the weight of the keys that the sorted lists x
// and y share, each occurrence counted once.
func intersectWeight(x, y []uint32, w []float32) float32 {
	var s float32
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			s += w[x[i]]
			i++
			j++
		}
	}
	return s
}

// cost is the cost of the bead of source units [pi, i) and target units
// [pj, j) whose shared anchor weight is match.
func (sc *scorer) cost(pi, i, pj, j int, match, pen float64) float64 {
	c, ws, wt := sc.baseCost(pi, i, pj, j, pen)
	return c - sc.m.matchGain()*min(match, ws, wt)
}

// baseCost is the cost of a bead as though its units shared no anchor,
// and the anchor weights of its two sides; each unit of shared weight
// lowers the cost by matchGain.
func (sc *scorer) baseCost(pi, i, pj, j int, pen float64) (c, ws, wt float64) {
	c, ws, wt, l1, l2 := sc.partCost(pi, i, pj, j, pen)
	if i == pi || j == pj {
		return c, ws, wt
	}
	return c + sc.m.lenWeight*sc.m.lengthCost(l1, l2), ws, wt
}

// partCost is baseCost without the length cost of a bead with two sides
// (which is never negative), and the bead's lengths: the search skips a
// bead whose partial cost already loses without computing the rest.
func (sc *scorer) partCost(pi, i, pj, j int, pen float64) (c, ws, wt, l1, l2 float64) {
	src, tgt, m := sc.src, sc.tgt, sc.m
	l1 = src.plen[i] - src.plen[pi]
	l2 = tgt.plen[j] - tgt.plen[pj]
	ws = src.pw[i] - src.pw[pi]
	wt = tgt.pw[j] - tgt.pw[pj]
	c = pen + m.loss*(ws+wt)
	if i == pi || j == pj {
		c += src.pd[i] - src.pd[pi] + tgt.pd[j] - tgt.pd[pj]
		return c + m.nullLen*(l1+l2/m.ratio)/m.unitLen, ws, wt, l1, l2
	}
	if i-pi > 1 {
		c += src.pm[i-1] - src.pm[pi]
	}
	if j-pj > 1 {
		c += tgt.pm[j-1] - tgt.pm[pj]
	}
	if src.ends[i-1] != tgt.ends[j-1] {
		c += m.mismatch
	}
	return c, ws, wt, l1, l2
}

// beadCost is the cost of the bead of source units [pi, i) and target
// units [pj, j).
func (sc *scorer) beadCost(pi, i, pj, j int) float64 {
	var buf [2]spanBuf
	match := float64(intersectWeight(sc.src.span(pi, i, &buf[0]), sc.tgt.span(pj, j, &buf[1]), sc.w))
	return sc.cost(pi, i, pj, j, match, sc.m.penalty(i-pi, j-pj))
}

// corridor bounds the search: row i (source units consumed) may pair with
// target positions lo[i]..hi[i]. lo and hi are non-decreasing, lo[0] = 0,
// hi[n] = m and lo[i] ≤ hi[i-1], so that every cell is reachable.
type corridor struct{ lo, hi []int }

func fullCorridor(n, m int) corridor {
	c := corridor{lo: make([]int, n+1), hi: make([]int, n+1)}
	for i := range c.hi {
		c.hi[i] = m
	}
	return c
}

// around returns the corridor of half-width w around path.
func around(path []step, n, m, w int) corridor {
	c := corridor{lo: make([]int, n+1), hi: make([]int, n+1)}
	for i := range c.lo {
		c.lo[i] = m
	}
	i, j := 0, 0
	mark := func(i, j0, j1 int) {
		c.lo[i] = min(c.lo[i], j0)
		c.hi[i] = max(c.hi[i], j1)
	}
	mark(0, 0, 0)
	for _, s := range path {
		i1, j1 := i+int(s.a), j+int(s.b)
		for r := i; r <= i1; r++ {
			mark(r, j, j1)
		}
		i, j = i1, j1
	}
	c.widen(m, w)
	return c
}

// widen adds w columns on both sides of every row, then restores the
// corridor invariants.
func (c corridor) widen(m, w int) {
	n := len(c.lo) - 1
	for i := range c.lo {
		c.lo[i] = max(0, c.lo[i]-w)
		c.hi[i] = min(m, c.hi[i]+w)
	}
	c.lo[0], c.hi[n] = 0, m
	for i := 1; i <= n; i++ {
		c.lo[i] = max(c.lo[i], c.lo[i-1])
		c.hi[i] = max(c.hi[i], c.hi[i-1])
	}
	for i := n - 1; i >= 0; i-- {
		c.lo[i] = min(c.lo[i], c.lo[i+1])
	}
	for i := 1; i <= n; i++ {
		c.lo[i] = min(c.lo[i], c.hi[i-1])
		c.hi[i] = max(c.hi[i], c.lo[i])
	}
}

// coarseSpan is the most units on one side of a bead between coarse
// units, and coarseKeys the most keys a coarse unit keeps (its heaviest):
// coarse levels only need to find the way, and stay cheap.
const (
	coarseSpan = 2
	coarseKeys = 48
)

// search aligns the two sides, which are the texts with every f adjacent
// units merged: in full when small (the work of a cell grows with f), else
// in a corridor around the path found on a copy twice as coarse.
func (sc *scorer) search(f int) []step {
	n, m := sc.src.n, sc.tgt.n
	if float64(n+1)*float64(m+1)*float64(f) <= float64(sc.m.fullCells) || n <= 1 && m <= 1 {
		return sc.run(fullCorridor(n, m))
	}
	cs, ct := coarsen(sc.src, sc.tgt, sc.w, sc.m)
	coarse := &scorer{src: cs, tgt: ct, w: sc.w, m: sc.m, shapes: sc.m.shapes(coarseSpan, coarseSpan)}
	ref := expand(coarse.search(2*f), n, m)
	cor := around(ref, n, m, sc.m.band)
	// in overlapping chunks: the coarse path says only roughly where the
	// fine one goes, and a first path made to pass through its points
	// would change the lexicon learnt from it, and so every bead after
	if f == 1 && sc.m.scoutSpan > 0 && sc.m.lexicon {
		// a scout: its path only finds the way for the second pass
		span := min(sc.m.scoutSpan, sc.m.maxSpan)
		scout := *sc
		scout.shapes = sc.m.shapes(span, span)
		return scout.runOverlapped(cor, ref)
	}
	return sc.runOverlapped(cor, ref)
}

// expand maps a path between coarse units (pairs of fine units) to a path
// between the fine units, each coarse bead becoming one rectangle walked
// along its diagonal.
func expand(path []step, n, m int) []step {
	var out []step
	i, j := 0, 0
	for _, s := range path {
		i1, j1 := min(n, i+2*int(s.a)), min(m, j+2*int(s.b))
		for i < i1 || j < j1 {
			a, b := uint8(0), uint8(0)
			if i < i1 {
				a = 1
			}
			if j < j1 {
				b = 1
			}
			out = append(out, step{a, b})
			i += int(a)
			j += int(b)
		}
	}
	return out
}

// coarsen merges adjacent units of both sides pairwise. Keys found in more
// than a quarter of the coarse units of either side, which cannot tell
// places apart at that scale, are dropped.
func coarsen(src, tgt *side, w []float32, m *beadModel) (*side, *side) {
	merge := func(s *side) *side {
		n := (s.n + 1) / 2
		c := &side{n: n, plen: make([]float64, n+1), keys: make([][]uint32, n), ends: make([]unitEnd, n)}
		size := 0
		for _, ks := range s.keys {
			size += len(ks)
		}
		flat := make([]uint32, 0, size) // the merged keys, one allocation
		for k := 0; k < n; k++ {
			a, b := 2*k, min(2*k+2, s.n)
			c.plen[k+1] = s.plen[b]
			c.ends[k] = s.ends[b-1]
			if b-a == 1 {
				c.keys[k] = s.keys[a]
			} else {
				start := len(flat)
				flat = mergeSorted(flat, s.keys[a], s.keys[a+1])
				c.keys[k] = flat[start:len(flat):len(flat)]
			}
		}
		return c
	}
	var cs, ct *side
	par := src.n+tgt.n >= parallelUnits
	both(par, func() { cs = merge(src) }, func() { ct = merge(tgt) })
	df := make([]int32, len(w))
	frequent := make([]bool, len(w))
	for _, s := range []*side{cs, ct} {
		clear(df)
		for _, ks := range s.keys {
			for k, id := range ks {
				if k == 0 || ks[k-1] != id {
					df[id]++
				}
			}
		}
		limit := int32(max(4, s.n/4))
		for k, d := range df {
			if d > limit {
				frequent[k] = true
			}
		}
	}
	trim := func(s *side) {
		for u, ks := range s.keys {
			if slices.ContainsFunc(ks, func(k uint32) bool { return frequent[k] }) {
				ks = slices.DeleteFunc(slices.Clone(ks), func(k uint32) bool { return frequent[k] })
			}
			if len(ks) > coarseKeys {
				ks = slices.Clone(ks)
				slices.SortStableFunc(ks, func(a, b uint32) int { return cmp.Compare(w[b], w[a]) })
				ks = ks[:coarseKeys]
				slices.Sort(ks)
			}
			s.keys[u] = ks
		}
		s.prepare(w, m)
	}
	both(par, func() { trim(cs) }, func() { trim(ct) })
	// leaving a coarse unit out drops both its fine ones
	for _, p := range [][2]*side{{src, cs}, {tgt, ct}} {
		for k := range p[1].pd {
			p[1].pd[k] = p[0].pd[min(2*k, p[0].n)]
		}
	}
	return cs, ct
}

// mergeSorted appends to dst the sorted lists x and y merged, repeats
// kept.
func mergeSorted(dst, x, y []uint32) []uint32 {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		if x[i] <= y[j] {
			dst = append(dst, x[i])
			i++
		} else {
			dst = append(dst, y[j])
			j++
		}
	}
	dst = append(dst, x[i:]...)
	return append(dst, y[j:]...)
}

// run finds the cheapest path from (0, 0) to (n, m) inside the corridor.
func (sc *scorer) run(cor corridor) []step {
	return sc.runRange(cor, 0, 0, sc.src.n, sc.tgt.n, sc.src.n+sc.tgt.n >= parallelUnits)
}

// overlapRows is how far, in source units, each chunk of a first pass
// is searched past its cuts (see runOverlapped).
const overlapRows = 512

// runOverlapped is run in a corridor around ref, a path that says only
// roughly where the best one goes (the coarse path), in chunks searched
// at the same time: each from overlapRows before its cut to overlapRows
// after the next, between points of ref, and each path joined to the
// next at a point both pass through, the one nearest the cut. Forced
// ends only bend a path near them; in the middle of an overlap the two
// searches follow the best path. When two paths share no point, the
// whole corridor is searched at once.
func (sc *scorer) runOverlapped(cor corridor, ref []step) []step {
	cuts := cutPoints(ref, sc.m.chunkRows, sc.m.chunkRows)
	if len(cuts) <= 2 {
		return sc.run(cor)
	}
	refAt := pathPoints([2]int{}, ref)
	// on returns the first point of ref in source unit i's row or after
	on := func(i int) [2]int {
		k, _ := slices.BinarySearchFunc(refAt, i, func(p [2]int, i int) int { return cmp.Compare(p[0], i) })
		return refAt[min(k, len(refAt)-1)]
	}
	n := len(cuts) - 1
	paths, starts := make([][]step, n), make([][2]int, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for c := range next {
				a, b := cuts[c], cuts[c+1]
				if c > 0 {
					a = on(a[0] - overlapRows)
				}
				if c < n-1 {
					b = on(b[0] + overlapRows)
				}
				starts[c], paths[c] = a, sc.runRange(cor, a[0], a[1], b[0], b[1], false)
			}
		})
	}
	for c := range paths {
		next <- c
	}
	close(next)
	wg.Wait()
	out := paths[0]
	have := pathPoints([2]int{}, out) // have[k]: where out's first k steps lead
	for c := 1; c < n; c++ {
		pts := pathPoints(starts[c], paths[c])
		at := make(map[[2]int]int, len(pts)) // the points of paths[c]: how many of its steps lead there
		for k, p := range pts {
			at[p] = k
		}
		join, best := -1, 0
		for k, p := range have {
			if _, ok := at[p]; ok && (join < 0 || abs(p[0]-cuts[c][0]) < best) {
				join, best = k, abs(p[0]-cuts[c][0])
			}
		}
		if join < 0 {
			return sc.run(cor)
		}
		k := at[have[join]]
		out = append(out[:join:join], paths[c][k:]...)
		have = append(have[:join], pts[k:]...)
	}
	return out
}

// pathPoints returns the points a path from start passes through, start
// first: pathPoints(start, path)[k] is where its first k steps lead.
func pathPoints(start [2]int, path []step) [][2]int {
	out := make([][2]int, 0, len(path)+1)
	p := start
	out = append(out, p)
	for _, s := range path {
		p[0] += int(s.a)
		p[1] += int(s.b)
		out = append(out, p)
	}
	return out
}

func abs(x int) int { return max(x, -x) }

// cutBeads is the number of 1:1 beads of the reference path that must
// stand on each side of a cut.
const cutBeads = 3

// cutPoints returns the points (source, target units) at which the search
// along ref is cut: (0, 0); for the chunks of rows source units from
// first on, the first point of ref from the chunk's start with cutBeads
// 1:1 beads before and after it; and the end of ref. rows 0 cuts nothing.
func cutPoints(ref []step, rows, first int) [][2]int {
	cuts := [][2]int{{0, 0}}
	if rows <= 0 {
		rows, first = math.MaxInt/2, math.MaxInt/2
	}
	ok := func(k int) bool { return ref[k].a == 1 && ref[k].b == 1 }
	at := first // the next chunk's start
	i, j := 0, 0
	run := 0 // 1:1 beads just before (i, j)
	for k, s := range ref {
		if i >= at && run >= cutBeads && k+cutBeads <= len(ref) {
			after := true
			for x := k; x < k+cutBeads && after; x++ {
				after = ok(x)
			}
			if after {
				cuts = append(cuts, [2]int{i, j})
				at = i + rows
			}
		}
		if ok(k) {
			run++
		} else {
			run = 0
		}
		i += int(s.a)
		j += int(s.b)
	}
	if end := [2]int{i, j}; end != cuts[len(cuts)-1] {
		cuts = append(cuts, end)
	}
	// a last chunk much shorter than the others joins the one before
	if n := len(cuts); n > 2 && cuts[n-1][0]-cuts[n-2][0] < rows/4 {
		cuts = append(cuts[:n-2], cuts[n-1])
	}
	return cuts
}

// runRange finds the cheapest path from (i0, j0) to (i1, j1) inside the
// corridor, which holds both points; ahead computes the anchor bound of
// the rows (see pairs) on another goroutine.
func (sc *scorer) runRange(cor corridor, i0, j0, i1, j1 int, ahead bool) []step {
	n := i1 - i0 // rows: r stands for source unit count i0 + r
	lo, hi := make([]int, n+1), make([]int, n+1)
	for r := range lo {
		lo[r], hi[r] = max(cor.lo[i0+r], j0), min(cor.hi[i0+r], j1)
	}
	k := 0 // the most source units of a shape
	for _, sh := range sc.shapes {
		k = max(k, sh.a)
	}
	off := make([]int, n+2)
	for r := 0; r <= n; r++ {
		off[r+1] = off[r] + max(0, hi[r]-lo[r]+1)
	}
	back := make([]uint8, off[n+1])
	costs := make([][]float64, k+1)
	inf := math.Inf(1)
	gain, lenWeight := sc.m.matchGain(), sc.m.lenWeight
	var buf [2]spanBuf // the keys of spans (see side.span)
	// pairs[u%(k+1)]: the anchor weight that source unit i0 + u shares
	// with each target unit from lo on. Summed over a bead's units, it
	// bounds the weight the bead's two sides share, at the cost of one
	// short intersection a cell: only a bead the bound leaves in the
	// running gets its spans intersected, and a 1:1 bead none, its bound
	// being the weight itself.
	type pairRow struct {
		lo  int       // the first target unit
		pre []float64 // prefix sums: pre[v-lo] is the weight shared with units [lo, v)
		one []float32 // one[v-lo]: the weight shared with unit v, as intersectWeight sums it
	}
	pairs := make([]pairRow, k+1)
	// fill computes unit i0 + u's row into p's memory
	// (the unit's keys are marked in stamp, with their counts in count,
	// so that each target unit's keys are looked up rather than merged;
	// the sums are intersectWeight's, in the same order)
	stamp, count := make([]int32, len(sc.w)), make([]int32, len(sc.w))
	fill := func(u int, p pairRow) pairRow {
		vlo, vhi := lo[max(0, u+1-k)], hi[min(n, u+k)]
		p.lo = vlo
		p.pre = slices.Grow(p.pre[:0], vhi-vlo+1)[:vhi-vlo+1]
		p.one = slices.Grow(p.one[:0], vhi-vlo)[:vhi-vlo]
		p.pre[0] = 0
		mark := int32(u + 1)
		for _, key := range sc.src.keys[i0+u] {
			if stamp[key] != mark {
				stamp[key], count[key] = mark, 0
			}
			count[key]++
		}
		for v := vlo; v < vhi; v++ {
			var shared float32
			y := sc.tgt.keys[v]
			for p := 0; p < len(y); {
				key, q := y[p], p+1
				for q < len(y) && y[q] == key {
					q++
				}
				if stamp[key] == mark {
					for range min(int(count[key]), q-p) {
						shared += sc.w[key]
					}
				}
				p = q
			}
			p.one[v-vlo] = shared
			p.pre[v-vlo+1] = p.pre[v-vlo] + float64(shared)
		}
		return p
	}
	// with ahead, another goroutine computes the rows ahead of the
	// search, in order, and takes their memory back when they are done
	var rows chan pairRow
	var spent chan pairRow
	if ahead {
		rows, spent = make(chan pairRow, 256), make(chan pairRow, 256+k+1)
		go func() {
			defer close(rows)
			for u := range n {
				var p pairRow
				select {
				case p = <-spent:
				default:
				}
				rows <- fill(u, p)
			}
		}()
	}
	for r := 0; r <= n; r++ {
		i := i0 + r
		row := slices.Grow(costs[r%(k+1)][:0], hi[r]-lo[r]+1)[:max(0, hi[r]-lo[r]+1)]
		costs[r%(k+1)] = row
		if u := r - 1; u >= 0 && rows == nil {
			pairs[u%(k+1)] = fill(u, pairs[u%(k+1)])
		} else if u >= 0 {
			if old := pairs[u%(k+1)]; old.pre != nil {
				select {
				case spent <- old:
				default:
				}
			}
			pairs[u%(k+1)] = <-rows
		}
		for j := lo[r]; j <= hi[r]; j++ {
			best, bs := inf, 0
			if r == 0 && j == j0 {
				best = 0
			}
			for s, sh := range sc.shapes {
				pr, pj := r-sh.a, j-sh.b
				if pr < 0 || pj < lo[pr] || pj > hi[pr] {
					continue
				}
				prev := costs[pr%(k+1)][pj-lo[pr]]
				if prev == inf {
					continue
				}
				pi := i0 + pr
				c, ws, wt, l1, l2 := sc.partCost(pi, i, pj, j, sh.pen)
				// the length cost is never negative, and the anchors can
				// lower the cost by gain × min(ws, wt) at most, or by gain
				// × the pairwise bound: checked before the length cost,
				// the bound spares most beads both it and the intersection
				most := min(ws, wt)
				if c+prev-gain*most >= best {
					continue
				}
				match := -1.0 // the shared weight, when known
				if most > 0 && !sc.noBound {
					bound, ok := 0.0, true
					for u := pr; u < r && ok; u++ {
						p := &pairs[u%(k+1)]
						if ok = pj >= p.lo && j-p.lo < len(p.pre); ok {
							bound += p.pre[j-p.lo] - p.pre[pj-p.lo]
						}
					}
					switch {
					case ok && sh.a == 1 && sh.b == 1:
						match = float64(pairs[pr%(k+1)].one[pj-pairs[pr%(k+1)].lo])
						most = min(most, match)
					case ok:
						// float32 sums against float64 ones: a little slack
						most = min(most, bound*(1+1e-5)+1e-6)
					}
					if c+prev-gain*most >= best {
						continue
					}
				}
				if sh.a > 0 && sh.b > 0 {
					c += lenWeight * sc.m.lengthCost(l1, l2)
				}
				c += prev
				if c-gain*most >= best {
					continue
				}
				if ws > 0 && wt > 0 {
					if match < 0 {
						match = float64(intersectWeight(sc.src.span(pi, i, &buf[0]), sc.tgt.span(pj, j, &buf[1]), sc.w))
					}
					c -= gain * min(match, ws, wt)
				}
				if c < best {
					best, bs = c, s+1
				}
			}
			row[j-lo[r]] = best
			back[off[r]+j-lo[r]] = uint8(bs)
		}
	}
	var path []step
	for r, j := n, j1; r > 0 || j > j0; {
		var s uint8
		if j >= lo[r] && j <= hi[r] {
			s = back[off[r]+j-lo[r]]
		}
		if s == 0 {
			// unreachable with a valid corridor; fall back to nulls
			if r > 0 {
				path = append(path, step{1, 0})
				r--
			} else {
				path = append(path, step{0, 1})
				j--
			}
			continue
		}
		sh := sc.shapes[s-1]
		path = append(path, step{uint8(sh.a), uint8(sh.b)})
		r -= sh.a
		j -= sh.b
	}
	slices.Reverse(path)
	return path
}
