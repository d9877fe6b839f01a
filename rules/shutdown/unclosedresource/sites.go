package unclosedresource

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

var shutdownHookNames = map[string]bool{"onModuleDestroy": true, "beforeApplicationShutdown": true, "onApplicationShutdown": true}

var exitSignals = map[string]bool{"SIGTERM": true, "SIGINT": true, "SIGHUP": true, "SIGUSR2": true, "beforeExit": true}

// closeish reports whether a method name closes what it is called on:
// a known close method, or a project method named like one
// (closeAll, disconnectClients, shutdown).
func closeish(name string) bool {
	if closeMethods[name] {
		return true
	}
	l := strings.ToLower(name)
	for _, w := range []string{"close", "disconnect", "shutdown", "quit", "destroy", "dispose", "terminate", "teardown"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// depKey is the provider token key a dependency is injected by.
func depKey(d nest.Dep) string {
	switch {
	case strings.HasPrefix(d.Token, "@"):
		return strings.TrimPrefix(d.Token, "@")
	case d.External != "":
		return "X:" + d.External + ":"
	case d.Class != nil:
		return classKey(d.Class.File, int(d.Class.Index))
	}
	return ""
}

// classKey is the injectors key of a class (every class at every lint:
// no fmt).
func classKey(fi nest.FileID, ci int) string {
	return "C:" + strconv.Itoa(int(fi)) + ":" + strconv.Itoa(ci)
}

func (st *state) indexInjectors() {
	refs := make([]nest.ClassRef, 0, len(st.m.Classes))
	for r := range st.m.Classes {
		refs = append(refs, r)
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].File != refs[j].File {
			return refs[i].File < refs[j].File
		}
		return refs[i].Index < refs[j].Index
	})
	for _, r := range refs {
		if st.m.IsOffline(r.File) {
			continue
		}
		for _, d := range st.m.Classes[r].Deps {
			if k := depKey(d); k != "" {
				st.injectors[k] = append(st.injectors[k], injector{class: r, field: d.Name})
			}
		}
	}
}

// shutdownRoots returns the functions of class c that run at shutdown:
// its shutdown hooks (and its bases'), its methods in shutdown context,
// and what they call through this.
func (st *state) shutdownRoots(c nest.ClassRef) map[nest.FuncRef]bool {
	m := st.m
	var roots []nest.FuncRef
	for h := range shutdownHookNames {
		roots = append(roots, methods(m, c, h)...)
	}
	for _, mi := range m.Class(c).Methods {
		if r := (nest.FuncRef{File: c.File, Index: nest.FuncID(mi)}); m.ContextOf(r) == nest.Shutdown {
			roots = append(roots, r)
		}
	}
	return reach(m, c, roots)
}

// injectedClosed reports whether a class that injects the provider token
// closes the value in a shutdown hook: `this.<dep>.quit()`, or through the
// holder, `this.<dep>.closeAll()`.
func (st *state) injectedClosed(token string) bool {
	for _, inj := range st.injectors[token] {
		if st.m.Classes[inj.class] != nil && st.m.Classes[inj.class].Scope == nest.RequestScoped {
			continue
		}
		for r := range st.shutdownRoots(inj.class) {
			hf := st.m.Files[r.File].Facts
			for _, c := range hf.Calls {
				if within(hf, c.Func, int(r.Index)) && len(c.Path) >= 3 && c.Path[0] == "this" && c.Path[1] == inj.field && closeish(c.Method) {
					return true
				}
			}
		}
	}
	return false
}

// shutdownish reports whether function fn of file fi runs when the app
// stops: shutdown context, a shutdown hook (also one of an object a
// factory returns), or a process signal handler, or nested in one.
func (st *state) shutdownish(fi nest.FileID, fn int) bool {
	f := st.m.Files[fi].Facts
	for cur, n := fn, 0; cur >= 0 && n < 64; n++ {
		g := &f.Funcs[cur]
		if st.m.ContextOf(nest.FuncRef{File: fi, Index: nest.FuncID(cur)}) == nest.Shutdown || shutdownHookNames[g.Name] {
			return true
		}
		if g.ArgOf >= 0 && g.ArgOf < len(f.Calls) {
			c := &f.Calls[g.ArgOf]
			if len(c.Path) == 2 && c.Path[0] == "process" && (c.Path[1] == "on" || c.Path[1] == "once") &&
				len(c.Args) > 0 && c.Args[0].Kind == parser.VString && exitSignals[c.Args[0].Text] {
				return true
			}
		}
		cur = g.Parent
	}
	return false
}

