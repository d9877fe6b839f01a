package regex

import (
	"fmt"
	"math"
	"strings"
)

// Limits of Prove.
const (
	// ProvePumps is the number of consecutive pumps over which the cost of
	// an attack must at least double each time.
	ProvePumps = 8
	// proveMinRatio is the least growth per pump that counts as a doubling:
	// a matcher that doubles its paths also does a little linear
	// bookkeeping per pump (trying each start position, reading the
	// prefix), so a pure doubling measures 1.94 to 1.999 on first
	// differences.
	proveMinRatio = 1.9
	proveRunLimit = 1_000_000 // steps of one match
	proveBudget   = 3_000_000 // steps of one proof
	proveMaxPumps = 24
)

// Proof is the measured cost of an attack string on a backtracking matcher
// with ECMAScript semantics (every start position tried, as
// RegExp.prototype.test does).
type Proof struct {
	// Proven is set when the steps that each added pump costs at least
	// double (within proveMinRatio) over ProvePumps consecutive pumps;
	// when the step budget runs out first, when they doubled at every
	// measured pump of the window (at least four) and grew at least
	// 2^ProvePumps times in all.
	Proven bool
	// Steps[k] is the number of steps on Prefix + Pump×k + Suffix
	// (Steps[0] has no pump); the last entry may be the budget, when it
	// ran out.
	Steps []int
	// Growth is the geometric mean of the growth per pump of the steps
	// each pump adds, over the measured window.
	Growth float64
	// Exceeded is set when the last match ran out of its step budget.
	Exceeded bool
	// Window is the number of consecutive pumps Growth was measured over.
	Window int
}

// String summarizes the proof for messages: "x2.00 steps per pump over 8
// pumps, 16408 steps at 9 pumps".
func (p Proof) String() string {
	if len(p.Steps) == 0 {
		return "not measured"
	}
	last := p.Steps[len(p.Steps)-1]
	more := ""
	if p.Exceeded {
		more = "more than "
	}
	return fmt.Sprintf("x%.2f steps per pump over %d pumps, %s%d steps at %d pumps", p.Growth, p.Window, more, last, len(p.Steps)-1)
}

// Prove measures the attack string of f on the pattern whose tree is root:
// the number of backtracking steps on Prefix + Pump×k + Suffix for growing
// k. It never panics on a well-formed tree and spends at most a few
// million steps.
func Prove(root *Node, f Finding) Proof {
	var p Proof
	if f.Pump == "" || root == nil {
		return p
	}
	spent := 0
	var diffs []float64
	for k := 0; k <= proveMaxPumps; k++ {
		in := f.Prefix + strings.Repeat(f.Pump, k) + f.Suffix
		limit := min(proveRunLimit, proveBudget-spent)
		if limit <= 0 {
			break
		}
		_, exceeded, steps := run(root, in, limit)
		spent += steps
		p.Steps = append(p.Steps, steps)
		if k > 0 {
			d := float64(steps - p.Steps[k-1])
			doubled := len(diffs) == 0 || d >= proveMinRatio*diffs[len(diffs)-1]
			switch {
			case exceeded && !doubled:
				// the budget cut the last match short: a lower bound only
			case !doubled:
				diffs = diffs[:0] // growth broke: the window restarts here
				fallthrough
			default:
				diffs = append(diffs, max(d, 1))
			}
		}
		n := len(diffs) - 1
		if n > 0 {
			p.Growth = math.Pow(diffs[n]/diffs[0], 1/float64(n))
			p.Window = n
		}
		if exceeded {
			// Out of budget: the cost doubled at every measured pump of
			// the window and grew as much as ProvePumps doublings.
			p.Exceeded = true
			p.Proven = n >= 4 && diffs[n] >= diffs[0]*math.Exp2(ProvePumps)
			return p
		}
		if n >= ProvePumps {
			p.Proven = true
			return p
		}
	}
	return p
}
