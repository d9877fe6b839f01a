package unclosedresource

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "shutdown/unclosed-resource"

// Rule is shutdown/unclosed-resource.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "unclosedresource", SARIFName: "ProviderResourceNeverClosed",
	Severity: lint.Warning, Tags: []string{"reliability"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// state is what one run shares between the class, factory and free-code
// checks.
type state struct {
	pass *analysis.Pass
	m    *nest.Model
	// handled are the opening calls a class or factory check already judged.
	handled map[[2]uint32]bool // key: file index and start offset of the call
	// injectors are, per provider token, the injected dependencies that
	// receive a factory provider's value: class and field.
	injectors map[string][]injector
	// factoryValue maps a project class that a useFactory returns an
	// instance of to the provider's token key.
	factoryValue map[nest.ClassRef]string
	nestFiles    map[nest.FileID]bool
	closes       *[][2]int                 // see shutdownCloses
	lookedUp     map[string]bool           // see lookedUpClosed
	free         *lint.FileMemo[freeCalls] // checkFree's candidates by file
}

type injector struct {
	class nest.ClassRef
	field string
}

func (s *state) handle(fi nest.FileID, sp parser.Span) {
	s.handled[[2]uint32{uint32(fi), sp.Start}] = true
}
func (s *state) isHandled(fi nest.FileID, sp parser.Span) bool {
	return s.handled[[2]uint32{uint32(fi), sp.Start}]
}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	st := &state{pass: pass, m: m, handled: map[[2]uint32]bool{}, injectors: map[string][]injector{}, factoryValue: map[nest.ClassRef]string{},
		free: lint.FileMemoOf[freeCalls](pass, "unclosedresource.free")}
	lint.Guard(pass, "", func() {
		st.indexInjectors()
		st.nestFiles = m.ProcessFiles()
	})
	lint.Guard(pass, "", func() { st.checkFactories() })
	for fi, file := range m.AllFiles() {
		// Nest's shutdown hooks exist only in a Nest process: an Angular
		// @Injectable linted with --scope all closes its timers in
		// ngOnDestroy, which this rule does not judge.
		if m.IsOffline(fi) || !m.InScope(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() {
			for ci := range file.Facts.Classes {
				ref := nest.ClassRef{File: fi, Index: nest.ClassID(ci)}
				info := m.Classes[ref]
				_, fromFactory := st.factoryValue[ref]
				if info == nil || !(info.Is("Injectable") || info.Provided || info.Is("Module") || fromFactory) || info.Controller {
					continue
				}
				st.checkClass(fi, ci, info)
			}
		})
	}
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { st.checkFree(fi) })
	}
	st.free.Keep()
	return nil, nil
}

// methods returns the method of class c (or of its project base classes)
// with that name.
func methods(m *nest.Model, c nest.ClassRef, name string) []nest.FuncRef {
	for depth := 0; depth < 8; depth++ {
		cls := m.Class(c)
		f := m.Files[c.File].Facts
		for _, mi := range cls.Methods {
			if f.Funcs[mi].Name == name && !f.Funcs[mi].Static {
				return []nest.FuncRef{{File: c.File, Index: nest.FuncID(mi)}}
			}
		}
		info := m.Classes[c]
		if info == nil || info.Base == nil {
			return nil
		}
		c = *info.Base
	}
	return nil
}

