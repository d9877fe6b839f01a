package regex

import (
	"fmt"
	"math"
	"strings"
)

// Limits of Polynomial.
const (
	polyMinRatio    = 3.0 // steps per doubled pump: 2 is linear, 4 quadratic, 8 cubic
	polyRunLimit    = 1_000_000
	polyBudget      = 2_000_000
	polyMaxCands    = 24
	polyShownRepeat = 10000 // pumps in PolyFinding.AttackExpr
)

// polyPumps are the pump counts Polynomial measures at.
var polyPumps = [...]int{32, 64, 128, 256}

// PolyFinding is a polynomial attack: Prefix + Pump×n + Suffix costs a
// backtracking matcher about n^Degree steps, counting the retries at every
// start position (/\s+$/ on spaces followed by a letter is quadratic).
type PolyFinding struct {
	Prefix, Pump, Suffix string
	Degree               int
	// Steps are the measured steps at 32, 64, 128 and 256 pumps (the last
	// may be the budget, when Exceeded).
	Steps    [len(polyPumps)]int
	Exceeded bool
	// Growth is the step ratio of the last doubling (256 vs 128 pumps).
	Growth float64
}

// AttackExpr is the attack as a JavaScript expression with 10000 pumps.
func (p PolyFinding) AttackExpr() string {
	f := Finding{Prefix: p.Prefix, Pump: p.Pump, Suffix: p.Suffix, Reps: polyShownRepeat}
	return f.AttackExpr()
}

// String summarizes the measurement for messages.
func (p PolyFinding) String() string {
	more := ""
	if p.Exceeded {
		more = "more than "
	}
	return fmt.Sprintf("x%.1f steps per doubling of the input, %s%d steps at %d pumps", p.Growth, more, p.Steps[len(p.Steps)-1], polyPumps[len(polyPumps)-1])
}

// Polynomial looks for an attack string on which a backtracking matcher
// with ECMAScript semantics takes at least quadratic time: one character
// pumped at a position inside a loop, after a shortest prefix reaching it
// and before a character no run can take (or the end of the input). It
// measures the steps at 32, 64, 128 and 256 pumps and reports the attack
// whose steps grow at least 3x for each of the last two doublings (a
// linear cost doubles). Exponential patterns are Analyze's and Prove's
// business; Polynomial reports them too (as a high degree) when asked.
func Polynomial(root *Node) (PolyFinding, bool) {
	f, ok, _ := polynomial(root)
	return f, ok
}

// polynomial is Polynomial, also returning the backtracking steps spent.
func polynomial(root *Node) (PolyFinding, bool, int) {
	if root == nil {
		return PolyFinding{}, false, 0
	}
	work := &budget{limit: maxWork}
	a := newAutomaton(work)
	a.root(root)
	if a.over || len(a.pos) == 0 {
		return PolyFinding{}, false, 0
	}
	n := len(a.pos)
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
	alpha := a.alphabet()
	type cand struct{ prefix, pump, suffix string }
	seen := map[cand]bool{}
	var cands []cand
	for p := int32(0); p < int32(n) && len(cands) < polyMaxCands && !work.exhausted(); p++ {
		if !cyclic[p] || !reach[p] {
			continue
		}
		c := pickWith(a.pos[p].set, 'a')
		prefix := a.prefixTo(p, c, alpha)
		at := c
		if len(prefix) > 0 {
			at = prefix[len(prefix)-1]
		}
		pump := []rune{c}
		runs, _ := a.runFrom(p, at, []rune(strings.Repeat(string(c), 4)))
		if len(runs.pos) == 0 {
			continue // the character does not keep the loop going
		}
		// A character in front keeps an alternative anchored at the start
		// (^\s+|\s+$) from matching at once.
		for _, lead := range []string{"", "!"} {
			for _, suffix := range []string{"", string(must(a.deadEnd(runs)))} {
				cd := cand{lead + string(prefix), string(pump), suffix}
				if !seen[cd] {
					seen[cd] = true
					cands = append(cands, cd)
				}
			}
		}
	}
	var best PolyFinding
	found := false
	spent := 0
	for _, cd := range cands {
		if spent >= polyBudget {
			break
		}
		var pf PolyFinding
		pf.Prefix, pf.Pump, pf.Suffix = cd.prefix, cd.pump, cd.suffix
		ok := true
		for i, k := range polyPumps {
			limit := min(polyRunLimit, polyBudget-spent)
			if limit <= 0 {
				ok = false
				break
			}
			if i < 2 {
				// Steps grow with the pumps, and the third run must take
				// three times the second within its own limit: a first or
				// second run over a third of the limit rejects the
				// candidate. Stopping it there spares an exponential
				// candidate most of the run limit.
				limit = limit/polyMinRatio + 1
			}
			_, exceeded, steps := run(root, cd.prefix+strings.Repeat(cd.pump, k)+cd.suffix, limit)
			spent += steps
			pf.Steps[i] = steps
			if i >= 2 && float64(steps) < polyMinRatio*float64(max(pf.Steps[i-1], 1)) {
				ok = false
				break
			}
			if exceeded {
				pf.Exceeded = true
				ok = i >= 2 // two doublings measured, the last one cut short
				break
			}
		}
		if !ok {
			continue
		}
		last := len(polyPumps) - 1
		for last > 0 && pf.Steps[last] == 0 {
			last--
		}
		pf.Growth = float64(pf.Steps[last]) / float64(max(pf.Steps[last-1], 1))
		pf.Degree = max(2, int(math.Round(math.Log2(pf.Growth))))
		if !found || pf.Growth > best.Growth {
			best, found = pf, true
		}
	}
	return best, found, spent
}

func must(r rune, ok bool) rune {
	if !ok {
		return '!'
	}
	return r
}
