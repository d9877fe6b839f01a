package nest

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/nestlint/nestlint/parser"
)

var (
	startupHooks  = map[string]bool{"onModuleInit": true, "onApplicationBootstrap": true}
	shutdownHooks = map[string]bool{"onModuleDestroy": true, "beforeApplicationShutdown": true, "onApplicationShutdown": true}
	// request-time methods of enhancers, by the interface that declares them
	enhancerMethods = map[string][]string{
		"canActivate": {"CanActivate"},
		"intercept":   {"NestInterceptor"},
		"transform":   {"PipeTransform"},
		"use":         {"NestMiddleware"},
		"catch":       {"ExceptionFilter", "RpcExceptionFilter", "WsExceptionFilter", "GqlExceptionFilter"},
	}
)

func implementsAny(c *parser.Class, names []string) bool {
	for _, i := range c.Implements {
		for _, n := range names {
			if i == n {
				return true
			}
		}
	}
	return false
}

func (m *Model) addEntry(r FuncRef, why string) {
	if m.recording != nil {
		*m.recording = append(*m.recording, entryRec{ref: r, why: why})
		return
	}
	if m.offline[r.File] {
		return
	}
	if _, ok := m.entries[r]; !ok {
		m.entries[r] = why
	}
}

// entryAdder adds an entry point: Model.addEntry, or a list of entryRecs
// (callEntries, which runs for files in parallel).
type entryAdder func(r FuncRef, why string)

// entryRec is an entry point a file's calls make (a handler passed to a
// worker, a middleware function), or a middleware class (mw).
type entryRec struct {
	ref FuncRef
	why string
	mw  bool
	cls ClassRef
}

// callEntries returns the entry points and middleware classes the calls of
// file fi make, in the order they are met. They depend on the file's
// calls, on the surfaces of the files its names resolve to and on the
// bootstraps (isAppVar): a build whose surfaces and bootstraps are those
// of the model it reuses takes the lists of unchanged files from it.
func (m *Model) callEntries(fi FileID) []entryRec {
	f := m.Files[fi].Facts
	var recs []entryRec
	add := func(r FuncRef, why string) { recs = append(recs, entryRec{ref: r, why: why}) }
	for _, c := range f.Calls {
		m.workerEntries(add, fi, &c)
	}
	middleware := map[ClassRef]bool{}
	for _, c := range f.Calls {
		// consumer.apply(A, B).forRoutes(...) in configure(); app.use(fn)
		isApply := c.Method == "apply" && c.Func >= 0 && f.Funcs[c.Func].Name == "configure"
		isUse := c.Method == "use" && len(c.Path) == 2 && m.isAppVar(fi, FuncID(c.Func), c.Path[0])
		isParamDeco := len(c.Path) == 1 && c.Path[0] == "createParamDecorator"
		if !isApply && !isUse && !isParamDeco {
			continue
		}
		why := "middleware"
		if isParamDeco {
			why = "param decorator factory"
		}
		for _, a := range c.Args {
			m.callbackEntries(add, fi, FuncID(c.Func), a, why, middleware)
		}
	}
	mws := make([]ClassRef, 0, len(middleware))
	for cr := range middleware {
		mws = append(mws, cr)
	}
	slices.SortFunc(mws, func(a, b ClassRef) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Index, b.Index)) })
	for _, cr := range mws {
		recs = append(recs, entryRec{mw: true, cls: cr})
	}
	return recs
}

// sameBootstraps reports whether two models found the same bootstrap
// functions and app variables (what isAppVar reads).
func sameBootstraps(a, b []Bootstrap) bool {
	return slices.EqualFunc(a, b, func(x, y Bootstrap) bool {
		return x.File == y.File && x.Func == y.Func && x.AppVar == y.AppVar
	})
}

