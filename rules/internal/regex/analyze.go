package regex

import (
	"sort"
)

// Limits of the analysis. Past the size limits Analyze gives up on the
// automaton, and past the work limits it falls back to the cheap test of
// parallel transitions (parallelWitness): it prefers a missed report to a
// slow lint run.
const (
	maxPositions     = 2000    // character positions of the automaton
	maxEdges         = 200000  // automaton transitions
	maxProductStates = 200000  // states of the pair automaton
	maxProductEdges  = 1000000 // transitions of the pair automaton
	// maxWork bounds the steps of one Analyze call (pairs of transitions
	// compared, transitions followed by searches and simulations): about a
	// few hundred milliseconds at worst.
	maxWork      = 40_000_000
	fallbackWork = 2_000_000 // granted to describe a finding of the fallback
	stateWork    = 64        // steps a new state of the pair automaton counts for
	edgeWork     = 4         // steps a transition of the pair automaton counts for

	// X{n,m} is unrolled into copies of X when m <= boundedCopyLimit, or
	// when n == m <= exactCopyLimit; a larger upper bound counts as
	// unbounded, since 2^m paths are as bad as unbounded for m > 10.
	boundedCopyLimit = 10
	exactCopyLimit   = 64
	// Mandatory iterations unrolled ahead of a loop: X{n,} = X^(n-1) X{1,}.
	mandatoryCopyLimit = 8

	maxDiagonals  = 64 // diagonal states tried as the start of a pumping cycle
	maxCandidates = 6  // pumping cycles tried for an exploitable attack
	maxSymbols    = 24 // characters tried for a one-character pumped string

	maxProductForSymbols = 20000 // pair automata searched once per symbol

	pumpReps      = 30   // most repetitions of the pumped string in Finding.Attack
	attackRuns    = 1e9  // fewer repetitions once the automaton has this many runs
	maxAttackSize = 1000 // bytes; fewer repetitions past it (at least 10)
)

// Finding describes a pattern that can backtrack exponentially.
type Finding struct {
	Kind     string // "nested-quantifier" or "overlapping-alternation"
	Offset   int    // byte offset in the pattern of the offending quantified group
	Fragment string // the offending sub-pattern text, e.g. "(a+)+"
	// Attack is the shape of a string that makes a backtracking matcher
	// explore exponentially many paths, as a single-quoted JavaScript
	// string: a prefix reaching the loop, a pumped string that the loop
	// can match in two ways, repeated (up to 30 times), and a suffix that
	// makes the match fail, e.g. 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'. It is
	// guidance, not a proof: Prove measures it.
	Attack string
	// Exploitable reports that the attack string makes the match fail
	// without any run through the loop ending the match first, so that the
	// backtracking matcher tries every path. It is false when the loop can
	// end the match at any point, as in /(a+)+/ with nothing after the loop
	// (the first, greedy path reaches the end of the pattern), or when
	// every string matches: such a finding is structural, and becomes
	// exploitable once the pattern goes on with something that can fail,
	// as in /(a+)+$/. The test ignores the priority between alternatives:
	// a branch tried before the loop that accepts the attack string also
	// makes it harmless.
	Exploitable bool
	// Prefix, Pump and Suffix are the parts of Attack, unquoted: Attack is
	// Prefix, then Pump repeated, then Suffix.
	Prefix, Pump, Suffix string
	Reps                 int // times Pump is repeated in Attack

	proof *Proof // measured by Analyze (see Measured)
}

// Finding kinds.
const (
	KindNestedQuantifier       = "nested-quantifier"
	KindOverlappingAlternation = "overlapping-alternation"
)

// Analyze reports whether the pattern can backtrack exponentially. The
// error is the one of Parse.
func Analyze(pattern, flags string) (Finding, bool, error) {
	root, err := Parse(pattern, flags)
	if err != nil {
		return Finding{}, false, err
	}
	f, ok := AnalyzeTree(root, pattern)
	return f, ok, nil
}

// AnalyzeTree is Analyze on a tree returned by Parse for pattern.
func AnalyzeTree(root *Node, pattern string) (Finding, bool) {
	f, ok, _ := analyzeTree(root, pattern, &budget{limit: maxWork})
	return f, ok
}

