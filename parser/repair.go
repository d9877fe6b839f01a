package parser

import (
	"bytes"
)

// Source repair: some valid TypeScript is rejected by the vendored grammar
// (see docs/parser.md, "Known grammar gaps"). When a parse has ERROR nodes,
// or holds a `using` declaration the grammar reads as an expression, the
// parser rewrites the few tokens at fault into text of the same length that
// the grammar reads the same way (`export type *` -> `export      *`,
// `using x =` -> `const x =`, ...) and parses again. The rewrite is kept only
// when it lowers the number of ERROR/MISSING nodes (or keeps it at zero for
// `using`). Offsets stay those of the file, and the tree keeps the file's own
// text: only the node kinds come from the rewritten text.

// maxRepairRounds bounds the reparses of one file.
const maxRepairRounds = 3

type leaf struct {
	start, end uint32
	text       []byte
}

func leaves(src []byte, nodes []Node) []leaf {
	var out []leaf
	for i := range nodes {
		n := &nodes[i]
		if n.Next != uint32(i+1) || n.End <= n.Start || int(n.End) > len(src) {
			continue
		}
		out = append(out, leaf{n.Start, n.End, src[n.Start:n.End]})
	}
	return out
}

func errorCount(nodes []Node) int {
	c := 0
	for i := range nodes {
		if nodes[i].Flags&(FlagError|FlagMissing) != 0 {
			c++
		}
	}
	return c
}

var predefinedTypes = map[string]bool{
	"string": true, "number": true, "boolean": true, "any": true, "unknown": true, "never": true,
	"object": true, "symbol": true, "bigint": true, "void": true, "undefined": true,
}

