package parser

import (
	"bytes"
)

// Source repair: some valid TypeScript is rejected by the vendored grammar
// (see docs/parser.md, "Valid TypeScript the grammar rejects"). When a parse
// has ERROR nodes, or holds a `using` declaration the grammar reads as an
// expression, the parser rewrites the few tokens at fault into text of the
// same length that the grammar reads the same way (`export type *` -> `export      *`,
// `using x =` -> `const x =`, ...) and parses again. The rewrite is kept only
// when it lowers the number of ERROR/MISSING nodes (or keeps it at zero for
// `using`). Offsets stay those of the file, and the tree keeps the file's own
// text: only the node kinds come from the rewritten text.

// maxRepairRounds bounds the reparses of one file.
const maxRepairRounds = 3

// maxRepairSize is the largest file repaired: a larger one (generated or
// minified code) is parsed once.
const maxRepairSize = 1 << 20

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
//
// It also returns the spans blanked by isolate: they do not parse.
func (c *cworker) parseRepaired(src []byte, dst []Node) ([]Node, []Span, error) {
	nodes, err := c.parse(src, dst)
	if err != nil {
		return nodes, nil, err
	}
	errs := errorCount(nodes)
	usingOnly := errs == 0
	if len(src) > maxRepairSize || usingOnly && !bytes.Contains(src, []byte("using")) {
		return nodes, nil, nil
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
	var skipped []Span
	for round := 0; errs > 0 && round < maxRepairRounds; round++ {
		fixed, next, span := c.isolate(text, nodes)
		if fixed == nil {
			break
		}
		nodes, text, errs = next, fixed, errorCount(next)
		skipped = append(skipped, span)
	}
	return nodes, skipped, nil
}

// Isolating a broken statement: tree-sitter's recovery can let one broken
// top-level statement swallow the ones after it (a class that follows a
// broken function becomes part of its ERROR node). When the first error
// span holds a line that starts a new top-level statement after the error,
// the lines from the error (or from the start of its statement) up to that
// line are blanked and the file parsed again: the statements after it are
// then read from a clean tree, and the notice names the blanked lines.

// statementStart reports whether the line at off (a line start) looks like
// the start of a top-level statement: text in the first column that does not
// close a block or continue a comment or an expression.
func statementStart(src []byte, off int) bool {
	if off >= len(src) {
		return false
	}
	switch c := src[off]; {
	case c == '@' || c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return true
	}
	return false
}

// blankRange returns a copy of src with [a, b) blanked, newlines kept.
func blankRange(src []byte, a, b int) []byte {
	out := append([]byte(nil), src...)
	for i := a; i < b; i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}

// closeBlocks writes n closing braces at the end of the blanked text[from:cut],
// before its last line break; it reports false when they do not fit.
func closeBlocks(text []byte, from, cut, n int) bool {
	for i := cut - 1; n > 0 && i >= from; i-- {
		if text[i] == ' ' {
			text[i] = '}'
			n--
		}
	}
	return n == 0
}

// isolate tries to confine the first error span of the tree to the lines
// that do not parse. It returns the new text and tree and the blanked span,
// or nil.
func (c *cworker) isolate(src []byte, nodes []Node) ([]byte, []Node, Span) {
	t := &Tree{Src: src, Nodes: nodes}
	spans := t.statementErrorSpans()
	bad, first := t.HasError()
	if len(spans) == 0 || !bad || nodes[Root].Flags&(FlagError|FlagMissing) != 0 {
		return nil, nil, Span{}
	}
	s := spans[0]
	if first < int(s.Start) || first >= int(s.End) {
		return nil, nil, Span{}
	}
	// the first line after the error's line that starts a statement
	cut := -1
	for i := first; i < int(s.End) && i < len(src); i++ {
		if src[i] == '\n' && statementStart(src, i+1) {
			cut = i + 1
			break
		}
	}
	if cut < 0 {
		return nil, nil, Span{}
	}
	lineStart := max(bytes.LastIndexByte(src[:first], '\n')+1, int(s.Start))
	// the blocks open at the error's line, closed again at the end of the
	// blanked lines so that the statement around the error stays whole
	depth := 0
	for i := range nodes {
		n := &nodes[i]
		if n.Next != uint32(i+1) || int(n.Start) < int(s.Start) || int(n.Start) >= lineStart || n.End != n.Start+1 {
			continue
		}
		switch src[n.Start] {
		case '{':
			depth++
		case '}':
			depth--
		}
	}
	type try struct{ from, closers int }
	tries := []try{{lineStart, depth}, {lineStart, 0}, {int(s.Start), 0}}
	if depth <= 0 {
		tries = tries[1:]
	}
	errs := errorCount(nodes)
	for _, tr := range tries {
		from := tr.from
		text := blankRange(src, from, cut)
		if !closeBlocks(text, from, cut, tr.closers) {
			continue
		}
		next, err := c.parse(text, nil)
		if err != nil {
			return nil, nil, Span{}
		}
		if errorCount(next) >= errs {
			continue
		}
		// the statements after the cut must now parse
		clean := true
		for i := range next {
			if next[i].Flags&(FlagError|FlagMissing) != 0 && int(next[i].End) > cut {
				clean = false
				break
			}
		}
		if clean {
			return text, next, Span{uint32(from), uint32(cut)}
		}
	}
	return nil, nil, Span{}
}
