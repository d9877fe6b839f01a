package regex

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
)

// finding describes the pumping cycle path from the diagonal state s0.
// A prefer of -1 lets the attack choose its characters; the pumped string
// avoids the characters of avoid.
func (a *automaton) finding(t *tree, pr *product, path []step, s0 int32, prefer rune, avoid CharSet) Finding {
	var div pedge
	for _, st := range path {
		if p1, p2 := pr.split(st.e.to); st.e.div || p1 != p2 {
			div = st.e
			break
		}
	}

	// The offending loop: the innermost loop around every position and
	// every ε-path of both runs.
	var top *Node
	for _, st := range path {
		for _, i := range [2]int32{st.e.e1, st.e.e2} {
			e := a.edges[i]
			top = t.lca(top, e.gen)
			top = t.lca(top, a.pos[e.to].node)
		}
	}
	q := top
	for q != nil && !a.loops[q] {
		q = t.parents[q]
	}
	if q == nil {
		q = top
	}

	kind := KindNestedQuantifier
	if q1, q2 := pr.split(div.to); q1 != q2 {
		if l := t.lca(a.pos[q1].node, a.pos[q2].node); l != nil && (l.Kind == KindAlternation || len(l.Strings) > 0) {
			kind = KindOverlappingAlternation
		}
	} else if div.e1 == div.e2 && hasAlternation(q) {
		kind = KindOverlappingAlternation // ambiguous ε-paths through an alternation
	}

	p, _ := pr.split(s0)
	var sets []CharSet
	for _, st := range path {
		e1, e2 := a.edges[st.e.e1], a.edges[st.e.e2]
		set := a.pos[e1.to].set.Intersect(a.pos[e2.to].set)
		if rest := set.Subtract(avoid); len(rest) > 0 {
			set = rest
		}
		sets = append(sets, set)
	}
	parts, exploitable := a.attack(p, sets, prefer)
	f := Finding{Kind: kind, Attack: quoteJS(parts.str()), Exploitable: exploitable,
		Prefix: string(parts.prefix), Pump: string(parts.pump), Suffix: string(parts.suffix), Reps: parts.reps}
	if q != nil {
		f.Offset = q.Start
		if q.End <= len(t.pattern) {
			f.Fragment = t.pattern[q.Start:q.End]
		}
	}
	return f
}

func hasAlternation(n *Node) bool {
	found := false
	Walk(n, func(c *Node) bool {
		if c.Kind == KindAlternation {
			found = true
		}
		return !found
	})
	return found
}

// attack builds an attack string for the pumping cycle at position p whose
// steps can take the characters of sets: a prefix reaching p, the pumped
// string repeated, and a suffix on which every run fails. It tries the
// pumped string made of one preferred character ('a' where possible) and
// the one made of the rarest characters (those fewest positions take, which
// keeps the other runs from ending the match early), and returns the first
// exploitable one (see Finding.Exploitable), else the first.
func (a *automaton) attack(p int32, sets []CharSet, prefer rune) (attackParts, bool) {
	alpha := a.alphabet()
	c, _ := sets[0].pickRune()
	if prefer >= 0 {
		c = prefer
	}
	var preferred []rune
	for _, s := range sets {
		preferred = append(preferred, pickWith(s, c))
	}
	variants := [][]rune{preferred}
	if rare := rarePump(sets, alpha); prefer < 0 && string(rare) != string(preferred) {
		variants = append(variants, rare)
	}
	var fallback attackParts
	for i, pump := range variants {
		prefix := a.prefixTo(p, pump[0], alpha)
		reps, paths := a.repetitions(prefix, pump)
		parts := attackParts{prefix: prefix, pump: pump, reps: reps}
		str := parts.str()
		// The two runs of the cycle may not both survive the actual
		// characters (a \b between two letters): then the paths do not
		// double with each repetition and the pumped string is no attack.
		pumps := paths >= math.Exp2(float64(reps))
		at := pickWith(a.pos[p].set, pump[0])
		if len(prefix) > 0 {
			at = prefix[len(prefix)-1]
		}
		runs, accepted := a.runFrom(p, at, str[len(prefix):])
		if pumps && !accepted && len(runs.pos) > 0 {
			if z, ok := a.failingSuffix(runs, alpha); ok {
				parts.suffix = z
				return parts, true
			}
		}
		if i == 0 {
			fallback = parts
			if r, ok := a.deadEnd(runs); ok {
				fallback.suffix = []rune{r}
			}
		}
	}
	return fallback, false
}