// reach returns roots and the methods they call through this.m(),
// transitively.
func reach(m *nest.Model, c nest.ClassRef, roots []nest.FuncRef) map[nest.FuncRef]bool {
	seen := map[nest.FuncRef]bool{}
	work := append([]nest.FuncRef(nil), roots...)
	for len(work) > 0 {
		r := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[r] {
			continue
		}
		seen[r] = true
		f := m.Files[r.File].Facts
		for _, call := range f.Calls {
			if !within(f, call.Func, int(r.Index)) || len(call.Path) != 2 || call.Path[0] != "this" {
				continue
			}
			work = append(work, methods(m, c, call.Path[1])...)
		}
	}
	return seen
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

func inSet(f *parser.Facts, fi nest.FileID, fn int, set map[nest.FuncRef]bool) (nest.FuncRef, bool) {
	for fn >= 0 {
		if set[nest.FuncRef{File: fi, Index: nest.FuncID(fn)}] {
			return nest.FuncRef{File: fi, Index: nest.FuncID(fn)}, true
		}
		fn = f.Funcs[fn].Parent
	}
	return nest.FuncRef{}, false
}

// closeCall is a closing call found in a shutdown hook.
type closeCall struct {
	timer bool
	path  []string
	args  []parser.Value
}

func (cc closeCall) closes(r resource, field string) bool {
	if r.timer != cc.timer {
		return false
	}
	if field == "" {
		return true
	}
	if cc.timer {
		for _, a := range cc.args {
			if a.Text == "this."+field || !strings.HasPrefix(a.Text, "this.") {
				return true
			}
		}
		return len(cc.args) == 0
	}
	if len(cc.path) == 0 || cc.path[0] != "this" {
		return true // a local alias or a chained call: give it the benefit of the doubt
	}
	return len(cc.path) >= 3 && cc.path[1] == field
}

type opened struct {
	res   resource
	field string
	where string
	span  parser.Span
}

func (st *state) checkClass(fi nest.FileID, ci int, info *nest.ClassInfo) {
	pass, m := st.pass, st.m
	file := m.Files[fi]
	f := file.Facts
	cls := &f.Classes[ci]
	ref := nest.ClassRef{File: fi, Index: nest.ClassID(ci)}

	// the calls of the class that open a resource, and whether the class
	// is itself a connection: most classes have none, and need none of
	// the reachability below
	// (the class builds a kafkajs client: its producer(), consumer() and
	// admin() are connections)
	hasKafka := kafkaFile(m, fi)
	for _, c := range f.Calls {
		if c.New && len(c.Path) == 1 && c.Span.Start >= cls.Span.Start && c.Span.End <= cls.Span.End && !hasKafka && importsName(f, c.Path[0]) {
			if d := m.Resolve(fi, nest.FuncID(c.Func), c.Path[0]); d.Kind == nest.DeclExternal && d.Module == "kafkajs" {
				hasKafka = true
			}
		}
	}
	type opening struct {
		ci  int
		res resource
	}
	var openings []opening
	for ci2 := range f.Calls {
		c := &f.Calls[ci2]
		if c.Span.Start < cls.Span.Start || c.Span.End > cls.Span.End {
			continue
		}
		if res, ok := opens(m, fi, c, hasKafka); ok {
			openings = append(openings, opening{ci2, res})
		}
	}
	prisma := false
	if cls.Extends != "" {
		// a class extending PrismaClient is itself the connection
		base := strings.Split(cls.Extends, ".")
		d := m.Resolve(fi, -1, base[0])
		prisma = d.Kind == nest.DeclExternal && d.Module == "@prisma/client"
	}
	if len(openings) == 0 && !prisma {
		return
	}

	scope, _ := m.ScopeOf(ref)
	requestScoped := scope == nest.RequestScoped

	// where resources are opened: field initializers, the constructor, the
	// startup hooks (hooks only run for non-request-scoped providers) and
	// every method that runs at startup (init() or register() called from
	// a bootstrap or a module)
	var startRoots []nest.FuncRef
	if cls.Ctor >= 0 {
		startRoots = append(startRoots, nest.FuncRef{File: fi, Index: nest.FuncID(cls.Ctor)})
	}
	if !requestScoped {
		for _, h := range []string{"onModuleInit", "onApplicationBootstrap"} {
			startRoots = append(startRoots, methods(m, ref, h)...)
		}
		for _, mi := range cls.Methods {
			r := nest.FuncRef{File: fi, Index: nest.FuncID(mi)}
			if !f.Funcs[mi].Static && m.ContextOf(r) == nest.Startup {
				startRoots = append(startRoots, r)
			}
		}
	}
	startup := reach(m, ref, startRoots)

	var closers []closeCall
	// the provider value of a useFactory is closed through whoever injects it
	closedByHolder := false
	if !requestScoped {
		var roots []nest.FuncRef
		for _, h := range []string{"onModuleDestroy", "beforeApplicationShutdown", "onApplicationShutdown"} {
			roots = append(roots, methods(m, ref, h)...)
		}
		for _, mi := range cls.Methods {
			if r := (nest.FuncRef{File: fi, Index: nest.FuncID(mi)}); m.ContextOf(r) == nest.Shutdown {
				roots = append(roots, r)
			}
		}
		hooks := reach(m, ref, roots)
		for r := range hooks {
			hf := m.Files[r.File].Facts
			for _, c := range hf.Calls {
				if !within(hf, c.Func, int(r.Index)) {
					continue
				}
				switch {
				case len(c.Path) == 1 && (c.Method == "clearInterval" || c.Method == "clearTimeout"):
					closers = append(closers, closeCall{timer: true, path: c.Path, args: c.Args})
				case closeish(c.Method):
					closers = append(closers, closeCall{path: c.Path, args: c.Args})
				}
			}
		}
		if tok, ok := st.factoryValue[ref]; ok {
			closedByHolder = st.injectedClosed(tok)
		}
		// closed through the holder: a module or provider that injects this
		// one calls this.redisService.client.quit() or this.prisma.$disconnect()
		// in its shutdown hooks
		for _, inj := range st.injectors[classKey(fi, ci)] {
			if inj.class == ref {
				continue
			}
			for r := range st.shutdownRoots(inj.class) {
				hf := m.Files[r.File].Facts
				for _, c := range hf.Calls {
					if within(hf, c.Func, int(r.Index)) && len(c.Path) >= 3 && c.Path[0] == "this" && c.Path[1] == inj.field && closeish(c.Method) {
						closers = append(closers, closeCall{path: append([]string{"this"}, c.Path[2:]...), args: c.Args})
					}
				}
			}
		}
	}

	var found []opened
	for _, op := range openings {
		c, res := &f.Calls[op.ci], op.res
		where := ""
		if c.Func < 0 {
			for _, fd := range cls.Fields {
				if !fd.Static && fd.HasInit && fd.Span.Start <= c.Span.Start && c.Span.End <= fd.Span.End {
					where = "the initializer of `" + fd.Name + "`"
				}
			}
		} else if r, ok := inSet(f, fi, c.Func, startup); ok {
			where = "`" + m.Label(r) + "`"
		}
		if where == "" {
			continue
		}
		field := storedIn(f, cls, c.Span)
		if res.what == timeoutRes.what && field == "" {
			continue // a one-shot timer not kept on the instance
		}
		if field == "" {
			switch h := st.holderOf(fi, c); h.kind {
			case hReturn:
				continue // a factory method: its caller holds the resource
			case hLocal:
				closed, escapes := st.localUse(fi, h, res)
				if closed || escapes {
					st.handle(fi, c.Span)
					continue // closed where it is used, or handed on
				}
				// kept wrapped in a field: this.adapter = createAdapter(pub, sub)
				field = st.intoThis(fi, h)
			}
		}
		st.handle(fi, c.Span)
		found = append(found, opened{res: res, field: field, where: where, span: c.Span})
	}

	if prisma {
		found = append(found, opened{res: prismaRes, field: "", where: "`" + cls.Name + "` (extends `PrismaClient`)", span: cls.NameSpan})
	}

	for _, o := range found {
		closed := closedByHolder
		for _, cc := range closers {
			if cc.closes(o.res, o.field) {
				closed = true
			}
		}
		if o.res.what == prismaRes.what && o.field == "" && !requestScoped {
			// this.$disconnect() in a hook of a PrismaClient subclass
			closed = false
			for _, cc := range closers {
				if len(cc.path) >= 1 && cc.path[len(cc.path)-1] == "$disconnect" {
					closed = true
				}
			}
		}
		if closed {
			continue
		}
		name := resName(o.res.what)
		if o.field != "" {
			name += " `this." + o.field + "`"
		}
		how := closeCalls(o.res.closers)
		var msg string
		if requestScoped {
			msg = fmt.Sprintf("%s is never closed: Nest runs no hooks on request-scoped `%s`, so one leaks per request; open it in a singleton",
				name, m.ClassName(ref))
		} else {
			msg = fmt.Sprintf("%s opened in %s is never closed: no shutdown hook of `%s` calls %s, so the process hangs on SIGTERM",
				name, o.where, m.ClassName(ref), how)
			if utf8.RuneCountInString(msg) > maxMessage {
				msg = fmt.Sprintf("%s is never closed: no shutdown hook of `%s` calls %s, so the process hangs on SIGTERM",
					name, m.ClassName(ref), how)
			}
		}
		lint.Report(pass, lint.Warning, file.Pos(o.span.Start), file.Pos(o.span.End), msg)
	}
}

// kafkaFile reports whether file fi imports the Kafka class of kafkajs.
func kafkaFile(m *nest.Model, fi nest.FileID) bool {
	for _, im := range m.Files[fi].Facts.Imports {
		if im.Source == "kafkajs" && im.Imported == "Kafka" && !im.TypeOnly {
			return true
		}
	}
	return false
}

// importsName reports whether a file binds name by a value import or a
// require(): only such a name can resolve to a package (a cheap filter
// before Resolve).
func importsName(f *parser.Facts, name string) bool {
	for _, im := range f.Imports {
		if !im.TypeOnly && im.Local == name {
			return true
		}
	}
	for _, l := range f.Locals {
		if l.Name == name && l.Value.Kind == parser.VCall && l.Value.Text == "require" {
			return true
		}
	}
	return false
}

// opens returns the resource call c of file fi opens, if any. kafka is set
// when producer(), consumer() and admin() calls are kafkajs connections.
func opens(m *nest.Model, fi nest.FileID, c *parser.Call, kafka bool) (resource, bool) {
	if kafka && !c.New && (c.Method == "producer" || c.Method == "consumer" || c.Method == "admin") && (len(c.Path) == 0 || len(c.Path) >= 2) {
		return kafkaRes, true
	}
	if len(c.Path) == 0 || c.Path[0] == "this" {
		return resource{}, false // this.x.y() names no package
	}
	d := m.Resolve(fi, nest.FuncID(c.Func), c.Path[0])
	switch d.Kind {
	case nest.DeclNone:
		if len(c.Path) == 1 && !c.New {
			switch c.Path[0] {
			case "setInterval":
				return timerRes, true
			case "setTimeout":
				return timeoutRes, true
			}
		}
	case nest.DeclExternal:
		mod := strings.TrimPrefix(d.Module, "node:")
		if catalogIndex[mod] == nil {
			return resource{}, false // not a module the catalog knows: spare the joins
		}
		member := d.Name
		if member == "*" || member == "default" {
			if len(c.Path) > 1 {
				member = strings.Join(c.Path[1:], ".")
			}
		} else if len(c.Path) > 1 {
			member += "." + strings.Join(c.Path[1:], ".")
		}
		return classify(mod, member, c.New)
	}
	return resource{}, false
}

// storedIn returns the field a call's result is stored in: a field
// initializer or `this.x = ...`; "" when it is not stored on the instance.
func storedIn(f *parser.Facts, cls *parser.Class, s parser.Span) string {
	for _, fd := range cls.Fields {
		if fd.HasInit && fd.Init.Span.Start <= s.Start && s.End <= fd.Init.Span.End {
			return fd.Name
		}
	}
	for _, a := range f.Assigns {
		if len(a.Target) == 2 && a.Target[0] == "this" && !a.Computed && a.Value.Span.Start <= s.Start && s.End <= a.Value.Span.End {
			return a.Target[1]
		}
	}
	return ""
}

// maxMessage is the longest message that still names where a resource is
// opened; a longer one leaves it to the finding's position.
const maxMessage = 160

// resNames quote the code in the catalog's resource names for messages.
var resNames = map[string]string{
	"setInterval timer":  "`setInterval` timer",
	"setTimeout timer":   "`setTimeout` timer",
	"TypeORM DataSource": "TypeORM `DataSource`",
	"PrismaClient":       "`PrismaClient`",
	"RedisPubSub":        "`RedisPubSub`",
}

// resName is a resource name as a message shows it.
func resName(what string) string {
	if q, ok := resNames[what]; ok {
		return q
	}
	return what
}

// closeCalls names the calls that close a resource, in backticks:
// "`quit()` or `disconnect()`".
func closeCalls(names []string) string {
	var q []string
	for i, n := range names {
		if i == 2 {
			return q[0] + " or the like"
		}
		q = append(q, "`"+n+"()`")
	}
	return strings.Join(q, " or ")
}
