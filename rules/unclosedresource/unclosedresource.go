package unclosedresource

import (
	_ "embed"
	"fmt"
	"strings"

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

// resource is a kind of long-lived resource and how it is closed.
type resource struct {
	what    string
	timer   bool     // closed by clearInterval/clearTimeout
	closers []string // suggested close calls, for the message
}

var (
	timerRes   = resource{"setInterval timer", true, []string{"clearInterval"}}
	timeoutRes = resource{"setTimeout timer", true, []string{"clearTimeout"}}
	redisRes   = resource{"Redis connection", false, []string{"quit", "disconnect"}}
	pgRes      = resource{"database pool", false, []string{"end"}}
	mongoRes   = resource{"MongoDB connection", false, []string{"close", "disconnect"}}
	prismaRes  = resource{"PrismaClient", false, []string{"$disconnect"}}
	threadRes  = resource{"worker thread", false, []string{"terminate"}}
	watchRes   = resource{"file watcher", false, []string{"close"}}
	childRes   = resource{"child process", false, []string{"kill"}}
	amqpRes    = resource{"AMQP connection", false, []string{"close"}}
	kafkaRes   = resource{"Kafka producer/consumer", false, []string{"disconnect"}}
	natsRes    = resource{"NATS connection", false, []string{"drain", "close"}}
	queueRes   = resource{"queue", false, []string{"close"}}
)

// closeMethods are the calls that count as closing something.
var closeMethods = map[string]bool{
	"quit": true, "disconnect": true, "$disconnect": true, "end": true, "close": true, "kill": true,
	"terminate": true, "removeAllListeners": true, "destroy": true, "drain": true, "stop": true,
}

// classify returns the resource a call opens, if any: module is the
// external module its callee resolves to ("" for a global), member the
// name within it.
func classify(module, member string, isNew bool) (resource, bool) {
	switch module {
	case "ioredis":
		if isNew {
			return redisRes, true
		}
	case "redis", "@redis/client":
		if member == "createClient" || member == "createCluster" {
			return redisRes, true
		}
	case "pg":
		if isNew && (member == "Pool" || member == "Client" || member == "default.Pool") {
			return pgRes, true
		}
	case "mysql2", "mysql2/promise", "mysql":
		if member == "createPool" || member == "createConnection" || member == "createPoolCluster" || (isNew && member == "Pool") {
			return pgRes, true
		}
	case "mongoose":
		if member == "connect" || member == "createConnection" {
			return mongoRes, true
		}
	case "mongodb":
		if isNew && member == "MongoClient" || member == "MongoClient.connect" {
			return mongoRes, true
		}
	case "@prisma/client":
		if isNew && member == "PrismaClient" {
			return prismaRes, true
		}
	case "worker_threads":
		if isNew && member == "Worker" {
			return threadRes, true
		}
	case "fs", "chokidar":
		if member == "watch" {
			return watchRes, true
		}
	case "child_process":
		if member == "spawn" || member == "fork" || member == "exec" || member == "execFile" {
			return childRes, true
		}
	case "amqplib", "amqplib/callback_api", "amqp-connection-manager":
		if member == "connect" {
			return amqpRes, true
		}
	case "nats":
		if member == "connect" {
			return natsRes, true
		}
	case "bullmq", "bull", "bee-queue":
		if isNew && (member == "Queue" || member == "Worker" || member == "QueueEvents" || member == "FlowProducer" || member == "default") {
			return queueRes, true
		}
	}
	return resource{}, false
}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	for fi, file := range m.Files {
		// Nest's shutdown hooks exist only in a Nest process: an Angular
		// @Injectable linted with --scope all closes its timers in
		// ngOnDestroy, which this rule does not judge.
		if m.IsOffline(fi) || !m.InScope(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() {
			for ci := range file.Facts.Classes {
				info := m.Classes[nest.ClassRef{File: fi, Index: ci}]
				if info == nil || !(info.Is("Injectable") || info.Provided || info.Is("Module")) || info.Controller {
					continue
				}
				checkClass(pass, m, fi, ci, info)
			}
		})
	}
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
				return []nest.FuncRef{{File: c.File, Index: mi}}
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
			if !within(f, call.Func, r.Index) || len(call.Path) != 2 || call.Path[0] != "this" {
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

func inSet(f *parser.Facts, fi, fn int, set map[nest.FuncRef]bool) (nest.FuncRef, bool) {
	for fn >= 0 {
		if set[nest.FuncRef{File: fi, Index: fn}] {
			return nest.FuncRef{File: fi, Index: fn}, true
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

func checkClass(pass *analysis.Pass, m *nest.Model, fi, ci int, info *nest.ClassInfo) {
	file := m.Files[fi]
	f := file.Facts
	cls := &f.Classes[ci]
	ref := nest.ClassRef{File: fi, Index: ci}
	scope, _ := m.ScopeOf(ref)
	requestScoped := scope == nest.RequestScoped

	// where resources are opened: field initializers, the constructor and
	// the startup hooks (hooks only run for non-request-scoped providers)
	var startRoots []nest.FuncRef
	if cls.Ctor >= 0 {
		startRoots = append(startRoots, nest.FuncRef{File: fi, Index: cls.Ctor})
	}
	if !requestScoped {
		for _, h := range []string{"onModuleInit", "onApplicationBootstrap"} {
			startRoots = append(startRoots, methods(m, ref, h)...)
		}
	}
	startup := reach(m, ref, startRoots)

	var closers []closeCall
	if !requestScoped {
		var roots []nest.FuncRef
		for _, h := range []string{"onModuleDestroy", "beforeApplicationShutdown", "onApplicationShutdown"} {
			roots = append(roots, methods(m, ref, h)...)
		}
		hooks := reach(m, ref, roots)
		for r := range hooks {
			hf := m.Files[r.File].Facts
			for _, c := range hf.Calls {
				if !within(hf, c.Func, r.Index) {
					continue
				}
				switch {
				case len(c.Path) == 1 && (c.Method == "clearInterval" || c.Method == "clearTimeout"):
					closers = append(closers, closeCall{timer: true, path: c.Path, args: c.Args})
				case closeMethods[c.Method]:
					closers = append(closers, closeCall{path: c.Path, args: c.Args})
				}
			}
		}
	}

	var found []opened
	hasKafka := false // the class builds a kafkajs client: its producer() and consumer() are connections
	for _, c := range f.Calls {
		if c.New && len(c.Path) == 1 && c.Span.Start >= cls.Span.Start && c.Span.End <= cls.Span.End {
			if d := m.Resolve(fi, c.Func, c.Path[0]); d.Kind == nest.DeclExternal && d.Module == "kafkajs" {
				hasKafka = true
			}
		}
	}
	for ci2 := range f.Calls {
		c := &f.Calls[ci2]
		if c.Span.Start < cls.Span.Start || c.Span.End > cls.Span.End {
			continue
		}
		where := ""
		if c.Func < 0 {
			for _, fd := range cls.Fields {
				if !fd.Static && fd.HasInit && fd.Span.Start <= c.Span.Start && c.Span.End <= fd.Span.End {
					where = "the initializer of " + fd.Name
				}
			}
		} else if r, ok := inSet(f, fi, c.Func, startup); ok {
			where = m.Label(r)
		}
		if where == "" || len(c.Path) == 0 {
			if where != "" && hasKafka && (c.Method == "producer" || c.Method == "consumer") {
				found = append(found, opened{res: kafkaRes, field: storedIn(f, cls, c.Span), where: where, span: c.Span})
			}
			continue
		}
		if hasKafka && (c.Method == "producer" || c.Method == "consumer") {
			found = append(found, opened{res: kafkaRes, field: storedIn(f, cls, c.Span), where: where, span: c.Span})
			continue
		}
		d := m.Resolve(fi, c.Func, c.Path[0])
		var res resource
		ok := false
		switch d.Kind {
		case nest.DeclNone:
			if len(c.Path) == 1 && !c.New {
				switch c.Path[0] {
				case "setInterval":
					res, ok = timerRes, true
				case "setTimeout":
					res = timeoutRes
					ok = storedIn(f, cls, c.Span) != ""
				}
			}
		case nest.DeclExternal:
			mod := strings.TrimPrefix(d.Module, "node:")
			member := d.Name
			if member == "*" || member == "default" {
				if len(c.Path) > 1 {
					member = strings.Join(c.Path[1:], ".")
				}
			} else if len(c.Path) > 1 {
				member += "." + strings.Join(c.Path[1:], ".")
			}
			res, ok = classify(mod, member, c.New)
		}
		if ok {
			found = append(found, opened{res: res, field: storedIn(f, cls, c.Span), where: where, span: c.Span})
		}
	}

	// a class extending PrismaClient is itself the connection
	if cls.Extends != "" {
		base := strings.Split(cls.Extends, ".")
		if d := m.Resolve(fi, -1, base[0]); d.Kind == nest.DeclExternal && d.Module == "@prisma/client" {
			found = append(found, opened{res: prismaRes, field: "", where: cls.Name + " (extends PrismaClient)", span: cls.NameSpan})
		}
	}

	for _, o := range found {
		closed := false
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
		name := o.res.what
		if o.field != "" {
			name += " this." + o.field
		}
		how := strings.Join(o.res.closers, "() or ") + "()"
		var msg string
		if requestScoped {
			msg = fmt.Sprintf("%s opened in %s of request-scoped %s is never closed: Nest never calls lifecycle hooks on request-scoped providers, so one leaks per request; open it in a singleton provider and close it with %s in onApplicationShutdown",
				name, o.where, cls.Name, how)
		} else {
			msg = fmt.Sprintf("%s opened in %s is never closed: no onModuleDestroy, beforeApplicationShutdown or onApplicationShutdown of %s calls %s, so on SIGTERM it keeps the process alive or is cut mid-operation; close it in onApplicationShutdown",
				name, o.where, cls.Name, how)
		}
		lint.Report(pass, lint.Warning, file.Pos(o.span.Start), file.Pos(o.span.End), msg)
	}
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
