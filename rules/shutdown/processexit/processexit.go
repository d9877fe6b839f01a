package processexit

import (
	_ "embed"

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

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	bootFiles := map[nest.FileID]bool{}
	for _, b := range m.Bootstraps {
		bootFiles[b.File] = true
	}
	for fi, file := range m.AllFiles() {
		if bootFiles[fi] || m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file) })
	}
	return nil, nil
}

// policy: process.exit() hurts wherever the app runs; code no entry point
// is known to reach is not judged.
var policy = nest.Policy{Request: lint.Warning, Startup: lint.Warning, Shutdown: lint.Warning}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for ci := range nest.CallID(len(f.Calls)) {
		c := &f.Calls[ci]
		if c.New || !m.CallIs(fi, ci, "process.exit") {
			continue // also `exit` imported from node:process; a local `process` is not Node's
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
		if m.InSignalHandler(fr) {
			continue // shutdown/signal-exit judges signal handlers
		}
		fd := nest.Finding{Func: fr, Pos: file.Pos(c.Span.Start), End: file.Pos(c.Span.End)}
		switch m.ContextOf(fr) {
		case nest.Request:
			fd.What = "`process.exit()` kills the app, skipping shutdown hooks and cutting in-flight requests,"
			fd.Fix = "throw an exception instead"
		case nest.Startup:
			fd.What = "`process.exit()` skips the shutdown hooks of initialized modules"
			fd.Fix = "throw instead"
		case nest.Shutdown:
			fd.What = "`process.exit()` cuts shutdown short"
			fd.Fix = "the remaining hooks never run: return and let Nest finish"
		}
		m.Report(pass, policy, fd)
	}
}