// tokenLabel shows a provider token key as written.
func (st *state) tokenLabel(tok string) string {
	switch {
	case strings.HasPrefix(tok, "S:"):
		return "'" + tok[2:] + "'"
	case strings.HasPrefix(tok, "C:"):
		var fi nest.FileID
		var ci int
		if _, err := fmt.Sscanf(tok, "C:%d:%d", &fi, &ci); err == nil && int(fi) < len(st.m.Files) && ci < len(st.m.Files[fi].Facts.Classes) {
			return st.m.ClassName(nest.ClassRef{File: fi, Index: nest.ClassID(ci)})
		}
	case strings.HasPrefix(tok, "X:"):
		parts := strings.Split(tok, ":")
		if len(parts) >= 3 {
			return parts[2]
		}
	case strings.HasPrefix(tok, "V:"):
		parts := strings.Split(tok, ":")
		if len(parts) >= 3 {
			var fi nest.FileID
			var li int
			if _, err := fmt.Sscanf(tok, "V:%d:%d", &fi, &li); err == nil && int(fi) < len(st.m.Files) && li < len(st.m.Files[fi].Facts.Locals) {
				return st.m.Files[fi].Facts.Locals[li].Name
			}
		}
	}
	return strings.TrimPrefix(tok, "I:")
}

// covers reports whether value v is the result of call c: the call itself
// (maybe awaited) or a method chained on it (createClient().on(...)).
func covers(src []byte, v parser.Value, c *parser.Call) bool {
	if v.End <= v.Start || c.Span.Start < v.Start || c.Span.End > v.End {
		return false
	}
	if c.Span.End == v.End {
		return true
	}
	rest := strings.TrimLeft(string(src[c.Span.End:v.End]), " \t\r\n")
	return strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "?.")
}

// checkFactories reports resources a useFactory provider returns (the
// provider value is the client) that nothing closes: no hook of the value
// itself (an onModuleDestroy the factory attaches) and no shutdown hook of
// a class that injects the token. A factory that returns an instance of a
// plain project class makes that class a provider for checkClass.
func (st *state) checkFactories() {
	seen := map[nest.FuncRef]bool{}
	for _, mod := range st.m.Modules {
		for _, p := range mod.Providers {
			if p.Factory == nil || seen[*p.Factory] || st.m.IsOffline(p.Factory.File) {
				continue
			}
			seen[*p.Factory] = true
			fr := *p.Factory
			f := st.m.Files[fr.File].Facts
			for _, r := range f.Returns {
				if nest.FuncID(r.Func) == fr.Index {
					st.factoryReturn(fr, fr.File, int(fr.Index), r.Value, p.Token, 0)
				}
			}
		}
	}
}

func (st *state) factoryReturn(factory nest.FuncRef, fi nest.FileID, fn int, v parser.Value, token string, depth int) {
	if depth > 3 {
		return
	}
	m := st.m
	file := m.Files[fi]
	f := file.Facts
	switch v.Kind {
	case parser.VObject:
		for _, p := range v.Props() {
			st.factoryReturn(factory, fi, fn, p.Value, token, depth+1)
		}
		return
	case parser.VIdent:
		if strings.Contains(v.Text, ".") {
			return
		}
		for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
			for _, l := range f.Locals {
				if l.Func == cur && l.Name == v.Text && l.HasValue {
					st.factoryReturn(factory, fi, cur, l.Value, token, depth+1)
					return
				}
			}
		}
		return
	case parser.VNew, parser.VCall:
	default:
		return
	}
	for ci := range f.Calls {
		c := &f.Calls[ci]
		if c.Func != fn || !covers(file.Source(), v, c) {
			continue
		}
		res, ok := opens(m, fi, c, kafkaFile(m, fi))
		if !ok || res.timer {
			continue
		}
		st.handle(fi, c.Span)
		if st.factoryClosed(factory, token) {
			return
		}
		how := closeCalls(res.closers)
		lint.Report(st.pass, lint.Warning, file.Pos(c.Span.Start), file.Pos(c.Span.End),
			fmt.Sprintf("%s from `useFactory` of %s is never closed: no shutdown hook calls %s, so the process hangs on SIGTERM",
				resName(res.what), lint.QuoteMax(st.tokenLabel(token), lint.MaxMessageQuote), how))
		return
	}
	if root, meth, ok := strings.Cut(v.Text, "."); ok && v.Kind == parser.VCall && selfReturning[meth] {
		// return dataSource.initialize(): the provider value is the client
		st.factoryReturn(factory, fi, fn, parser.Value{Kind: parser.VIdent, Text: root}, token, depth+1)
		return
	}
	if v.Text == "" || strings.Contains(v.Text, ".") {
		return
	}
	d := m.Resolve(fi, nest.FuncID(fn), v.Text)
	switch {
	case v.Kind == parser.VNew && d.Kind == nest.DeclClass:
		ref := d.Class()
		if _, ok := st.factoryValue[ref]; !ok {
			st.factoryValue[ref] = token
		}
	case v.Kind == parser.VCall && d.Kind == nest.DeclFunc:
		for _, r := range m.Files[d.File].Facts.Returns {
			if r.Func == d.Index {
				st.factoryReturn(factory, d.File, d.Index, r.Value, token, depth+1)
			}
		}
	}
}