func isIdent(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for i, c := range b {
		switch {
		case c == '_' || c == '$' || c >= 0x80, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

func is(l []leaf, i int, texts ...string) bool {
	if i < 0 || i >= len(l) {
		return false
	}
	for _, t := range texts {
		if string(l[i].text) == t {
			return true
		}
	}
	return false
}

// sameLine reports whether no newline separates leaves a and b.
func sameLine(src []byte, a, b leaf) bool {
	return a.end <= b.start && !bytes.ContainsRune(src[a.end:b.start], '\n')
}

// repairs finds the rewrites of src, given its tree. usingOnly limits them
// to `using` declarations (a tree without errors).
func repairs(src []byte, nodes []Node, usingOnly bool) []byte {
	l := leaves(src, nodes)
	out := append([]byte(nil), src...)
	changed := false
	blank := func(x leaf) {
		for i := x.start; i < x.end; i++ {
			out[i] = ' '
		}
		changed = true
	}
	replace := func(x leaf, s string) {
		if len(s) == int(x.end-x.start) {
			copy(out[x.start:x.end], s)
			changed = true
		}
	}
	for i := range l {
		x := l[i]
		switch string(x.text) {
		case "using":
			// `using x = e` / `await using x = e` / `for (using x of e)`:
			// read as `const`.
			if i+2 < len(l) && isIdent(l[i+1].text) && sameLine(src, x, l[i+1]) && is(l, i+2, "=", "of", ":") {
				replace(x, "const")
				if is(l, i-1, "await") && sameLine(src, l[i-1], x) {
					blank(l[i-1])
				}
			}
		}
		if usingOnly {
			continue
		}
		switch string(x.text) {
		case "type":
			// export type * from '...' / export type * as ns from '...'
			if is(l, i-1, "export") && is(l, i+1, "*") {
				blank(x)
			}
		case "defer":
			// import defer * as ns from '...'
			if is(l, i-1, "import") && is(l, i+1, "*") {
				blank(x)
			}
		case "in", "out":
			// variance annotations: <in T>, <out T>, <in out T>, <const in T>
			prevOK := is(l, i-1, "<", ",") || is(l, i-1, "const") && is(l, i-2, "<", ",") ||
				string(x.text) == "out" && is(l, i-1, "in")
			if prevOK && i+1 < len(l) && isIdent(l[i+1].text) && !is(l, i+1, "extends", "in") {
				blank(x)
			}
		case "static":
			// static [key: string]: T (a static index signature)
			if is(l, i+1, "[") && i+3 < len(l) && isIdent(l[i+2].text) && is(l, i+3, ":") {
				blank(x)
			}
		case "accessor":
			switch {
			case is(l, i-1, "static", "override", "abstract", "readonly") && i+1 < len(l) && isIdent(l[i+1].text):
				// static accessor x: the modifier the grammar rejects
				// after another one; the field stays a field.
				blank(x)
			case is(l, i+1, "(", "=", ":", ";", "?", "!", "<", "}"):
				// a member named accessor
				replace(x, "_ccessor")
			}
		case "abstract":
			// a property or method named abstract
			if is(l, i+1, "(", "=", ":", ";", "?", "!", "<", "}", ",") {
				replace(x, "_bstract")
			}
		}
		// (string) => void: a parameter named like a predefined type.
		if predefinedTypes[string(x.text)] && is(l, i-1, "(", ",") && is(l, i+1, ")", ",") && arrowAfterParams(l, i) {
			out[x.start] = '_'
			changed = true
		}
	}
	if !usingOnly {
		// '&' in a JSX attribute string that opens no character reference.
		for i := range nodes {
			if nodes[i].Flags&FlagError == 0 {
				continue
			}
			if s := jsxAttrString(src, nodes, i); s >= 0 && fixAmpersands(src, out, s) {
				changed = true
			}
		}
	}
	if !changed {
		return nil
	}
	return out
}

// arrowAfterParams reports whether the parameter list holding leaf i is
// followed by '=>'.
func arrowAfterParams(l []leaf, i int) bool {
	depth := 0
	for j := i + 1; j < len(l) && j < i+200; j++ {
		switch string(l[j].text) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			if depth == 0 {
				return is(l, j+1, "=>")
			}
			depth--
		}
	}
	return false
}

// jsxAttrString returns the start offset of the quoted JSX attribute value
// that holds node i, or -1.
func jsxAttrString(src []byte, nodes []Node, i int) int {
	attr, str := -1, -1
	for j := i; j > 0 && attr < 0; j = int(nodes[j].Parent) {
		k := nodes[j].Kind.String()
		if k == "string" && str < 0 {
			str = j
		}
		if k == "jsx_attribute" {
			attr = j
		}
	}
	if attr < 0 || str < 0 {
		return -1
	}
	s := int(nodes[str].Start)
	if s < len(src) && (src[s] == '"' || src[s] == '\'') {
		return s
	}
	return -1
}

// fixAmpersands replaces, in the quoted string at s, each '&' that opens no
// character reference with '+'.
func fixAmpersands(src, out []byte, s int) bool {
	q := src[s]
	changed := false
	for i := s + 1; i < len(src) && src[i] != q; i++ {
		if src[i] == '&' && !charRef(src[i:]) && out[i] == '&' {
			out[i] = '+'
			changed = true
		}
	}
	return changed
}

// charRef reports whether b starts with an HTML character reference.
func charRef(b []byte) bool {
	n := 0
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		hex := i < len(b) && (b[i] == 'x' || b[i] == 'X')
		if hex {
			i++
		}
		for i < len(b) && n < 6 && (b[i] >= '0' && b[i] <= '9' || hex && (b[i]|0x20 >= 'a' && b[i]|0x20 <= 'f')) {
			i++
			n++
		}
	} else {
		for i < len(b) && n < 30 && (b[i]|0x20 >= 'a' && b[i]|0x20 <= 'z') {
			i++
			n++
		}
	}
	return n > 0 && i < len(b) && b[i] == ';'
}

// parseRepaired parses src and, when the grammar rejects it or misreads a
// `using` declaration, parses repaired text (see repairs).
func (c *cworker) parseRepaired(src []byte, dst []Node) ([]Node, error) {
	nodes, err := c.parse(src, dst)
	if err != nil {
		return nodes, err
	}
	errs := errorCount(nodes)
	usingOnly := errs == 0
	if usingOnly && !bytes.Contains(src, []byte("using")) {
		return nodes, nil
	}
	text := src
	var spare []Node
	for round := 0; round < maxRepairRounds; round++ {
		fixed := repairs(text, nodes, usingOnly)
		if fixed == nil {
			break
		}
		next, err := c.parse(fixed, spare)
		if err != nil {
			break
		}
		n := errorCount(next)
		if n > errs || (n == errs && !usingOnly) {
			break
		}
		nodes, spare = next, nodes
		text, errs = fixed, n
		if errs == 0 {
			break
		}
	}
	return nodes, nil
}
