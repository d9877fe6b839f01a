package hooksmissing

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

const ruleID = "shutdown/hooks-missing"

// Rule is shutdown/hooks-missing.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "hooksmissing", SARIFName: "ShutdownHooksNotEnabled",
	Severity: lint.Error, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.1.0", Fixable: true,
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	for _, b := range m.Bootstraps {
		file := m.Files[b.File]
		lint.Guard(pass, file.Path, func() { check(pass, m, b) })
	}
	return nil, nil
}

// within reports whether function fn is f or nested in it (f -1 is the top
// level, which holds everything).
func within(facts *parser.Facts, fn, f int) bool {
	if f < 0 {
		return true
	}
	for fn >= 0 {
		if fn == f {
			return true
		}
		fn = facts.Funcs[fn].Parent
	}
	return false
}

// signalNames are the signals whose handler may stand in for enableShutdownHooks.
var signalNames = map[string]bool{"SIGTERM": true, "SIGINT": true}

func check(pass *analysis.Pass, m *nest.Model, b nest.Bootstrap) {
	if m.IsOffline(b.File) || b.AppVar == "" {
		return
	}
	file := m.Files[b.File]
	facts := file.Facts
	app := b.AppVar
	var served, listens, hooks, closes bool
	for ci := range nest.CallID(len(facts.Calls)) {
		c := &facts.Calls[ci]
		if !within(facts, c.Func, int(b.Func)) {
			continue
		}
		if len(c.Path) == 2 && c.Path[0] == app {
			switch c.Path[1] {
			case "listen":
				served, listens = true, true
			case "startAllMicroservices", "connectMicroservice":
				if b.Method != "createApplicationContext" {
					served = true
				}
			case "enableShutdownHooks":
				hooks = true
			case "close":
				if nest.FuncID(c.Func) == b.Func {
					closes = true
				}
			}
		}
		if h, ok := signalHandler(m, b.File, ci); ok && signalNames[h.Signal] && handlerCloses(m, h.Handler, app) {
			hooks = true
		}
		if !hooks {
			for ai, a := range c.Args {
				if a.Kind == parser.VIdent && a.Text == app && helperEnables(m, b.File, ci, ai, 2) {
					hooks = true
				}
			}
		}
	}
	if b.Method == "createApplicationContext" && !listens {
		return
	}
	if !served || hooks || (closes && !listens) {
		return
	}
	call := &facts.Calls[b.Call]
	msg := fmt.Sprintf("%s from `NestFactory.%s` never gets `enableShutdownHooks()`, so no shutdown hook runs on SIGTERM; call %s",
		lint.QuoteMax(app, lint.MaxMessageQuote), b.Method, lint.QuoteMax(app+".enableShutdownHooks()", lint.MaxMessageQuote))
	var opts []lint.Option
	if fix, ok := insertion(file, call.Span, app); ok {
		opts = append(opts, lint.WithFix(fix))
	}
	lint.Report(pass, lint.Error, file.Pos(call.Span.Start), file.Pos(call.Span.End), msg, opts...)
}

// insertion builds the fix: `<indent><app>.enableShutdownHooks();` on the
// line after the statement that holds the create call.
func insertion(file *parser.File, call parser.Span, app string) (analysis.SuggestedFix, bool) {
	src := file.Source()
	end := int(call.End)
	for end < len(src) && src[end] != '\n' {
		end++
	}
	if end >= len(src) {
		return analysis.SuggestedFix{}, false
	}
	end++ // start of the next line
	ls := int(call.Start)
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	is := ls
	for is < len(src) && (src[is] == ' ' || src[is] == '\t') {
		is++
	}
	text := string(src[ls:is]) + app + ".enableShutdownHooks();\n"
	pos := file.Pos(uint32(end))
	return analysis.SuggestedFix{
		Message:   "add " + app + ".enableShutdownHooks() after NestFactory.create",
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
	}, true
}

// signalHandler returns the signal handler that call ci of file fi
// registers, as the model found it (process.on, once, addListener...).
func signalHandler(m *nest.Model, fi nest.FileID, ci nest.CallID) (nest.SignalHandler, bool) {
	for _, h := range m.SignalHandlers {
		if h.File == fi && h.Call == ci {
			return h, true
		}
	}
	return nest.SignalHandler{}, false
}

// handlerCloses reports whether a signal handler (inline or a named
// function of the project) calls <app>.close().
func handlerCloses(m *nest.Model, hf nest.FuncRef, app string) bool {
	if hf.Index < 0 {
		return false
	}
	facts := m.Files[hf.File].Facts
	for _, c := range facts.Calls {
		if within(facts, c.Func, int(hf.Index)) && c.Method == "close" && len(c.Path) == 2 && c.Path[0] == app {
			return true
		}
	}
	return false
}

// helperEnables reports whether the callee of call ci, given the app as
// argument ai, calls enableShutdownHooks() on that parameter, itself or
// through depth-1 further helpers.
func helperEnables(m *nest.Model, fi nest.FileID, ci nest.CallID, ai, depth int) bool {
	for _, fr := range m.ResolveCallee(fi, ci).Funcs {
		fn := m.Func(fr)
		if fn == nil || ai >= len(fn.Params) {
			continue
		}
		param := fn.Params[ai].Name
		facts := m.Files[fr.File].Facts
		for cj := range nest.CallID(len(facts.Calls)) {
			c := &facts.Calls[cj]
			if !within(facts, c.Func, int(fr.Index)) {
				continue
			}
			if len(c.Path) == 2 && c.Path[0] == param && c.Path[1] == "enableShutdownHooks" {
				return true
			}
			if depth > 1 {
				for aj, a := range c.Args {
					if a.Kind == parser.VIdent && a.Text == param && helperEnables(m, fr.File, cj, aj, depth-1) {
						return true
					}
				}
			}
		}
	}
	return false
}