// factoryClosed reports whether a factory provider's value is closed: a
// shutdown hook the factory defines on the value (an object literal method
// or arrow named onModuleDestroy, ...) calls a close method, or a class
// that injects the token does.
func (st *state) factoryClosed(factory nest.FuncRef, token string) bool {
	f := st.m.Files[factory.File].Facts
	for _, c := range f.Calls {
		if c.Func < 0 || nest.FuncID(c.Func) == factory.Index || !within(f, c.Func, int(factory.Index)) || !closeish(c.Method) {
			continue
		}
		for cur := c.Func; cur >= 0 && nest.FuncID(cur) != factory.Index; cur = f.Funcs[cur].Parent {
			if shutdownHookNames[f.Funcs[cur].Name] {
				return true
			}
		}
	}
	return st.injectedClosed(token) || st.lookedUpClosed(token)
}

// lookedUpClosed reports whether shutdown code takes the provider out of
// the container and closes it: `const r = this.moduleRef.get(REDIS);
// await r.quit()` in onApplicationShutdown.
func (st *state) lookedUpClosed(token string) bool {
	if st.lookedUp == nil {
		st.lookedUp = map[string]bool{}
		m := st.m
		closing := map[[2]int]bool{} // functions that close something at shutdown
		for _, site := range st.shutdownCloses() {
			closing[[2]int{site[0], m.Files[site[0]].Facts.Calls[site[1]].Func}] = true
		}
		for fi, file := range m.AllFiles() {
			if m.IsOffline(fi) {
				continue
			}
			for _, c := range file.Facts.Calls {
				if c.Func < 0 || (c.Method != "get" && c.Method != "resolve") || len(c.Args) == 0 || !closing[[2]int{int(fi), c.Func}] {
					continue
				}
				if tok := st.argToken(fi, c.Args[0]); tok != "" {
					st.lookedUp[tok] = true
				}
			}
		}
	}
	return st.lookedUp[token]
}

// argToken is the provider token key of a lookup argument, as the model
// writes it: 'REDIS' and a const holding it give "S:REDIS", a class
// "C:file:index", an external binding "X:module:name:".
func (st *state) argToken(fi nest.FileID, v parser.Value) string {
	switch v.Kind {
	case parser.VString:
		return "S:" + v.Text
	case parser.VIdent:
		if strings.Contains(v.Text, ".") {
			return ""
		}
		d := st.m.ResolveTop(fi, v.Text)
		switch d.Kind {
		case nest.DeclVar:
			if d.Index >= 0 {
				if l := st.m.Files[d.File].Facts.Locals[d.Index]; l.Value.Kind == parser.VString {
					return "S:" + l.Value.Text
				}
			}
		case nest.DeclClass:
			return fmt.Sprintf("C:%d:%d", d.File, d.Index)
		case nest.DeclExternal:
			return "X:" + d.Module + ":" + d.Name + ":"
		}
	}
	return ""
}

// holder is where an opened resource is kept.
type holderKind uint8

