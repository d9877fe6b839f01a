package parser

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// kinds resolved once; a grammar upgrade that renames one fails at start.
var (
	kImport         = KindOf("import_statement")
	kImportClause   = KindOf("import_clause")
	kNamedImports   = KindOf("named_imports")
	kImportSpec     = KindOf("import_specifier")
	kNamespaceImp   = KindOf("namespace_import")
	kImportRequire  = KindOf("import_require_clause")
	kExport         = KindOf("export_statement")
	kExportClause   = KindOf("export_clause")
	kExportSpec     = KindOf("export_specifier")
	kNamespaceExp   = KindOf("namespace_export")
	kIdentifier     = KindOf("identifier")
	kPropIdent      = KindOf("property_identifier")
	kTypeIdent      = KindOf("type_identifier")
	kShorthandProp  = KindOf("shorthand_property_identifier")
	kThis           = KindOf("this")
	kSuper          = KindOf("super")
	kString         = KindOf("string")
	kStringFragment = KindOf("string_fragment")
	kEscapeSeq      = KindOf("escape_sequence")
	kTemplate       = KindOf("template_string")
	kNumber         = KindOf("number")
	kTrue           = KindOf("true")
	kFalse          = KindOf("false")
	kNull           = KindOf("null")
	kUndefined      = KindOf("undefined")
	kObject         = KindOf("object")
	kPair           = KindOf("pair")
	kArray          = KindOf("array")
	kSpread         = KindOf("spread_element")
	kCall           = KindOf("call_expression")
	kNew            = KindOf("new_expression")
	kMember         = KindOf("member_expression")
	kSubscript      = KindOf("subscript_expression")
	kAwait          = KindOf("await_expression")
	kArguments      = KindOf("arguments")
	kParen          = KindOf("parenthesized_expression")
	kAs             = KindOf("as_expression")
	kSatisfies      = KindOf("satisfies_expression")
	kNonNull        = KindOf("non_null_expression")
	kTypeAssertion  = KindOf("type_assertion")
	kAssign         = KindOf("assignment_expression")
	kAugAssign      = KindOf("augmented_assignment_expression")
	kUpdate         = KindOf("update_expression")
	kUnary          = KindOf("unary_expression")
	kBinary         = KindOf("binary_expression")
	kTernary        = KindOf("ternary_expression")
	kRegex          = KindOf("regex")
	kLexicalDecl    = KindOf("lexical_declaration")
	kVarDecl        = KindOf("variable_declaration")
	kVarDeclarator  = KindOf("variable_declarator")
	kClassDecl      = KindOf("class_declaration")
	kAbstractClass  = KindOf("abstract_class_declaration")
	kClassExpr      = KindOf("class")
	kClassBody      = KindOf("class_body")
	kClassHeritage  = KindOf("class_heritage")
	kExtendsClause  = KindOf("extends_clause")
	kImplements     = KindOf("implements_clause")
	kDecorator      = KindOf("decorator")
	kMethodDef      = KindOf("method_definition")
	kFieldDef       = KindOf("public_field_definition")
	kAccessibility  = KindOf("accessibility_modifier")
	kOverrideMod    = KindOf("override_modifier")
	kFuncDecl       = KindOf("function_declaration")
	kGenFuncDecl    = KindOf("generator_function_declaration")
	kFuncExpr       = KindOf("function_expression")
	kGenFunc        = KindOf("generator_function")
	kArrow          = KindOf("arrow_function")
	kRequiredParam  = KindOf("required_parameter")
	kOptionalParam  = KindOf("optional_parameter")
	kTypeAnnotation = KindOf("type_annotation")
	kGenericType    = KindOf("generic_type")
	kNestedTypeId   = KindOf("nested_type_identifier")
	kIf             = KindOf("if_statement")
	kSwitch         = KindOf("switch_statement")
	kWhile          = KindOf("while_statement")
	kDo             = KindOf("do_statement")
	kFor            = KindOf("for_statement")
	kForIn          = KindOf("for_in_statement")
	kCatch          = KindOf("catch_clause")
	kReturn         = KindOf("return_statement")
	kComment        = KindOf("comment")
	kStatementBlock = KindOf("statement_block")
	kTypeArguments  = KindOf("type_arguments")

	tStatic   = KindOf("'static'")
	tAsync    = KindOf("'async'")
	tDeclare  = KindOf("'declare'")
	tReadonly = KindOf("'readonly'")
	tAbstract = KindOf("'abstract'")
	tGet      = KindOf("'get'")
	tSet      = KindOf("'set'")
	tQuestion = KindOf("'?'")
	tDelete   = KindOf("'delete'")
	tDefault  = KindOf("'default'")
	tType     = KindOf("'type'")
	tStar     = KindOf("'*'")

	fName        = FieldOf("name")
	fAlias       = FieldOf("alias")
	fSource      = FieldOf("source")
	fDeclaration = FieldOf("declaration")
	fValue       = FieldOf("value")
	fFunction    = FieldOf("function")
	fArguments   = FieldOf("arguments")
	fConstructor = FieldOf("constructor")
	fObject      = FieldOf("object")
	fProperty    = FieldOf("property")
	fIndex       = FieldOf("index")
	fLeft        = FieldOf("left")
	fRight       = FieldOf("right")
	fOperator    = FieldOf("operator")
	fArgument    = FieldOf("argument")
	fBody        = FieldOf("body")
	fParameters  = FieldOf("parameters")
	fParameter   = FieldOf("parameter")
	fPattern     = FieldOf("pattern")
	fFlags       = FieldOf("flags")
	fType        = FieldOf("type")
	fCondition   = FieldOf("condition")
	fIncrement   = FieldOf("increment")
	fKey         = FieldOf("key")
)