func (m *Model) findEntries() {
	middleware := map[ClassRef]bool{}
	reuse := m.callsFrom != nil && m.callsFrom.entryPer != nil && sameBootstraps(m.Bootstraps, m.callsFrom.Bootstraps)
	m.entryPer = make([][]entryRec, len(m.Files))
	m.parallel(len(m.Files), func(i int) {
		if reuse && !m.changed[i] {
			m.entryPer[i] = m.callsFrom.entryPer[i]
		} else {
			m.entryPer[i] = m.callEntries(FileID(i))
		}
	})
	for fi := range m.AllFiles() {
		for _, r := range m.entryPer[fi] {
			if r.mw {
				middleware[r.cls] = true
			} else {
				m.addEntry(r.ref, r.why)
			}
		}
	}
	// The entry points of classes read surfaces only (classes, their
	// methods and decorators) and the middleware classes the calls name:
	// with both as in the model Build links from, they are its list.
	if p := m.callsFrom; p != nil && p.classEntries != nil && maps.Equal(middleware, p.middleware) {
		m.classEntries = p.classEntries
	} else {
		m.classEntries = m.classEntryList(middleware)
	}
	m.middleware = middleware
	for _, r := range m.classEntries {
		m.addEntry(r.ref, r.why)
	}
	// callbacks returned by provider factories run later, usually per request
	for _, mod := range m.Modules {
		for _, p := range mod.Providers {
			if p.Factory == nil {
				continue
			}
			for _, ret := range m.Files[p.Factory.File].Facts.Returns {
				if FuncID(ret.Func) == p.Factory.Index {
					m.returnedFuncs(m.addEntry, p.Factory.File, ret.Value, "callback returned by a provider factory")
				}
			}
		}
	}
}

// classEntryList returns the entry points the classes make, in the order
// findEntries adds them.
func (m *Model) classEntryList(middleware map[ClassRef]bool) []entryRec {
	recs := []entryRec{}
	m.recording = &recs
	defer func() { m.recording = nil }()
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		cl := m.Class(ref)
		f := m.Files[ref.File].Facts
		gateway := info.Is("WebSocketGateway")
		catch := info.Is("Catch")
		// @nestjs/cqrs handlers are class decorators: the bus calls
		// execute/handle once per command, query or event
		cqrsMethod := ""
		switch {
		case info.Is("CommandHandler"), info.Is("QueryHandler"):
			cqrsMethod = "execute"
		case info.Is("EventsHandler"):
			cqrsMethod = "handle"
		}
		workerHost := info.Is("Processor") && (cl.Extends == "WorkerHost" || strings.HasSuffix(cl.Extends, ".WorkerHost"))
		for _, mi := range cl.Methods {
			fn := &f.Funcs[mi]
			r := FuncRef{ref.File, FuncID(mi)}
			if d := m.entryDecorator(fn.Decorators); d != "" {
				m.addEntry(r, "@"+d+"()")
				continue
			}
			switch {
			case gateway && (fn.Name == "handleConnection" || fn.Name == "handleDisconnect"):
				m.addEntry(r, "gateway "+fn.Name)
			case workerHost && fn.Name == "process":
				m.addEntry(r, "BullMQ worker process()")
			case fn.Name == "catch" && catch:
				m.addEntry(r, "exception filter")
			case cqrsMethod != "" && fn.Name == cqrsMethod && !fn.Static:
				m.addEntry(r, "CQRS handler "+fn.Name+"()")
			case fn.Name == "use" && middleware[ref]:
				m.addEntry(r, "middleware")
			default:
				if ifaces, ok := enhancerMethods[fn.Name]; ok && !fn.Static && implementsAny(cl, ifaces) {
					m.addEntry(r, ifaces[0]+"."+fn.Name)
				}
			}
		}
		if info.Scope == RequestScoped && cl.Ctor >= 0 {
			m.addEntry(FuncRef{ref.File, FuncID(cl.Ctor)}, "constructor of a request-scoped provider ("+info.ScopeReason+")")
		}
		if info.Scope == RequestScoped {
			for _, d := range info.Deps {
				if d.Class == nil {
					continue
				}
				if dep := m.Classes[*d.Class]; dep != nil && dep.Scope == Transient {
					if ctor := m.Class(*d.Class).Ctor; ctor >= 0 {
						m.addEntry(FuncRef{d.Class.File, FuncID(ctor)}, "constructor of a transient provider injected into "+info.Name)
					}
				}
			}
		}
	}
	return recs
}

func (m *Model) returnedFuncs(add entryAdder, fi FileID, v parser.Value, why string) {
	if v.Kind == parser.VFunc && v.Func >= 0 {
		add(FuncRef{fi, FuncID(v.Func)}, why)
	}
	for _, p := range v.Props() {
		m.returnedFuncs(add, fi, p.Value, why)
	}
	for _, e := range v.Elems() {
		if v.Kind == parser.VArray || v.Kind == parser.VObject {
			m.returnedFuncs(add, fi, e, why)
		}
	}
}