const (
	hNone holderKind = iota
	hLocal
	hModule
	hStatic
	hThis
	hReturn
)

type holder struct {
	kind  holderKind
	name  string
	fn    int         // declaring function of a local
	file  nest.FileID // module variable: file and Locals index
	index int
	class nest.ClassRef // static field
}

func (st *state) holderOf(fi nest.FileID, c *parser.Call) holder {
	m := st.m
	file := m.Files[fi]
	f := file.Facts
	for li := range f.Locals {
		l := &f.Locals[li]
		if l.HasValue && l.Func == c.Func && covers(file.Source(), l.Value, c) {
			if l.Func < 0 {
				return holder{kind: hModule, name: l.Name, file: fi, index: li}
			}
			return holder{kind: hLocal, name: l.Name, fn: l.Func}
		}
	}
	for ai := range f.Assigns {
		a := &f.Assigns[ai]
		if a.Func != c.Func || a.Computed || !covers(file.Source(), a.Value, c) {
			continue
		}
		switch {
		case len(a.Target) == 2 && a.Target[0] == "this":
			if c.Func >= 0 && f.Funcs[c.Func].Static {
				if ci := classOf(f, c.Func); ci >= 0 {
					return holder{kind: hStatic, name: a.Target[1], class: nest.ClassRef{File: fi, Index: nest.ClassID(ci)}}
				}
			}
			return holder{kind: hThis, name: a.Target[1]}
		case len(a.Target) == 2:
			if d := m.Resolve(fi, nest.FuncID(c.Func), a.Target[0]); d.Kind == nest.DeclClass {
				return holder{kind: hStatic, name: a.Target[1], class: d.Class()}
			}
		case len(a.Target) == 1:
			d := m.Resolve(fi, nest.FuncID(c.Func), a.Target[0])
			switch d.Kind {
			case nest.DeclVar:
				if d.Index >= 0 {
					return holder{kind: hModule, name: a.Target[0], file: d.File, index: d.Index}
				}
			case nest.DeclLocal:
				return holder{kind: hLocal, name: a.Target[0], fn: d.Index}
			}
		}
		return holder{}
	}
	for _, r := range f.Returns {
		if r.Func == c.Func && covers(file.Source(), r.Value, c) {
			return holder{kind: hReturn}
		}
	}
	if c.Func < 0 {
		for ci := range f.Classes {
			for _, fd := range f.Classes[ci].Fields {
				if fd.Static && fd.HasInit && covers(file.Source(), fd.Init, c) {
					return holder{kind: hStatic, name: fd.Name, class: nest.ClassRef{File: fi, Index: nest.ClassID(ci)}}
				}
			}
		}
	}
	return holder{}
}

func classOf(f *parser.Facts, fn int) int {
	for cur, n := fn, 0; cur >= 0 && n < 64; n++ {
		if c := f.Funcs[cur].Class; c >= 0 {
			return c
		}
		cur = f.Funcs[cur].Parent
	}
	return -1
}

// selfReturning are the connect methods whose result is the client itself
// (or a promise of it): TypeORM's dataSource.initialize(), redis and
// mongodb client.connect().
var selfReturning = map[string]bool{"initialize": true, "connect": true, "$connect": true}

// carries reports whether value v hands on the object named name itself:
// the name, an object or array holding it, or a call or new taking it as
// an argument (drizzle(pool), Object.assign(client, ...)); a method call
// on it (client.query()) gives back something else.
func carries(v parser.Value, name string) bool {
	switch v.Kind {
	case parser.VIdent:
		return v.Text == name
	case parser.VObject:
		for _, p := range v.Props() {
			if carries(p.Value, name) {
				return true
			}
		}
	case parser.VArray:
		for _, e := range v.Elems() {
			if carries(e, name) {
				return true
			}
		}
	case parser.VCall, parser.VNew:
		if m, ok := strings.CutPrefix(v.Text, name+"."); ok {
			return selfReturning[m] // dataSource.initialize() resolves to dataSource
		}
		for _, e := range v.Elems() {
			if carries(e, name) {
				return true
			}
		}
	}
	return false
}

