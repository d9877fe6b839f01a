package parser

import "strings"

// FactsVersion is the version of the facts schema and of what Extract puts
// in it. Bump it with any change to facts.go or to the extraction: cached
// facts of another version are never used.
const FactsVersion = 7

// Facts are the plain, serializable values that the rest of nestlint reads
// from one file: no pointers into trees, only byte offsets into the source.
// Function, class and call references are indexes into the same file's
// slices; -1 means none.
type Facts struct {
	Imports  []Import
	Exports  []Export
	Classes  []Class
	Funcs    []Func
	Calls    []Call
	Assigns  []Assign
	Locals   []Local
	Regexes  []Regex
	Deletes  []Delete
	Loops    []Loop
	Returns  []Return
	Throws   []Throw
	Branches []Branch
	Comments []Comment
	// ErrorOffset is the byte offset of the first ERROR or MISSING node, or -1.
	ErrorOffset int
	// ErrorSpans are the parts of the file that do not parse (Tree.ErrorSpans):
	// the ERROR and MISSING nodes, and the lines blanked so that the
	// statements after a broken one are read from a clean tree.
	ErrorSpans []Span
	// Panic is set when fact extraction failed part way (a nestlint bug).
	Panic string
}

// Span is a byte range in the file.
type Span struct{ Start, End uint32 }

// Import is one imported binding. `import { a as b } from 'm'` gives
// {Local: "b", Imported: "a", Source: "m"}; default imports have Imported
// "default", namespace imports and `const m = require('m')` have "*".
// A side-effect import (`import './tracing'`) has empty Local and Imported.
type Import struct {
	Local, Imported, Source string
	TypeOnly                bool
	Span
}

// Export is one exported name. Re-exports carry Source (`export * from './x'`
// has Name "*"). Local names the exported local binding; it is "" for
// `export default () => ...`, whose Func has the export's Span.
type Export struct {
	Name, Local, Source string
	Span
}

// ValueKind classifies a Value.
type ValueKind uint8

// Value kinds.
const (
	VOther  ValueKind = iota
	VIdent            // identifier or dotted path (Text = "a.b.c"; this and super included)
	VString           // string literal; Text is the unescaped value
	VNumber
	VBool
	VNull     // null or undefined
	VObject   // object literal: Props
	VArray    // array literal: Elems
	VCall     // call: Text = callee path ("" when not a path), Elems = args
	VNew      // new: Text = constructor path, Elems = args
	VFunc     // function or arrow: Func = index
	VRegex    // regex literal: Text = pattern
	VTemplate // template string
)

// Value is a small summary of an expression: enough to read decorator
// arguments, provider definitions and initializers, and to know which
// identifiers an expression depends on.
//
// Most values are leaves (an identifier, a string, a number): they are 40
// bytes and own nothing else. The parts of the others (properties,
// elements, the identifiers read) are in More; read them through Props,
// Elems and Refs.
type Value struct {
	Text string
	Span
	Func  int32 // VFunc: the function's index in Funcs
	Kind  ValueKind
	Await bool // the expression was awaited
	// More holds Props, Elems and Refs; nil when there are no properties
	// nor elements and Refs is what the Text implies (see Refs).
	More *ValueMore
}

// ValueMore are the parts of a Value that most values do not have.
type ValueMore struct {
	Props []Prop
	Elems []Value
	// Refs are the root identifiers the expression reads (`req.user.id` and
	// `f(req)` give "req"; `this` is never listed).
	Refs []string
}

// Props are the properties of an object literal.
func (v Value) Props() []Prop {
	if v.More == nil {
		return nil
	}
	return v.More.Props
}

// Elems are the elements of an array literal or the arguments of a call.
func (v Value) Elems() []Value {
	if v.More == nil {
		return nil
	}
	return v.More.Elems
}

// Refs are the root identifiers the expression reads (`req.user.id` and
// `f(req)` give "req"; `this` and `super` are never listed).
func (v Value) Refs() []string {
	if v.More != nil {
		return v.More.Refs
	}
	if r := v.impliedRef(); r != "" {
		return []string{r}
	}
	return nil
}

// impliedRef is the one identifier a value without More reads: the root of
// its path for an identifier, a call or a new whose callee is a path; ""
// for the others and for paths from this and super.
func (v Value) impliedRef() string {
	switch v.Kind {
	case VIdent, VCall, VNew:
	default:
		return ""
	}
	root := v.Text
	if i := strings.IndexByte(root, '.'); i >= 0 {
		root = root[:i]
	}
	switch {
	case root == "" || root == "this" || root == "super" || root[0] == '(':
		return ""
	}
	return root
}

// Prop is one property of an object literal.
type Prop struct {
	Key   string
	Value Value
}

// Decorator is `@Name(args)`; Name is the callee path ("Get", "Nest.Get").
type Decorator struct {
	Name string
	Call bool
	Args []Value
	Span
}

// Param is a function parameter. Property is set for constructor parameter
// properties (`private readonly x: X`).
type Param struct {
	Name       string
	TypeName   string // the type's base name: "Repository" for Repository<User>
	TypeText   string
	Decorators []Decorator
	Property   bool
	Optional   bool
	Span
}

// Field is a class field (property declaration).
type Field struct {
	Name       string
	Static     bool
	Declare    bool
	Optional   bool
	Readonly   bool
	Abstract   bool
	HasInit    bool
	Init       Value
	TypeName   string
	TypeText   string
	Decorators []Decorator
	NameSpan   Span // the name
	Span
}

