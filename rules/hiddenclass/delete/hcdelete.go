package delete

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "hidden-class/delete"

// Rule is hidden-class/delete.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "hcdelete", SARIFName: "DeleteMakesDictionaryObject",
	Severity: lint.Warning, Tags: []string{"performance"}, Precision: lint.High, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	m.EachFile(pass, true, func(fi nest.FileID, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// isArrayType reports whether a type annotation names an array.
func isArrayType(t string) bool {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "readonly ")
	return strings.HasSuffix(t, "[]") || strings.HasPrefix(t, "Array<") || strings.HasPrefix(t, "ReadonlyArray<")
}

// httpMaps are the dictionaries an HTTP request carries (Express and
// Fastify name them alike): `delete req.headers['x-forwarded-for']`.
var httpMaps = map[string]bool{"headers": true, "query": true, "params": true, "cookies": true, "signedCookies": true}

// decl is what is known of the object a delete targets: its declared type
// text and its initializer.
type decl struct {
	typeText string
	init     parser.Value
	hasInit  bool
	local    bool // a local variable of a function (not a parameter, field or module variable)
}

func (d decl) isArray() bool {
	return isArrayType(d.typeText) || d.hasInit && d.init.Kind == parser.VArray
}

// isSpreadCopy reports whether the object is a local copy made with a
// spread (`const c = { ...entity }`).
func (d decl) isSpreadCopy() bool {
	if !d.local || !d.hasInit || d.init.Kind != parser.VObject {
		return false
	}
	for _, p := range d.init.Props() {
		if p.Key == "..." {
			return true
		}
	}
	return false
}

// isDict reports whether the object is a dictionary by declaration: typed
// Record<string, T> (or number, PropertyKey keys), { [key: string]: T },
// Dictionary<T>, or created by Object.create(null). Deleting its keys is
// what it is for, and its shape is not a hidden class to keep.
func (d decl) isDict() bool {
	if d.hasInit && d.init.Kind == parser.VCall && d.init.Text == "Object.create" &&
		len(d.init.Elems()) == 1 && d.init.Elems()[0].Kind == parser.VNull {
		return true
	}
	return isDictType(d.typeText)
}

func isDictType(t string) bool {
	t = strings.TrimSpace(t)
	for _, p := range []string{"Partial<", "Readonly<"} {
		if strings.HasPrefix(t, p) && strings.HasSuffix(t, ">") {
			t = strings.TrimSpace(t[len(p) : len(t)-1])
		}
	}
	switch {
	case strings.HasPrefix(t, "Record<"):
		key, _, _ := strings.Cut(t[len("Record<"):], ",")
		switch strings.TrimSpace(key) {
		case "string", "number", "PropertyKey", "string | number", "keyof any":
			return true
		}
		return false
	case strings.HasPrefix(t, "Dictionary<"), strings.HasPrefix(t, "NumericDictionary<"):
		return true
	case strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"):
		// a type literal whose members are all index signatures
		members := splitMembers(t[1 : len(t)-1])
		if len(members) == 0 {
			return false
		}
		for _, mb := range members {
			if !strings.HasPrefix(mb, "[") {
				return false
			}
		}
		return true
	}
	return false
}

// splitMembers splits the body of a type literal at the top-level ; , and
// newlines, dropping empty members.
func splitMembers(body string) []string {
	var out []string
	depth, start := 0, 0
	flush := func(end int) {
		if mb := strings.TrimSpace(body[start:end]); mb != "" {
			out = append(out, mb)
		}
		start = end + 1
	}
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '{', '[', '(', '<':
			depth++
		case '}', ']', ')', '>':
			depth--
		case ';', ',', '\n':
			if depth == 0 {
				flush(i)
			}
		}
	}
	flush(len(body))
	return out
}

// declOf finds the declaration of the deleted-from path: a local or
// parameter of the function or an enclosing one, a top-level variable, or a
// field of the enclosing class.
func declOf(f *parser.Facts, fn int, target []string) (decl, bool) {
	if len(target) == 2 && target[0] == "this" {
		cls := -1
		for g := fn; g >= 0; g = f.Funcs[g].Parent {
			if f.Funcs[g].Class >= 0 {
				cls = f.Funcs[g].Class
				break
			}
		}
		if cls < 0 {
			return decl{}, false
		}
		for _, fd := range f.Classes[cls].Fields {
			if fd.Name == target[1] {
				return decl{typeText: fd.TypeText, init: fd.Init, hasInit: fd.HasInit}, true
			}
		}
		if c := f.Classes[cls].Ctor; c >= 0 {
			for _, p := range f.Funcs[c].Params {
				if p.Property && p.Name == target[1] {
					return decl{typeText: p.TypeText}, true
				}
			}
		}
		return decl{}, false
	}
	if len(target) != 1 {
		return decl{}, false
	}
	return nameDecl(f, fn, target[0])
}

