package regex

import (
	"strings"
	"testing"
)

func TestPolynomial(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern string
		degree  int // 0: not polynomial
	}{
		{`\s+$`, 2},      // trailing blanks: every start position scans to the end
		{`^\s+|\s+$`, 2}, // trim
		{`^\d+\d+$`, 2},  // two loops split the same digits
		{`a+b`, 2},       // unanchored: retried at every start
		{`.*a.*b.*c`, 3}, // three loops over the same text
		{`(\d+)\s*-\s*(\d+)`, 2},
		{`^[a-z0-9-]+$`, 0}, // anchored, one loop: linear
		{`\d+`, 0},          // matches at once
		{`^\d+(\.\d+)*$`, 0},
		{`^[^@\s]+@[^@\s]+\.[^@\s]+$`, 0},
	}
	for _, c := range cases {
		t.Run(c.pattern, func(t *testing.T) {
			root, err := Parse(c.pattern, "")
			if err != nil {
				t.Fatal(err)
			}
			f, ok := Polynomial(root)
			if got := map[bool]int{true: f.Degree}[ok]; got != c.degree {
				t.Fatalf("degree %d (%v, steps %v), want %d", got, ok, f.Steps, c.degree)
			}
			if !ok {
				return
			}
			// the attack really costs what was measured
			in := f.Prefix + strings.Repeat(f.Pump, 128) + f.Suffix
			if _, _, steps := run(root, in, 10_000_000); steps != f.Steps[2] && !(f.Exceeded && steps > f.Steps[2]) {
				t.Errorf("steps at 128 pumps: %d, measured %d", steps, f.Steps[2])
			}
			if !strings.Contains(f.AttackExpr(), ".repeat(10000)") || !strings.Contains(f.String(), "per doubling") {
				t.Errorf("AttackExpr %q, String %q", f.AttackExpr(), f.String())
			}
		})
	}
}

// TestPolynomialSparesExponentialCandidates: a candidate whose first runs
// already take more than a third of the run limit cannot show two
// doublings within it, and is dropped there, instead of each such
// candidate spending the whole run limit (the budget, 2 million steps,
// used to be gone after two of them).
func TestPolynomialSparesExponentialCandidates(t *testing.T) {
	t.Parallel()
	for _, p := range []string{`(a*)*b`, `^(a|aa)+$`, `([a-z0-9]+)+@`} {
		root, err := Parse(p, "")
		if err != nil {
			t.Fatal(err)
		}
		f, ok, spent := polynomial(root)
		if ok {
			t.Errorf("%s: polynomial finding %+v on an exponential pattern", p, f)
		}
		if spent > polyBudget*3/4 {
			t.Errorf("%s: %d steps spent, want at most %d", p, spent, polyBudget*3/4)
		}
	}
}
