package assignthis

import (
	_ "embed"

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
	m.EachFile(pass, true, func(fi nest.FileID, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// fixedShape reports whether every source is an object literal without a
// spread: the keys are then known and the same on every call.
func fixedShape(srcs []parser.Value) bool {
	for _, v := range srcs {
		if v.Kind != parser.VObject {
			return false
		}
		for _, p := range v.Props() {
			if p.Key == "..." {
				return false
			}
		}
	}
	return true
}

// policy: a warning on the request path (a new shape per request), a note
// where the instance is built once or nobody is known to build it.
var policy = nest.Policy{Request: lint.Warning, Unknown: lint.Note, Startup: lint.Note, Shutdown: lint.Note}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for _, c := range f.Calls {
		if c.New || len(c.Path) != 2 || c.Path[0] != "Object" || c.Path[1] != "assign" ||
			len(c.Args) < 2 || c.Args[0].Kind != parser.VIdent || c.Args[0].Text != "this" || fixedShape(c.Args[1:]) {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
		m.Report(pass, policy, nest.Finding{
			Func: fr, Pos: file.Pos(c.Span.Start), End: file.Pos(c.Span.End),
			What: "`Object.assign(this, …)` gives instances different shapes",
			Fix:  "assign the known fields one by one",
		})
	}
}
