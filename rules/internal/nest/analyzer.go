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

// memoKey is where run keeps its model in lint.Settings.Memo.
const memoKey = "nest.Model"

func run(pass *analysis.Pass) (any, error) {
	pr := parser.Of(pass)
	env := lint.EnvOf(pass)
	s := env.Settings
	notify := func(file, msg string) { env.AddNotice(lint.Notice{Level: lint.Warning, File: file, Message: msg}) }
	opts := Options{Root: s.Root, EntryPoints: s.EntryPoints, Offline: s.Offline, Jobs: s.Jobs, ServerScope: s.Scope == lint.ScopeServer, Notify: notify}
	if s.Memo != nil {
		opts.Reuse, _ = s.Memo.Get(memoKey).(*Model)
	}
	m := Build(pr.Files, opts)
	if s.Memo != nil {
		s.Memo.Set(memoKey, m)
	}
	env.SetScope(m.ScopeResult())
	return m, nil
}

// ScopeResult returns the scope decision as the checker and the CLI use it.
func (m *Model) ScopeResult() *lint.ScopeResult {
	r := &lint.ScopeResult{OutOfScope: map[string]bool{}}
	for fi, f := range m.AllFiles() {
		if !m.InScope(fi) {
			r.OutOfScope[f.Path] = true
		}
	}
	for _, g := range m.ScopeGroups {
		r.Groups = append(r.Groups, lint.ScopeGroup{Dir: g.Dir, Message: g.Notice()})
	}
	return r
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

// EachFile calls fn for every file of the project, skipping offline files
// when skipOffline is set, and files outside the server scope when that is
// the run's scope (nothing there would be reported). Each call runs under lint.Guard, so a panic on
// one file becomes a tool error naming the rule and the file, and the
// rule goes on with the next file.
func (m *Model) EachFile(pass *analysis.Pass, skipOffline bool, fn func(fi FileID, f *parser.File)) {
	for fi, file := range m.AllFiles() {
		if skipOffline && m.IsOffline(fi) || m.serverScope && !m.InScope(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { fn(fi, file) })
	}
}
