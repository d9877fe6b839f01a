package handlerrejection

import (
	_ "embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/internal/rejects"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "async/handler-rejection"

// Rule is async/handler-rejection.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "handlerrejection", SARIFName: "UnwrappedAsyncHandlerRejects",
	Severity: lint.Error, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.2.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// emitterTypes are the external types whose on()/once() listeners are
// called with their returned promise ignored.
var emitterTypes = map[string]bool{
	"events:EventEmitter": true, "events:default": true, "events:*": true,
	"eventemitter2:EventEmitter2": true, "@nestjs/event-emitter:EventEmitter2": true,
	"ioredis:Redis": true, "ioredis:default": true,
	"socket.io:Socket": true, "socket.io:Server": true, "ws:WebSocket": true, "ws:default": true,
	"bullmq:Worker": true, "bullmq:QueueEvents": true,
}

var listenMethods = map[string]bool{"on": true, "once": true, "addListener": true, "prependListener": true}

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

// policy is the rule's context policy, in one place: a handler crashes the
// process wherever it was registered, so the severity only drops when no
// entry point or startup code is known to register it.
var severities = nest.Policy{Request: lint.Error, Unknown: lint.Warning, Startup: lint.Error, Shutdown: lint.Error}

func policy(m *nest.Model, where nest.FuncRef) lint.Severity {
	ctx := m.ContextOf(where)
	if ctx == nest.Unknown && where.Index < 0 {
		return lint.Error // module top level runs on import
	}
	return severities.For(ctx)
}

// emitterCall reports whether call k registers a listener on a known event
// emitter (or process), and names it.
func emitterCall(m *nest.Model, fi nest.FileID, k int) (string, bool) {
	c := &m.Files[fi].Facts.Calls[k]
	if !listenMethods[c.Method] || len(c.Path) < 2 {
		return "", false
	}
	if len(c.Path) == 2 && c.Path[0] == "process" && m.Resolve(fi, nest.FuncID(c.Func), "process").Kind == nest.DeclNone {
		if len(c.Args) > 0 && c.Args[0].Kind == parser.VString && strings.HasPrefix(c.Args[0].Text, "SIG") {
			return "", false // signal handlers are shutdown/signal-exit's business
		}
		return "process." + c.Method, true
	}
	h, ok := rejects.HolderOf(m, fi, c.Func, c.Path[:len(c.Path)-1])
	if !ok || len(c.Path) > 3 || (c.Path[0] == "this") != (len(c.Path) == 3) {
		return "", false
	}
	if !emitterTypes[h.External] && !(h.Init.Kind == parser.VNew && newEmitter(m, h.InitFile, h.Init.Text)) {
		return "", false
	}
	if h.Init.Kind == parser.VNew && captures(h.Init) {
		return "", false // new EventEmitter({ captureRejections: true }) routes rejections to 'error'
	}
	return strings.Join(c.Path, "."), true
}

func captures(v parser.Value) bool {
	for _, a := range v.Elems() {
		for _, p := range a.Props() {
			if p.Key == "captureRejections" && p.Value.Kind == parser.VBool && p.Value.Text == "true" {
				return true
			}
		}
	}
	return false
}

func newEmitter(m *nest.Model, fi nest.FileID, ctor string) bool {
	parts := strings.Split(ctor, ".")
	d := m.ResolveTop(fi, parts[0])
	return d.Kind == nest.DeclExternal && emitterTypes[d.Module+":"+d.Name]
}

func check(pass *analysis.Pass, m *nest.Model, ra *rejects.Analysis, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for fj := range f.Funcs {
		fn := &f.Funcs[fj]
		if !fn.Async {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(fj)}
		var what string
		var where nest.FuncRef
		switch {
		case fn.ArgOf >= 0 && rejects.TimerCall(m, fi, nest.CallID(fn.ArgOf)):
			what = "async `" + f.Calls[fn.ArgOf].Path[len(f.Calls[fn.ArgOf].Path)-1] + "` callback"
			where = nest.FuncRef{File: fi, Index: nest.FuncID(f.Calls[fn.ArgOf].Func)}
		case fn.ArgOf >= 0:
			name, ok := emitterCall(m, fi, fn.ArgOf)
			if !ok {
				continue
			}
			what = "async listener passed to " + lint.QuoteMax(name, lint.MaxMessageQuote)
			where = nest.FuncRef{File: fi, Index: nest.FuncID(f.Calls[fn.ArgOf].Func)}
		case fn.Class >= 0 && unsuppressedOnEvent(fn):
			what = "async `@OnEvent` handler with `suppressErrors: false`"
			where = fr
		default:
			continue
		}
		sp, why, ok := ra.Uncovered(fr)
		if !ok {
			continue
		}
		sev := policy(m, where)
		if sev == lint.Off {
			continue
		}
		at := fn.Span
		if fn.Kind == parser.FMethod {
			at = fn.NameSpan
		}
		lint.Report(pass, sev, file.Pos(at.Start), file.Pos(at.Start),
			what+" can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`",
			lint.WithRelated(file.Pos(sp.Start), file.Pos(sp.End), "can reject here: "+why))
	}
}

// unsuppressedOnEvent reports whether a method carries @OnEvent(..., {
// suppressErrors: false }): by default @nestjs/event-emitter catches and
// logs what a listener throws.
func unsuppressedOnEvent(fn *parser.Func) bool {
	for _, d := range fn.Decorators {
		if d.Name != "OnEvent" || len(d.Args) < 2 || d.Args[1].Kind != parser.VObject {
			continue
		}
		for _, p := range d.Args[1].Props() {
			if p.Key == "suppressErrors" && p.Value.Kind == parser.VBool && p.Value.Text == "false" {
				return true
			}
		}
	}
	return false
}
