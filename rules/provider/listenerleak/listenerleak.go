package listenerleak

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/leak"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "provider/listener-leak"

// Rule is provider/listener-leak.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "listenerleak", SARIFName: "ListenerNeverRemoved",
	Severity: lint.Warning, Tags: []string{"performance", "reliability"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

var (
	listenMethods = map[string]bool{"on": true, "addListener": true, "once": true, "prependListener": true, "prependOnceListener": true}
	offMethods    = map[string]bool{"off": true, "removeListener": true, "removeAllListeners": true}
	// closeMethods end the emitter itself, which drops its listeners.
	closeMethods  = map[string]bool{"quit": true, "disconnect": true, "close": true, "end": true, "destroy": true, "complete": true, "removeAllListeners": true, "terminate": true}
	shutdownHooks = map[string]bool{"onModuleDestroy": true, "beforeApplicationShutdown": true, "onApplicationShutdown": true}
	globalObjects = map[string]bool{"global": true, "globalThis": true, "window": true}
)

type kind uint8

const (
	kListener kind = iota + 1
	kSubscribe
	kInterval
	kTimeout
)

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	m.EachFile(pass, true, func(fi nest.FileID, file *parser.File) { check(pass, m, fi, file) })
	return nil, nil
}

// classify returns what a call registers and its receiver path.
func classify(m *nest.Model, fi nest.FileID, f *parser.Facts, c *parser.Call) (kind, []string) {
	if c.New || len(c.Path) == 0 {
		return 0, nil
	}
	p := c.Path
	if len(p) == 2 && globalObjects[p[0]] {
		p = p[1:]
	}
	if len(p) == 1 {
		switch p[0] {
		case "setInterval":
			return kInterval, nil
		case "setTimeout":
			if recurring(m, fi, f, c) {
				return kTimeout, nil
			}
		}
		return 0, nil
	}
	recv := p[:len(p)-1]
	k := kind(0)
	switch {
	case listenMethods[c.Method] && len(c.Args) >= 2:
		k = kListener
	case c.Method == "subscribe" && recv[0] != "process":
		k = kSubscribe
	default:
		return 0, nil
	}
	if !longLived(m, fi, c.Func, recv) {
		return 0, nil
	}
	return k, recv
}

// longLived reports whether a receiver outlives a request: process, a
// field of this, or a module-level variable. Parameters and locals (req,
// res, socket, a stream) die with the request and are not reported.
func longLived(m *nest.Model, fi nest.FileID, fn int, recv []string) bool {
	switch recv[0] {
	case "process":
		return len(recv) == 1
	case "this":
		return len(recv) >= 2
	}
	d := m.Resolve(fi, nest.FuncID(fn), recv[0])
	return d.Kind == nest.DeclVar
}

// recurring reports whether a setTimeout callback schedules again: it is,
// or it calls, the function that contains the setTimeout.
func recurring(m *nest.Model, fi nest.FileID, f *parser.Facts, c *parser.Call) bool {
	if len(c.Args) == 0 || c.Args[0].Kind != parser.VFunc && c.Args[0].Kind != parser.VIdent {
		return false
	}
	outer := ""
	if c.Func >= 0 {
		outer = f.Funcs[c.Func].Name
	}
	cb := -1
	if c.Args[0].Kind == parser.VFunc {
		cb = int(c.Args[0].Func)
	}
	if c.Args[0].Kind == parser.VIdent {
		// setTimeout(this.tick, ...) or setTimeout(tick, ...) from inside tick
		t := c.Args[0].Text
		return outer != "" && (t == outer || t == "this."+outer)
	}
	if cb < 0 {
		return false
	}
	for i := range f.Calls {
		k := &f.Calls[i]
		if k.Func < 0 || !leak.Within(f, k.Func, cb) || len(k.Path) == 0 {
			continue
		}
		last := k.Path[len(k.Path)-1]
		if outer != "" && last == outer && (len(k.Path) == 1 || len(k.Path) == 2 && k.Path[0] == "this") {
			return true
		}
	}
	return false
}

