package busywait

import (
	_ "embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

// Rule is event-loop/busy-wait.
var Rule = lint.NewRule(lint.Meta{
	ID: "event-loop/busy-wait", Name: "busywait", SARIFName: "BusyWaitBlocksEventLoop",
	Severity: lint.Error, Tags: []string{"performance", "reliability"}, Precision: lint.High, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	m.EachFile(pass, false, func(fi nest.FileID, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// policy: a spin blocks every request wherever it runs; offline code is
// not judged.
var policy = nest.Policy{Request: lint.Error, Unknown: lint.Warning, Startup: lint.Warning, Shutdown: lint.Warning}

func report(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, fn int, span parser.Span, what string) {
	m.Report(pass, policy, nest.Finding{
		Func: nest.FuncRef{File: fi, Index: nest.FuncID(fn)}, Pos: file.Pos(span.Start), End: file.Pos(span.End),
		What: what,
		Fix:  "await a timer (`node:timers/promises`)",
	})
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for _, l := range f.Loops {
		if l.TimeCond && !l.BodyHasAwait {
			report(pass, m, fi, file, l.Func, parser.Span{Start: l.Start, End: l.Start + uint32(loopKeywordLen(file.Source()[l.Start:]))}, "a loop spins on the clock and blocks the event loop")
		}
	}
	workers := false
	for _, im := range f.Imports {
		if strings.TrimPrefix(im.Source, "node:") == "worker_threads" {
			workers = true
		}
	}
	if workers {
		return
	}
	for ci, c := range f.Calls {
		if len(c.Path) == 2 && c.Path[0] == "Atomics" && c.Path[1] == "wait" {
			if d := m.Resolve(fi, nest.FuncID(c.Func), "Atomics"); d.Kind == nest.DeclNone {
				report(pass, m, fi, file, c.Func, f.Calls[ci].Span, "`Atomics.wait` blocks the event loop")
			}
		}
	}
}

func loopKeywordLen(b []byte) int {
	for i, c := range b {
		if c == ' ' || c == '(' || c == '{' || c == '\n' {
			return i
		}
	}
	return len(b)
}