const maxValueDepth = 6

type extractor struct {
	t         *Tree
	f         *Facts
	funcIndex map[uint32]int
	callAt    map[uint32]int // call node -> Calls index
	// refMemo holds the roots read by each expression node met so far:
	// every call's arguments are summarized, so without it the subtree
	// of f(g(g(...))) would be walked once per level (quadratic).
	refMemo map[int32][]string
	// tryMemo caches inTry per node (see inTry).
	tryMemo []uint8
	// valMemo holds the summaries with parts, by node and depth (value).
	valMemo map[uint64]Value
	// argMemo holds the argument lists, by arguments node and depth
	// (argValues).
	argMemo map[uint64][]Value
}

// maxRefs caps the roots recorded for one expression: past it the list
// is a sample, which keeps the work per node bounded on generated code.
const maxRefs = 16

type scope struct {
	fn    int
	class int
	cond  bool
	guard string
	await bool
}

// Extract reads the facts of one parsed file.
func Extract(t *Tree) *Facts { return extract(t, nil) }

// extract is Extract with the lists of sc to grow the facts in (nil: new
// ones), as a parse worker does from file to file.
func extract(t *Tree, sc *scratch) *Facts {
	var f *Facts
	if sc != nil && sc.a != nil {
		// Facts in an arena hold it (see arena).
		b := &factsBox{a: sc.a}
		f = &b.f
		f.ErrorOffset = -1
	} else {
		f = &Facts{ErrorOffset: -1}
	}
	if bad, off := t.HasError(); bad {
		f.ErrorOffset = off
		f.ErrorSpans = t.ErrorSpans()
	}
	if len(t.Nodes) == 0 {
		return f
	}
	x := &extractor{t: t, f: f}
	if sc != nil {
		sc.lend(x)
	}
	defer func() {
		// A bug in fact extraction must not kill the run: keep what was
		// read and say where it stopped.
		if r := recover(); r != nil {
			f.Panic = fmt.Sprint(r)
		}
		if sc != nil {
			sc.reclaim(x) // on a panic too: the facts must not keep the scratch lists
		}
	}()
	x.visit(Root, scope{fn: -1, class: -1})
	if sc == nil {
		f.compact()
	}
	return f
}

