package requestscopeescalation

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

const ruleID = "provider/request-scope-escalation"

// Rule is provider/request-scope-escalation.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "requestscopeescalation", SARIFName: "RequestScopeWithoutRequest",
	Severity: lint.Error, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.2.0",
	Options: map[string]string{
		"minRoutes": "report a controller made request-scoped by bubbling (as a note) when it serves at least this many routes; default 3, 0 turns the note off",
	},
	NewOptions: func() any { return new(Options) },
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// Options are the rule's options.
type Options struct {
	MinRoutes *int `json:"minRoutes"`
}

// host is a kind of code that runs with no HTTP request.
type host uint8

const (
	hostCron host = iota
	hostGateway
	hostPassport
	hostLifecycle
	hostProcessor
	hostEvent
	hostController
	hostModuleRefGet
)

// policy is the rule's context policy, in one place: what breaks decides
// the severity. Cron jobs, gateways, Passport strategies and lifecycle
// hooks silently stop working; processors and event listeners work but get
// a new instance (and the job or payload as REQUEST) every time; a
// bubbled controller only costs.
func policy(h host) lint.Severity {
	switch h {
	case hostProcessor, hostEvent:
		return lint.Warning
	case hostController:
		return lint.Note
	}
	return lint.Error
}

var (
	cronDecorators = map[string]bool{"Cron": true, "Interval": true, "Timeout": true}
	lifecycle      = map[string]bool{"onModuleInit": true, "onApplicationBootstrap": true, "onModuleDestroy": true,
		"beforeApplicationShutdown": true, "onApplicationShutdown": true}
	routeDecorators = map[string]bool{"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true,
		"Options": true, "Head": true, "All": true, "Sse": true, "Search": true}
)

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	env := lint.EnvOf(pass)
	var opts Options
	if err := env.Settings.Options(ruleID, &opts); err != nil {
		return nil, err
	}
	minRoutes := 3
	if opts.MinRoutes != nil {
		minRoutes = *opts.MinRoutes
	}
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file, minRoutes) })
	}
	return nil, nil
}

// chain explains why a class is request-scoped: "OrdersService -> TenantContext (injects REQUEST)".
func chain(m *nest.Model, c nest.ClassRef) string {
	var parts []string
	seen := map[nest.ClassRef]bool{}
	for depth := 0; depth < 16; depth++ {
		info := m.Classes[c]
		if info == nil || seen[c] {
			break
		}
		seen[c] = true
		next := (*nest.ClassRef)(nil)
		if strings.HasPrefix(info.ScopeReason, "injects ") && strings.HasSuffix(info.ScopeReason, "(request-scoped)") {
			for _, d := range info.Deps {
				if d.Class != nil {
					if di := m.Classes[*d.Class]; di != nil && di.Scope == nest.RequestScoped {
						next = d.Class
						break
					}
				}
			}
		}
		if next == nil {
			parts = append(parts, fmt.Sprintf("%s (%s)", info.Name, info.ScopeReason))
			break
		}
		parts = append(parts, info.Name)
		c = *next
	}
	return strings.Join(parts, " -> ")
}

// short says in a few words why a class is request-scoped, for a
// message: "through `TenantContext`" when it inherits the scope, else its
// own reason with the code quoted ("injects `REQUEST`"). The whole chain
// travels as the scopeChain property.
func short(m *nest.Model, c nest.ClassRef) string {
	self := m.Classes[c]
	seen := map[nest.ClassRef]bool{}
	for depth := 0; depth < 16; depth++ {
		info := m.Classes[c]
		if info == nil || seen[c] {
			break
		}
		seen[c] = true
		var next *nest.ClassRef
		if strings.HasPrefix(info.ScopeReason, "injects ") && strings.HasSuffix(info.ScopeReason, "(request-scoped)") {
			for _, d := range info.Deps {
				if d.Class != nil {
					if di := m.Classes[*d.Class]; di != nil && di.Scope == nest.RequestScoped {
						next = d.Class
						break
					}
				}
			}
		}
		if next == nil {
			if info == self {
				return quoteReason(info.ScopeReason)
			}
			return "through `" + info.Name + "`"
		}
		c = *next
	}
	if self == nil {
		return ""
	}
	return quoteReason(self.ScopeReason)
}

