package floatingpromise

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/internal/rejects"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "async/floating-promise"

// Rule is async/floating-promise.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "floatingpromise", SARIFName: "FloatingPromise",
	Severity: lint.Error, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.2.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// ignoring are the methods that call a callback and drop what it returns:
// a promise returned from such a callback floats.
var ignoring = map[string]bool{
	"forEach": true, "subscribe": true, "on": true, "once": true, "addListener": true,
	"prependListener": true, "nextTick": true, "queueMicrotask": true,
}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	ra := rejects.New(m)
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, ra, fi, file) })
	}
	return nil, nil
}

// policy is the rule's context policy, in one place: where the code runs
// decides the severity. A timer callback runs on its own, whatever context
// registered it. The where phrase is the shared one (nest.Model.Where): the
// request path travels with the finding, not in its message.
func policy(m *nest.Model, fr nest.FuncRef) (lint.Severity, string, []lint.Step) {
	if t, ok := rejects.TimerCallback(m, fr); ok {
		return lint.Error, "in a `" + t + "` callback", nil
	}
	ctx := m.ContextOf(fr)
	sev := nest.DefaultPolicy.For(ctx)
	switch ctx {
	case nest.Request:
		return sev, strings.TrimSpace(m.Where(fr, ctx)), m.StepsFor(m.PathTo(fr))
	case nest.Unknown:
		return sev, strings.TrimSpace(m.Where(fr, ctx)), nil
	}
	return sev, "", nil
}

// dropped reports whether the value of call c is thrown away: an
// expression statement, `void`, or the return value of a callback whose
// caller ignores it (`items.forEach(i => this.save(i))`).
func dropped(m *nest.Model, fi nest.FileID, c *parser.Call) (bool, string) {
	f := m.Files[fi].Facts
	switch c.Use {
	case parser.UseDiscard:
		return true, "is not awaited"
	case parser.UseVoid:
		return true, "is discarded with void"
	case parser.UseReturn:
		if c.Func < 0 {
			return false, ""
		}
		k := nest.CallID(f.Funcs[c.Func].ArgOf)
		if k < 0 {
			return false, ""
		}
		if rejects.TimerCall(m, fi, k) {
			return true, "is returned to `" + f.Calls[k].Method + "`, which ignores it"
		}
		kc := &f.Calls[k]
		if ignoring[kc.Method] && (len(kc.Path) != 1) && len(m.ResolveCallee(fi, k).Funcs) == 0 {
			return true, "is returned to `" + kc.Method + "`, which ignores it"
		}
	}
	return false, ""
}

func check(pass *analysis.Pass, m *nest.Model, ra *rejects.Analysis, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for ci := range nest.CallID(len(f.Calls)) {
		c := &f.Calls[ci]
		if c.Func < 0 || c.New {
			continue
		}
		ok, how := dropped(m, fi, c)
		if !ok {
			continue
		}
		why := ra.CallRejects(fi, ci)
		if why == "" {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
		sev, where, steps := policy(m, fr)
		if sev == lint.Off {
			continue
		}
		if c.Use == parser.UseReturn {
			how += ","
			if _, timer := rejects.TimerCallback(m, fr); timer {
				how, where = strings.TrimSuffix(how, ","), ""
			}
		}
		what := rejects.QuoteLabel(rejects.Label(m, fi, ci))
		head := strings.TrimSpace("the promise of " + what + " " + how + " " + where)
		msg := head + "; if it rejects, the process crashes"
		opts := []lint.Option{lint.WithProperty("rejects", why)}
		if steps != nil {
			opts = append(opts, lint.WithPath(steps))
		}
		lint.Report(pass, sev, file.Pos(c.Span.Start), file.Pos(c.Span.End), msg, opts...)
	}
	// an async callback handed to forEach: each call's promise is dropped
	for fj := range f.Funcs {
		fn := &f.Funcs[fj]
		if !fn.Async || fn.ArgOf < 0 || f.Calls[fn.ArgOf].Method != "forEach" || len(f.Calls[fn.ArgOf].Path) == 1 {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(fj)}
		why := ra.Rejects(fr)
		if why == "" {
			continue
		}
		sev, where, steps := policy(m, nest.FuncRef{File: fi, Index: nest.FuncID(f.Calls[fn.ArgOf].Func)})
		if sev == lint.Off {
			continue
		}
		opts := []lint.Option{lint.WithProperty("rejects", why)}
		if steps != nil {
			opts = append(opts, lint.WithPath(steps))
		}
		lint.Report(pass, sev, file.Pos(fn.Span.Start), file.Pos(fn.Span.End),
			fmt.Sprintf("`forEach` drops the promises of this async callback %s, so a rejection crashes the process; use `for…of` with `await`", where), opts...)
	}
}
