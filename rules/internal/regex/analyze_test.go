package regex

import (
	"strings"
	"sync"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
)

type analyzeCase struct {
	name     string
	pattern  string
	flags    string
	vuln     bool
	kind     string // expected Finding.Kind when vuln
	fragment string // expected Finding.Fragment when vuln
	// exploitable is the expected Finding.Exploitable when vuln: the
	// attack string must then exhaust the test backtracker's budget.
	exploitable bool
}

// nq and oa abbreviate the finding kinds in the table.
const (
	nq = KindNestedQuantifier
	oa = KindOverlappingAlternation
)

var analyzeCases = []analyzeCase{
	// Nested quantifiers.
	{name: "plus of plus", pattern: `(a+)+`, vuln: true, kind: nq, fragment: `(a+)+`},
	{name: "plus of plus anchored", pattern: `^(a+)+$`, vuln: true, kind: nq, fragment: `(a+)+`, exploitable: true},
	{name: "star of star", pattern: `(\w*)*`, vuln: true, kind: nq, fragment: `(\w*)*`},
	{name: "star of star anchored", pattern: `^(\w*)*$`, vuln: true, kind: nq, fragment: `(\w*)*`, exploitable: true},
	{name: "a star star", pattern: `(a*)*b`, vuln: true, kind: nq, fragment: `(a*)*`, exploitable: true},
	{name: "class plus before at", pattern: `([a-z0-9]+)+@`, vuln: true, kind: nq, fragment: `([a-z0-9]+)+`, exploitable: true},
	{name: "dot star a twice", pattern: `(.*a){2,}`, vuln: true, kind: nq, fragment: `(.*a){2,}`},
	{name: "dot star a twice anchored", pattern: `^(.*a){2,}$`, vuln: true, kind: nq, fragment: `(.*a){2,}`, exploitable: true},
	{name: "digits star end", pattern: `(\d+)*$`, vuln: true, kind: nq, fragment: `(\d+)*`, exploitable: true},
	{name: "words optional space", pattern: `^(\w+\s?)*$`, vuln: true, kind: nq, fragment: `(\w+\s?)*`, exploitable: true},
	{name: "OWASP class name", pattern: `^(([a-z])+.)+[A-Z]([a-z])+$`, vuln: true, kind: nq, fragment: `(([a-z])+.)+`, exploitable: true},
	{name: "x+x+", pattern: `(x+x+)+y`, vuln: true, kind: nq, fragment: `(x+x+)+`, exploitable: true},
	// Each iteration needs a comma, but the blanks between two commas can
	// go to the trailing \s* of one iteration or the leading \s* of the
	// next: 2^n splits (V8 takes seconds on ", " repeated 26 times + "x").
	{name: "comma list", pattern: `^(\s*,\s*)*$`, vuln: true, kind: nq, fragment: `(\s*,\s*)*`, exploitable: true},
	{name: "bounded inner unbounded outer", pattern: `^([a-zA-Z0-9]{2,4})+$`, vuln: true, kind: nq, fragment: `([a-zA-Z0-9]{2,4})+`, exploitable: true},
	// (([a-zA-Z0-9\-])+\.)+ is safe: every iteration ends with '.', which
	// the inner class excludes. ([a-zA-Z0-9]{2,4})+ is not: "aaaaaa" splits
	// into 2-4 letter chunks in exponentially many ways.
	{name: "email with tld loop", pattern: `^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$`, vuln: true, kind: nq, fragment: `([a-zA-Z0-9]{2,4})+`, exploitable: true},
	{name: "OWASP email", pattern: `^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$`, vuln: true, kind: nq, fragment: `(([\-.]|[_]+)?([a-zA-Z0-9]+))*`, exploitable: true},
	{name: "words and blanks", pattern: `^(\d+)\s*(?:\w+\s*)+$`, vuln: true, kind: nq, fragment: `(?:\w+\s*)+`, exploitable: true},
	{name: "large bound counts as unbounded", pattern: `^(?:a+){1,20}$`, vuln: true, kind: nq, fragment: `(?:a+){1,20}`, exploitable: true},
	{name: "inside lookahead", pattern: `^(?=(a+)+$)`, vuln: true, kind: nq, fragment: `(a+)+`, exploitable: true},
	{name: "lazy nested", pattern: `^(?:\w+?\s*?)+?$`, vuln: true, kind: nq, fragment: `(?:\w+?\s*?)+?`, exploitable: true},
	// Overlapping alternation.
	{name: "a or aa", pattern: `(a|aa)+`, vuln: true, kind: oa, fragment: `(a|aa)+`},
	{name: "a or aa anchored", pattern: `^(a|aa)+$`, vuln: true, kind: oa, fragment: `(a|aa)+`, exploitable: true},
	{name: "digit or word", pattern: `^(\d|\w)+$`, vuln: true, kind: oa, fragment: `(\d|\w)+`, exploitable: true},
	{name: "a or optional a", pattern: `^(a|a?)+$`, vuln: true, kind: oa, fragment: `(a|a?)+`, exploitable: true},
	{name: "dot or space with s", pattern: `(.|\s)*`, flags: "s", vuln: true, kind: oa, fragment: `(.|\s)*`},
	{name: "dot or space with s then x", pattern: `(.|\s)*x`, flags: "s", vuln: true, kind: oa, fragment: `(.|\s)*`, exploitable: true},
	{name: "a b ab", pattern: `^(a|b|ab)*$`, vuln: true, kind: oa, fragment: `(a|b|ab)*`, exploitable: true},
	{name: "two empty branches", pattern: `^((a?|b?)c)*$`, vuln: true, kind: oa, fragment: `((a?|b?)c)*`, exploitable: true},
	{name: "case folding", pattern: `^(a|A)+$`, flags: "i", vuln: true, kind: oa, fragment: `(a|A)+`, exploitable: true},
	{name: "unicode property overlap", pattern: `^(?:\p{L}|[a-z])+$`, flags: "u", vuln: true, kind: oa, fragment: `(?:\p{L}|[a-z])+`, exploitable: true},
	{name: "v flag class strings", pattern: `^[\q{aa|a}]+$`, flags: "v", vuln: true, kind: oa, fragment: `[\q{aa|a}]+`, exploitable: true},
	{name: "v flag class overlap", pattern: `^(?:[\w--\d]|[a-z])+$`, flags: "v", vuln: true, kind: oa, fragment: `(?:[\w--\d]|[a-z])+`, exploitable: true},

	// Safe look-alikes.
	{name: "version numbers", pattern: `^\d+(\.\d+)*$`},
	{name: "a then b plus", pattern: `(ab+)+`},
	{name: "dotted names", pattern: `^([a-z]+\.)+[a-z]+$`},
	{name: "simple email (polynomial only)", pattern: `^[\w.+-]+@[\w-]+\.[\w.-]+$`},
	{name: "bounded outer", pattern: `(a+)?`},
	{name: "exactly twice", pattern: `(?:a+){2}`},
	{name: "prefix-free alternation", pattern: `^(a|ab)*$`},
	{name: "disjoint alternation", pattern: `(a|b)*`},
	{name: "words alternation", pattern: `(foo|bar)+`},
	{name: "digit or hex letter", pattern: `^(\d|[a-f])+$`},
	{name: "dot or newline without s", pattern: `^(.|\n)*$`},
	{name: "lowercase", pattern: `^[a-z]+$`},
	{name: "dotted digits", pattern: `^(\d+\.)*\d+$`},
	{name: "optional a star", pattern: `^(a?)*$`},
	{name: "word boundaries", pattern: `^(\b\w+\b\s*)+$`},
	{name: "ip v4", pattern: `^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$`},
	{name: "iso date", pattern: `^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$`},
	{name: "uuid", pattern: `^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, flags: "i"},
	{name: "slug", pattern: `^[a-z0-9]+(?:-[a-z0-9]+)*$`},
	{name: "semver", pattern: `^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`},
	{name: "hex color", pattern: `^#?([a-f\d]{2})([a-f\d]{2})([a-f\d]{2})$`, flags: "i"},
	{name: "string literal", pattern: `^"(?:[^"\\]|\\.)*"$`},
	{name: "jwt", pattern: `^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`},
	{name: "url", pattern: `^https?:\/\/(?:www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b(?:[-a-zA-Z0-9()@:%_\+.~#?&\/=]*)$`},
	{name: "trim (quadratic only)", pattern: `^[\s\u200c]+|[\s\u200c]+$`},
	{name: "adjacent digits (quadratic only)", pattern: `\d+\d+$`},
	{name: "named date", pattern: `(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})`, flags: "u"},
	{name: "tempered dot", pattern: `^\/\*(?:(?!\*\/)[\s\S])*\*\/$`},
	{name: "phone", pattern: `^\+?\d{1,3}[-. ]?\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}$`},
	{name: "cloudflare 2019 (polynomial only)", pattern: `(?:(?:\"|'|\]|\}|\\|\d|(?:nan|infinity|true|false|null|undefined|symbol|math)|\` + "`" + `|\-|\+)+[)]*;?((?:\s|-|~|!|{}|\|\||\+)*.*(?:.*=.*)))`},
	{name: "mongo id", pattern: `^[0-9a-fA-F]{24}$`},
	{name: "backreference quotes", pattern: `(["'])(?:(?!\1)[^\\]|\\.)*\1`},
}

// analyzed is Analyze on analyzeCases[i], computed once per test process:
// TestAnalyze, TestAttackStrings and TestProveAnalyzeCases check different
// properties of the same findings, each worth seconds of work under -race.
var analyzed = func() []func() (Finding, bool, error) {
	out := make([]func() (Finding, bool, error), len(analyzeCases))
	for i, c := range analyzeCases {
		type result struct {
			f    Finding
			vuln bool
			err  error
		}
		once := sync.OnceValue(func() result {
			f, vuln, err := Analyze(c.pattern, c.flags)
			return result{f, vuln, err}
		})
		out[i] = func() (Finding, bool, error) {
			r := once()
			return r.f, r.vuln, r.err
		}
	}
	return out
}()

// proved is the proof of analyzeCases[i]'s finding (vulnerable cases
// only), computed once per test process: TestProveAnalyzeCases and
// FuzzParse's seeds both look at it. It is the proof Analyze measured when
// there is one (what the redos rule reports, through Finding.Measured),
// Prove on a tree of its own otherwise; TestProveMatchesMeasured checks
// that the two agree.
var proved = func() []func() Proof {
	out := make([]func() Proof, len(analyzeCases))
	for i, c := range analyzeCases {
		out[i] = sync.OnceValue(func() Proof {
			f, vuln, err := analyzed[i]()
			if err != nil || !vuln {
				return Proof{}
			}
			if p, ok := f.Measured(); ok {
				return p
			}
			root, err := Parse(c.pattern, c.flags)
			if err != nil {
				return Proof{}
			}
			return Prove(root, f)
		})
	}
	return out
}()

// analyzeCaseIndex finds pattern and flags in analyzeCases.
func analyzeCaseIndex(pattern, flags string) (int, bool) {
	for i, c := range analyzeCases {
		if c.pattern == pattern && c.flags == flags {
			return i, true
		}
	}
	return 0, false
}

func TestAnalyze(t *testing.T) {
	t.Parallel()
	for i, c := range analyzeCases {
		t.Run(c.name, func(t *testing.T) {
			f, vuln, err := analyzed[i]()
			if err != nil {
				t.Fatalf("Analyze(%q, %q): %v", c.pattern, c.flags, err)
			}
			if vuln != c.vuln {
				t.Fatalf("Analyze(%q, %q) = %+v, %v; want vulnerable %v", c.pattern, c.flags, f, vuln, c.vuln)
			}
			if !vuln {
				return
			}
			if f.Kind != c.kind || f.Fragment != c.fragment || f.Exploitable != c.exploitable {
				t.Errorf("Analyze(%q, %q) = %+v; want kind %s, fragment %q, exploitable %v",
					c.pattern, c.flags, f, c.kind, c.fragment, c.exploitable)
			}
			if got := c.pattern[f.Offset:]; !strings.HasPrefix(got, f.Fragment) {
				t.Errorf("Offset %d does not point at the fragment %q", f.Offset, f.Fragment)
			}
			if len(f.Attack) < 10 || f.Attack[0] != '\'' {
				t.Errorf("Attack %q is not a quoted attack string", f.Attack)
			}
		})
	}
}

// TestAttackStrings runs every exploitable attack string through the test
// backtracker: it must take far more steps than a linear or low-degree
// polynomial match would. The budget of an attack of n characters is 8n³
// steps (eight times what a cubic match would take), capped at a million
// (the longest attack has 89 characters: n³ is 704,969); exponential
// attacks exhaust it whatever the cap.
func TestAttackStrings(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "each attack exhausts up to a million backtracking steps")
	const maxBudget = 1_000_000
	for i, c := range analyzeCases {
		if !c.vuln || !c.exploitable {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			f, _, err := analyzed[i]()
			if err != nil {
				t.Fatal(err)
			}
			root, err := Parse(c.pattern, c.flags)
			if err != nil {
				t.Fatal(err)
			}
			attack := unquoteJS(t, f.Attack)
			n := len([]rune(attack))
			budget := min(8*n*n*n, maxBudget)
			if n*n*n >= budget {
				t.Fatalf("attack %s has %d characters: a cubic match could take %d steps, the budget is %d", f.Attack, n, n*n*n, budget)
			}
			matched, exceeded, steps := run(root, attack, budget)
			if !exceeded {
				t.Errorf("attack %s: matched %v after %d steps; want an exhausted budget", f.Attack, matched, steps)
			}
		})
	}
}