// MaxWork is the most work one analysis does (see AnalyzeTreeWithin).
const MaxWork = maxWork

// Work is the outcome of AnalyzeTreeWithin: the steps spent, and whether the
// analysis ran out of them (its answer may then miss a finding).
type Work struct {
	Spent     int
	Exhausted bool
}

func analyzeTree(root *Node, pattern string, work *budget) (Finding, bool, *budget) {
	parents := map[*Node]*Node{}
	depth := map[*Node]int{}
	var index func(n *Node, d int)
	index = func(n *Node, d int) {
		depth[n] = d
		for _, c := range n.Children {
			parents[c] = n
			index(c, d+1)
		}
	}
	index(root, 0)
	t := &tree{parents: parents, depth: depth, pattern: pattern, root: root}

	queue := []*Node{root}
	seen := map[*Node]bool{root: true}
	// The first proven finding wins; otherwise the best of the root and the
	// lookaround bodies.
	var best Finding
	found := false
	for len(queue) > 0 && !work.exhausted() {
		n := queue[0]
		queue = queue[1:]
		a := newAutomaton(work)
		a.root(n)
		if a.over {
			work.hit = true // too large to analyze
		} else {
			if f, ok := a.detect(t); ok {
				if f.proven() {
					return f, true, work
				}
				if !found || better(f, best) {
					best, found = f, true
				}
			}
		}
		// Lookaround bodies run as sub-matches: analyze them on their own.
		for _, l := range a.looks {
			if body := l.Children[0]; !seen[body] {
				seen[body] = true
				queue = append(queue, body)
			}
		}
	}
	return best, found, work
}

type tree struct {
	parents map[*Node]*Node
	depth   map[*Node]int
	pattern string
	root    *Node // the whole pattern, on which attacks are measured
	proofs  int   // Prove calls so far (at most maxProofs)
}

// maxProofs bounds the attacks measured on the backtracker (each costs at
// most a few million steps): per ambiguous component of the automaton, and
// per AnalyzeTree call.
const (
	maxProofsPerComponent = 2
	maxProofs             = 6
)

// measure proves an exploitable finding's attack while the proof budgets
// last (local counts the component's proofs).
func (t *tree) measure(f *Finding, local *int) {
	if !f.Exploitable || t.proofs >= maxProofs || *local >= maxProofsPerComponent || t.root == nil {
		return
	}
	t.proofs++
	*local++
	p := Prove(t.root, *f)
	f.proof = &p
}

// Measured returns the proof Analyze measured for the finding, if any.
func (f Finding) Measured() (Proof, bool) {
	if f.proof == nil {
		return Proof{}, false
	}
	return *f.proof, true
}

func (f Finding) proven() bool { return f.proof != nil && f.proof.Proven }

// rank orders candidate findings: proven, then exploitable, then the rest.
func (f Finding) rank() int {
	switch {
	case f.proven():
		return 2
	case f.Exploitable:
		return 1
	}
	return 0
}

func (t *tree) lca(a, b *Node) *Node {
	if a == nil {
		return b
	}
	for a != b {
		if t.depth[a] >= t.depth[b] {
			if a = t.parents[a]; a == nil {
				return nil
			}
		} else if b = t.parents[b]; b == nil {
			return nil
		}
	}
	return a
}

// Assertions crossed by an ε-path between two characters.
const (
	mCaret    uint8 = 1 << iota // ^ without m: never after a character
	mDollar                     // $ without m: never before a character
	mCaretM                     // ^ with m: after a line terminator
	mDollarM                    // $ with m: before a line terminator
	mWordB                      // \b
	mNotWordB                   // \B
)

type position struct {
	node                    *Node
	set                     CharSet
	word, nonWord, lineTerm bool
}

// edge is a transition of the position automaton: after matching the
// character of position from, the matcher can go on with position to along
// mult (1, or 2 for "two or more") distinct ε-paths, all turning at gen (the
// concatenation or the loop that links the two positions) and crossing the
// assertions of mask.
type edge struct {
	from, to int32
	mask     uint8
	mult     uint8
	gen      *Node
}

type edgeKey struct {
	from, to int32
	mask     uint8
	gen      *Node
}

// entry is a position reachable from a fragment's entry (first) or that can
// reach its exit (last), with the ε-path count and the assertions crossed.
type entry struct {
	pos        int32
	mask, mult uint8
}

