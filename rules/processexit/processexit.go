package processexit

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

const ruleID = "shutdown/process-exit"

// Rule is shutdown/process-exit.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "processexit", SARIFName: "ProcessExitSkipsShutdown",
	Severity: lint.Warning, Tags: []string{"reliability"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

var signals = map[string]bool{"SIGTERM": true, "SIGINT": true, "SIGHUP": true, "SIGUSR2": true, "SIGQUIT": true}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	bootFiles := map[int]bool{}
	for _, b := range m.Bootstraps {
		bootFiles[b.File] = true
	}
	for fi, file := range m.Files {
		if bootFiles[fi] || m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file) })
	}
	return nil, nil
}

// inSignalHandler reports whether fn is (nested in) a handler passed to
// process.on/once for a signal: shutdown/signal-exit judges those.
func inSignalHandler(f *parser.Facts, fn int) bool {
	for fn >= 0 {
		if a := f.Funcs[fn].ArgOf; a >= 0 {
			c := &f.Calls[a]
			if len(c.Path) == 2 && c.Path[0] == "process" && (c.Path[1] == "on" || c.Path[1] == "once") &&
				len(c.Args) > 0 && c.Args[0].Kind == parser.VString && signals[c.Args[0].Text] {
				return true
			}
		}
		fn = f.Funcs[fn].Parent
	}
	return false
}

func check(pass *analysis.Pass, m *nest.Model, fi int, file *parser.File) {
	f := file.Facts
	for ci := range f.Calls {
		c := &f.Calls[ci]
		if c.New || len(c.Path) != 2 || c.Path[0] != "process" || c.Path[1] != "exit" {
			continue
		}
		if d := m.Resolve(fi, c.Func, "process"); d.Kind != nest.DeclNone {
			continue // a local or imported `process`, not Node's global
		}
		if inSignalHandler(f, c.Func) {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: c.Func}
		pos, end := file.Pos(c.Span.Start), file.Pos(c.Span.End)
		switch ctx := m.ContextOf(fr); ctx {
		case nest.Request:
			path := m.PathTo(fr)
			lint.Report(pass, lint.Warning, pos, end,
				fmt.Sprintf("process.exit() in %s on the request path (reached from %s) kills the whole app and skips every shutdown hook: in-flight requests are cut; throw an exception instead", m.Label(fr), m.Label(path[0].Func)),
				lint.WithPath(m.StepsFor(path)))
		case nest.Startup:
			lint.Report(pass, lint.Warning, pos, end,
				fmt.Sprintf("process.exit() in %s (startup) skips onModuleDestroy and onApplicationShutdown of the modules already initialized; throw an error so the bootstrap fails and closes cleanly", m.Label(fr)))
		case nest.Shutdown:
			lint.Report(pass, lint.Warning, pos, end,
				fmt.Sprintf("process.exit() in %s (shutdown) cuts the shutdown sequence short: the remaining hooks never run and connections are not closed; return and let Nest finish", m.Label(fr)))
		}
	}
}
