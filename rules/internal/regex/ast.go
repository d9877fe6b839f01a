package regex

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of a syntax-tree node.
type Kind int

// Node kinds.
const (
	KindEmpty        Kind = iota // matches the empty string (empty alternative or pattern)
	KindAlternation              // Children: the alternatives, in order
	KindConcat                   // Children: the terms, in order (always two or more)
	KindChar                     // a literal code point: Rune (Set holds it, case-folded under i)
	KindDot                      // '.': Set is everything but line terminators, or everything with s
	KindClassEscape              // \d \D \s \S \w \W \p{..} \P{..}: Escape, Set
	KindClass                    // [...]: Negated, Children (items), Set (after negation and folding), Strings
	KindRange                    // a range a-z inside a class: Lo, Hi (Set holds the range, folded under i)
	KindClassStrings             // \q{abc|d} inside a v-flag class: Strings (single characters go to Set)
	KindIntersection             // A&&B inside a v-flag class: Children operands, Set
	KindSubtraction              // A--B inside a v-flag class: Children operands, Set
	KindGroup                    // (...), (?:...), (?<name>...), (?ims-ims:...): Children[0] is the body
	KindLookaround               // (?=...) (?!...) (?<=...) (?<!...): Behind, Negated, Children[0]
	KindQuantifier               // Children[0]{Min,Max}, Max == Unbounded for no upper bound; Lazy
	KindAssertion                // ^ $ \b \B: Assert, Multiline (m flag in effect)
	KindBackref                  // \1 or \k<name>: Index (first group of that number or name), Name
)

var kindNames = [...]string{
	KindEmpty: "empty", KindAlternation: "alt", KindConcat: "cat", KindChar: "char", KindDot: "dot",
	KindClassEscape: "esc", KindClass: "class", KindRange: "range", KindClassStrings: "strings",
	KindIntersection: "and", KindSubtraction: "minus", KindGroup: "group", KindLookaround: "look",
	KindQuantifier: "rep", KindAssertion: "assert", KindBackref: "backref",
}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Unbounded is the Max of a quantifier without an upper bound (* + {n,}).
const Unbounded = -1

// AssertKind tells the zero-width assertions apart.
type AssertKind int

// Assertion kinds.
const (
	AssertStart           AssertKind = iota + 1 // ^
	AssertEnd                                   // $
	AssertWordBoundary                          // \b
	AssertNotWordBoundary                       // \B
)

func (a AssertKind) String() string {
	switch a {
	case AssertStart:
		return "^"
	case AssertEnd:
		return "$"
	case AssertWordBoundary:
		return `\b`
	case AssertNotWordBoundary:
		return `\B`
	}
	return "?"
}

// Node is a node of the syntax tree of a pattern. Start and End are byte
// offsets into the pattern: pattern[Start:End] is the node's source text.
// Only the fields listed for a node's Kind are meaningful.
type Node struct {
	Kind     Kind
	Start    int
	End      int
	Children []*Node

	Rune   rune    // KindChar
	Lo, Hi rune    // KindRange
	Set    CharSet // code points one step of the node can match (KindChar, KindDot, KindClassEscape, KindClass, KindRange, KindClassStrings, KindIntersection, KindSubtraction)
	// Strings are the multi-character (or empty) strings a v-flag class can
	// match besides Set (from \q{...}).
	Strings []string
	Escape  string // KindClassEscape: "d", "W", "p{Script=Greek}", ...
	Negated bool   // KindClass: [^...]; KindClassEscape: \D \S \W \P; KindLookaround: (?! and (?<!

	Capture   bool   // KindGroup: a capturing group
	Name      string // KindGroup: the group name; KindBackref: the referenced name
	Index     int    // KindGroup: capture number (1-based, 0 if not capturing); KindBackref: referenced number
	Modifiers string // KindGroup: the modifiers of (?ims-ims:...), e.g. "i-s"

	Behind bool // KindLookaround: lookbehind

	Min, Max int  // KindQuantifier
	Lazy     bool // KindQuantifier

	Assert    AssertKind // KindAssertion
	Multiline bool       // KindAssertion: ^ and $ match at line terminators
}

// String renders the tree as an S-expression, for tests and debugging.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	if n == nil {
		b.WriteString("nil")
		return
	}
	b.WriteByte('(')
	b.WriteString(n.Kind.String())
	switch n.Kind {
	case KindChar:
		b.WriteByte(' ')
		b.WriteString(strconv.QuoteRune(n.Rune))
	case KindRange:
		fmt.Fprintf(b, " %q-%q", n.Lo, n.Hi)
	case KindClassEscape:
		b.WriteString(` \`)
		b.WriteString(n.Escape)
	case KindClass:
		if n.Negated {
			b.WriteString(" ^")
		}
	case KindClassStrings:
		fmt.Fprintf(b, " %q", n.Strings)
	case KindGroup:
		switch {
		case n.Name != "":
			fmt.Fprintf(b, " %d<%s>", n.Index, n.Name)
		case n.Capture:
			fmt.Fprintf(b, " %d", n.Index)
		case n.Modifiers != "":
			fmt.Fprintf(b, " ?%s:", n.Modifiers)
		default:
			b.WriteString(" ?:")
		}
	case KindLookaround:
		b.WriteByte(' ')
		if n.Behind {
			b.WriteByte('<')
		}
		if n.Negated {
			b.WriteByte('!')
		} else {
			b.WriteByte('=')
		}
	case KindQuantifier:
		b.WriteByte(' ')
		switch {
		case n.Min == 0 && n.Max == Unbounded:
			b.WriteByte('*')
		case n.Min == 1 && n.Max == Unbounded:
			b.WriteByte('+')
		case n.Min == 0 && n.Max == 1:
			b.WriteByte('?')
		case n.Max == Unbounded:
			fmt.Fprintf(b, "{%d,}", n.Min)
		case n.Min == n.Max:
			fmt.Fprintf(b, "{%d}", n.Min)
		default:
			fmt.Fprintf(b, "{%d,%d}", n.Min, n.Max)
		}
		if n.Lazy {
			b.WriteByte('?')
		}
	case KindAssertion:
		b.WriteByte(' ')
		b.WriteString(n.Assert.String())
		if n.Multiline {
			b.WriteString("m")
		}
	case KindBackref:
		if n.Name != "" {
			fmt.Fprintf(b, " <%s>", n.Name)
		} else {
			fmt.Fprintf(b, " %d", n.Index)
		}
	}
	for _, c := range n.Children {
		b.WriteByte(' ')
		c.write(b)
	}
	b.WriteByte(')')
}

// Walk calls fn for n and its descendants in depth-first pre-order; when fn
// returns false the node's children are skipped.
func Walk(n *Node, fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, c := range n.Children {
		Walk(c, fn)
	}
}