// way is a way for a fragment to match the empty string.
type way struct{ mask, mult uint8 }

type frag struct {
	empty       []way
	first, last []entry
}

func epsilon() frag { return frag{empty: []way{{0, 1}}} }

type automaton struct {
	pos     []position
	edges   []edge
	out     [][]int32
	edgeIdx map[edgeKey]int32
	loops   map[*Node]bool
	looks   []*Node
	start   []entry
	final   map[int32][]uint8 // position -> masks of its ε-paths to the end of the pattern
	alpha   []symbol          // cached by alphabet
	work    *budget
	// mustFinish lets a search run past the budget (the first witness of
	// an ambiguous component).
	mustFinish bool
	over       bool
}

// budget counts the work of an Analyze call against its limit (maxWork,
// or less when the caller's file or run budget is low).
type budget struct {
	used  int
	limit int
	spent int  // total steps, grants included
	hit   bool // the limit was reached (or the automaton was too large)
}

// spend records n steps of work and reports whether the budget holds.
func (b *budget) spend(n int) bool {
	b.used += n
	b.spent += n
	if b.used > b.limit {
		b.hit = true
	}
	return b.used <= b.limit
}

func (b *budget) exhausted() bool {
	if b.used > b.limit {
		b.hit = true
	}
	return b.used > b.limit
}

// grant makes at least n more steps available.
func (b *budget) grant(n int) { b.used = min(b.used, b.limit-n) }

func newAutomaton(work *budget) *automaton {
	return &automaton{work: work, edgeIdx: map[edgeKey]int32{}, loops: map[*Node]bool{}, final: map[int32][]uint8{}}
}

func satAdd(a, b uint8) uint8 { return min(a+b, 2) }
func satMul(a, b uint8) uint8 { return min(a*b, 2) }

// possibleMask drops combinations no string satisfies.
func possibleMask(m uint8) bool { return m&(mWordB|mNotWordB) != mWordB|mNotWordB }

func normEntries(es []entry) []entry {
	if len(es) < 2 {
		return es
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].pos != es[j].pos {
			return es[i].pos < es[j].pos
		}
		return es[i].mask < es[j].mask
	})
	out := es[:1]
	for _, e := range es[1:] {
		last := &out[len(out)-1]
		if e.pos == last.pos && e.mask == last.mask {
			last.mult = satAdd(last.mult, e.mult)
			continue
		}
		out = append(out, e)
	}
	return out
}

func normWays(ws []way) []way {
	if len(ws) < 2 {
		return ws
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].mask < ws[j].mask })
	out := ws[:1]
	for _, w := range ws[1:] {
		last := &out[len(out)-1]
		if w.mask == last.mask {
			last.mult = satAdd(last.mult, w.mult)
			continue
		}
		out = append(out, w)
	}
	return out
}

// through prefixes (or suffixes) the entries with the empty ways.
func through(ws []way, es []entry) []entry {
	var out []entry
	for _, w := range ws {
		for _, e := range es {
			if m := w.mask | e.mask; possibleMask(m) {
				out = append(out, entry{e.pos, m, satMul(w.mult, e.mult)})
			}
		}
	}
	return out
}

func (a *automaton) addEdge(from, to int32, mask, mult uint8, gen *Node) {
	if mult == 0 || a.over || !possibleMask(mask) || !feasible(mask, &a.pos[from], &a.pos[to]) {
		return
	}
	key := edgeKey{from, to, mask, gen}
	if i, ok := a.edgeIdx[key]; ok {
		a.edges[i].mult = satAdd(a.edges[i].mult, mult)
		return
	}
	if len(a.edges) >= maxEdges {
		a.over = true
		return
	}
	a.edgeIdx[key] = int32(len(a.edges))
	a.out[from] = append(a.out[from], int32(len(a.edges)))
	a.edges = append(a.edges, edge{from, to, mask, mult, gen})
}