// scratch is what a parse worker's extractions reuse from one file to the
// next: the fact lists grow in its arrays and the facts get exact copies
// (append's growth left the arrays of every list as garbage, file after
// file: 200 MB of the 1 GB a cold run on generated N=4000 allocated), and
// the inTry memo is cleared instead of allocated.
type scratch struct {
	f       Facts
	tryMemo []uint8
	// The per-file maps, cleared (a file's value summaries, 33 MB of map
	// growth on the 14,000-file workspace, were garbage file after file).
	funcIndex, callAt map[uint32]int
	refMemo           map[int32][]string
	valMemo           map[uint64]Value
	argMemo           map[uint64][]Value
	// The arrays the facts' lists are copied into (slab).
	imports  slab[Import]
	exports  slab[Export]
	classes  slab[Class]
	funcs    slab[Func]
	calls    slab[Call]
	assigns  slab[Assign]
	locals   slab[Local]
	regexes  slab[Regex]
	deletes  slab[Delete]
	loops    slab[Loop]
	returns  slab[Return]
	throws   slab[Throw]
	branches slab[Branch]
	comments slab[Comment]
	decs     slab[Decorator]
	fields   slab[Field]
	params   slab[Param]
	strs     slab[string]
	ints     slab[int]
	// held are the scratch lists of the last file, not cleared yet: with
	// an arena they keep what its slab copies point to alive until the
	// interner has copied it into the arena (release).
	held [14]int // lengths, in reclaim's order
	big  []any   // lists past scratchMax, not kept (and so held here)
	// the nested lists trimNested replaced, held the same way
	oldDecs   [][]Decorator
	oldFields [][]Field
	oldParams [][]Param
	a         *arena
}

// newScratch returns a scratch whose slabs come from arena a (nil: the Go
// heap). Facts extracted with an arena must be interned (interner.facts,
// with an interner of the same arena) before release.
func newScratch(a *arena) *scratch {
	sc := &scratch{a: a}
	sc.imports.a, sc.exports.a, sc.classes.a, sc.funcs.a, sc.calls.a = a, a, a, a, a
	sc.assigns.a, sc.locals.a, sc.regexes.a, sc.deletes.a, sc.loops.a = a, a, a, a, a
	sc.returns.a, sc.throws.a, sc.branches.a, sc.comments.a = a, a, a, a
	sc.decs.a, sc.fields.a, sc.params.a, sc.strs.a, sc.ints.a = a, a, a, a, a
	return sc
}

// release clears the scratch lists of the last file (what they hold points
// into its source).
func (sc *scratch) release() {
	k, n := &sc.f, &sc.held
	clear(k.Imports[:n[0]])
	clear(k.Exports[:n[1]])
	clear(k.Classes[:n[2]])
	clear(k.Funcs[:n[3]])
	clear(k.Calls[:n[4]])
	clear(k.Assigns[:n[5]])
	clear(k.Locals[:n[6]])
	clear(k.Regexes[:n[7]])
	clear(k.Deletes[:n[8]])
	clear(k.Loops[:n[9]])
	clear(k.Returns[:n[10]])
	clear(k.Throws[:n[11]])
	clear(k.Branches[:n[12]])
	clear(k.Comments[:n[13]])
	*n = [14]int{}
	clear(sc.big)
	clear(sc.oldDecs)
	clear(sc.oldFields)
	clear(sc.oldParams)
	sc.big, sc.oldDecs, sc.oldFields, sc.oldParams = sc.big[:0], sc.oldDecs[:0], sc.oldFields[:0], sc.oldParams[:0]
	if cap(sc.oldDecs) > scratchMax {
		sc.oldDecs = nil // a generated file's thousands of functions
	}
}

// scratchMax is the capacity past which a list is not kept for the next
// file (a generated file of thousands of declarations).
const scratchMax = 4096

// reuseMax is the size past which a per-file map is not kept (reuse).
const reuseMax = 256