// attackParts is an attack string: prefix, pump repeated reps times, suffix.
type attackParts struct {
	prefix, pump, suffix []rune
	reps                 int
}

func (p attackParts) str() []rune {
	out := append([]rune(nil), p.prefix...)
	for k := p.reps; k > 0; k-- {
		out = append(out, p.pump...)
	}
	return append(out, p.suffix...)
}

// pickWith picks c from s if it is there, else a preferred member of s.
func pickWith(s CharSet, c rune) rune {
	if s.Contains(c) {
		return c
	}
	r, _ := s.pickRune()
	return r
}

// rarePump picks for each step the member of the alphabet (one character
// per class of characters the positions cannot tell apart) that the fewest
// positions accept.
func rarePump(sets []CharSet, alpha []symbol) []rune {
	var pump []rune
	for _, s := range sets {
		best := -1
		for i, sym := range alpha {
			if s.Contains(sym.r) && (best < 0 || sym.weight < alpha[best].weight) {
				best = i
			}
		}
		if best >= 0 {
			pump = append(pump, alpha[best].r)
		} else {
			r, _ := s.pickRune()
			pump = append(pump, r)
		}
	}
	return pump
}

// symbol stands for a class of characters that every position either
// accepts entirely or not at all; weight counts the positions accepting it.
type symbol struct {
	r      rune
	weight int
	class  CharSet // the characters it stands for
}

const maxAlphabetSets = 256
const maxAlphabetIntervals = 8192

// alphabet returns one character per class of characters that the positions
// (and the \b and multiline assertions) cannot tell apart, nicest first.
func (a *automaton) alphabet() []symbol {
	if a.alpha != nil {
		return a.alpha
	}
	type distinct struct {
		set   CharSet
		count int
	}
	index := map[string]int{}
	sets := []distinct{{set: wordSet}, {set: lineTermSet}}
	for _, p := range a.pos {
		k := p.set.String()
		if i, ok := index[k]; ok {
			sets[i].count++
			continue
		}
		index[k] = len(sets)
		sets = append(sets, distinct{p.set, 1})
	}
	fallback := func() []symbol {
		var out []symbol
		for _, r := range []rune{'!', 'a', '0', 'A', ' ', '\n', '_', '-', '.', 0} {
			w := 0
			for _, d := range sets {
				if d.set.Contains(r) {
					w += d.count
				}
			}
			out = append(out, symbol{r, w, runeSet(r)})
		}
		return out
	}
	if len(sets) > maxAlphabetSets {
		a.alpha = fallback()
		return a.alpha
	}
	cuts := []rune{0}
	for _, d := range sets {
		for _, r := range d.set {
			cuts = append(cuts, r.Lo, r.Hi+1)
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i] < cuts[j] })
	uniq := cuts[:1]
	for _, c := range cuts[1:] {
		if c != uniq[len(uniq)-1] && c <= MaxRune {
			uniq = append(uniq, c)
		}
	}
	if len(uniq) > maxAlphabetIntervals || !a.work.spend(len(uniq)*len(sets)) {
		a.alpha = fallback()
		return a.alpha
	}
	type class struct {
		ranges []RuneRange
		weight int
	}
	classes := map[string]*class{}
	var order []string
	sig := make([]byte, len(sets))
	for i, lo := range uniq {
		hi := MaxRune
		if i+1 < len(uniq) {
			hi = uniq[i+1] - 1
		}
		w := 0
		for j, d := range sets {
			sig[j] = '0'
			if d.set.Contains(lo) {
				sig[j] = '1'
				w += d.count
			}
		}
		k := string(sig)
		cl, ok := classes[k]
		if !ok {
			cl = &class{weight: w}
			classes[k] = cl
			order = append(order, k)
		}
		cl.ranges = append(cl.ranges, RuneRange{lo, hi})
	}
	var out []symbol
	for _, k := range order {
		cl := classes[k]
		set := newSet(cl.ranges...)
		r := rune('!')
		if !set.Contains('!') {
			r, _ = set.pickRune()
		}
		out = append(out, symbol{r, cl.weight, set})
	}
	sort.SliceStable(out, func(i, j int) bool { return niceness(out[i].r) < niceness(out[j].r) })
	a.alpha = out
	return out
}