// workerEntries marks the job handlers that queue and stream clients call
// once per message, the worker path: the processor of a BullMQ
// `new Worker(queue, processor)` and the eachMessage/eachBatch handlers of
// a KafkaJS `consumer.run({...})`.
func (m *Model) workerEntries(add entryAdder, fi FileID, c *parser.Call) {
	switch {
	case c.New && len(c.Path) == 1 && len(c.Args) >= 2:
		if d := m.Resolve(fi, FuncID(c.Func), c.Path[0]); d.Kind != DeclExternal || normModule(d.Module) != "bullmq" || d.Name != "Worker" {
			return
		}
		m.handlerEntry(add, fi, FuncID(c.Func), c.Args[1], "BullMQ Worker processor")
	case c.Method == "run" && len(c.Args) == 1 && c.Args[0].Kind == parser.VObject:
		for _, p := range c.Args[0].Props() {
			if p.Key == "eachMessage" || p.Key == "eachBatch" {
				m.handlerEntry(add, fi, FuncID(c.Func), p.Value, "KafkaJS consumer "+p.Key)
			}
		}
	}
}

// handlerEntry marks a handler given as an arrow or function, a function
// name, this.method or this.method.bind(this) as an entry point.
func (m *Model) handlerEntry(add entryAdder, fi FileID, fn FuncID, a parser.Value, why string) {
	text := a.Text
	switch {
	case a.Kind == parser.VFunc && a.Func >= 0:
		add(FuncRef{fi, FuncID(a.Func)}, why)
		return
	case a.Kind == parser.VCall && strings.HasSuffix(text, ".bind"):
		text = strings.TrimSuffix(text, ".bind")
	case a.Kind != parser.VIdent:
		return
	}
	f := m.Files[fi].Facts
	parts := strings.Split(text, ".")
	switch {
	case len(parts) == 2 && parts[0] == "this" && fn >= 0 && f.Funcs[fn].Class >= 0:
		for _, to := range m.methodTargets(&ClassRef{fi, ClassID(f.Funcs[fn].Class)}, "", parts[1]) {
			add(to, why)
		}
	case len(parts) == 1:
		if d := m.Resolve(fi, fn, parts[0]); d.Kind == DeclFunc {
			add(d.Func(), why)
		}
	}
}

// callbackEntries marks what an argument of app.use/consumer.apply/
// createParamDecorator refers to as a request entry point.
func (m *Model) callbackEntries(add entryAdder, fi FileID, fn FuncID, a parser.Value, why string, middleware map[ClassRef]bool) {
	switch a.Kind {
	case parser.VFunc:
		if a.Func >= 0 {
			add(FuncRef{fi, FuncID(a.Func)}, why)
		}
	case parser.VIdent:
		d := m.Resolve(fi, fn, strings.Split(a.Text, ".")[0])
		switch d.Kind {
		case DeclFunc:
			add(d.Func(), why)
		case DeclClass:
			middleware[d.Class()] = true
		}
	case parser.VCall:
		// app.use(createLogger(opts)): the functions the factory returns
		if a.Text == "" || strings.Contains(a.Text, ".") {
			return
		}
		d := m.Resolve(fi, fn, a.Text)
		if d.Kind != DeclFunc {
			return
		}
		for _, ret := range m.Files[d.File].Facts.Returns {
			if ret.Func == d.Index {
				m.returnedFuncs(add, d.File, ret.Value, why)
			}
		}
	case parser.VArray:
		for _, e := range a.Elems() {
			m.callbackEntries(add, fi, fn, e, why, middleware)
		}
	}
}

func (m *Model) entryDecorator(ds []parser.Decorator) string {
	for _, d := range ds {
		n := decoName(d.Name)
		if m.EntryDecorators[n] {
			return n
		}
	}
	return ""
}

// isAppVar reports whether name holds a Nest application in function fn.
func (m *Model) isAppVar(fi FileID, fn FuncID, name string) bool {
	for _, b := range m.Bootstraps {
		if b.File == fi && b.Func == fn && b.AppVar == name {
			return true
		}
	}
	return name == "app"
}

func (m *Model) startupRoots() []FuncRef {
	var roots []FuncRef
	for fi := range m.AllFiles() {
		roots = append(roots, FuncRef{fi, -1})
	}
	for _, b := range m.Bootstraps {
		roots = append(roots, FuncRef{b.File, b.Func})
	}
	// the roots classes and modules make read surfaces only
	if p := m.callsFrom; p != nil && p.classStartups != nil {
		m.classStartups = p.classStartups
	} else {
		m.classStartups = m.classStartupRoots()
	}
	roots = append(roots, m.classStartups...)
	return append(roots, m.factoryRoots()...) // with registerAs factories
}