func sameClass(f *parser.Facts, fn, ci int) bool {
	if fn < 0 {
		return ci < 0
	}
	return leak.ClassOf(f, fn) == ci
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// removed reports whether some call in scope undoes the registration.
// inScope selects the functions searched.
func removed(f *parser.Facts, k kind, recv []string, inScope func(fn int) bool, closing bool) bool {
	for i := range f.Calls {
		c := &f.Calls[i]
		if !inScope(c.Func) || len(c.Path) == 0 {
			continue
		}
		r := c.Path[:len(c.Path)-1]
		switch k {
		case kListener:
			if offMethods[c.Method] && equal(r, recv) {
				return true
			}
			if closing && closeMethods[c.Method] && equal(r, recv) {
				return true
			}
		case kSubscribe:
			if c.Method == "unsubscribe" || (closing && closeMethods[c.Method] && equal(r, recv)) {
				return true
			}
		case kInterval:
			if c.Method == "clearInterval" {
				return true
			}
		case kTimeout:
			if c.Method == "clearTimeout" {
				return true
			}
		}
	}
	return false
}

func describe(k kind, c *parser.Call, recv []string) string {
	switch k {
	case kInterval:
		return "`setInterval`"
	case kTimeout:
		return "a recurring `setTimeout`"
	case kSubscribe:
		return "a subscription to " + lint.QuoteMax(strings.Join(recv, "."), lint.MaxMessageQuote)
	}
	ev := ""
	if len(c.Args) > 0 && c.Args[0].Kind == parser.VString {
		ev = fmt.Sprintf(" '%s'", c.Args[0].Text)
	}
	return lint.QuoteMax(fmt.Sprintf("%s.%s(%s)", strings.Join(recv, "."), c.Method, strings.TrimPrefix(ev, " ")), lint.MaxMessageQuote) + " listener"
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for i := range f.Calls {
		c := &f.Calls[i]
		k, recv := classify(m, fi, f, c)
		if k == 0 || c.Func < 0 {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
		ci := leak.ClassOf(f, c.Func)
		pos, end := file.Pos(c.Span.Start), file.Pos(c.Span.End)
		what := describe(k, c, recv)
		switch m.ContextOf(fr) {
		case nest.Request:
			inClass := func(fn int) bool { return sameClass(f, fn, ci) }
			if removed(f, k, recv, inClass, false) {
				continue
			}
			lint.Report(pass, lint.Warning, pos, end,
				what+" is added per request and never removed, so they pile up and leak memory; remove it when the request ends",
				lint.WithPath(m.StepsFor(m.PathTo(fr))))
		case nest.Startup:
			if k == kInterval || k == kTimeout || ci < 0 {
				continue // timers at startup belong to shutdown/unclosed-resource
			}
			ref := nest.ClassRef{File: fi, Index: nest.ClassID(ci)}
			info := m.Classes[ref]
			if info == nil || len(info.Kinds) == 0 {
				continue
			}
			if !foreign(m, info, recv) {
				continue // an emitter the provider creates itself goes away with it
			}
			if len(recv) == 1 && recv[0] == "process" && k == kListener && len(c.Args) > 0 &&
				c.Args[0].Kind == parser.VString && processWide[c.Args[0].Text] {
				continue // one process-wide handler registered once at startup: it does not accumulate
			}
			hooks := map[int]bool{}
			for _, mi := range f.Classes[ci].Methods {
				if shutdownHooks[f.Funcs[mi].Name] {
					hooks[mi] = true
				}
			}
			inShutdown := func(fn int) bool {
				if fn < 0 || leak.ClassOf(f, fn) != ci {
					return false
				}
				for h := range hooks {
					if leak.Within(f, fn, h) {
						return true
					}
				}
				return m.ContextOf(nest.FuncRef{File: fi, Index: nest.FuncID(fn)}) == nest.Shutdown
			}
			if removed(f, k, recv, inShutdown, true) {
				continue
			}
			lint.Report(pass, lint.Warning, pos, end,
				fmt.Sprintf("%s added at startup is never removed, so after `app.close()` it keeps `%s` alive; remove it on shutdown",
					what, f.Classes[ci].Name))
		}
	}
}

// processWide are the process events a Nest app handles once for the
// whole process (signals, fatal errors): registered at startup they do not
// accumulate in a running app.
var processWide = map[string]bool{
	"SIGTERM": true, "SIGINT": true, "SIGHUP": true, "SIGUSR2": true, "SIGQUIT": true,
	"beforeExit": true, "exit": true, "uncaughtException": true, "unhandledRejection": true, "warning": true,
}

// foreign reports whether the receiver belongs to someone else than the
// provider: process, a module-level variable, or an injected dependency.
func foreign(m *nest.Model, info *nest.ClassInfo, recv []string) bool {
	if recv[0] != "this" {
		return true
	}
	for _, d := range info.Deps {
		if d.Name == recv[1] {
			return true
		}
	}
	return false
}