func (sc *scratch) lend(x *extractor) {
	sc.release()
	f, k := x.f, &sc.f
	f.Imports, f.Exports, f.Classes, f.Funcs, f.Calls = k.Imports, k.Exports, k.Classes, k.Funcs, k.Calls
	f.Assigns, f.Locals, f.Regexes, f.Deletes, f.Loops = k.Assigns, k.Locals, k.Regexes, k.Deletes, k.Loops
	f.Returns, f.Throws, f.Branches, f.Comments = k.Returns, k.Throws, k.Branches, k.Comments
	if n := len(x.t.Nodes); cap(sc.tryMemo) >= n {
		x.tryMemo = sc.tryMemo[:n]
	}
	x.funcIndex, x.callAt, x.refMemo, x.valMemo, x.argMemo = sc.funcIndex, sc.callAt, sc.refMemo, sc.valMemo, sc.argMemo
}

func (sc *scratch) reclaim(x *extractor) {
	f, k := x.f, &sc.f
	f.trimNested(sc)
	giveBack(sc, 0, &f.Imports, &k.Imports, &sc.imports)
	giveBack(sc, 1, &f.Exports, &k.Exports, &sc.exports)
	giveBack(sc, 2, &f.Classes, &k.Classes, &sc.classes)
	giveBack(sc, 3, &f.Funcs, &k.Funcs, &sc.funcs)
	giveBack(sc, 4, &f.Calls, &k.Calls, &sc.calls)
	giveBack(sc, 5, &f.Assigns, &k.Assigns, &sc.assigns)
	giveBack(sc, 6, &f.Locals, &k.Locals, &sc.locals)
	giveBack(sc, 7, &f.Regexes, &k.Regexes, &sc.regexes)
	giveBack(sc, 8, &f.Deletes, &k.Deletes, &sc.deletes)
	giveBack(sc, 9, &f.Loops, &k.Loops, &sc.loops)
	giveBack(sc, 10, &f.Returns, &k.Returns, &sc.returns)
	giveBack(sc, 11, &f.Throws, &k.Throws, &sc.throws)
	giveBack(sc, 12, &f.Branches, &k.Branches, &sc.branches)
	giveBack(sc, 13, &f.Comments, &k.Comments, &sc.comments)
	if m := x.tryMemo; m != nil && cap(m) <= 64*scratchMax {
		clear(m)
		sc.tryMemo = m[:0]
	}
	sc.funcIndex, sc.callAt = reuse(x.funcIndex), reuse(x.callAt)
	sc.refMemo, sc.valMemo, sc.argMemo = reuse(x.refMemo), reuse(x.valMemo), reuse(x.argMemo)
}

// reuse returns m cleared for the next file, or nil when it grew past
// reuseMax entries: clearing costs the map's capacity, on every file after
// it, and most files need a few dozen entries.
func reuse[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > reuseMax {
		return nil
	}
	clear(m)
	return m
}

// giveBack replaces the list *s, grown in scratch, with an exact copy
// from the slab and keeps the array for the next file, cleared (what it
// held points into the file's source): at once without an arena, at
// release with one (see arena).
func giveBack[T any](sc *scratch, i int, s, keep *[]T, to *slab[T]) {
	l := *s
	*s = to.copyOf(l)
	if sc.a == nil {
		clear(l)
	}
	if cap(l) <= scratchMax {
		*keep = l[:0]
		if sc.a != nil {
			sc.held[i] = len(l)
		}
	} else {
		*keep = nil
		if sc.a != nil {
			sc.big = append(sc.big, l)
		}
	}
}

// compact trims the fact lists to their length: append leaves up to half
// of a list's capacity unused, and the facts of every file stay in memory
// until the rules ran.
func (f *Facts) compact() {
	f.trimNested(nil)
	f.Imports = exact(f.Imports)
	f.Exports = exact(f.Exports)
	f.Classes = exact(f.Classes)
	f.Funcs = exact(f.Funcs)
	f.Calls = exact(f.Calls)
	f.Assigns = exact(f.Assigns)
	f.Locals = exact(f.Locals)
	f.Regexes = exact(f.Regexes)
	f.Deletes = exact(f.Deletes)
	f.Loops = exact(f.Loops)
	f.Returns = exact(f.Returns)
	f.Throws = exact(f.Throws)
	f.Branches = exact(f.Branches)
	f.Comments = exact(f.Comments)
}