// feasible reports whether an ε-path crossing the assertions of mask can
// link a character of prev (nil: the start of the input) to one of next.
// Mixed sets are given the benefit of the doubt.
func feasible(mask uint8, prev, next *position) bool {
	if mask == 0 {
		return true
	}
	if mask&mDollar != 0 || mask&mCaret != 0 && prev != nil {
		return false
	}
	if mask&mCaretM != 0 && prev != nil && !prev.lineTerm {
		return false
	}
	if mask&mDollarM != 0 && !next.lineTerm {
		return false
	}
	prevWord, prevNonWord := false, true
	if prev != nil {
		prevWord, prevNonWord = prev.word, prev.nonWord
	}
	if mask&mWordB != 0 && !(prevWord && next.nonWord || prevNonWord && next.word) {
		return false
	}
	if mask&mNotWordB != 0 && !(prevWord && next.word || prevNonWord && next.nonWord) {
		return false
	}
	return true
}

func (a *automaton) concat(x, y frag, gen *Node) frag {
	for _, l := range x.last {
		for _, f := range y.first {
			a.addEdge(l.pos, f.pos, l.mask|f.mask, satMul(l.mult, f.mult), gen)
		}
	}
	var r frag
	r.first = normEntries(append(append([]entry(nil), x.first...), through(x.empty, y.first)...))
	r.last = normEntries(append(append([]entry(nil), y.last...), through(y.empty, x.last)...))
	for _, wx := range x.empty {
		for _, wy := range y.empty {
			if m := wx.mask | wy.mask; possibleMask(m) {
				r.empty = append(r.empty, way{m, satMul(wx.mult, wy.mult)})
			}
		}
	}
	r.empty = normWays(r.empty)
	return r
}

func (a *automaton) leaf(n *Node, set CharSet) frag {
	if len(set) == 0 {
		return frag{} // matches nothing
	}
	if len(a.pos) >= maxPositions {
		a.over = true
		return frag{}
	}
	p := int32(len(a.pos))
	a.pos = append(a.pos, position{
		node:     n,
		set:      set,
		word:     set.Intersects(wordSet),
		nonWord:  !set.SubsetOf(wordSet),
		lineTerm: set.Intersects(lineTermSet),
	})
	a.out = append(a.out, nil)
	e := []entry{{p, 0, 1}}
	return frag{first: e, last: e}
}

func (a *automaton) root(n *Node) {
	f := a.build(n)
	for _, e := range f.first {
		if feasible(e.mask, nil, &a.pos[e.pos]) {
			a.start = append(a.start, e)
		}
	}
	for _, e := range f.last {
		a.final[e.pos] = append(a.final[e.pos], e.mask)
	}
}

// build adds the positions and internal transitions of n (Glushkov's
// construction, counting distinct ε-paths) and returns its fragment.
func (a *automaton) build(n *Node) frag {
	if a.over {
		return frag{}
	}
	switch n.Kind {
	case KindChar, KindDot, KindClassEscape, KindRange:
		return a.leaf(n, n.Set)
	case KindClass, KindClassStrings, KindIntersection, KindSubtraction:
		f := a.leaf(n, n.Set)
		for _, s := range n.Strings {
			g := epsilon()
			for _, r := range s {
				g = a.concat(g, a.leaf(n, runeSet(r)), n)
			}
			f = alt(f, g)
		}
		return f
	case KindAssertion:
		var m uint8
		switch {
		case n.Assert == AssertStart && n.Multiline:
			m = mCaretM
		case n.Assert == AssertStart:
			m = mCaret
		case n.Assert == AssertEnd && n.Multiline:
			m = mDollarM
		case n.Assert == AssertEnd:
			m = mDollar
		case n.Assert == AssertWordBoundary:
			m = mWordB
		default:
			m = mNotWordB
		}
		return frag{empty: []way{{m, 1}}}
	case KindLookaround:
		a.looks = append(a.looks, n)
		return epsilon()
	case KindGroup:
		return a.build(n.Children[0])
	case KindConcat:
		f := epsilon()
		for _, c := range n.Children {
			f = a.concat(f, a.build(c), n)
		}
		return f
	case KindAlternation:
		var f frag
		for _, c := range n.Children {
			f = alt(f, a.build(c))
		}
		return f
	case KindQuantifier:
		return a.quantifier(n)
	}
	return epsilon() // KindEmpty, KindBackref (approximated as ε)
}

func alt(x, y frag) frag {
	return frag{
		empty: normWays(append(append([]way(nil), x.empty...), y.empty...)),
		first: normEntries(append(append([]entry(nil), x.first...), y.first...)),
		last:  normEntries(append(append([]entry(nil), x.last...), y.last...)),
	}
}

