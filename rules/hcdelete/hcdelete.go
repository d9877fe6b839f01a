package hcdelete

import (
	_ "embed"
	"fmt"
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
	m.EachFile(pass, true, func(fi int, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// isArrayType reports whether a type annotation names an array.
func isArrayType(t string) bool {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "readonly ")
	return strings.HasSuffix(t, "[]") || strings.HasPrefix(t, "Array<") || strings.HasPrefix(t, "ReadonlyArray<")
}

// isArray reports whether the deleted-from path names an object known to be
// an array: a local or parameter of the function or an enclosing one, a
// top-level variable, or a field of the enclosing class, typed as an array
// or initialized with an array literal.
func isArray(file *parser.File, fn int, target []string) bool {
	f := file.Facts
	if len(target) == 2 && target[0] == "this" {
		cls := -1
		for g := fn; g >= 0; g = f.Funcs[g].Parent {
			if f.Funcs[g].Class >= 0 {
				cls = f.Funcs[g].Class
				break
			}
		}
		if cls < 0 {
			return false
		}
		for _, fd := range f.Classes[cls].Fields {
			if fd.Name == target[1] {
				return isArrayType(fd.TypeText) || (fd.HasInit && fd.Init.Kind == parser.VArray)
			}
		}
		if c := f.Classes[cls].Ctor; c >= 0 {
			for _, p := range f.Funcs[c].Params {
				if p.Property && p.Name == target[1] {
					return isArrayType(p.TypeText)
				}
			}
		}
		return false
	}
	if len(target) != 1 {
		return false
	}
	name := target[0]
	// innermost declaration wins: walk from fn outwards
	for g := fn; ; g = f.Funcs[g].Parent {
		for _, l := range f.Locals {
			if l.Func == g && l.Name == name {
				return isArrayType(l.TypeText) || (l.HasValue && l.Value.Kind == parser.VArray)
			}
		}
		if g < 0 {
			return false
		}
		for _, p := range f.Funcs[g].Params {
			if p.Name == name {
				return isArrayType(p.TypeText)
			}
		}
	}
}

func check(pass *analysis.Pass, m *nest.Model, fi int, file *parser.File) {
	for _, d := range file.Facts.Deletes {
		if len(d.Target) == 0 || isArray(file, d.Func, d.Target) {
			continue
		}
		obj := strings.Join(d.Target, ".")
		switch obj {
		case "process.env", "require.cache", "globalThis", "global", "window":
			continue // environment and module registries: deleting is the only way to unset
		}
		expr := "delete " + obj + "." + d.Key
		fix := fmt.Sprintf("assign %s.%s = undefined, or build a new object without the key (const { %s, ...rest } = %s)", obj, d.Key, d.Key, obj)
		if d.Computed {
			expr = "delete " + obj + "[...]"
			fix = fmt.Sprintf("the keys are dynamic, so keep the data in a Map and call map.delete(key), or assign %s[key] = undefined", obj)
		} else if !validIdent(d.Key) {
			expr = fmt.Sprintf("delete %s[%q]", obj, d.Key)
			fix = fmt.Sprintf("assign %s[%q] = undefined, or build a new object without the key", obj, d.Key)
		}
		fr := nest.FuncRef{File: fi, Index: d.Func}
		pos, end := file.Pos(d.Span.Start), file.Pos(d.Span.End)
		switch ctx := m.ContextOf(fr); ctx {
		case nest.Request:
			path := m.PathTo(fr)
			lint.Report(pass, lint.Warning, pos, end,
				fmt.Sprintf("%s turns %s into a slow dictionary-mode object on the request path (reached from %s); %s", expr, obj, m.Label(path[0].Func), fix),
				lint.WithPath(m.StepsFor(path)))
		case nest.Offline:
		default:
			where := fmt.Sprintf("in %s code (%s)", ctx, m.Label(fr))
			if ctx == nest.Unknown {
				where = "in " + m.Label(fr) + ", which no entry point is known to reach"
			}
			lint.Report(pass, lint.Note, pos, end,
				fmt.Sprintf("%s turns %s into a slow dictionary-mode object %s; %s", expr, obj, where, fix))
		}
	}
}

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