// trimNested trims the lists inside classes and functions, grown by
// append one element at a time (a class's fields alone left 6 MB unused on
// generated N=4000), into the slabs of sc when it is not nil.
func (f *Facts) trimNested(sc *scratch) {
	if sc == nil {
		sc = &scratch{} // one file's slabs, sized for it
	}
	// With an arena the lists replaced are held until release: what they
	// point to (a decorator's arguments) is not copied yet.
	hold := sc.a != nil
	for i := range f.Classes {
		c := &f.Classes[i]
		if hold {
			sc.oldDecs = append(sc.oldDecs, c.Decorators)
			sc.oldFields = append(sc.oldFields, c.Fields)
			for j := range c.Fields {
				sc.oldDecs = append(sc.oldDecs, c.Fields[j].Decorators)
			}
		}
		c.Decorators, c.Implements, c.Methods = sc.decs.copyOf(c.Decorators), sc.strs.copyOf(c.Implements), sc.ints.copyOf(c.Methods)
		c.Fields = sc.fields.copyOf(c.Fields)
		for j := range c.Fields {
			c.Fields[j].Decorators = sc.decs.copyOf(c.Fields[j].Decorators)
		}
	}
	for i := range f.Funcs {
		fn := &f.Funcs[i]
		if hold {
			sc.oldDecs = append(sc.oldDecs, fn.Decorators)
			sc.oldParams = append(sc.oldParams, fn.Params)
			for j := range fn.Params {
				sc.oldDecs = append(sc.oldDecs, fn.Params[j].Decorators)
			}
		}
		fn.Decorators, fn.Params = sc.decs.copyOf(fn.Decorators), sc.params.copyOf(fn.Params)
		for j := range fn.Params {
			fn.Params[j].Decorators = sc.decs.copyOf(fn.Params[j].Decorators)
		}
	}
}

// exact returns s with no spare capacity (nil when empty).
func exact[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	if cap(s) == len(s) {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}

func (x *extractor) span(i int) Span {
	if i < 0 {
		return Span{}
	}
	n := &x.t.Nodes[i]
	return Span{n.Start, n.End}
}

func (x *extractor) text(i int) string {
	if i < 0 {
		return ""
	}
	return x.t.Text(i)
}

// unwrap skips parentheses, type assertions and non-null assertions.
func (x *extractor) unwrap(i int) int {
	t := x.t
	for i >= 0 {
		switch t.Kind(i) {
		case kParen, kNonNull:
			i = t.NamedChild(i, 0)
		case kAs, kSatisfies:
			i = t.NamedChild(i, 0)
		case kTypeAssertion:
			// <T>expr: the expression is the last named child
			last := -1
			for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
				if t.Named(c) {
					last = c
				}
			}
			i = last
		default:
			return i
		}
	}
	return i
}

// path returns the dotted path of an identifier/member chain, or nil.
func (x *extractor) path(i int) []string {
	t := x.t
	// The parts are counted first, so that the slice is allocated once
	// at its exact size (facts hold hundreds of thousands of paths).
	if u := x.unwrap(i); u >= 0 && t.Kind(u) == kNestedTypeId {
		return strings.Split(x.text(u), ".")
	}
	n := 0
	for j := x.unwrap(i); ; {
		if j < 0 {
			return nil
		}
		n++
		if t.Kind(j) != kMember {
			break
		}
		j = x.unwrap(t.ChildByField(j, fObject))
	}
	p := make([]string, n)
	if !x.fillPath(i, p) {
		return nil
	}
	return p
}

// valuesOf returns an empty slice with room for the values of the named
// children of i (array elements, arguments), or nil when there are none.
func (x *extractor) valuesOf(i int) []Value {
	t := x.t
	n := 0
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		if t.Named(c) && t.Nodes[c].Flags&FlagExtra == 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return make([]Value, 0, n)
}