// classStartupRoots returns the startup roots of classes and modules:
// constructors of singleton providers, startup hooks, static module
// builders, configure() and provider factories.
func (m *Model) classStartupRoots() []FuncRef {
	roots := []FuncRef{}
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		cl := m.Class(ref)
		f := m.Files[ref.File].Facts
		if info.Scope == Default && cl.Ctor >= 0 && (info.Provided || len(info.Kinds) > 0) {
			roots = append(roots, FuncRef{ref.File, FuncID(cl.Ctor)})
		}
		isModule := info.Is("Module")
		for _, mi := range cl.Methods {
			fn := &f.Funcs[mi]
			if startupHooks[fn.Name] && info.Scope != RequestScoped {
				roots = append(roots, FuncRef{ref.File, FuncID(mi)})
			}
			if isModule && fn.Static && (strings.HasPrefix(fn.Name, "forRoot") || strings.HasPrefix(fn.Name, "register") || strings.HasPrefix(fn.Name, "forFeature")) {
				roots = append(roots, FuncRef{ref.File, FuncID(mi)})
			}
			if isModule && fn.Name == "configure" {
				roots = append(roots, FuncRef{ref.File, FuncID(mi)})
			}
		}
	}
	for _, mod := range m.Modules {
		for _, p := range mod.Providers {
			if p.Factory != nil {
				roots = append(roots, *p.Factory)
			}
		}
	}
	return roots
}

// factoryRoots returns the functions Nest calls once while it builds the
// module graph, wherever their object literal is written: useFactory in
// module metadata, in the options of forRootAsync/registerAsync, or in a
// provider object kept in a variable (`export const dbProviders = [...]`),
// inline or a named function imported from another file; and the create*
// methods of a useClass options factory (createTypeOrmOptions), and the
// factories given to @nestjs/config's registerAs. Factories of
// request-scoped and transient providers run later and are left out.
func (m *Model) factoryRoots() []FuncRef {
	// Files are read in parallel, each into its own list, and the lists
	// joined in file order.
	// A file's roots depend on its own facts and on the surfaces of the
	// files its names resolve to: a build whose surfaces are those of the
	// model it reuses takes the lists of unchanged files from it.
	per := make([][]FuncRef, len(m.Files))
	reuse := m.callsFrom != nil && m.callsFrom.factoryPer != nil
	m.parallel(len(m.Files), func(i int) {
		if reuse && !m.changed[i] {
			per[i] = m.callsFrom.factoryPer[i]
			return
		}
		fi := FileID(i)
		f := m.Files[fi].Facts
		var roots []FuncRef
		fnRoot := func(fn int, v parser.Value) {
			switch v.Kind {
			case parser.VFunc:
				if v.Func >= 0 {
					roots = append(roots, FuncRef{fi, FuncID(v.Func)})
				}
			case parser.VIdent:
				if d := m.Resolve(fi, FuncID(fn), v.Text); d.Kind == DeclFunc {
					roots = append(roots, d.Func())
				}
			}
		}
		var walk func(fn int, v parser.Value, async, config bool)
		walk = func(fn int, v parser.Value, async, config bool) {
			switch v.Kind {
			case parser.VObject:
				perRequest := false
				for _, pp := range v.Props() {
					if pp.Key == "scope" && (strings.HasSuffix(pp.Value.Text, "REQUEST") || strings.HasSuffix(pp.Value.Text, "TRANSIENT")) {
						perRequest = true
					}
				}
				for _, pp := range v.Props() {
					switch {
					case perRequest:
					case pp.Key == "useFactory":
						fnRoot(fn, pp.Value)
					case config && pp.Key == "load" && pp.Value.Kind == parser.VArray:
						// ConfigModule.forRoot({ load: [configuration] })
						for _, e := range pp.Value.Elems() {
							fnRoot(fn, e)
						}
					case config && pp.Key == "validate":
						fnRoot(fn, pp.Value)
					case pp.Key == "useClass" && async && pp.Value.Kind == parser.VIdent:
						if cr := m.classOf(fi, pp.Value.Text); cr != nil {
							for _, mi := range m.Class(*cr).Methods {
								if fm := &m.Files[cr.File].Facts.Funcs[mi]; strings.HasPrefix(fm.Name, "create") && !fm.Static {
									roots = append(roots, FuncRef{cr.File, FuncID(mi)})
								}
							}
						}
					}
					walk(fn, pp.Value, async, false)
				}
			case parser.VArray:
				for _, e := range v.Elems() {
					walk(fn, e, async, false)
				}
			case parser.VCall, parser.VNew:
				for _, e := range v.Elems() {
					walk(fn, e, async || strings.HasSuffix(v.Text, "Async"), isConfigModule(v.Text))
				}
			}
		}
		for _, c := range f.Calls {
			config := joinedIs(c.Path, "ConfigModule.forRoot") || joinedIs(c.Path, "ConfigModule.forFeature")
			for _, a := range c.Args {
				walk(c.Func, a, strings.HasSuffix(c.Method, "Async"), config)
			}
			// registerAs('db', () => ({ ... })): @nestjs/config runs the
			// factory once at startup
			if len(c.Path) == 1 && c.Path[0] == "registerAs" {
				for _, a := range c.Args {
					if a.Kind == parser.VFunc && a.Func >= 0 {
						roots = append(roots, FuncRef{fi, FuncID(a.Func)})
					}
				}
			}
		}
		for _, l := range f.Locals {
			walk(l.Func, l.Value, false, false)
		}
		for ci := range f.Classes {
			for _, d := range f.Classes[ci].Decorators {
				for _, a := range d.Args {
					walk(-1, a, false, false)
				}
			}
		}
		per[i] = roots
	})
	m.factoryPer = per
	return slices.Concat(per...)
}

