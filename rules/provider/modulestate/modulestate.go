package modulestate

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/internal/leak"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "provider/module-state"

// Rule is provider/module-state.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "modulestate", SARIFName: "ModuleLevelStateMutatedPerRequest",
	Severity: lint.Warning, Tags: []string{"reliability"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, leak.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	for _, c := range leak.Of(pass) {
		if c.Class >= 0 || c.Unbounded(m) {
			continue // fields are provider/request-state, pure growth is provider/unbounded-cache
		}
		lint.Guard(pass, m.Files[c.File].Path, func() { report(pass, m, c) })
	}
	return nil, nil
}

func report(pass *analysis.Pass, m *nest.Model, c *leak.Collection) {
	var sites []leak.Site
	for _, group := range [][]leak.Site{c.Grows, c.Removals, c.Stores} {
		for _, s := range group {
			if s.Lazy || s.Func < 0 || m.ContextOf(s.Ref()) != nest.Request {
				continue
			}
			sites = append(sites, s)
		}
	}
	if len(sites) == 0 {
		return
	}
	// sort by file, then position, for stable output
	for i := 1; i < len(sites); i++ {
		for j := i; j > 0 && less(sites[j], sites[j-1]); j-- {
			sites[j], sites[j-1] = sites[j-1], sites[j]
		}
	}
	var opts []lint.Option
	for _, s := range sites {
		sf := m.Files[s.File]
		opts = append(opts, lint.WithRelated(sf.Pos(s.Span.Start), sf.Pos(s.Span.End), fmt.Sprintf("mutated here (`%s`) in `%s`", s.What, m.Label(s.Ref()))))
	}
	first := sites[0]
	opts = append(opts, lint.WithPath(m.StepsFor(m.PathTo(first.Ref()))))
	what := "`let " + c.Name + "`"
	if c.Kind != "binding" {
		what = c.Kind + " `" + c.Name + "`"
	}
	file := m.Files[c.File]
	lint.Report(pass, lint.Warning, file.Pos(c.Decl.Start), file.Pos(c.Decl.End),
		fmt.Sprintf("module-level %s changes per request (`%s`): it leaks between requests and differs per worker; use a request-scoped provider",
			what, first.What), opts...)
}

func less(a, b leak.Site) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Span.Start < b.Span.Start
}