// argValues summarizes the arguments at node args (an arguments node) at
// depth, once per node and depth: a call's Call fact and the value of
// the call as an expression at one depth less (`const users = await
// this.repo.find({ where })`) share one list.
func (x *extractor) argValues(args, depth int) []Value {
	k := uint64(args)<<8 | uint64(depth)
	if l, ok := x.argMemo[k]; ok {
		return l
	}
	t := x.t
	l := x.valuesOf(args)
	for c := t.FirstChild(args); c >= 0; c = t.NextSibling(c) {
		if t.Named(c) && t.Nodes[c].Flags&FlagExtra == 0 {
			l = append(l, x.value(c, depth))
		}
	}
	if x.argMemo == nil {
		x.argMemo = map[uint64][]Value{}
	}
	x.argMemo[k] = l
	return l
}

// joined returns the path p of node i joined with dots: the node's source
// text when it reads exactly so (no copy), else a new string.
func (x *extractor) joined(i int, p []string) string {
	if u := x.unwrap(i); u >= 0 {
		s := x.t.Text(u)
		k := 0
		for j, part := range p {
			if j > 0 {
				if k >= len(s) || s[k] != '.' {
					return strings.Join(p, ".")
				}
				k++
			}
			if !strings.HasPrefix(s[k:], part) {
				return strings.Join(p, ".")
			}
			k += len(part)
		}
		if k == len(s) {
			return s
		}
	}
	return strings.Join(p, ".")
}

// fillPath writes the parts of the path at i into p, whose length is
// their number, and reports whether i is a path.
func (x *extractor) fillPath(i int, p []string) bool {
	t := x.t
	i = x.unwrap(i)
	last := len(p) - 1
	switch t.Kind(i) {
	case kIdentifier, kPropIdent, kTypeIdent, kShorthandProp:
		if last != 0 {
			return false
		}
		p[0] = x.text(i)
		return true
	case kThis:
		p[0] = "this"
		return last == 0
	case kSuper:
		p[0] = "super"
		return last == 0
	case kMember:
		pr := t.ChildByField(i, fProperty)
		if last < 1 || pr < 0 || !x.fillPath(t.ChildByField(i, fObject), p[:last]) {
			return false
		}
		p[last] = x.text(pr)
		return true
	}
	return false
}

func (x *extractor) stringValue(i int) (string, bool) {
	t := x.t
	if i < 0 || t.Kind(i) != kString {
		return "", false
	}
	// The common literal, one fragment without escapes, is its source
	// text (no copy).
	frag, parts := -1, 0
	for c := t.FirstChild(i); c >= 0 && parts < 2; c = t.NextSibling(c) {
		switch t.Kind(c) {
		case kStringFragment:
			frag = c
			parts++
		case kEscapeSeq:
			parts = 2
		}
	}
	switch {
	case parts == 0:
		return "", true
	case parts == 1:
		return x.text(frag), true
	}
	var b strings.Builder
	for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
		switch t.Kind(c) {
		case kStringFragment:
			b.WriteString(x.text(c))
		case kEscapeSeq:
			b.WriteString(unescape(x.text(c)))
		}
	}
	return b.String(), true
}

func unescape(s string) string {
	if len(s) < 2 {
		return s
	}
	switch s[1] {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 'r':
		return "\r"
	case '0':
		return "\x00"
	case 'b':
		return "\b"
	case 'f':
		return "\f"
	case 'v':
		return "\v"
	case 'x', 'u':
		h := strings.Trim(s[2:], "{}")
		if v, err := strconv.ParseUint(h, 16, 32); err == nil {
			return string(rune(v))
		}
		return s
	case '\n', '\r':
		return ""
	}
	return s[1:]
}

// refs collects the root identifiers read by the expression at i, after
// those of out (in the order they are met, each once).
func (x *extractor) refs(i int, out []string) []string {
	r := x.refsOf(i)
	if len(out) == 0 {
		return slices.Clone(r)
	}
	return mergeRefs(out, r)
}