// isConfigModule reports whether a callee path is @nestjs/config's
// ConfigModule.forRoot/forFeature, whose load and validate functions run
// once at startup.
func isConfigModule(path string) bool {
	return path == "ConfigModule.forRoot" || path == "ConfigModule.forFeature"
}

// joinedIs reports whether the names of path joined with dots are s,
// without joining them (factoryRoots asks it of every call).
func joinedIs(path []string, s string) bool {
	if len(path) == 0 {
		return s == ""
	}
	for i, p := range path {
		if i > 0 {
			if s == "" || s[0] != '.' {
				return false
			}
			s = s[1:]
		}
		if !strings.HasPrefix(s, p) {
			return false
		}
		s = s[len(p):]
	}
	return s == ""
}

func (m *Model) shutdownRoots() []FuncRef {
	if p := m.callsFrom; p != nil && p.roots[1] != nil {
		return slices.Clone(p.roots[1]) // surfaces only; sorted in place by computeContexts
	}
	roots := []FuncRef{}
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		if info.Scope == RequestScoped {
			continue // Nest never calls lifecycle hooks on request-scoped instances
		}
		cl := m.Class(ref)
		f := m.Files[ref.File].Facts
		for _, mi := range cl.Methods {
			if shutdownHooks[f.Funcs[mi].Name] {
				roots = append(roots, FuncRef{ref.File, FuncID(mi)})
			}
		}
	}
	return roots
}

func (m *Model) offlineRoots() []FuncRef {
	var roots []FuncRef
	for fi, file := range m.AllFiles() {
		if m.offline[fi] {
			roots = append(roots, FuncRef{fi, -1})
			for i := range file.Facts.Funcs {
				roots = append(roots, FuncRef{fi, FuncID(i)})
			}
		}
	}
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		if info.Is("Command") || info.Is("SubCommand") {
			for _, mi := range m.Class(ref).Methods {
				roots = append(roots, FuncRef{ref.File, FuncID(mi)})
			}
		}
	}
	return roots
}