// quantifier follows the ECMAScript RepeatMatcher: the first Min iterations
// may match the empty string, later ones must not (an empty optional
// iteration fails).
func (a *automaton) quantifier(n *Node) frag {
	body := n.Children[0]
	lo, hi := n.Min, n.Max
	if hi == 0 {
		return epsilon()
	}
	loop := hi == Unbounded || hi > boundedCopyLimit && hi != lo || hi == lo && lo > exactCopyLimit
	if !loop {
		f := epsilon()
		for i := 0; i < lo; i++ {
			f = a.concat(f, a.build(body), n)
		}
		opt := epsilon()
		for i := 0; i < hi-lo; i++ {
			x := a.build(body)
			x.empty = nil // an optional iteration must not be empty
			opt = a.concat(x, opt, n)
			opt.empty = normWays(append(opt.empty, way{0, 1}))
		}
		return a.concat(f, opt, n)
	}
	a.loops[n] = true
	k := min(lo, mandatoryCopyLimit)
	f := epsilon()
	for i := 1; i < k; i++ {
		f = a.concat(f, a.build(body), n)
	}
	b := a.build(body)
	for _, l := range b.last { // the loop's back edges
		for _, fi := range b.first {
			a.addEdge(l.pos, fi.pos, l.mask|fi.mask, satMul(l.mult, fi.mult), n)
		}
	}
	lf := frag{empty: []way{{0, 1}}, first: b.first, last: b.last}
	if k > 0 {
		// The last mandatory iteration may be empty, an optional one then
		// matches the first character.
		lf.empty = b.empty
		lf.first = normEntries(append(append([]entry(nil), b.first...), through(b.empty, b.first)...))
	}
	return a.concat(f, lf, n)
}

// sccs computes the strongly connected components of a graph of n nodes
// (iterative Tarjan).
func sccs(n int, succ func(v int32) []int32) (comp []int32, count int32) {
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	comp = make([]int32, n)
	var stack []int32
	type frame struct {
		v int32
		i int
	}
	var calls []frame
	next := int32(1)
	visit := func(v int32) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		calls = append(calls, frame{v, 0})
	}
	for s := int32(0); s < int32(n); s++ {
		if index[s] != 0 {
			continue
		}
		visit(s)
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			ws := succ(f.v)
			if f.i < len(ws) {
				w := ws[f.i]
				f.i++
				if index[w] == 0 {
					visit(w)
				} else if onStack[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				u := calls[len(calls)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = count
					if w == v {
						break
					}
				}
				count++
			}
		}
	}
	return comp, count
}

// pedge is a transition of the pair automaton: the two runs take edges e1
// and e2 on a common character. div marks two distinct edges (or two of
// the ε-paths of one edge) leaving one position.
type pedge struct {
	to     int32
	e1, e2 int32
	div    bool
}

type product struct {
	pairs []uint64 // state -> (a<<32 | b)
	index map[uint64]int32
	adj   [][]pedge
	succ  [][]int32
}

