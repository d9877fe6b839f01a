package assignthis

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "hidden-class/assign-this"

// Rule is hidden-class/assign-this.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "assignthis", SARIFName: "ObjectAssignToThis",
	Severity: lint.Warning, Tags: []string{"performance"}, Precision: lint.High, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	m.EachFile(pass, true, func(fi int, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// fixedShape reports whether every source is an object literal without a
// spread: the keys are then known and the same on every call.
func fixedShape(srcs []parser.Value) bool {
	for _, v := range srcs {
		if v.Kind != parser.VObject {
			return false
		}
		for _, p := range v.Props {
			if p.Key == "..." {
				return false
			}
		}
	}
	return true
}

func check(pass *analysis.Pass, m *nest.Model, fi int, file *parser.File) {
	f := file.Facts
	for _, c := range f.Calls {
		if c.New || len(c.Path) != 2 || c.Path[0] != "Object" || c.Path[1] != "assign" ||
			len(c.Args) < 2 || c.Args[0].Kind != parser.VIdent || c.Args[0].Text != "this" || fixedShape(c.Args[1:]) {
			continue
		}
		owner := "this"
		for g := c.Func; g >= 0; g = f.Funcs[g].Parent {
			if fg := &f.Funcs[g]; fg.Class >= 0 && (fg.Kind == parser.FMethod || fg.Kind == parser.FConstructor || fg.Kind == parser.FSetter || fg.Kind == parser.FGetter) {
				owner = f.Classes[fg.Class].Name
				break
			}
		}
		fr := nest.FuncRef{File: fi, Index: c.Func}
		msg := fmt.Sprintf("Object.assign(this, ...) in %s gives each %s instance the keys of its input, so instances get different hidden classes", m.Label(fr), owner)
		const fix = "assign the known fields one by one (this.id = input.id) or declare them with initializers"
		pos, end := file.Pos(c.Span.Start), file.Pos(c.Span.End)
		switch ctx := m.ContextOf(fr); ctx {
		case nest.Request:
			path := m.PathTo(fr)
			lint.Report(pass, lint.Warning, pos, end,
				fmt.Sprintf("%s on the request path (reached from %s); %s", msg, m.Label(path[0].Func), fix),
				lint.WithPath(m.StepsFor(path)))
		case nest.Offline:
		case nest.Unknown:
			lint.Report(pass, lint.Note, pos, end, fmt.Sprintf("%s; if it is built per request, %s", msg, fix))
		default:
			lint.Report(pass, lint.Note, pos, end, fmt.Sprintf("%s (%s code); %s", msg, ctx, fix))
		}
	}
}
