package regex

import (
	"errors"
	"strings"
	"testing"
)

var parseCases = []struct {
	name, pattern, flags, want string
}{
	{"alternation", `a|b|`, "", `(alt (char 'a') (char 'b') (empty))`},
	{"concat and lazy", `ab*?c+?d??`, "", `(cat (char 'a') (rep *? (char 'b')) (rep +? (char 'c')) (rep ?? (char 'd')))`},
	{"braced quantifiers", `a{2}b{2,}c{2,5}?`, "", `(cat (rep {2} (char 'a')) (rep {2,} (char 'b')) (rep {2,5}? (char 'c')))`},
	{"groups", `(a)(?:b)(?<name>c)`, "", `(cat (group 1 (char 'a')) (group ?: (char 'b')) (group 2<name> (char 'c')))`},
	{"lookarounds", `(?=a)(?!b)(?<=c)(?<!d)`, "", `(cat (look = (char 'a')) (look ! (char 'b')) (look <= (char 'c')) (look <! (char 'd')))`},
	{"anchors and dot", `^.$`, "m", `(cat (assert ^m) (dot) (assert $m))`},
	{"word boundaries", `\bx\B`, "", `(cat (assert \b) (char 'x') (assert \B))`},
	{"class", `[^a-z\d_-]`, "", `(class ^ (range 'a'-'z') (esc \d) (char '_') (char '-'))`},
	{"class escapes", `[\b\-\]\\]`, "", `(class (char '\b') (char '-') (char ']') (char '\\'))`},
	{"control escapes", `\n\t\r\v\f\0`, "", `(cat (char '\n') (char '\t') (char '\r') (char '\v') (char '\f') (char '\x00'))`},
	{"hex and unicode escapes", `\x41\u0042\cJ`, "", `(cat (char 'A') (char 'B') (char '\n'))`},
	{"code point escape", `\u{1F600}\uD83D\uDE00`, "u", `(cat (char '😀') (char '😀'))`},
	{"class escapes outside", `\d\D\s\S\w\W`, "", `(cat (esc \d) (esc \D) (esc \s) (esc \S) (esc \w) (esc \W))`},
	{"property escapes", `\p{L}\P{Script=Greek}\p{gc=Nd}`, "u", `(cat (esc \p{L}) (esc \P{Script=Greek}) (esc \p{gc=Nd}))`},
	{"backreferences", `(a)\1(?<x>b)\k<x>`, "", `(cat (group 1 (char 'a')) (backref 1) (group 2<x> (char 'b')) (backref <x>))`},
	{"forward reference", `\1(a)`, "", `(cat (backref 1) (group 1 (char 'a')))`},
	{"named group escapes", `(?<\u0061b>x)\k<ab>`, "", `(cat (group 1<ab> (char 'x')) (backref <ab>))`},
	{"modifiers", `(?i:a)(?-s:.)(?m-i:^)`, "", `(cat (group ?i: (char 'a')) (group ?-s: (dot)) (group ?m-i: (assert ^m)))`},
	{"duplicate names in alternatives", `(?<y>\d)-|x(?:(?<y>a)|b)`, "", `(alt (cat (group 1<y> (esc \d)) (char '-')) (cat (char 'x') (group ?: (alt (group 2<y> (char 'a')) (char 'b')))))`},
	{"empty pattern", ``, "", `(empty)`},
	{"empty group", `()`, "", `(group 1 (empty))`},
	{"non-BMP literal", `😀+`, "u", `(rep + (char '😀'))`},
	// V8 saturates the bounds before comparing them.
	{"huge bounds", `a{100000000000000000001,100000000000000000000}`, "", `(rep {2147483647} (char 'a'))`},

	// Annex B, without u or v.
	{"lone brace", `a{`, "", `(cat (char 'a') (char '{'))`},
	{"brace not a quantifier", `a{,5}`, "", `(cat (char 'a') (char '{') (char ',') (char '5') (char '}'))`},
	{"lone closing brackets", `]}`, "", `(cat (char ']') (char '}'))`},
	{"identity escapes", `\a\-\k`, "", `(cat (char 'a') (char '-') (char 'k'))`},
	{"eight and nine", `\8\9`, "", `(cat (char '8') (char '9'))`},
	{"legacy octal", `\07\101\1`, "", `(cat (char '\a') (char 'A') (char '\x01'))`},
	{"octal in class", `[\1\08]`, "", `(class (char '\x01') (char '\x00') (char '8'))`},
	{"control backslash", `\c`, "", `(cat (char '\\') (char 'c'))`},
	{"control in class", `[\c1\c_]`, "", `(class (char '\x11') (char '\x1f'))`},
	{"class escape range", `[\d-z]`, "", `(class (esc \d) (char '-') (char 'z'))`},
	{"bad hex and unicode", `\x4\u12`, "", `(cat (char 'x') (char '4') (char 'u') (char '1') (char '2'))`},
	{"quantified lookahead", `(?=a)*`, "", `(rep * (look = (char 'a')))`},
	{"p without u", `\p{L}`, "", `(cat (char 'p') (char '{') (char 'L') (char '}'))`},

	// The v flag.
	{"v subtraction", `[\p{L}--[a-z]]`, "v", `(class (minus (esc \p{L}) (class (range 'a'-'z'))))`},
	{"v intersection", `[[a-z]&&[^aeiou]]`, "v", `(class (and (class (range 'a'-'z')) (class ^ (char 'a') (char 'e') (char 'i') (char 'o') (char 'u'))))`},
	{"v strings", `[\q{abc|d|}x]`, "v", `(class (strings ["abc" ""]) (char 'x'))`},
	{"v escaped punctuator", `[\&\-a-c]`, "v", `(class (char '&') (char '-') (range 'a'-'c'))`},
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			n, err := Parse(c.pattern, c.flags)
			if err != nil {
				t.Fatalf("Parse(%q, %q): %v", c.pattern, c.flags, err)
			}
			if got := n.String(); got != c.want {
				t.Errorf("Parse(%q, %q)\n got %s\nwant %s", c.pattern, c.flags, got, c.want)
			}
			checkSpans(t, n, c.pattern)
		})
	}
}