func pairOf(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func (pr *product) state(a, b int32) (int32, bool) {
	k := pairOf(a, b)
	if i, ok := pr.index[k]; ok {
		return i, false
	}
	i := int32(len(pr.pairs))
	pr.pairs = append(pr.pairs, k)
	pr.index[k] = i
	pr.adj = append(pr.adj, nil)
	return i, true
}

func (pr *product) split(s int32) (int32, int32) {
	k := pr.pairs[s]
	return int32(uint32(k >> 32)), int32(uint32(k))
}

// detect looks for exponential degree of ambiguity: a position p and a
// string w with two distinct paths p -> p labelled w. Those are cycles of
// the pair automaton through (p,p) that leave the diagonal (or take two
// parallel edges). w^k then has 2^k paths, which a backtracking matcher
// explores one by one when the rest of the input makes the match fail.
func (a *automaton) detect(t *tree) (Finding, bool) {
	n := len(a.pos)
	if n == 0 {
		return Finding{}, false
	}
	comp, _ := sccs(n, func(v int32) []int32 {
		out := make([]int32, 0, len(a.out[v]))
		for _, e := range a.out[v] {
			out = append(out, a.edges[e].to)
		}
		return out
	})
	cyclic := make([]bool, n)
	for _, e := range a.edges {
		if comp[e.from] == comp[e.to] {
			cyclic[e.from] = true
		}
	}
	reach := a.reachable()

	// Explore the pair automaton from the diagonal states of cyclic,
	// reachable positions, keeping to pairs of one component (a cycle
	// through (p,p) stays there).
	pr := &product{index: map[uint64]int32{}}
	var queue []int32
	for p := int32(0); p < int32(n); p++ {
		if cyclic[p] && reach[p] {
			s, _ := pr.state(p, p)
			queue = append(queue, s)
		}
	}
	inter := map[uint64]bool{}
	overlap := func(x, y int32) bool {
		if sx, sy := a.pos[x].set, a.pos[y].set; x == y || &sx[0] == &sy[0] {
			return true // one set (copies of a node share it)
		}
		if x > y {
			x, y = y, x
		}
		k := pairOf(x, y)
		v, ok := inter[k]
		if !ok {
			v = a.pos[x].set.Intersects(a.pos[y].set)
			inter[k] = v
		}
		return v
	}
	nedges := 0
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		p1, p2 := pr.split(s)
		c := comp[p1]
		for _, i1 := range a.out[p1] {
			e1 := &a.edges[i1]
			if comp[e1.to] != c {
				continue
			}
			if !a.work.spend(len(a.out[p2])) {
				return a.parallelWitness(t, comp)
			}
			for _, i2 := range a.out[p2] {
				e2 := &a.edges[i2]
				if comp[e2.to] != c || !overlap(e1.to, e2.to) {
					continue
				}
				div := p1 == p2 && (i1 != i2 || e1.mult > 1)
				if p1 == p2 && i1 > i2 && e1.to == e2.to {
					continue // symmetric to (i2, i1)
				}
				ns, fresh := pr.state(e1.to, e2.to)
				if fresh {
					if len(pr.pairs) > maxProductStates {
						return a.parallelWitness(t, comp)
					}
					queue = append(queue, ns)
					// A new pair state costs a map insertion and the
					// exploration of its edges later: far more than one
					// comparison.
					a.work.spend(stateWork)
				}
				a.work.spend(edgeWork)
				pr.adj[s] = append(pr.adj[s], pedge{ns, i1, i2, div})
				if nedges++; nedges > maxProductEdges {
					return a.parallelWitness(t, comp)
				}
			}
		}
	}
	pr.succ = make([][]int32, len(pr.pairs))
	for s, es := range pr.adj {
		for _, e := range es {
			pr.succ[s] = append(pr.succ[s], e.to)
		}
	}
	pcomp, ncomp := sccs(len(pr.pairs), func(v int32) []int32 { return pr.succ[v] })

	// A component is ambiguous when it holds a diagonal state and either
	// an off-diagonal state or a divergent transition.
	ambiguous := make([]bool, ncomp)
	for s := range pr.pairs {
		p1, p2 := pr.split(int32(s))
		c := pcomp[s]
		if p1 != p2 {
			ambiguous[c] = true
			continue
		}
		for _, e := range pr.adj[s] {
			if e.div && pcomp[e.to] == c {
				ambiguous[c] = true
			}
		}
	}
	// Witnesses: the shortest pumping cycles from the diagonal states of
	// an ambiguous component. The first whose attack string is exploitable
	// wins, else the first; across components the earliest loop.
	byComp := map[int32][]int32{}
	for s := range pr.pairs {
		if p1, p2 := pr.split(int32(s)); p1 == p2 && ambiguous[pcomp[s]] {
			byComp[pcomp[s]] = append(byComp[pcomp[s]], int32(s))
		}
	}
	var best Finding
	found := false
	for c := int32(0); c < ncomp; c++ {
		diag := byComp[c]
		if len(diag) == 0 {
			continue
		}
		sort.Slice(diag, func(i, j int) bool { return a.before(pr.firstOf(diag[i]), pr.firstOf(diag[j])) })
		type candidate struct {
			path   []step
			s0     int32
			prefer rune
			avoid  CharSet
		}
		var cands []candidate
		for i, d := range diag {
			if i == maxDiagonals || len(cands) > 0 && a.work.exhausted() {
				break
			}
			a.mustFinish = len(cands) == 0 // the component needs one witness
			if p := a.cycle(pr, pcomp, d, nil); p != nil {
				cands = append(cands, candidate{p, d, -1, nil})
			}
			a.mustFinish = false
		}
		if len(cands) == 0 {
			continue
		}
		sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].path) < len(cands[j].path) })
		cands = cands[:min(len(cands), maxCandidates)]
		var f Finding
		// The first proven candidate wins; an exploitable one that the
		// backtracker refutes (a lookahead the automaton ignores blocks one
		// run) lets the search go on while the proof budget lasts.
		proofs := 0
		try := func(cd candidate) bool {
			g := a.finding(t, pr, cd.path, cd.s0, cd.prefer, cd.avoid)
			t.measure(&g, &proofs)
			if f.Kind == "" || g.rank() > f.rank() {
				f = g
			}
			return f.proven() || f.Exploitable && (proofs >= maxProofsPerComponent || t.proofs >= maxProofs)
		}
		done := false
		for i, cd := range cands {
			if i > 0 && a.work.exhausted() {
				break
			}
			if done = try(cd); done {
				break
			}
		}
		// Restricted searches, on small components only: pumping one
		// character (cycles whose every step can take sym), then avoiding
		// one class of characters (often the one that lets a run end the
		// match, like a line terminator before $ with the m flag).
		for pass := 0; pass < 2 && !done && len(pr.pairs) <= maxProductForSymbols; pass++ {
			for i, sym := range a.alphabet() {
				if i == maxSymbols || done || a.work.exhausted() {
					break
				}
				var allow func(e pedge) bool
				var avoid CharSet
				prefer := sym.r
				if pass == 0 {
					allow = func(e pedge) bool {
						return a.pos[a.edges[e.e1].to].set.Contains(sym.r) && a.pos[a.edges[e.e2].to].set.Contains(sym.r)
					}
				} else {
					avoid, prefer = sym.class, -1
					allow = func(e pedge) bool {
						x, y := a.pos[a.edges[e.e1].to].set, a.pos[a.edges[e.e2].to].set
						return !x.Intersect(y).SubsetOf(avoid)
					}
				}
				for j, d := range diag {
					if j == maxCandidates {
						break
					}
					if p := a.cycle(pr, pcomp, d, allow); p != nil {
						if done = try(candidate{p, d, prefer, avoid}); done {
							break
						}
					}
				}
			}
		}
		if !found || better(f, best) {
			best, found = f, true
		}
	}
	return best, found
}