// nameDecl finds the innermost declaration of name visible in fn.
func nameDecl(f *parser.Facts, fn int, name string) (decl, bool) {
	for g := fn; ; g = f.Funcs[g].Parent {
		for _, l := range f.Locals {
			if l.Func == g && l.Name == name {
				return decl{typeText: l.TypeText, init: l.Value, hasInit: l.HasValue, local: g >= 0}, true
			}
		}
		if g < 0 {
			return decl{}, false
		}
		for _, p := range f.Funcs[g].Params {
			if p.Name == name {
				return decl{typeText: p.TypeText}, true
			}
		}
	}
}

// indexParams gives the position of the index parameter of array
// iteration callbacks: nodes.forEach((n, i) => ...).
var indexParams = map[string]int{"forEach": 1, "map": 1, "filter": 1, "some": 1, "every": 1, "find": 1, "findIndex": 1, "flatMap": 1, "reduce": 2, "reduceRight": 2}

// indexParam reports whether name is, in fn or an enclosing function, the
// index parameter of an array iteration callback (the innermost
// declaration of name decides).
func indexParam(f *parser.Facts, fn int, name string) bool {
	for g := fn; g >= 0; g = f.Funcs[g].Parent {
		for _, l := range f.Locals {
			if l.Func == g && l.Name == name {
				return false
			}
		}
		for pi, p := range f.Funcs[g].Params {
			if p.Name != name {
				continue
			}
			if a := f.Funcs[g].ArgOf; a >= 0 {
				if at, ok := indexParams[f.Calls[a].Method]; ok && at == pi {
					return true
				}
			}
			return false
		}
	}
	return false
}

var numberRE = regexp.MustCompile(`^(?:\d[\d_]*|0[xX][\da-fA-F_]+)$`)

// numericKey reports whether a computed key is an array index: a number
// literal, an expression on .length, or a variable declared as a number
// (a loop counter). Deleting an indexed element never changes an object's
// hidden class: elements live apart from named properties.
func numericKey(f *parser.Facts, fn int, key string) bool {
	key = strings.TrimSpace(key)
	if numberRE.MatchString(key) || strings.Contains(key, ".length") {
		return true
	}
	if !validIdent(key) {
		return false
	}
	if indexParam(f, fn, key) {
		return true
	}
	d, ok := nameDecl(f, fn, key)
	return ok && (strings.TrimSpace(d.typeText) == "number" || d.hasInit && d.init.Kind == parser.VNumber)
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	for _, d := range file.Facts.Deletes {
		if len(d.Target) == 0 || d.Computed && numericKey(file.Facts, d.Func, d.KeyText) {
			continue // nodes[i]: an element, whatever the array's (library) type
		}
		if dc, ok := declOf(file.Facts, d.Func, d.Target); ok && (dc.isArray() || dc.isDict() || len(d.Target) == 1 && !d.Computed && dc.isSpreadCopy()) {
			continue // a shrunk spread copy is hidden-class/grown-object's finding
		}
		if n := len(d.Target); n >= 2 && d.Target[0] != "this" && httpMaps[d.Target[n-1]] {
			continue // req.headers, req.query: dictionaries parsed from the request
		}
		obj := strings.Join(d.Target, ".")
		switch obj {
		case "process.env", "require.cache", "globalThis", "global", "window":
			continue // environment and module registries: deleting is the only way to unset
		}
		expr := "delete " + obj + "." + d.Key
		fix := "assign " + lint.QuoteMax(obj+"."+d.Key+" = undefined", lint.MaxMessageQuote) + " instead"
		if d.Computed {
			expr = "delete " + obj + "[...]"
			fix = "for dynamic keys use a `Map`"
		} else if !validIdent(d.Key) {
			expr = fmt.Sprintf("delete %s[%q]", obj, d.Key)
			fix = "assign " + lint.QuoteMax(fmt.Sprintf("%s[%q] = undefined", obj, d.Key), lint.MaxMessageQuote) + " instead"
		}
		m.Report(pass, policy, nest.Finding{
			Func: nest.FuncRef{File: fi, Index: nest.FuncID(d.Func)}, Pos: file.Pos(d.Span.Start), End: file.Pos(d.Span.End),
			What: fmt.Sprintf("%s makes %s a slow dictionary", lint.QuoteMax(expr, lint.MaxMessageQuote), lint.QuoteMax(obj, lint.MaxMessageQuote)),
			Fix:  fix,
		})
	}
}

// policy: a warning on the request path, a note where the object is
// built once or nobody is known to build it.
var policy = nest.Policy{Request: lint.Warning, Unknown: lint.Note, Startup: lint.Note, Shutdown: lint.Note}

func validIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