// hands reports whether a call argument is the object named name itself,
// or an object or array literal holding it ({ client }, [pub, sub]).
func hands(v parser.Value, name string) bool {
	switch v.Kind {
	case parser.VIdent:
		return v.Text == name
	case parser.VObject:
		for _, p := range v.Props() {
			if hands(p.Value, name) {
				return true
			}
		}
	case parser.VArray:
		for _, e := range v.Elems() {
			if hands(e, name) {
				return true
			}
		}
	}
	return false
}

// localFate reports whether a local holding a resource is closed in its
// function (or a callback in it, such as a signal handler or the
// onModuleDestroy of an object the function builds), and whether it
// escapes: returned, stored on this, in a module variable or a static
// field, or handed to a project function.
func (st *state) localFate(fi nest.FileID, h holder, res resource) (closed, escapes bool) {
	closed, other := st.localUse(fi, h, res)
	return closed, other || st.intoThis(fi, h) != ""
}

// intoThis returns the field a local is stored in on the instance,
// directly or wrapped (this.adapterConstructor = createAdapter(pub, sub)),
// or "".
func (st *state) intoThis(fi nest.FileID, h holder) string {
	f := st.m.Files[fi].Facts
	for _, a := range f.Assigns {
		if within(f, a.Func, h.fn) && len(a.Target) == 2 && a.Target[0] == "this" && !a.Computed && carries(a.Value, h.name) {
			return a.Target[1]
		}
	}
	return ""
}

// localUse is localFate without the escapes into a field of this (see
// intoThis).
func (st *state) localUse(fi nest.FileID, h holder, res resource) (closed, escapes bool) {
	m := st.m
	f := m.Files[fi].Facts
	for _, c := range f.Calls {
		if !within(f, c.Func, h.fn) {
			continue
		}
		if len(c.Path) >= 2 && c.Path[0] == h.name && closeish(c.Method) {
			closed = true
		}
		if res.timer && len(c.Path) == 1 && (c.Method == "clearInterval" || c.Method == "clearTimeout") && len(c.Args) > 0 && c.Args[0].Text == h.name {
			closed = true
		}
		if len(c.Path) > 0 && c.Path[0] != h.name {
			for _, a := range c.Args {
				if hands(a, h.name) {
					switch d := m.Resolve(fi, nest.FuncID(c.Func), c.Path[0]); {
					case c.Path[0] == "this", d.Kind == nest.DeclFunc, d.Kind == nest.DeclVar, d.Kind == nest.DeclLocal, d.Kind == nest.DeclClass:
						escapes = true // handed to project code or stored (clients.push(client)), which may close it
					}
				}
			}
		}
	}
	for _, r := range f.Returns {
		if within(f, r.Func, h.fn) && carries(r.Value, h.name) {
			escapes = true
		}
	}
	for _, a := range f.Assigns {
		if !within(f, a.Func, h.fn) || !carries(a.Value, h.name) || len(a.Target) == 0 {
			continue
		}
		if a.Target[0] == "this" {
			if len(a.Target) != 2 || a.Computed {
				escapes = true // this.clients[id] = client, this.pool.main = client
			}
			continue
		}
		switch d := m.Resolve(fi, nest.FuncID(a.Func), a.Target[0]); d.Kind {
		case nest.DeclVar, nest.DeclClass:
			escapes = true
		}
	}
	return closed, escapes
}

// classCloses reports whether class c closes something it holds when it
// is shut down: a call of a close method on a field of this in its
// shutdown hooks, its methods in shutdown context, or its own close(),
// dispose() or destroy() (an IoAdapter's close() runs on app.close()).
func (st *state) classCloses(c nest.ClassRef) bool {
	m := st.m
	roots := st.shutdownRoots(c)
	for _, name := range []string{"close", "dispose", "destroy", "shutdown"} {
		for _, r := range methods(m, c, name) {
			roots[r] = true
		}
	}
	for r := range roots {
		f := m.Files[r.File].Facts
		for _, call := range f.Calls {
			if within(f, call.Func, int(r.Index)) && len(call.Path) >= 3 && call.Path[0] == "this" && closeish(call.Method) {
				return true
			}
		}
	}
	return false
}