// better orders findings: proven first, then exploitable, then the
// earliest and outermost loop.
func better(f, g Finding) bool {
	if f.rank() != g.rank() {
		return f.rank() > g.rank()
	}
	if f.Offset != g.Offset {
		return f.Offset < g.Offset
	}
	return len(f.Fragment) > len(g.Fragment)
}

func (pr *product) firstOf(s int32) int32 {
	p, _ := pr.split(s)
	return p
}

// before orders positions by their place in the pattern.
func (a *automaton) before(p, q int32) bool {
	if sp, sq := a.pos[p].node.Start, a.pos[q].node.Start; sp != sq {
		return sp < sq
	}
	return p < q
}

// reachable marks the positions reachable from the start.
func (a *automaton) reachable() []bool {
	reach := make([]bool, len(a.pos))
	var queue []int32
	for _, e := range a.start {
		if !reach[e.pos] {
			reach[e.pos] = true
			queue = append(queue, e.pos)
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, i := range a.out[p] {
			if q := a.edges[i].to; !reach[q] {
				reach[q] = true
				queue = append(queue, q)
			}
		}
	}
	return reach
}

type step struct {
	from int32
	e    pedge
}

// bfs finds a shortest path inside component c from s to a transition
// accepted by done.
func (a *automaton) bfs(pr *product, pcomp []int32, s int32, allow func(pedge) bool, done func(from int32, e pedge) bool) []step {
	c := pcomp[s]
	prev := map[int32]step{}
	visited := map[int32]bool{s: true}
	queue := []int32{s}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if !a.work.spend(len(pr.adj[u])) && !a.mustFinish {
			return nil
		}
		for _, e := range pr.adj[u] {
			if pcomp[e.to] != c || allow != nil && !allow(e) {
				continue
			}
			if done(u, e) {
				path := []step{{u, e}}
				for v := u; v != s; {
					st := prev[v]
					path = append(path, st)
					v = st.from
				}
				for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return path
			}
			if !visited[e.to] {
				visited[e.to] = true
				prev[e.to] = step{u, e}
				queue = append(queue, e.to)
			}
		}
	}
	return nil
}

