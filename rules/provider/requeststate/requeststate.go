package requeststate

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/leak"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "provider/request-state"

// Rule is provider/request-state.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "requeststate", SARIFName: "RequestDataInSingletonField",
	Severity: lint.Error, Tags: []string{"security", "reliability"}, Precision: lint.High, Since: "v0.1.0",
	SecuritySeverity: "7.5",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	m.EachFile(pass, false, func(fi nest.FileID, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for ai := range f.Assigns {
		a := &f.Assigns[ai]
		if a.Func < 0 || a.Computed || len(a.Target) != 2 || a.Target[0] != "this" {
			continue
		}
		if a.Op == parser.OpIncDec || a.Op == parser.OpCompound || a.Op == parser.OpLogical {
			continue // counters and lazy initialization
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(a.Func)}
		if m.ContextOf(fr) != nest.Request {
			continue
		}
		ci := leak.ClassOf(f, a.Func)
		if ci < 0 || !leak.Singleton(m, nest.ClassRef{File: fi, Index: nest.ClassID(ci)}) {
			continue
		}
		if a.Func == f.Classes[ci].Ctor {
			continue
		}
		if accumulates(file.Source(), a.Value, a.Target[1]) {
			continue // this.total = this.total + amount: a metric like +=
		}
		src := leak.RequestSource(m, fi, a.Func, a.Value)
		if src == "" {
			continue
		}
		field := a.Target[1]
		if p, ok := strings.CutPrefix(src, "parameter "); ok {
			p, _, _ = strings.Cut(p, " of ")
			src = "parameter " + lint.QuoteMax(p, lint.MaxMessageQuote)
		} else {
			src = lint.QuoteMax(src, lint.MaxMessageQuote)
		}
		lint.Report(pass, lint.Error, file.Pos(a.Span.Start), file.Pos(a.Span.End),
			fmt.Sprintf("%s is a singleton: concurrent requests overwrite `this.%s` (set from %s); keep it local or use a request-scoped provider",
				lint.QuoteMax(m.ClassName(nest.ClassRef{File: fi, Index: nest.ClassID(ci)}), lint.MaxMessageQuote), field, src),
			lint.WithPath(m.StepsFor(m.PathTo(fr))))
	}
}

// accumulates reports whether the new value is computed from the field's
// old one by arithmetic (this.total = this.total + n, Math.max(this.peak, n)).
func accumulates(src []byte, v parser.Value, field string) bool {
	if v.End <= v.Start || int(v.End) > len(src) {
		return false
	}
	return leak.Accumulates(src[v.Start:v.End], field)
}