// sharedClosed reports whether a module variable or a static field is
// closed by code that runs at shutdown anywhere in the project.
func (st *state) sharedClosed(h holder, res resource) bool {
	m := st.m
	for _, site := range st.shutdownCloses() {
		fi := nest.FileID(site[0])
		f := m.Files[fi].Facts
		c := &f.Calls[site[1]]
		{
			timerClear := len(c.Path) == 1
			if timerClear && !res.timer {
				continue
			}
			match := false
			switch h.kind {
			case hModule:
				root := c.Path[0]
				if timerClear {
					if len(c.Args) == 0 || c.Args[0].Kind != parser.VIdent {
						continue
					}
					root = strings.Split(c.Args[0].Text, ".")[0]
				}
				d := m.Resolve(fi, nest.FuncID(c.Func), root)
				match = d.Kind == nest.DeclVar && d.File == h.file && d.Index == h.index
			case hStatic:
				if c.Path[0] == "this" {
					ci := classOf(f, c.Func)
					match = fi == h.class.File && nest.ClassID(ci) == h.class.Index && f.Funcs[c.Func].Static
				} else {
					d := m.Resolve(fi, nest.FuncID(c.Func), c.Path[0])
					match = d.Kind == nest.DeclClass && d.File == h.class.File && nest.ClassID(d.Index) == h.class.Index
				}
				if len(c.Path) >= 3 && c.Path[1] != h.name {
					match = false // RedisBoot.other.quit()
				}
				if timerClear {
					match = len(c.Args) > 0 && strings.HasSuffix(c.Args[0].Text, "."+h.name)
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// shutdownCloses returns, once per run, the calls that close something
// (x.quit(), clearInterval(t)) in code that runs at shutdown, as file and
// call indexes.
func (st *state) shutdownCloses() [][2]int {
	if st.closes != nil {
		return *st.closes
	}
	out := [][2]int{}
	for fi, file := range st.m.AllFiles() {
		if st.m.IsOffline(fi) {
			continue
		}
		for ci := range file.Facts.Calls {
			c := &file.Facts.Calls[ci]
			if c.Func < 0 || len(c.Path) == 0 {
				continue
			}
			timerClear := len(c.Path) == 1 && (c.Method == "clearInterval" || c.Method == "clearTimeout")
			if !timerClear && (len(c.Path) < 2 || !closeish(c.Method)) {
				continue
			}
			if st.shutdownish(fi, c.Func) {
				out = append(out, [2]int{int(fi), ci})
			}
		}
	}
	st.closes = &out
	return out
}

// freeCalls are the calls of a file that checkFree judges, from its facts
// alone (kept between runs: lint.FileMemo): only calls on an imported
// name, a require()d name or a timer, calls of a kafkajs client and
// .duplicate() can open something. imp is the import the call's name is
// bound by, when that is all that binds it, else -1.
type freeCalls struct {
	kafka bool // the file imports kafkajs' Kafka
	calls []freeCall
}

type freeCall struct{ call, imp int32 }

func freeCandidates(f *parser.Facts) freeCalls {
	var out freeCalls
	type binding struct {
		name string
		imp  int32
	}
	var buf [32]binding // most files bind fewer names: no garbage per file
	names := append(buf[:0], binding{"setInterval", -1}, binding{"setTimeout", -1})
	for ii := range f.Imports {
		im := &f.Imports[ii]
		if im.TypeOnly {
			continue
		}
		if im.Source == "kafkajs" && im.Imported == "Kafka" {
			out.kafka = true
		}
		names = append(names, binding{im.Local, int32(ii)})
	}
	for _, l := range f.Locals {
		if l.Value.Kind == parser.VCall && l.Value.Text == "require" {
			names = append(names, binding{l.Name, -1})
		}
	}
	for ci := range f.Calls {
		c := &f.Calls[ci]
		imp, bound := int32(-1), false
		if len(c.Path) > 0 {
			for _, b := range names {
				if b.name != c.Path[0] {
					continue
				}
				if bound || b.imp < 0 {
					imp = -1 // bound twice, or not by an import alone
				} else {
					imp = b.imp
				}
				bound = true
			}
		}
		if bound || out.kafka || c.Method == "duplicate" {
			out.calls = append(out.calls, freeCall{int32(ci), imp})
		}
	}
	return out
}

// checkFree judges the opening calls that no class or factory check
// judged: static boot helpers, module-level clients, locals of startup
// functions (captured by closures or not), and clients created per request.
func (st *state) checkFree(fi nest.FileID) {
	m := st.m
	file := m.Files[fi]
	f := file.Facts
	fc := st.free.Get(f, func() freeCalls { return freeCandidates(f) })
	for _, cand := range fc.calls {
		ci := int(cand.call)
		c := &f.Calls[ci]
		// A name imported from a package the catalog does not know
		// resolves to that package, and opens nothing (most calls on
		// imported names: exceptions, rxjs, validators): never resolved.
		if imp := int(cand.imp); imp >= 0 && !fc.kafka && c.Method != "duplicate" &&
			m.ImportTarget(fi, imp) < 0 && catalogIndex[strings.TrimPrefix(f.Imports[imp].Source, "node:")] == nil {
			continue
		}
		if st.isHandled(fi, c.Span) {
			continue
		}
		res, ok := opens(m, fi, c, fc.kafka)
		if !ok {
			res, ok = st.duplicated(fi, c)
		}
		if !ok {
			continue
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
		ctx := m.ContextOf(fr)
		h := st.holderOf(fi, c)
		how := closeCalls(res.closers)
		what := resName(res.what)
		switch {
		case ctx == nest.Request && h.kind == hLocal && res.client:
			if closed, escapes := st.localFate(fi, h, res); closed || escapes {
				continue
			}
			lint.Report(st.pass, lint.Error, file.Pos(c.Span.Start), file.Pos(c.Span.End),
				fmt.Sprintf("%s `%s` is created per request and never closed, so each request leaks one; call %s in `finally` or share one client",
					what, h.name, how),
				lint.WithPath(m.StepsFor(m.PathTo(fr))))
		case (ctx == nest.Startup || ctx == nest.Request) && (h.kind == hModule || h.kind == hStatic):
			if !st.nestFiles[fi] && !st.nestFiles[h.file] {
				continue
			}
			if st.sharedClosed(h, res) {
				continue
			}
			name := h.name
			if h.kind == hStatic {
				name = m.Class(h.class).Name + "." + h.name
			}
			lint.Report(st.pass, lint.Warning, file.Pos(c.Span.Start), file.Pos(c.Span.End),
				fmt.Sprintf("%s `%s` is never closed: no shutdown hook calls %s, so the process hangs on SIGTERM",
					what, name, how))
		case ctx == nest.Startup && h.kind == hLocal && st.nestFiles[fi]:
			if res.what == timeoutRes.what {
				continue
			}
			closed, escapes := st.localUse(fi, h, res)
			if closed || escapes {
				continue
			}
			if field := st.intoThis(fi, h); field != "" {
				// kept by the instance of a plain class (a RedisIoAdapter):
				// closed only if that class closes what it holds
				ci := classOf(f, h.fn)
				if ci < 0 || st.classCloses(nest.ClassRef{File: fi, Index: nest.ClassID(ci)}) {
					continue
				}
				cname := m.ClassName(nest.ClassRef{File: fi, Index: nest.ClassID(ci)})
				lint.Report(st.pass, lint.Warning, file.Pos(c.Span.Start), file.Pos(c.Span.End),
					fmt.Sprintf("%s `%s` in `this.%s` is never closed: `%s` calls no %s, so the process hangs on SIGTERM",
						what, h.name, field, cname, how))
				continue
			}
			lint.Report(st.pass, lint.Warning, file.Pos(c.Span.Start), file.Pos(c.Span.End),
				fmt.Sprintf("%s `%s` opened in `%s` is never closed: nothing calls %s, so the process hangs on SIGTERM",
					what, h.name, m.Label(fr), how))
		}
	}
}

// duplicated recognizes `const sub = pub.duplicate()` on a Redis client
// held in a local: another connection.
func (st *state) duplicated(fi nest.FileID, c *parser.Call) (resource, bool) {
	if c.Method != "duplicate" || len(c.Path) != 2 {
		return resource{}, false
	}
	file := st.m.Files[fi]
	f := file.Facts
	for _, l := range f.Locals {
		if l.Name != c.Path[0] || !l.HasValue || l.Func != c.Func && !within(f, c.Func, l.Func) {
			continue
		}
		for ci := range f.Calls {
			o := &f.Calls[ci]
			if o.Func == l.Func && covers(file.Source(), l.Value, o) {
				if res, ok := opens(st.m, fi, o, false); ok && (res.what == redisRes.what) {
					return res, true
				}
			}
		}
	}
	return resource{}, false
}