// cycle returns a short cycle of the pair automaton from the diagonal state
// s0 that leaves the diagonal or takes a divergent transition, or nil. It
// takes only the transitions allow accepts (all if nil).
func (a *automaton) cycle(pr *product, pcomp []int32, s0 int32, allow func(pedge) bool) []step {
	offDiagonal := func(s int32) bool { p1, p2 := pr.split(s); return p1 != p2 }
	path := a.bfs(pr, pcomp, s0, allow, func(_ int32, e pedge) bool { return e.div || offDiagonal(e.to) })
	if len(path) == 0 {
		return nil
	}
	if div := path[len(path)-1].e; div.to != s0 {
		back := a.bfs(pr, pcomp, div.to, allow, func(_ int32, e pedge) bool { return e.to == s0 })
		if back == nil {
			return nil
		}
		path = append(path, back...)
	}
	return path
}

// parallelWitness is the fallback when the pair automaton is too large: it
// finds only the ambiguity of two transitions (or two ε-paths of one)
// from a position to a position of its own component, as in (a+)+ where
// the inner and the outer loop both lead from a to a, and pumps the cycle
// they close.
func (a *automaton) parallelWitness(t *tree, comp []int32) (Finding, bool) {
	reach := a.reachable()
	order := make([]int32, len(a.pos))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return a.before(order[i], order[j]) })
	for _, p := range order {
		if !reach[p] {
			continue
		}
		i1, i2 := int32(-1), int32(-1)
		out := a.out[p]
		for x := 0; x < len(out) && i1 < 0; x++ {
			e := a.edges[out[x]]
			if comp[e.to] != comp[p] {
				continue
			}
			if e.mult > 1 {
				i1, i2 = out[x], out[x]
				break
			}
			for y := x + 1; y < len(out); y++ {
				if a.edges[out[y]].to == e.to {
					i1, i2 = out[x], out[y]
					break
				}
			}
		}
		if i1 < 0 {
			continue
		}
		q := a.edges[i1].to
		pr := &product{index: map[uint64]int32{}}
		s0, _ := pr.state(p, p)
		cur, _ := pr.state(q, q)
		path := []step{{s0, pedge{cur, i1, i2, true}}}
		for _, ei := range a.edgePath(q, p, comp) {
			to := a.edges[ei].to
			next, _ := pr.state(to, to)
			path = append(path, step{cur, pedge{next, ei, ei, false}})
			cur = next
		}
		a.work.grant(fallbackWork)
		return a.finding(t, pr, path, s0, -1, nil), true
	}
	return Finding{}, false
}

// edgePath returns the transitions of a shortest path from q to p inside
// their component.
func (a *automaton) edgePath(q, p int32, comp []int32) []int32 {
	if q == p {
		return nil
	}
	prev := map[int32]int32{q: -1} // position -> edge reaching it
	queue := []int32{q}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, i := range a.out[u] {
			v := a.edges[i].to
			if _, ok := prev[v]; ok || comp[v] != comp[q] {
				continue
			}
			prev[v] = i
			if v == p {
				var path []int32
				for w := p; w != q; w = a.edges[prev[w]].from {
					path = append(path, prev[w])
				}
				for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
					path[l], path[r] = path[r], path[l]
				}
				return path
			}
			queue = append(queue, v)
		}
	}
	return nil
}

// AnalyzeTreeWithin is AnalyzeTree with at most steps of work (and never
// more than MaxWork), so that a caller can give a file and a run a total
// budget. It reports the work spent and whether it ran out.
func AnalyzeTreeWithin(root *Node, pattern string, steps int) (Finding, bool, Work) {
	b := &budget{limit: min(max(steps, 0), maxWork)}
	f, ok, _ := analyzeTree(root, pattern, b)
	return f, ok, Work{Spent: b.spent, Exhausted: b.hit}
}
