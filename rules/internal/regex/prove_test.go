package regex

import (
	"reflect"
	"strings"
	"testing"
)

// Every exploitable finding of the analysis table must be proven on the
// backtracker, and no structural one.
func TestProveAnalyzeCases(t *testing.T) {
	t.Parallel()
	for i, c := range analyzeCases {
		if !c.vuln {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			f, ok, err := analyzed[i]()
			if err != nil || !ok {
				t.Fatalf("no finding (%v)", err)
			}
			p := proved[i]() // Prove on a tree of its own
			if p.Proven != c.exploitable {
				t.Errorf("Prove(%q pumped %q) = %v (%s), want %v", f.Attack, f.Pump, p.Proven, p, c.exploitable)
			}
		})
	}
}

// Patterns the automaton flags but a backtracking matcher runs in
// polynomial time on: the lookaheads the analysis ignores make them safe.
func TestProveRefutes(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, pattern string }{
		// an RFC-style address whose local part emulates a possessive
		// loop with a negative lookahead
		{"possessive e-mail", `^(?:[\w!#$%&'*+/=?^{|}~-]+(?![\w!#$%&'*+/=?^{|}~-])\.?)+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$`},
		// lazy Markdown list items that each end at a line end
		{"lazy list item", `(?:^|\n)(?:[ \t]*[-*+][ \t]+(.*?)(?=\n|$))+`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, err := Parse(c.pattern, "")
			if err != nil {
				t.Fatal(err)
			}
			f, ok := AnalyzeTree(root, c.pattern)
			if !ok {
				t.Fatal("the automaton no longer flags it: the case tests nothing")
			}
			if p := Prove(root, f); p.Proven {
				t.Errorf("Prove(%q) proven (%s), want refuted", f.Attack, p)
			}
		})
	}
}

func TestProveGrowth(t *testing.T) {
	t.Parallel()
	root, err := Parse(`^(a+)+$`, "")
	if err != nil {
		t.Fatal(err)
	}
	p := Prove(root, Finding{Prefix: "a", Pump: "a", Suffix: "!"})
	if !p.Proven || p.Window < ProvePumps || p.Growth < 1.9 || p.Exceeded {
		t.Fatalf("(a+)+$: %+v", p)
	}
	for i := 2; i < len(p.Steps); i++ {
		if p.Steps[i] <= p.Steps[i-1] {
			t.Fatalf("steps do not grow: %v", p.Steps)
		}
	}
	if s := p.String(); !strings.Contains(s, "over 8 pumps") {
		t.Errorf("String() = %q", s)
	}
	// linear: a+ on a's then '!'
	root, _ = Parse(`^a+$`, "")
	if p := Prove(root, Finding{Prefix: "", Pump: "a", Suffix: "!"}); p.Proven {
		t.Fatalf("a+$ proven: %+v", p)
	}
	// no pump, no proof
	if p := Prove(root, Finding{}); p.Proven || len(p.Steps) != 0 {
		t.Fatalf("empty finding: %+v", p)
	}
}

// A candidate the backtracker refutes does not hide a real one: the first
// loop's lookahead makes it linear, the second loop is exponential.
func TestAnalyzePrefersProven(t *testing.T) {
	t.Parallel()
	const p = `^(?:a+(?!a))+x|^(b+)+$`
	root, err := Parse(p, "")
	if err != nil {
		t.Fatal(err)
	}
	f, ok := AnalyzeTree(root, p)
	if !ok || f.Fragment != "(b+)+" {
		t.Fatalf("finding %+v, want the (b+)+ loop", f)
	}
	m, measured := f.Measured()
	if !measured || !m.Proven {
		t.Fatalf("Measured() = %+v, %v", m, measured)
	}
}

// TestProveMatchesMeasured checks that the proof Analyze measured for a
// finding (which the table tests and the redos rule use) is the one Prove
// gives on a tree of its own, on the cheapest exploitable patterns of the
// table: Analyze measures on the pattern's tree and leaves it unchanged.
func TestProveMatchesMeasured(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"plus of plus anchored", "a star star", "digits star end", "two empty branches"} {
		t.Run(name, func(t *testing.T) {
			i := -1
			for j, c := range analyzeCases {
				if c.name == name {
					i = j
				}
			}
			if i < 0 {
				t.Fatalf("no case %q in analyzeCases", name)
			}
			c := analyzeCases[i]
			f, vuln, err := analyzed[i]()
			if err != nil || !vuln {
				t.Fatalf("no finding (%v)", err)
			}
			measured, ok := f.Measured()
			if !ok {
				t.Fatalf("Analyze did not measure %q", f.Attack)
			}
			root, err := Parse(c.pattern, c.flags)
			if err != nil {
				t.Fatal(err)
			}
			if p := Prove(root, f); !reflect.DeepEqual(p, measured) || !p.Proven {
				t.Errorf("Prove on a tree of its own = %+v, Analyze measured %+v; want the same proven proof", p, measured)
			}
		})
	}
}