// TestSafePatternsStayFast pumps every safe pattern with strings built from
// the characters it tells apart, and checks that the backtracker never
// approaches exponential cost.
func TestSafePatternsStayFast(t *testing.T) {
	t.Parallel()
	for _, c := range analyzeCases {
		if c.vuln {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			root, err := Parse(c.pattern, c.flags)
			if err != nil {
				t.Fatal(err)
			}
			a := newAutomaton(&budget{limit: maxWork})
			a.root(root)
			var chars []rune
			for i, s := range a.alphabet() {
				if i == 8 {
					break
				}
				chars = append(chars, s.r)
			}
			for _, x := range chars {
				for _, y := range chars {
					for _, input := range []string{
						strings.Repeat(string(x), 40) + string(y),
						strings.Repeat(string(x)+string(y), 20) + "\x00",
					} {
						if _, exceeded, _ := run(root, input, 2_000_000); exceeded {
							t.Fatalf("input %q exhausted the budget", input)
						}
					}
				}
			}
		})
	}
}

func TestAnalyzeErrors(t *testing.T) {
	t.Parallel()
	for _, p := range []string{`(`, `[a-`, `a**`} {
		if _, ok, err := Analyze(p, ""); err == nil || ok {
			t.Errorf("Analyze(%q) = %v, %v; want an error", p, ok, err)
		}
	}
}

// TestAnalyzeLimits checks that oversized patterns are given up quickly.
func TestAnalyzeLimits(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "automata of thousands of states")
	for _, p := range []string{
		strings.Repeat("(?:a|b|", 300) + strings.Repeat(")*", 300),
		strings.Repeat(`(?:\w+`, 200) + strings.Repeat(`)*`, 200),
		`^(?:(?:(?:a{10}){10}){10})+$`,
		strings.Repeat(`[\p{L}\p{N}]*`, 300),
		`(?:` + strings.Repeat(`.*`, 500) + `)+$`,
	} {
		if _, _, err := Analyze(p, "u"); err != nil {
			t.Errorf("Analyze: %v", err)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, c := range analyzeCases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := Analyze(c.pattern, c.flags); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
