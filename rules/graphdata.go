package rules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// ModelAnalyzers are the analyzers a lint run adds (checker.Options
// Analyzers) when it wants ModuleGraphOf: the project model.
var ModelAnalyzers = []*analysis.Analyzer{nest.Analyzer}

// ModuleGraphOf returns the module graph of a run that included
// ModelAnalyzers, for the HTML report, or nil when the model was not
// built. rel turns an absolute path into the one to show.
func ModuleGraphOf(res *checker.Result, rel func(string) string) *report.ModuleGraph {
	if res == nil {
		return nil
	}
	m, ok := res.Results[nest.Analyzer].(*nest.Model)
	if !ok || m == nil {
		return nil
	}
	return m.GraphData(rel)
}

// MergeGraphs appends the modules and entries of b to a (a may be nil).
func MergeGraphs(a, b *report.ModuleGraph) *report.ModuleGraph {
	switch {
	case b == nil:
		return a
	case a == nil:
		return b
	}
	a.Modules = append(a.Modules, b.Modules...)
	a.Entries = append(a.Entries, b.Entries...)
	return a
}
