package grownobject

import (
	_ "embed"
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "hidden-class/grown-object"

// Rule is hidden-class/grown-object.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "grownobject", SARIFName: "ObjectGrownAfterCreation",
	Severity: lint.Warning, Tags: []string{"performance"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	m.EachFile(pass, true, func(fi nest.FileID, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// policy: a warning on the request path (one slow object per request), a
// note where it is built once or nobody is known to build it.
var policy = nest.Policy{Request: lint.Warning, Unknown: lint.Note, Startup: lint.Note, Shutdown: lint.Note}

// report reports msg in fr's context with the shared policy.
func report(pass *analysis.Pass, m *nest.Model, fr nest.FuncRef, pos, end token.Pos, msg, fix string, opts ...lint.Option) {
	m.Report(pass, policy, nest.Finding{Func: fr, Pos: pos, End: end, What: msg, Fix: fix}, opts...)
}

// q quotes code for a message.
func q(s string) string { return lint.QuoteMax(s, lint.MaxMessageQuote) }

// some names the first two of names, in backticks, and how many more.
func some(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return q(names[0])
	case 2:
		return q(names[0]) + " and " + q(names[1])
	case 3:
		return q(names[0]) + ", " + q(names[1]) + " and " + q(names[2])
	}
	return fmt.Sprintf("%s, %s and %d more", q(names[0]), q(names[1]), len(names)-2)
}

// each says what n added properties cost.
func each(n int) string {
	if n == 1 {
		return "a new hidden class"
	}
	return "each a new hidden class"
}

// isDictType reports whether a type annotation declares a dictionary.
func isDictType(t string) bool {
	t = strings.Join(strings.Fields(t), "")
	return strings.HasPrefix(t, "Record<") || strings.HasPrefix(t, "Map<") || strings.HasPrefix(t, "Dictionary<") ||
		strings.HasPrefix(t, "{[") || strings.HasPrefix(t, "Partial<Record<") || strings.HasPrefix(t, "Readonly<Record<")
}

func hasSpread(v parser.Value) bool {
	for _, p := range v.Props() {
		if p.Key == "..." {
			return true
		}
	}
	return false
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	fr := func(fn int) nest.FuncRef { return nest.FuncRef{File: fi, Index: nest.FuncID(fn)} }
	// literals grown in the function that creates them
	for _, l := range f.Locals {
		if l.Func < 0 || !l.HasValue || l.Value.Kind != parser.VObject || hasSpread(l.Value) || isDictType(l.TypeText) {
			continue
		}
		if isDictType(castType(file, &l)) {
			continue // `{} as Record<string, unknown>`
		}
		known := map[string]bool{}
		for _, p := range l.Value.Props() {
			known[p.Key] = true
		}
		var added []string
		var sites []parser.Span
		dict := false
		for _, a := range f.Assigns {
			if len(a.Target) == 0 || a.Target[0] != l.Name || a.Span.Start < l.Span.End || !sees(f, a.Func, l.Func, l.Name) {
				continue
			}
			if len(a.Target) == 1 {
				dict = true // reassigned or keyed by a computed value: a dictionary
				break
			}
			if len(a.Target) != 2 || a.Op != parser.OpAssign || known[a.Target[1]] {
				continue
			}
			known[a.Target[1]] = true
			added = append(added, a.Target[1])
			sites = append(sites, a.Span)
		}
		if dict || len(added) == 0 {
			continue
		}
		var opts []lint.Option
		for i, s := range sites {
			opts = append(opts, lint.WithRelated(file.Pos(s.Start), file.Pos(s.End), "property "+q(added[i])+" added here"))
		}
		report(pass, m, fr(l.Func), file.Pos(l.Span.Start), file.Pos(l.Span.End),
			fmt.Sprintf("literal %s later gets %s, %s", q(l.Name), some(added), each(len(added))),
			"put every property in the literal", opts...)
	}
	spreadCopies(pass, m, fi, file)
	// (this as any).x = ... outside the constructor
	for _, a := range f.Assigns {
		if !a.ThisCast || len(a.Target) != 2 || a.Target[0] != "this" || a.Func < 0 {
			continue
		}
		ci, meth := classMethod(f, a.Func)
		if ci < 0 || meth == f.Classes[ci].Ctor || declared(f, ci, a.Target[1]) {
			continue
		}
		c := &f.Classes[ci]
		report(pass, m, fr(a.Func), file.Pos(a.Span.Start), file.Pos(a.Span.End),
			fmt.Sprintf("%s adds a field after construction, so %s instances change shape", q("(this as any)."+a.Target[1]), q(c.Name)),
			"declare it with an initializer")
	}
	// Object.defineProperty(this | instance, ...)
	for _, call := range f.Calls {
		if len(call.Path) != 2 || call.Path[1] != "defineProperty" || (call.Path[0] != "Object" && call.Path[0] != "Reflect") ||
			len(call.Args) < 2 || call.Args[0].Kind != parser.VIdent || call.Func < 0 {
			continue
		}
		obj := call.Args[0].Text
		key := "a property"
		if call.Args[1].Kind == parser.VString {
			key = q(call.Args[1].Text)
		}
		pos, end := file.Pos(call.Span.Start), file.Pos(call.Span.End)
		if obj == "this" {
			ci, meth := classMethod(f, call.Func)
			if ci < 0 || meth == f.Classes[ci].Ctor {
				continue
			}
			c := &f.Classes[ci]
			report(pass, m, fr(call.Func), pos, end,
				fmt.Sprintf("%s adds %s after construction, so %s instances change shape", q(call.Path[0]+".defineProperty(this, …)"), key, q(c.Name)),
				"declare it as a field")
			continue
		}
		for _, l := range f.Locals {
			if l.Func == call.Func && l.Name == obj && l.HasValue && (l.Value.Kind == parser.VNew || l.Value.Kind == parser.VObject && !isDictType(l.TypeText)) {
				report(pass, m, fr(call.Func), pos, end,
					fmt.Sprintf("%s adds %s after the object was created, so it changes shape", q(call.Path[0]+".defineProperty("+obj+", …)"), key),
					"create it with all its properties")
				break
			}
		}
	}
}

// castType returns the type a local's initializer is cast to (`{} as T`,
// `{} satisfies T`), or "".
func castType(file *parser.File, l *parser.Local) string {
	if int(l.Value.End) > len(file.Source()) || l.Value.Start >= l.Value.End {
		return ""
	}
	text := strings.TrimLeft(string(file.Source()[l.Value.Start:l.Value.End]), "( \t\n")
	if !strings.HasPrefix(text, "{") {
		return ""
	}
	depth, end := 0, -1
	for i := 0; i < len(text) && end < 0; i++ {
		switch text[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				end = i
			}
		}
	}
	if end < 0 {
		return ""
	}
	rest := strings.TrimLeft(text[end+1:], ") \t\n")
	for _, kw := range []string{"as ", "satisfies "} {
		if t, ok := strings.CutPrefix(rest, kw); ok {
			return strings.TrimRight(strings.TrimSpace(t), ")")
		}
	}
	return ""
}

// sees reports whether code in function fn that names name refers to the
// local of that name declared in function decl: fn is decl or nested in it
// (a callback), with no declaration of the name in between.
func sees(f *parser.Facts, fn, decl int, name string) bool {
	for g := fn; g != decl; g = f.Funcs[g].Parent {
		if g < 0 {
			return false
		}
		for _, p := range f.Funcs[g].Params {
			if p.Name == name {
				return false
			}
		}
		for _, l := range f.Locals {
			if l.Func == g && l.Name == name {
				return false
			}
		}
	}
	return true
}

// spreadCopies reports `const c = { ...entity }; delete c.raw`: a copy
// made with a spread and then shrunk by delete in the same function (or a
// callback in it). The spread gives the copy a fast shape, delete throws
// it away; destructuring the key out builds the right shape at once.
func spreadCopies(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for li := range f.Locals {
		l := &f.Locals[li]
		if l.Func < 0 || !l.HasValue || l.Value.Kind != parser.VObject || !hasSpread(l.Value) || isDictType(l.TypeText) {
			continue
		}
		src := ""
		for _, p := range l.Value.Props() {
			if p.Key == "..." && p.Value.Kind == parser.VIdent {
				src = p.Value.Text
				break
			}
		}
		if src == "" {
			src = "source"
		}
		for _, d := range f.Deletes {
			if len(d.Target) != 1 || d.Target[0] != l.Name || d.Computed || d.Start < l.End || !sees(f, d.Func, l.Func, l.Name) {
				continue
			}
			if isDictType(castType(file, l)) { // reads the source: only for a copy something is deleted from
				break
			}
			report(pass, m, nest.FuncRef{File: fi, Index: nest.FuncID(d.Func)}, file.Pos(l.Span.Start), file.Pos(l.Span.End),
				fmt.Sprintf("deleting %s from spread copy %s makes it a slow dictionary", q(d.Key), q(l.Name)),
				"use "+q(fmt.Sprintf("const { %s, ...%s } = %s", d.Key, l.Name, src)),
				lint.WithRelated(file.Pos(d.Start), file.Pos(d.End), "property "+q(d.Key)+" deleted here"))
			break
		}
	}
}

// classMethod returns the class and the member (method, accessor or
// constructor) that function fn belongs to, walking out of arrow functions,
// or -1, -1 when `this` in fn is not a class instance.
func classMethod(f *parser.Facts, fn int) (int, int) {
	for g := fn; g >= 0; g = f.Funcs[g].Parent {
		fg := &f.Funcs[g]
		switch fg.Kind {
		case parser.FMethod, parser.FConstructor, parser.FGetter, parser.FSetter:
			if fg.Class < 0 || fg.Static {
				return -1, -1
			}
			return fg.Class, g
		case parser.FFunction, parser.FExpr:
			return -1, -1
		}
	}
	return -1, -1
}

// declared reports whether class ci declares name as a field or a
// constructor parameter property.
func declared(f *parser.Facts, ci int, name string) bool {
	c := &f.Classes[ci]
	for _, fd := range c.Fields {
		if fd.Name == name {
			return true
		}
	}
	if c.Ctor >= 0 {
		for _, p := range f.Funcs[c.Ctor].Params {
			if p.Property && p.Name == name {
				return true
			}
		}
	}
	return false
}
