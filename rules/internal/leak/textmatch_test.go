package leak

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
)

// The per-name regexps the text tests replace: each test must agree with
// its regexp on every input.
func oldPatterns(name string) map[string]*regexp.Regexp {
	q := regexp.QuoteMeta(name)
	return map[string]*regexp.Regexp{
		"readsSize":      regexp.MustCompile(`(^|[^\w$.])` + q + `\s*\.\s*(size|length)\b|keys\(\s*` + q + `\s*\)\s*\.\s*length`),
		"mentionsName":   regexp.MustCompile(`(^|[^\w$.])` + q + `($|[^\w$])`),
		"selfOr":         regexp.MustCompile(`^\s*` + q + `\s*(\?\?|\|\|)`),
		"orAssignBefore": regexp.MustCompile(`(^|[^\w$.])` + q + `\s*(\?\?|\|\|)\s*\(\s*$`),
		"testsEmpty":     regexp.MustCompile(`if\s*\(\s*(!\s*|typeof\s+)?` + q + `\s*(\)|&&|\|\||[!=]==?\s*(null|undefined|'undefined'|"undefined")\s*(\)|&&|\|\|))`),
		"Accumulates":    regexp.MustCompile(`this\.` + q + `\b\s*[-+*/%]|[-+*/%]\s*this\.` + q + `\b|Math\.(max|min)\(.*this\.` + q + `\b`),
	}
}

var newTests = map[string]func([]byte, string) bool{
	"readsSize":      readsSize,
	"mentionsName":   mentionsName,
	"selfOr":         selfOr,
	"orAssignBefore": orAssignBefore,
	"testsEmpty":     testsEmpty,
	"Accumulates":    Accumulates,
}

// TestTextMatchAgreesWithRegexps checks hand-picked and random token
// strings, where the tokens are the pieces the patterns look for.
func TestTextMatchAgreesWithRegexps(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "4,000 inputs against every regexp")
	names := []string{"cache", "this.cache", "total", "$x"}
	tokens := []string{"cache", "this.", "this.cache", "total", "$x", "x", "2", "_", "$", ".", " ", "\n", "\t",
		"(", ")", "!", "typeof", "if", "keys", ".size", ".length", "size", "length", "??", "||", "&&", "===", "!=",
		"==", "null", "undefined", "'undefined'", "+", "-", "*", "/", "%", "=", "Math.max(", "Math.min(", ",", ";"}
	inputs := []string{
		"if (this.cache.size > 100) return;", "Object.keys( this.cache ) . length", "if (!cache) {", "if ( typeof cache === 'undefined' )",
		"if (cache == null || x)", "cache ?? (", "x.cache || (", "  cache || v", "this.total + n", "n * this.total",
		"Math.max(a,\nthis.total)", "Math.max(a, this.total)", "this.totalX + 1", "if(!!cache)", "if (typeofcache)",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(tokens[r.IntN(len(tokens))])
		}
		inputs = append(inputs, b.String())
	}
	// Shaped: a context before, a name, a context after.
	before := []string{"", "if (", "if(!", "if ( ! ", "if (typeof ", "if (typeof", "keys(", "x ", ".", "a + ", "Math.max(1, ", "elif ("}
	after := []string{"", ")", " ) ", " && y", " ||", " ?? (", " || ( ", "?? ", " === null)", " == undefined &&", " !== 'undefined' ||",
		" === \"undefined\")", ".size", " . length", ").length", " + 1", "X", "$", "=== null"}
	for range 3000 {
		name := names[r.IntN(len(names))]
		if r.IntN(3) == 0 {
			name = "this." + name
		}
		inputs = append(inputs, tokens[r.IntN(len(tokens))]+before[r.IntN(len(before))]+name+after[r.IntN(len(after))]+tokens[r.IntN(len(tokens))])
	}
	matched := map[string]int{}
	for _, name := range names {
		for fn, re := range oldPatterns(name) {
			for _, in := range inputs {
				want := re.MatchString(in)
				if want {
					matched[fn]++
				}
				if got := newTests[fn]([]byte(in), name); got != want {
					t.Fatalf("%s(%q, %q) = %v, the regexp says %v", fn, in, name, got, want)
				}
			}
		}
	}
	for fn := range newTests {
		if matched[fn] < 10 {
			t.Errorf("%s: only %d inputs match: the inputs do not exercise it", fn, matched[fn])
		}
	}
}
