package signalexit

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

const ruleID = "shutdown/signal-exit"

// Rule is shutdown/signal-exit.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "signalexit", SARIFName: "SignalHandlerExitsWithoutClose",
	Severity: lint.Warning, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	nestIn := m.ProcessFiles()
	// The model finds every signal handler once (process.on, once,
	// addListener, prependListener...), for this rule and
	// shutdown/process-exit alike.
	for _, h := range m.SignalHandlers {
		if m.IsOffline(h.File) || h.Handler.Index < 0 {
			continue
		}
		lint.Guard(pass, m.Files[h.File].Path, func() { check(pass, m, h, nestIn) })
	}
	return nil, nil
}

func within(f *parser.Facts, fn, outer int) bool {
	for fn >= 0 {
		if fn == outer {
			return true
		}
		fn = f.Funcs[fn].Parent
	}
	return false
}

// inNestProcess reports whether a handler registered in function fn of
// file fi belongs to a Nest app: its file is reached from a bootstrap, or
// it is registered by a Nest provider, controller or module.
func inNestProcess(m *nest.Model, nestIn map[nest.FileID]bool, fi nest.FileID, fn int) bool {
	if nestIn[fi] {
		return true
	}
	f := m.Files[fi].Facts
	for cur, n := fn, 0; cur >= 0 && n < 64; n++ {
		if c := f.Funcs[cur].Class; c >= 0 {
			info := m.Classes[nest.ClassRef{File: fi, Index: nest.ClassID(c)}]
			return info != nil && (len(info.Kinds) > 0 || info.Provided)
		}
		cur = f.Funcs[cur].Parent
	}
	return false
}

func check(pass *analysis.Pass, m *nest.Model, h nest.SignalHandler, nestIn map[nest.FileID]bool) {
	fi := h.File
	if !m.InScope(fi) {
		// Outside the Nest server scope (a standalone server or a browser
		// app linted with --scope all) no Nest app runs in the process:
		// there are no shutdown hooks to skip.
		return
	}
	file := m.Files[fi]
	c := &file.Facts.Calls[h.Call]
	if !inNestProcess(m, nestIn, fi, c.Func) {
		return // a plain Node process (a standalone worker or CLI): no app to close
	}
	hf := h.Handler
	hfile := m.Files[hf.File]
	for _, x := range exitsWithoutClose(m, hf) {
		lint.Report(pass, lint.Warning, hfile.Pos(x.Start), hfile.Pos(x.End),
			fmt.Sprintf("the `%s` handler calls `process.exit()` before `app.close()` finishes, so Nest's shutdown hooks never run; `await app.close()` first", h.Signal),
			lint.WithRelated(file.Pos(c.Span.Start), file.Pos(c.Span.End), "handler registered here"))
	}
}

// exitsWithoutClose returns the process.exit calls of handler h that run
// before any awaited .close() of the handler and not in a .then() chained
// on a close().
func exitsWithoutClose(m *nest.Model, hr nest.FuncRef) []parser.Span {
	f, h := m.Files[hr.File].Facts, hr.Index
	var closes []parser.Span // awaited close() directly in the handler
	var allCloses []parser.Span
	for _, c := range f.Calls {
		if c.Method == "close" && within(f, c.Func, int(h)) {
			allCloses = append(allCloses, c.Span)
			if c.Await && nest.FuncID(c.Func) == h {
				closes = append(closes, c.Span)
			}
		}
	}
	var out []parser.Span
	for ci, c := range f.Calls {
		if !m.CallIs(hr.File, nest.CallID(ci), "process.exit") || !within(f, c.Func, int(h)) {
			continue
		}
		ok := false
		for _, s := range closes {
			if s.End <= c.Span.Start {
				ok = true
			}
		}
		// app.close().then(() => process.exit(0)) or .finally(...)
		for fn := c.Func; fn >= 0 && nest.FuncID(fn) != h && !ok; fn = f.Funcs[fn].Parent {
			a := f.Funcs[fn].ArgOf
			if a < 0 {
				continue
			}
			then := &f.Calls[a]
			if then.Method != "then" && then.Method != "finally" {
				continue
			}
			for _, s := range allCloses {
				if then.Callee.Start <= s.Start && s.End <= then.Callee.End {
					ok = true
				}
			}
		}
		if !ok {
			out = append(out, c.Span)
		}
	}
	return out
}