// bfs walks the call graph from roots, skipping offline files unless
// allowOffline, and calls visit for each newly reached function.
func (m *Model) bfs(roots []FuncRef, allowOffline bool, visit func(to, from FuncRef, site parser.Span, root bool) bool) {
	seen := make([]bool, len(m.edges))
	queue := make([]FuncRef, 0, len(roots))
	for _, r := range roots {
		if !m.validRef(r) || seen[m.funcKey(r)] || (!allowOffline && m.offline[r.File]) {
			continue
		}
		seen[m.funcKey(r)] = true
		if visit(r, r, parser.Span{}, true) {
			queue = append(queue, r)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, e := range m.edges[m.funcKey(cur)] {
			k := m.funcKey(e.to())
			if seen[k] || (!allowOffline && m.offline[e.file]) {
				continue
			}
			seen[k] = true
			if visit(e.to(), cur, e.site, false) {
				queue = append(queue, e.to())
			}
		}
	}
}

func (m *Model) computeContexts() {
	m.findEntries()
	entries := make([]FuncRef, 0, len(m.entries))
	for r := range m.entries {
		entries = append(entries, r)
	}
	sortRefs(entries)
	m.roots = [3][]FuncRef{m.startupRoots(), m.shutdownRoots(), m.offlineRoots()}
	for _, r := range m.roots {
		sortRefs(r)
	}
	if m.sameContextInputs() {
		m.reuseContexts()
		return
	}
	m.bfs(entries, false, func(to, from FuncRef, site parser.Span, root bool) bool {
		m.ctx[m.funcKey(to)] = Request + 1
		if !root {
			m.prev[m.funcKey(to)] = newEdgeFrom(from, site)
		}
		return true
	})
	mark := func(roots []FuncRef, c Context, allowOffline bool) {
		m.bfs(roots, allowOffline, func(to, _ FuncRef, _ parser.Span, _ bool) bool {
			if k := m.funcKey(to); m.ctx[k] == 0 {
				m.ctx[k] = c + 1
			}
			return true
		})
	}
	// offline files are offline whatever reaches them
	for fi, file := range m.AllFiles() {
		if m.offline[fi] {
			for i := -1; i < len(file.Facts.Funcs); i++ {
				m.ctx[m.funcKey(FuncRef{fi, FuncID(i)})] = Offline + 1
			}
		}
	}
	mark(m.roots[0], Startup, false)
	mark(m.roots[1], Shutdown, false)
	mark(m.roots[2], Offline, true)
}

// sameContextInputs reports whether the contexts are those of the model
// Build links from: the same entry points, roots and offline files, and
// the edited files (which kept their surface, so their functions and
// every other file's edges are the same) call the same functions in the
// same order. Only the call sites of their edges may have moved.
func (m *Model) sameContextInputs() bool {
	p := m.callsFrom
	if p == nil || p.ctx == nil || !maps.Equal(m.entries, p.entries) || !slices.Equal(m.offline, p.offline) {
		return false
	}
	for i := range m.roots {
		if !slices.Equal(m.roots[i], p.roots[i]) {
			return false
		}
	}
	for _, fi := range m.changedFiles {
		lo, hi := m.fbase[fi], m.fbase[fi]+len(m.Files[fi].Facts.Funcs)+1
		for k := lo; k < hi; k++ {
			if !slices.EqualFunc(m.edges[k], p.edges[k], func(a, b edge) bool { return a.file == b.file && a.fn == b.fn }) {
				return false
			}
		}
	}
	return true
}

// reuseContexts takes the contexts of the model Build links from (shared:
// nothing writes them after Build) and its request paths, with the sites
// of the edges that leave an edited file read from this build's edges.
func (m *Model) reuseContexts() {
	p := m.callsFrom
	m.ctx, m.ctxReused = p.ctx, true
	m.prev = slices.Clone(p.prev)
	for k := range m.prev {
		e := &m.prev[k]
		if !e.ok || !m.changed[e.file] {
			continue
		}
		for _, out := range m.edges[m.funcKey(e.from())] {
			if m.funcKey(out.to()) == k {
				e.site = out.site
				break
			}
		}
	}
}

// ContextOf returns the context a function runs in.
func (m *Model) ContextOf(r FuncRef) Context {
	if m.validRef(r) {
		if c := m.ctx[m.funcKey(r)]; c != 0 {
			return c - 1
		}
	}
	return Unknown
}

// EntryWhy returns why r is an entry point, or "".
func (m *Model) EntryWhy(r FuncRef) string { return m.entries[r] }

// Entries returns the entry points, sorted.
func (m *Model) Entries() []FuncRef {
	out := make([]FuncRef, 0, len(m.entries))
	for r := range m.entries {
		out = append(out, r)
	}
	sortRefs(out)
	return out
}

// PathTo returns the shortest path from an entry point to r (entry point
// first, r last), or nil when r is not in request context.
func (m *Model) PathTo(r FuncRef) []Step {
	if m.ContextOf(r) != Request {
		return nil
	}
	var rev []Step
	cur := r
	for i := 0; i < 1000; i++ {
		p := m.prev[m.funcKey(cur)]
		if !p.ok {
			fn := m.Func(cur)
			site := parser.Span{}
			if fn != nil {
				site = fn.NameSpan
			}
			rev = append(rev, Step{Func: cur, SiteFile: cur.File, Site: site})
			break
		}
		rev = append(rev, Step{Func: cur, SiteFile: FileID(p.file), Site: p.site})
		cur = p.from()
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