// niceness ranks characters for display in an attack string.
func niceness(r rune) int {
	switch {
	case r == '!':
		return 0
	case r >= 'a' && r <= 'z':
		return 1
	case r >= '0' && r <= '9':
		return 2
	case r >= 'A' && r <= 'Z':
		return 3
	case r > ' ' && r < 0x7f:
		return 4
	case r == ' ':
		return 5
	case r == '\n':
		return 6
	}
	return 7
}

// repetitions is the number of pumps k after which the runs of the
// automaton on prefix+pump^k reach attackRuns (a lower bound of the paths a
// backtracking matcher explores), at most pumpReps; paths is the number of
// runs then (0 when the budget is out).
func (a *automaton) repetitions(prefix, pump []rune) (k int, paths float64) {
	limit := pumpReps
	for limit > 10 && len(prefix)+limit*len(pump) > maxAttackSize {
		limit--
	}
	if !a.work.spend(len(a.edges) * (len(prefix) + limit*len(pump))) {
		return limit, 0
	}
	runs := make([]float64, len(a.pos))
	next := make([]float64, len(a.pos))
	started := false
	var prev rune
	feed := func(r rune) {
		clear(next)
		if !started {
			started = true
			for _, e := range a.start {
				if a.pos[e.pos].set.Contains(r) && charFeasible(e.mask, 0, false, r, true) {
					next[e.pos] += float64(e.mult)
				}
			}
		} else {
			for p, n := range runs {
				if n == 0 {
					continue
				}
				for _, i := range a.out[p] {
					e := &a.edges[i]
					if a.pos[e.to].set.Contains(r) && charFeasible(e.mask, prev, true, r, true) {
						next[e.to] += n * float64(e.mult)
					}
				}
			}
		}
		runs, next = next, runs
		prev = r
	}
	for _, r := range prefix {
		feed(r)
	}
	for k = 1; ; k++ {
		for _, r := range pump {
			feed(r)
		}
		paths = 0
		for _, n := range runs {
			paths += n
		}
		if paths >= attackRuns || k == limit {
			return k, paths
		}
	}
}