// refsOf returns the root identifiers read by the expression at i,
// computed once per node (the result must not be modified).
func (x *extractor) refsOf(i int) []string {
	if i < 0 {
		return nil
	}
	if r, ok := x.refMemo[int32(i)]; ok {
		return r
	}
	t := x.t
	var out []string
	switch t.Kind(i) {
	case kIdentifier, kShorthandProp:
		out = []string{x.text(i)}
	case kMember:
		out = x.refsOf(t.ChildByField(i, fObject))
	case kPair:
		out = x.refsOf(t.ChildByField(i, fValue))
	case kArrow, kFuncExpr, kFuncDecl, kClassExpr, kTypeAnnotation, kTypeArguments:
	default:
		for c := t.FirstChild(i); c >= 0; c = t.NextSibling(c) {
			if t.Named(c) {
				if len(out) == 0 {
					out = x.refsOf(c)
				} else if len(out) < maxRefs {
					out = mergeRefs(slices.Clip(out), x.refsOf(c))
				}
			}
		}
		if len(out) > maxRefs {
			// A copy, not out[:maxRefs]: the hidden tail would keep its
			// strings, and through them the source, alive.
			out = slices.Clone(out[:maxRefs])
		}
	}
	out = slices.Clip(out)
	if x.refMemo == nil {
		x.refMemo = map[int32][]string{}
	}
	x.refMemo[int32(i)] = out
	return out
}

// value summarizes the expression at i. Functions met inside are NOT
// registered here: the caller walks them with visit, which records their
// index in funcAt.
//
// A summary with parts (Value.More) is computed once per node and depth
// and then shared: a call's arguments are summarized for its Call fact and
// again for the value of the expression it is in (`const users = await
// this.repo.find({ where })`, `return this.repo.save(user)`), and the two
// copies of every object literal, array and nested call argument were a
// tenth of the facts on generated N=4000. Values are never modified once
// extracted (the interner only swaps a string for an equal one).
func (x *extractor) value(i int, depth int) Value {
	if i < 0 {
		return Value{Func: -1}
	}
	k := uint64(i)<<8 | uint64(depth)
	if v, ok := x.valMemo[k]; ok {
		return v
	}
	v := x.summarize(i, depth)
	if v.More != nil {
		if x.valMemo == nil {
			x.valMemo = map[uint64]Value{}
		}
		x.valMemo[k] = v
	}
	return v
}

