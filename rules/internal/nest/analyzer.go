package nest

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

// Analyzer builds the project Model once per run; rules Require it.
var Analyzer = &analysis.Analyzer{
	Name:       "nest",
	Doc:        "nest links the project's files into a NestJS model: modules, providers, DI, scopes, entry points, call graph and contexts",
	Run:        run,
	Requires:   []*analysis.Analyzer{parser.Analyzer, lint.EnvAnalyzer},
	ResultType: reflect.TypeOf((*Model)(nil)),
}

func run(pass *analysis.Pass) (any, error) {
	pr := parser.Of(pass)
	s := lint.EnvOf(pass).Settings
	return Build(pr.Files, Options{Root: s.Root, EntryPoints: s.EntryPoints, Offline: s.Offline}), nil
}

// Of returns the model of a pass.
func Of(pass *analysis.Pass) *Model { return pass.ResultOf[Analyzer].(*Model) }

// StepsFor converts a model path into lint steps for reporting.
func (m *Model) StepsFor(path []Step) []lint.Step {
	out := make([]lint.Step, 0, len(path))
	for _, s := range path {
		f := m.Files[s.SiteFile]
		out = append(out, lint.Step{Pos: f.Pos(s.Site.Start), End: f.Pos(s.Site.End), Label: m.Label(s.Func)})
	}
	return out
}