// prefixTo returns a shortest string taking a run from the start to
// position p, respecting the assertions on the way: a search over pairs of
// a position and the character just read, one character per symbol of the
// alphabet (c, the first character of the pumped string, standing first
// for its symbol). It falls back to the characters of a shortest sequence
// of positions.
func (a *automaton) prefixTo(p int32, c rune, alpha []symbol) []rune {
	chars := make([]rune, len(alpha))
	for i, sym := range alpha {
		chars[i] = sym.r
		if sym.class.Contains(c) {
			chars[i] = c
		}
	}
	type state struct {
		pos int32
		sym int
	}
	type link struct {
		from state
		ok   bool
	}
	prev := map[state]link{}
	var queue []state
	visit := func(st, from state, hasFrom bool) bool {
		if _, seen := prev[st]; seen {
			return false
		}
		prev[st] = link{from, hasFrom}
		queue = append(queue, st)
		return st.pos == p
	}
	var goal *state
	for _, e := range a.start {
		for i, r := range chars {
			if a.pos[e.pos].set.Contains(r) && charFeasible(e.mask, 0, false, r, true) {
				if st := (state{e.pos, i}); visit(st, state{}, false) && goal == nil {
					goal = &st
				}
			}
		}
	}
	for len(queue) > 0 && goal == nil && len(prev) < maxPrefixStates {
		u := queue[0]
		queue = queue[1:]
		a.work.spend(len(a.out[u.pos]) * len(chars))
		for _, i := range a.out[u.pos] {
			e := &a.edges[i]
			for j, r := range chars {
				if a.pos[e.to].set.Contains(r) && charFeasible(e.mask, chars[u.sym], true, r, true) {
					if st := (state{e.to, j}); visit(st, u, true) && goal == nil {
						goal = &st
					}
				}
			}
		}
	}
	if goal == nil {
		var out []rune
		for _, q := range a.pathTo(p) {
			out = append(out, pickWith(a.pos[q].set, c))
		}
		return out
	}
	var out []rune
	for st := *goal; ; {
		out = append(out, chars[st.sym])
		l := prev[st]
		if !l.ok {
			break
		}
		st = l.from
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

const maxPrefixStates = 50000

// pathTo returns a shortest sequence of positions from the start to p.
func (a *automaton) pathTo(p int32) []int32 {
	prev := map[int32]int32{}
	var queue []int32
	for _, e := range a.start {
		if _, ok := prev[e.pos]; !ok {
			prev[e.pos] = -1
			queue = append(queue, e.pos)
		}
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if u == p {
			var path []int32
			for v := u; v >= 0; v = prev[v] {
				path = append(path, v)
			}
			for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
				path[i], path[j] = path[j], path[i]
			}
			return path
		}
		for _, i := range a.out[u] {
			q := a.edges[i].to
			if _, ok := prev[q]; !ok {
				prev[q] = u
				queue = append(queue, q)
			}
		}
	}
	return nil
}

// runs is the set of positions the runs of the automaton are at, all of
// them just past the character prev.
type runs struct {
	pos  []int32
	prev rune
}

// charFeasible is feasible for actual characters: prev (if hasPrev) just
// read and next (if hasNext) about to be read.
func charFeasible(mask uint8, prev rune, hasPrev bool, next rune, hasNext bool) bool {
	if mask == 0 {
		return true
	}
	switch {
	case mask&mCaret != 0 && hasPrev,
		mask&mDollar != 0 && hasNext,
		mask&mCaretM != 0 && hasPrev && !lineTermSet.Contains(prev),
		mask&mDollarM != 0 && hasNext && !lineTermSet.Contains(next):
		return false
	}
	prevWord := hasPrev && wordSet.Contains(prev)
	nextWord := hasNext && wordSet.Contains(next)
	if mask&mWordB != 0 && prevWord == nextWord || mask&mNotWordB != 0 && prevWord != nextWord {
		return false
	}
	return true
}

// accepts reports whether a run at q (just past prev) can end the match
// before the character next, or at the end of the input.
func (a *automaton) accepts(q int32, prev, next rune, atEnd bool) bool {
	for _, m := range a.final[q] {
		if charFeasible(m, prev, true, next, !atEnd) {
			return true
		}
	}
	return false
}

func (a *automaton) anyAccepts(rs runs, next rune, atEnd bool) bool {
	for _, q := range rs.pos {
		if a.accepts(q, rs.prev, next, atEnd) {
			return true
		}
	}
	return false
}

// step returns the runs after reading r.
func (a *automaton) step(rs runs, r rune) runs {
	seen := map[int32]bool{}
	out := runs{prev: r}
	for _, q := range rs.pos {
		a.work.spend(len(a.out[q]))
		for _, i := range a.out[q] {
			e := &a.edges[i]
			if !seen[e.to] && a.pos[e.to].set.Contains(r) && charFeasible(e.mask, rs.prev, true, r, true) {
				seen[e.to] = true
				out.pos = append(out.pos, e.to)
			}
		}
	}
	sort.Slice(out.pos, func(i, j int) bool { return out.pos[i] < out.pos[j] })
	return out
}

// runFrom runs the automaton from position p, just past the character at,
// on input; accepted reports that some run could end the match on the way
// (a backtracking matcher would then stop there instead of failing).
func (a *automaton) runFrom(p int32, at rune, input []rune) (rs runs, accepted bool) {
	rs = runs{pos: []int32{p}, prev: at}
	for _, r := range input {
		if a.anyAccepts(rs, r, false) || a.work.exhausted() {
			return rs, true // (out of budget: undecided, say accepted)
		}
		if rs = a.step(rs, r); len(rs.pos) == 0 {
			return rs, false
		}
	}
	return rs, false
}

const (
	maxSuffixLen    = 6
	maxSuffixStates = 2000
)

// failingSuffix searches a short suffix on which every run dies (or the
// input ends) without any of them ending the match first.
func (a *automaton) failingSuffix(start runs, alpha []symbol) ([]rune, bool) {
	type node struct {
		rs runs
		z  []rune
	}
	key := func(rs runs) string {
		b := make([]byte, 0, 4*len(rs.pos)+4)
		for _, r := range append(rs.pos, rs.prev) {
			b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
		return string(b)
	}
	queue := []node{{start, nil}}
	seen := map[string]bool{key(start): true}
	for len(queue) > 0 && !a.work.exhausted() {
		nd := queue[0]
		queue = queue[1:]
		var next []node
		for _, sym := range alpha {
			if a.anyAccepts(nd.rs, sym.r, false) {
				continue
			}
			rs := a.step(nd.rs, sym.r)
			z := append(append([]rune(nil), nd.z...), sym.r)
			if len(rs.pos) == 0 {
				return z, true
			}
			if k := key(rs); !seen[k] && len(z) < maxSuffixLen && len(seen) < maxSuffixStates {
				seen[k] = true
				next = append(next, node{rs, z})
			}
		}
		if !a.anyAccepts(nd.rs, 0, true) {
			return nd.z, true
		}
		queue = append(queue, next...)
	}
	return nil, false
}

// deadEnd picks a character that no run can take next (a guess for the
// failing character of a non-exploitable finding).
func (a *automaton) deadEnd(rs runs) (rune, bool) {
	for _, r := range []rune{'!', '@', '#', '%', '~', '-', ' ', '_', '\n', 0, 'A', '0', 'a'} {
		if len(a.step(rs, r).pos) == 0 {
			return r, true
		}
	}
	return 0, false
}

// AttackExpr is the attack string as a short JavaScript expression:
// 'a' + 'a'.repeat(30) + '!'.
func (f Finding) AttackExpr() string {
	var parts []string
	if f.Prefix != "" {
		parts = append(parts, quoteJS([]rune(f.Prefix)))
	}
	if f.Pump != "" {
		parts = append(parts, fmt.Sprintf("%s.repeat(%d)", quoteJS([]rune(f.Pump)), f.Reps))
	}
	if f.Suffix != "" {
		parts = append(parts, quoteJS([]rune(f.Suffix)))
	}
	if len(parts) == 0 {
		return f.Attack
	}
	return strings.Join(parts, " + ")
}

// QuoteJS renders s as a single-quoted JavaScript string literal.
func QuoteJS(s string) string { return quoteJS([]rune(s)) }

// quoteJS renders s as a single-quoted JavaScript string literal.
func quoteJS(s []rune) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			switch {
			case r < 0x20 || r == 0x7f:
				b.WriteString(`\x` + hex(int(r), 2))
			case r > 0xFFFF && !unicode.IsPrint(r):
				b.WriteString(`\u{` + hex(int(r), 0) + `}`)
			case r >= 0xD800 && r <= 0xDFFF || r >= 0x80 && !unicode.IsPrint(r):
				b.WriteString(`\u` + hex(int(r), 4))
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}