// checkSpans checks that every node's byte range lies inside its parent's.
func checkSpans(t *testing.T, root *Node, pattern string) {
	t.Helper()
	var walk func(n *Node, lo, hi int)
	walk = func(n *Node, lo, hi int) {
		if n.Start < lo || n.End > hi || n.Start > n.End {
			t.Fatalf("node %v spans [%d,%d) outside [%d,%d)", n, n.Start, n.End, lo, hi)
		}
		for _, c := range n.Children {
			walk(c, n.Start, n.End)
		}
	}
	walk(root, 0, len(pattern))
}

func TestParseSets(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern, flags string
		in, out        []rune
	}{
		{`.`, "", []rune{'a', '\t', 0x1F600}, []rune{'\n', '\r', 0x2028, 0x2029}},
		{`.`, "s", []rune{'a', '\n', 0x2029}, nil},
		{`a`, "i", []rune{'a', 'A'}, []rune{'b'}},
		{`k`, "i", []rune{'k', 'K', 0x212A}, nil},
		{`[^a-c]`, "i", []rune{'d', 'D'}, []rune{'a', 'B', 'c'}},
		{`\w`, "", []rune{'a', 'Z', '0', '_'}, []rune{'-', 'é'}},
		{`\s`, "", []rune{' ', '\t', '\n', 0xA0, 0xFEFF, 0x3000}, []rune{'a', 0x200B}},
		{`\p{Lu}`, "u", []rune{'A', 'É'}, []rune{'a'}},
		{`\p{Lu}`, "ui", []rune{'A', 'a'}, []rune{'1'}},
		{`\P{ASCII}`, "u", []rune{'é'}, []rune{'a'}},
		{`\p{Script=Greek}`, "u", []rune{'α'}, []rune{'a'}},
		{`\p{sc=Latn}`, "u", []rune{'a'}, []rune{'α'}},
		{`[\p{L}--[a-z]]`, "v", []rune{'A', 'é'}, []rune{'a', '1'}},
		{`[\w&&\d]`, "v", []rune{'5'}, []rune{'a'}},
		{`[^]`, "", []rune{'a', '\n'}, nil},
		{`[]`, "", nil, []rune{'a'}},
	}
	for _, c := range cases {
		t.Run(c.pattern+"/"+c.flags, func(t *testing.T) {
			n, err := Parse(c.pattern, c.flags)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range c.in {
				if !n.Set.Contains(r) {
					t.Errorf("%U not in %v", r, n.Set)
				}
			}
			for _, r := range c.out {
				if n.Set.Contains(r) {
					t.Errorf("%U in %v", r, n.Set)
				}
			}
		})
	}
}