// quoteReason quotes the code of a scope reason: "declared Scope.REQUEST"
// becomes "declared `Scope.REQUEST`".
func quoteReason(r string) string {
	r = strings.TrimSuffix(r, " (request-scoped)")
	i := strings.LastIndexByte(r, ' ')
	if i < 0 {
		return r
	}
	return r[:i+1] + "`" + r[i+1:] + "`"
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, minRoutes int) {
	f := file.Facts
	moduleRefGets(pass, m, fi, file)
	for ci := range f.Classes {
		ref := nest.ClassRef{File: fi, Index: nest.ClassID(ci)}
		info := m.Classes[ref]
		if info == nil || info.Scope != nest.RequestScoped || (!info.Provided && len(info.Kinds) == 0) {
			continue
		}
		cl := &f.Classes[ci]
		full, why := chain(m, ref), short(m, ref)
		name := "`" + info.Name + "`"
		at := cl.NameSpan
		report := func(h host, span parser.Span, msg string) {
			sev := policy(h)
			lint.Report(pass, sev, file.Pos(span.Start), file.Pos(span.End), msg, lint.WithProperty("scopeChain", full))
		}
		routes := 0
		reported := false
		for _, mi := range cl.Methods {
			fn := &f.Funcs[mi]
			for _, d := range fn.Decorators {
				n := d.Name
				if i := strings.LastIndexByte(n, '.'); i >= 0 {
					n = n[i+1:]
				}
				switch {
				case cronDecorators[n] && !reported:
					report(hostCron, fn.NameSpan, fmt.Sprintf("`@%s` job never runs: %s is request-scoped (%s) and only singletons get scheduled jobs; move the job to a singleton", n, name, why))
					reported = true
				case n == "OnEvent":
					report(hostEvent, fn.NameSpan, fmt.Sprintf("`@OnEvent` listener of request-scoped %s (%s) gets the event payload as `REQUEST`, not request data", name, why))
				case routeDecorators[n]:
					routes++
				}
			}
			if lifecycle[fn.Name] && !fn.Static {
				report(hostLifecycle, fn.NameSpan, fmt.Sprintf("`%s` never runs: Nest calls no lifecycle hooks on request-scoped providers, and %s is one (%s)", fn.Name, name, why))
			}
		}
		switch {
		case info.Is("WebSocketGateway"):
			report(hostGateway, at, fmt.Sprintf("gateway %s is request-scoped (%s), but a gateway holds a socket server and must be a singleton", name, why))
		case strings.HasPrefix(cl.Extends, "PassportStrategy"):
			report(hostPassport, at, fmt.Sprintf("Passport strategy %s is request-scoped (%s), but strategies are registered once at startup; resolve it in `validate()`", name, why))
		case info.Is("Processor"):
			report(hostProcessor, at, fmt.Sprintf("queue processor %s is request-scoped (%s): Nest builds it per job and injects the job, not a request, as `REQUEST`", name, why))
		case info.Controller && minRoutes > 0 && routes >= minRoutes && strings.HasSuffix(info.ScopeReason, "(request-scoped)"):
			report(hostController, at, fmt.Sprintf("controller %s (%d routes) is request-scoped only %s, so Nest rebuilds it per request; inject request data where it is used", name, routes, why))
		}
	}
}

// moduleRefGets reports moduleRef.get(X) of a request-scoped or transient
// X: get() only returns static instances and throws for scoped providers
// (InvalidClassScopeException); resolve() is the call that builds them.
func moduleRefGets(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	for ci := range f.Calls {
		c := &f.Calls[ci]
		if c.New || c.Method != "get" || len(c.Path) < 2 || len(c.Args) == 0 || c.Args[0].Kind != parser.VIdent || strings.Contains(c.Args[0].Text, ".") {
			continue
		}
		h, ok := rejects.HolderOf(m, fi, c.Func, c.Path[:len(c.Path)-1])
		if !ok || h.External != "@nestjs/core:ModuleRef" {
			continue
		}
		d := m.Resolve(fi, nest.FuncID(c.Func), c.Args[0].Text)
		if d.Kind != nest.DeclClass {
			continue
		}
		ref := d.Class()
		sc, _ := m.ScopeOf(ref)
		if sc == nest.Default {
			continue
		}
		full, why := chain(m, ref), short(m, ref)
		if sc == nest.Transient {
			full = m.Classes[ref].Name + " (" + m.Classes[ref].ScopeReason + ")"
			why = quoteReason(m.Classes[ref].ScopeReason)
		}
		lint.Report(pass, policy(hostModuleRefGet), file.Pos(c.Span.Start), file.Pos(c.Span.End),
			fmt.Sprintf("`moduleRef.get(%s)` throws: `%s` is %s-scoped (%s) and `get()` returns only singletons; use `moduleRef.resolve()`", c.Args[0].Text, m.Classes[ref].Name, sc, why),
			lint.WithProperty("scopeChain", full))
	}
}