// Class is a class declaration or expression.
type Class struct {
	Name          string
	Exported      bool
	DefaultExport bool
	Abstract      bool
	Decorators    []Decorator
	Extends       string // path of the base class expression
	Implements    []string
	Fields        []Field
	Methods       []int // Funcs indexes, including the constructor and accessors
	Ctor          int
	NameSpan      Span
	Span
}

// FuncKind classifies a Func.
type FuncKind uint8

// Function kinds.
const (
	FFunction FuncKind = iota
	FMethod
	FConstructor
	FGetter
	FSetter
	FArrow
	FExpr // function expression
)

// Func is any function-like: declarations, methods, arrows, expressions.
type Func struct {
	Name       string // declared name, method name, or the variable/field it is assigned to
	Kind       FuncKind
	Class      int // owning class for methods and arrow-valued fields
	Parent     int // enclosing function
	Static     bool
	Async      bool
	Exported   bool
	Decorators []Decorator
	Params     []Param
	ArgOf      int // the call this function is passed to as an argument
	NameSpan   Span
	Body       Span
	Span
}

// Call is a call or new expression.
type Call struct {
	// Path is the callee as a dotted path ("this", "dep", "find"); nil when
	// the callee is not a plain path (e.g. a call on a call's result).
	Path []string
	// Method is the last property name of the callee, also when Path is nil.
	Method string
	Args   []Value
	Func   int // enclosing function, -1 at module top level
	// Outer is the call that consumes this call's value when Use is UseRecv
	// (`a().then(f)`: a's Outer is the then call) or UseArg (`f(a())`), else -1.
	Outer  int
	Callee Span
	Span
	// Use is what the code around the call does with its value.
	Use   CallUse
	New   bool
	Await bool
	// InTry is set when the call lies in the block of a try statement of its
	// own function (not in its catch or finally).
	InTry bool
	// (Fields ordered by size: 104 bytes instead of 120.)
}

// CallUse says how a call's value is used by its parent expression.
type CallUse uint8

// Call uses. Parentheses, `as`, `satisfies` and `!` are looked through.
const (
	UseOther   CallUse = iota // assigned, in a condition, an operand, a property value...
	UseDiscard                // the whole expression statement: the value is dropped
	UseVoid                   // `void call()`
	UseAwait                  // `await call()`
	UseReturn                 // `return call()` or an arrow's expression body
	UseRecv                   // a method is called on the value: `call().then(...)`
	UseArg                    // an argument of another call, directly or in an array literal argument
)

// Branch is one arm of an if statement or a ?: expression: Span covers the
// arm, Cond is the source text of the condition, Else is set for the arm
// taken when the condition is false.
type Branch struct {
	Cond string
	Else bool
	Span
}

// Throw is a throw statement.
type Throw struct {
	Func  int
	InTry bool // inside the block of a try statement of the same function
	Span
}

// AssignOp is the operator of an Assign.
type AssignOp uint8

// Assignment operators.
const (
	OpAssign   AssignOp = iota // =
	OpCompound                 // += -= *= ...
	OpLogical                  // ??= ||= &&=
	OpIncDec                   // ++ --
)

// Assign is an assignment or update of a member or a variable.
type Assign struct {
	Func int
	// Target is the assigned path: ["this", "user"], ["cache"]; for a keyed
	// store `o[k] = v` it is the object's path and Computed is set.
	Target   []string
	Computed bool
	KeyRefs  []string // identifiers in the computed key
	Op       AssignOp
	Value    Value
	// Cond is set when the assignment runs only on some branches of its
	// function (inside if/switch/?:/&&/||/loops/catch).
	Cond bool
	// Guard is the source text of the nearest enclosing if condition, if any.
	Guard string
	// ThisCast is set for `(this as any).x = ...`.
	ThisCast bool
	Span
}

// Local is a variable declaration (`const x = v`), at top level (Func -1) or
// inside a function.
type Local struct {
	Func     int
	Name     string
	Kind     string // const, let, var, using, await using
	TypeName string
	TypeText string
	Value    Value
	HasValue bool
	Exported bool
	Span
}

// Regex is a regex literal or `new RegExp('constant')`.
type Regex struct {
	Func     int
	Pattern  string
	Flags    string
	FromCtor bool
	// Applied is the method called directly on it (`/x/.test(s)`: "test"),
	// Var the variable or field it is stored in.
	Applied string
	Var     string
	Span
}

// Delete is a `delete target` expression.
type Delete struct {
	Func     int
	Target   []string // object path
	Key      string   // property name, or "" when computed
	Computed bool
	KeyText  string // source text of a computed key (`i`, `arr.length - 1`)
	Span
}

// Loop is a while/do/for loop.
type Loop struct {
	Func int
	// TimeCond is set when the condition reads the clock (Date.now(),
	// new Date() without arguments, performance.now(), process.hrtime())
	// and nothing the condition compares the clock against changes in the
	// body other than through the clock (stepping a date is iteration).
	TimeCond     bool
	BodyHasAwait bool
	Span
}

// Return is a return statement's value summary.
type Return struct {
	Func  int
	Value Value
	Span
}

// Comment is a comment that holds a nestlint directive.
type Comment struct {
	Text string
	Span
}