func (x *extractor) summarize(i int, depth int) Value {
	t := x.t
	v := Value{Func: -1}
	v.Span = x.span(i)
	if t.Kind(i) == kAwait {
		inner := x.value(t.NamedChild(i, 0), depth)
		inner.Await = true
		inner.Span = v.Span
		return inner
	}
	u := x.unwrap(i)
	if u < 0 {
		return v
	}
	switch t.Kind(u) {
	case kIdentifier, kThis, kSuper, kMember:
		if p := x.path(u); p != nil {
			v.Kind = VIdent
			v.Text = x.joined(u, p)
			if p[0] != "this" && p[0] != "super" {
				return x.done(v, nil, nil, p[:1])
			}
			return v
		}
	case kUndefined:
		v.Kind = VNull
		return v
	case kString:
		s, _ := x.stringValue(u)
		v.Kind, v.Text = VString, s
		return v
	case kNumber:
		v.Kind, v.Text = VNumber, x.text(u)
		return v
	case kTrue, kFalse:
		v.Kind, v.Text = VBool, x.text(u)
		return v
	case kNull:
		v.Kind = VNull
		return v
	case kRegex:
		v.Kind = VRegex
		if p := t.ChildByField(u, fPattern); p >= 0 {
			v.Text = x.text(p)
		}
		return v
	case kArrow, kFuncExpr, kGenFunc:
		v.Kind = VFunc
		v.Func = int32(x.funcAt(u))
		return v
	case kTemplate:
		v.Kind = VTemplate
		v.Text = x.text(u)
		return x.done(v, nil, nil, x.refs(u, nil))
	}
	if depth >= maxValueDepth {
		return x.done(v, nil, nil, x.refs(u, nil))
	}
	var refs []string
	switch t.Kind(u) {
	case kObject:
		v.Kind = VObject
		n := 0
		for c := t.FirstChild(u); c >= 0; c = t.NextSibling(c) {
			switch t.Kind(c) {
			case kPair, kShorthandProp, kSpread, kMethodDef:
				n++
			}
		}
		var props []Prop
		if n > 0 {
			props = make([]Prop, 0, n)
		}
		for c := t.FirstChild(u); c >= 0; c = t.NextSibling(c) {
			switch t.Kind(c) {
			case kPair:
				k := t.ChildByField(c, fKey)
				key := x.text(k)
				if s, ok := x.stringValue(k); ok {
					key = s
				}
				pv := x.value(t.ChildByField(c, fValue), depth+1)
				props = append(props, Prop{Key: key, Value: pv})
				refs = mergeRefs(refs, pv.Refs())
			case kShorthandProp:
				name := x.text(c)
				pv := Value{Kind: VIdent, Text: name, Func: -1, Span: x.span(c)} // reads name: implied
				props = append(props, Prop{Key: name, Value: pv})
				refs = mergeRefs(refs, pv.Refs())
			case kSpread:
				pv := x.value(t.NamedChild(c, 0), depth+1)
				props = append(props, Prop{Key: "...", Value: pv})
				refs = mergeRefs(refs, pv.Refs())
			case kMethodDef:
				props = append(props, Prop{Key: x.text(t.ChildByField(c, fName)), Value: Value{Kind: VFunc, Func: int32(x.funcAt(c)), Span: x.span(c)}})
			}
		}
		return x.done(v, props, nil, refs)
	case kArray:
		v.Kind = VArray
		elems := x.valuesOf(u)
		for c := t.FirstChild(u); c >= 0; c = t.NextSibling(c) {
			if t.Named(c) && t.Nodes[c].Flags&FlagExtra == 0 {
				ev := x.value(c, depth+1)
				elems = append(elems, ev)
				refs = mergeRefs(refs, ev.Refs())
			}
		}
		return x.done(v, nil, elems, refs)
	case kCall, kNew:
		v.Kind = VCall
		calleeField := fFunction
		if t.Kind(u) == kNew {
			v.Kind = VNew
			calleeField = fConstructor
		}
		callee := t.ChildByField(u, calleeField)
		if p := x.path(callee); p != nil {
			v.Text = x.joined(callee, p)
			if p[0] != "this" && p[0] != "super" {
				refs = []string{p[0]} // not p[:1:1]: p's hidden tail would keep the source alive
			}
		} else if callee >= 0 {
			refs = x.refs(callee, nil)
			if t.Kind(x.unwrap(callee)) == kMember {
				if p := t.ChildByField(x.unwrap(callee), fProperty); p >= 0 {
					v.Text = "()." + x.text(p)
				}
			}
		}
		var elems []Value
		if args := t.ChildByField(u, fArguments); args >= 0 {
			elems = x.argValues(args, depth+1)
			for _, av := range elems {
				refs = mergeRefs(refs, av.Refs())
			}
		}
		return x.done(v, nil, elems, refs)
	}
	return x.done(v, nil, nil, x.refs(u, nil))
}

// done gives v its properties, elements and the roots it reads: v.More
// stays nil when there are neither properties nor elements and refs are
// what v.Text implies (Value.Refs), as for most values.
func (x *extractor) done(v Value, props []Prop, elems []Value, refs []string) Value {
	if len(props) == 0 && len(elems) == 0 {
		r := v.impliedRef()
		if len(refs) == 0 && r == "" || len(refs) == 1 && refs[0] == r {
			return v
		}
	}
	m := &ValueMore{Props: props, Elems: elems, Refs: refs}
	v.More = m
	return v
}

func mergeRefs(a, b []string) []string {
outer:
	for _, s := range b {
		for _, o := range a {
			if o == s {
				continue outer
			}
		}
		a = append(a, s)
	}
	return a
}

// funcAt returns the index of the Func for node i, registering a stub when
// it has not been visited yet (values are summarized before the walk
// reaches nested functions).
func (x *extractor) funcAt(i int) int {
	if idx, ok := x.funcIndex[uint32(i)]; ok {
		return idx
	}
	idx := len(x.f.Funcs)
	x.f.Funcs = append(x.f.Funcs, Func{Class: -1, Parent: -1, ArgOf: -1})
	if x.funcIndex == nil {
		x.funcIndex = map[uint32]int{}
	}
	x.funcIndex[uint32(i)] = idx
	return idx
}