var parseErrorCases = []struct {
	name, pattern, flags string
}{
	{"unterminated group", `(`, ""},
	{"unterminated group after content", `(a|b`, ""},
	{"unmatched paren", `a)`, ""},
	{"unterminated class", `[a-`, ""},
	{"unterminated class escape", `[a\`, ""},
	{"quantifier out of order", `a{2,1}`, ""},
	{"quantifier out of order u", `a{2,1}`, "u"},
	{"incomplete quantifier u", `a{2`, "u"},
	{"lone brace u", `{`, "u"},
	{"lone bracket u", `]`, "u"},
	{"nothing to repeat", `*a`, ""},
	{"double quantifier", `a**`, ""},
	{"double braced quantifier", `a{1}{2}`, ""},
	{"braced quantifier alone", `{1}`, ""},
	{"quantified anchor", `^*`, ""},
	{"quantified word boundary", `\b+`, ""},
	{"quantified lookbehind", `(?<=a)+`, ""},
	{"quantified lookahead u", `(?=a)*`, "u"},
	{"trailing backslash", `a\`, ""},
	{"range out of order", `[z-a]`, ""},
	{"class escape range u", `[\d-z]`, "u"},
	{"invalid group name", `(?<1a>x)`, ""},
	{"empty group name", `(?<>x)`, ""},
	{"duplicate group name", `(?<a>x)(?<a>y)`, ""},
	{"duplicate group name nested", `(?<a>x|(?<a>y))`, ""},
	{"undefined named reference", `\k<nope>(?<a>x)`, ""},
	{"named reference u", `\k<a`, "u"},
	{"k escape in class with names", `(?<a>x)[\k]`, ""},
	{"backreference beyond groups u", `\2(a)`, "u"},
	{"decimal escape u", `\00`, "u"},
	{"identity escape u", `\a`, "u"},
	{"dash escape outside class u", `\-`, "u"},
	{"unknown property", `\p{Foo}`, "u"},
	{"unknown property value", `\p{Script=Foo_1}`, "u"},
	{"property of strings negated", `\P{RGI_Emoji}`, "v"},
	{"property of strings without v", `\p{RGI_Emoji}`, "u"},
	{"code point too large", `\u{110000}`, "u"},
	{"bad control u", `\c1`, "u"},
	{"bad hex u", `\x4`, "u"},
	{"repeated modifier", `(?ii:a)`, ""},
	{"modifier on both sides", `(?i-i:a)`, ""},
	{"empty modifiers", `(?-:a)`, ""},
	{"unknown modifier", `(?x:a)`, ""},
	{"unknown group", `(?`, ""},
	{"v negated strings", `[^\q{ab}]`, "v"},
	{"v triple ampersand", `[a&&&b]`, "v"},
	{"v mixed operators", `[a&&b--c]`, "v"},
	{"v range in intersection", `[a-c&&b]`, "v"},
	{"v syntax character", `[(]`, "v"},
	{"v double punctuator", `[a!!b]`, "v"},
	{"v unterminated nested", `[[a]`, "v"},
	{"flags repeated", `a`, "gg"},
	{"flags unknown", `a`, "x"},
	{"flags u and v", `a`, "uv"},
	{"too deep", strings.Repeat("(", MaxDepth+1) + strings.Repeat(")", MaxDepth+1), ""},
	{"too deep v classes", strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), "v"},
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, c := range parseErrorCases {
		t.Run(c.name, func(t *testing.T) {
			n, err := Parse(c.pattern, c.flags)
			if err == nil {
				t.Fatalf("Parse(%q, %q) = %v; want an error", c.pattern, c.flags, n)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(c.pattern) {
				t.Fatalf("error %v is not a SyntaxError with an offset in the pattern", err)
			}
		})
	}
}

func TestParseDepthLimit(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("(?:", MaxDepth) + "a" + strings.Repeat(")*", MaxDepth)
	if _, err := Parse(deep, ""); err != nil {
		t.Fatalf("nesting of MaxDepth: %v", err)
	}
	if _, _, err := Analyze(deep, ""); err != nil {
		t.Fatalf("Analyze: %v", err)
	}
}
