package regex

import "fmt"

// backtracker is a backtracking matcher with the semantics of ECMAScript's
// pattern matching (the RepeatMatcher's empty-iteration check included),
// counting its steps. Prove uses it to measure the real cost of an attack
// string; the tests check the analysis against it.
type backtracker struct {
	in    []rune
	steps int
	limit int
	caps  map[int][2]int
}

type budgetExceeded struct{}

// run tries every start position like RegExp.prototype.test; exceeded
// reports that the step budget ran out.
func run(root *Node, input string, limit int) (matched, exceeded bool, steps int) {
	m := &backtracker{in: []rune(input), limit: limit, caps: map[int][2]int{}}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(budgetExceeded); !ok {
				panic(r) // a bug in the matcher: let the caller's guard see it
			}
			exceeded, steps = true, m.steps
		}
	}()
	for start := 0; start <= len(m.in); start++ {
		if m.match(root, start, func(int) bool { return true }) {
			return true, false, m.steps
		}
	}
	return false, false, m.steps
}

func (m *backtracker) tick() {
	m.steps++
	if m.steps > m.limit {
		panic(budgetExceeded{})
	}
}

func (m *backtracker) isWord(i int) bool {
	return i >= 0 && i < len(m.in) && wordSet.Contains(m.in[i])
}

func (m *backtracker) match(n *Node, i int, k func(int) bool) bool {
	m.tick()
	switch n.Kind {
	case KindEmpty:
		return k(i)
	case KindChar, KindDot, KindClassEscape, KindRange:
		return i < len(m.in) && n.Set.Contains(m.in[i]) && k(i+1)
	case KindClass, KindClassStrings, KindIntersection, KindSubtraction:
		for _, s := range n.Strings {
			rs := []rune(s)
			if i+len(rs) <= len(m.in) && string(m.in[i:i+len(rs)]) == s && k(i+len(rs)) {
				return true
			}
		}
		return i < len(m.in) && n.Set.Contains(m.in[i]) && k(i+1)
	case KindConcat:
		return m.seq(n.Children, i, k)
	case KindAlternation:
		for _, c := range n.Children {
			if m.match(c, i, k) {
				return true
			}
		}
		return false
	case KindGroup:
		if !n.Capture {
			return m.match(n.Children[0], i, k)
		}
		return m.match(n.Children[0], i, func(j int) bool {
			old, had := m.caps[n.Index]
			m.caps[n.Index] = [2]int{i, j}
			if k(j) {
				return true
			}
			if had {
				m.caps[n.Index] = old
			} else {
				delete(m.caps, n.Index)
			}
			return false
		})
	case KindLookaround:
		ok := false
		if n.Behind {
			for j := i; j >= 0 && !ok; j-- {
				ok = m.match(n.Children[0], j, func(e int) bool { return e == i })
			}
		} else {
			ok = m.match(n.Children[0], i, func(int) bool { return true })
		}
		return ok != n.Negated && k(i)
	case KindQuantifier:
		return m.repeat(n, n.Min, n.Max, i, k)
	case KindAssertion:
		ok := false
		switch n.Assert {
		case AssertStart:
			ok = i == 0 || n.Multiline && lineTermSet.Contains(m.in[i-1])
		case AssertEnd:
			ok = i == len(m.in) || n.Multiline && lineTermSet.Contains(m.in[i])
		case AssertWordBoundary:
			ok = m.isWord(i-1) != m.isWord(i)
		case AssertNotWordBoundary:
			ok = m.isWord(i-1) == m.isWord(i)
		}
		return ok && k(i)
	case KindBackref:
		c, ok := m.caps[n.Index]
		if !ok {
			return k(i)
		}
		l := c[1] - c[0]
		return i+l <= len(m.in) && string(m.in[c[0]:c[1]]) == string(m.in[i:i+l]) && k(i+l)
	}
	panic(fmt.Sprintf("unexpected node %v", n.Kind))
}

func (m *backtracker) seq(ns []*Node, i int, k func(int) bool) bool {
	if len(ns) == 0 {
		return k(i)
	}
	return m.match(ns[0], i, func(j int) bool { return m.seq(ns[1:], j, k) })
}

// repeat is the ECMAScript RepeatMatcher.
func (m *backtracker) repeat(n *Node, lo, hi, i int, k func(int) bool) bool {
	m.tick()
	if hi == 0 {
		return k(i)
	}
	iterate := func() bool {
		return m.match(n.Children[0], i, func(j int) bool {
			if lo == 0 && j == i {
				return false
			}
			nlo, nhi := max(lo-1, 0), hi
			if hi != Unbounded {
				nhi--
			}
			return m.repeat(n, nlo, nhi, j, k)
		})
	}
	if lo > 0 {
		return iterate()
	}
	if n.Lazy {
		return k(i) || iterate()
	}
	return iterate() || k(i)
}
