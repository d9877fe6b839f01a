// Package nest builds nestlint's project model: what NestJS sees in the
// code. From the per-file facts of the parse stage it links imports and
// re-exports, classes and their decorators, modules and providers,
// dependency injection with scopes (and Nest's scope bubbling), bootstrap
// sites, the call graph across files, the entry points of the request path
// and the context (request, startup, shutdown, offline, unknown) of every
// function, with the shortest path from an entry point. Rules Require
// Analyzer and query the *Model; they never see a syntax tree. Files,
// functions, classes and calls are named by typed indexes (FileID, FuncID,
// ClassID, CallID; FuncRef and ClassRef pair one with its file), so that
// two indexes cannot be swapped silently.
package nest

import (
	"cmp"
	"iter"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/nestlint/nestlint/internal/workspace"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/tsconfig"
)

// Context is where a function runs.
type Context uint8

// Contexts, from least to most severe for ordering purposes see rank.
const (
	Unknown Context = iota
	Offline
	Shutdown
	Startup
	Request
)

// String returns the context name used in messages.
func (c Context) String() string {
	return [...]string{"unknown", "offline", "shutdown", "startup", "request"}[c]
}

// Scope is a provider's injection scope.
type Scope uint8

// Scopes.
const (
	Default Scope = iota
	Transient
	RequestScoped
)

// String names the scope.
func (s Scope) String() string {
	return [...]string{"singleton", "transient", "request"}[s]
}

// FileID is the index of a file in Model.Files. Facts of the parse stage
// never hold one: a file's functions, calls and classes are numbered within
// the file, so a FileID always travels with them (FuncRef, ClassRef, Decl).
type FileID int

// FuncID is the index of a function in its file's Facts.Funcs; -1 stands
// for the file's top level. With a FileID it names one function (FuncRef).
type FuncID int

// ClassID is the index of a class in its file's Facts.Classes. With a
// FileID it names one class (ClassRef).
type ClassID int

// CallID is the index of a call in its file's Facts.Calls; with the call's
// FileID it names one call site (ResolveCallee, CallIs, Bootstrap.Call).
type CallID int

// FuncRef names a function of the project: Index is into the file's
// Facts.Funcs; Index -1 is the file's top level.
type FuncRef struct {
	File  FileID
	Index FuncID
}

// ClassRef names a class of the project.
type ClassRef struct {
	File  FileID
	Index ClassID
}

// Step is one step of a path from an entry point: the function, and the
// call site (in the previous step's function) through which it is reached.
type Step struct {
	Func FuncRef
	// Site is the call expression in the previous step, or the function's
	// name for the entry point.
	SiteFile FileID
	Site     parser.Span
}

// ClassInfo is what the model knows of one class.
type ClassInfo struct {
	Ref         ClassRef
	Name        string
	Kinds       []string // Controller, Injectable, Module, Resolver, WebSocketGateway, Processor, Catch, Command, ...
	Scope       Scope
	Durable     bool
	ScopeReason string // "declared Scope.REQUEST", "injects REQUEST", "injects TenantContext (request)"
	Deps        []Dep  // constructor and property injections
	Base        *ClassRef
	Provided    bool // listed in some module's providers (or a controller)
	Controller  bool
	// BaseOfSingleton is set for a project class that a singleton provider
	// or controller extends (directly or not): its fields live in that
	// singleton.
	BaseOfSingleton bool
}

// Dep is one injected dependency.
type Dep struct {
	Name  string // parameter or property name
	Token string // the token as written (type name or @Inject argument)
	Class *ClassRef
	// External is the module of an external token (REQUEST from @nestjs/core).
	External string
	Optional bool
}

// Module is one @Module class.
type Module struct {
	Class       ClassRef
	Global      bool
	Imports     []string
	Providers   []Provider
	Controllers []ClassRef
	Exports     []string
}

// Provider is one entry of a module's providers.
type Provider struct {
	Token    string
	Class    *ClassRef // useClass or the class itself
	Factory  *FuncRef  // useFactory
	Existing string    // useExisting
	Value    bool      // useValue
	Scope    Scope
	Inject   []string
}

// Bootstrap is a NestFactory.create/createMicroservice/createApplicationContext site.
type Bootstrap struct {
	File   FileID
	Func   FuncID // enclosing function
	Call   CallID // the NestFactory call
	Method string
	AppVar string // the variable holding the app, or ""
	// AppCalls are the methods called on the app in the bootstrap function
	// and the functions nested in it, in source order ("useGlobalPipes",
	// "enableShutdownHooks", "listen").
	AppCalls []string
	// PassedTo are the project functions the app is handed to as an
	// argument (`setupSwagger(app)`).
	PassedTo []FuncRef
}

// Model is the linked project.
type Model struct {
	Files    []*parser.File
	inputs   []*parser.File // the files Build was given (Files after unaliasDecorators)
	surfaces []uint64       // surface hash by file (surface.go), 0 until computed
	// callsFrom is the model whose callees and edges of unchanged files
	// Build takes over (every edited file kept its surface), or nil.
	callsFrom *Model
	changed   []bool // by file: its facts differ from callsFrom's
	// linkedFrom records that Build took callees and edges from the model
	// it reused (callsFrom is cleared when Build returns).
	linkedFrom bool
	// pathOffline is, by file, whether its path makes it offline code
	// (offline is that, plus what the scope adds).
	pathOffline []bool
	optsKey     string
	loader      *tsconfig.Loader
	compiler    []*CompilerFacts // per file (compiler.go)
	resolver    *tsconfig.Resolver
	fileIndex   map[string]FileID
	syms        []*fileSyms
	locals      [][]int32 // file -> its Locals indexes by function (stable: in order within one; localsOf)
	offline     []bool
	root        string

	// Workspace is the program's workspace: its packages and how bare
	// imports of them resolve.
	Workspace *workspace.Workspace
	// scope (scope.go)
	inScope    []bool
	outOfScope []bool
	pkgDirs    map[string]string
	// ScopeGroups are the packages and folders left out of the default
	// scope, sorted by folder.
	ScopeGroups []ScopeGroup

	Classes   map[ClassRef]*ClassInfo
	classRefs []ClassRef // Classes' keys in file order, cached
	// indexes for calls through base classes and interfaces, built once
	descendants  map[ClassRef][]ClassRef
	implementors map[string][]ClassRef
	classByKey   map[string][]ClassRef // name -> classes
	Modules      []*Module
	Bootstraps   []Bootstrap
	tokens       map[string]*Provider // token -> provider (custom providers)

	// resolved layer (resolved.go): every call's callee, signal handlers
	callees        []fileCallees
	SignalHandlers []SignalHandler
	processFiles   map[FileID]bool
	jobs           int
	serverScope    bool

	// call graph
	// The call graph and the contexts are dense, by funcKey: a file's top
	// level and then its functions, file after file.
	fbase   []int
	edges   [][]edge
	ctx     []Context          // Context+1; 0: not reached
	prev    []edgeFrom         // BFS predecessor on the request path
	entries map[FuncRef]string // entry point -> why
	// entryPer and factoryPer are, by file, the entry points its calls
	// make and the factory functions it names (kept for the next build's
	// reuse); recording collects callEntries' list while it runs.
	entryPer   [][]entryRec
	factoryPer [][]FuncRef
	recording  *[]entryRec
	// What the contexts were computed from, kept for the next build's
	// reuse (contexts.go, computeContexts): the entry points the classes
	// make, the middleware classes they read, the startup roots classes
	// and modules make, and the sorted roots of each context.
	classEntries  []entryRec
	middleware    map[ClassRef]bool
	classStartups []FuncRef
	roots         [3][]FuncRef
	ctxReused     bool // the contexts are those of the model linked from (tests)
	// changedFiles are the files whose facts differ from the model Build
	// links from (callsFrom), in file order.
	changedFiles []FileID
	// EntryDecorators are the method decorators that start the request path.
	EntryDecorators map[string]bool
}

// edge is a call from a function (m.edges) to the function to() (16
// bytes, not 24: the callee's file and function as int32).
type edge struct {
	file, fn int32
	site     parser.Span
}

func newEdge(to FuncRef, site parser.Span) edge {
	return edge{file: int32(to.File), fn: int32(to.Index), site: site}
}

// to is the callee.
func (e edge) to() FuncRef { return FuncRef{FileID(e.file), FuncID(e.fn)} }

// edgeFrom is the call a function is reached by first (m.prev): the
// caller's file and function as int32 (20 bytes, not 32: one per function
// of the program).
type edgeFrom struct {
	file, fn int32
	site     parser.Span
	ok       bool
}

func newEdgeFrom(from FuncRef, site parser.Span) edgeFrom {
	return edgeFrom{file: int32(from.File), fn: int32(from.Index), site: site, ok: true}
}

// from is the caller.
func (e edgeFrom) from() FuncRef { return FuncRef{FileID(e.file), FuncID(e.fn)} }

// funcKey is the dense index of a function (or a file's top level).
func (m *Model) funcKey(r FuncRef) int { return m.fbase[r.File] + int(r.Index) + 1 }

// validRef reports whether r names a function (or top level) of the model.
func (m *Model) validRef(r FuncRef) bool {
	return r.File >= 0 && int(r.File) < len(m.Files) && r.Index >= -1 && int(r.Index) < len(m.Files[r.File].Facts.Funcs)
}

// initDense sizes the dense tables once the files are final.
func (m *Model) initDense() {
	m.fbase = make([]int, len(m.Files))
	n := 0
	for i, f := range m.Files {
		m.fbase[i] = n
		n += len(f.Facts.Funcs) + 1
	}
	m.edges = make([][]edge, n)
	m.ctx = make([]Context, n)
	m.prev = make([]edgeFrom, n)
}

// Options configure Build.
type Options struct {
	// Jobs bounds the goroutines Build uses (default: GOMAXPROCS).
	Jobs int
	// ServerScope makes EachFile skip files outside the server scope,
	// whose findings would not be reported.
	ServerScope bool
	Root        string   // project root, for offline globs
	EntryPoints []string // extra entry decorators
	Offline     []string // extra offline globs
	// Notify, when set, receives the problems with the tsconfig files
	// (tsconfig.Loader.Notify).
	Notify func(file, msg string)
	// Reuse is the model of an earlier run of the same program: the
	// per-file index of every file whose facts are the very same (the same
	// *parser.Facts) is taken from it instead of being computed again, when
	// the files, their order and the options are the same (reusable).
	Reuse *Model
}

// optionsKey is what the per-file index depends on besides the files.
func (o Options) key() string {
	return strings.Join([]string{o.Root, strings.Join(o.EntryPoints, "\x00"), strings.Join(o.Offline, "\x00")}, "\x01")
}

// DefaultEntryDecorators are the method decorators that make a request entry point.
var DefaultEntryDecorators = []string{
	"Get", "Post", "Put", "Patch", "Delete", "Options", "Head", "All", "Sse", "Search",
	"Query", "Mutation", "Subscription", "ResolveField", "ResolveReference",
	"SubscribeMessage", "MessagePattern", "EventPattern", "GrpcMethod", "GrpcStreamMethod",
	"OnEvent", "Cron", "Interval", "Timeout", "Process", "OnQueueEvent", "OnWorkerEvent",
	"RabbitSubscribe", "RabbitRPC", "SqsMessageHandler", "EventHandler", "CommandHandler", "QueryHandler",
}

// offlineGlobs decide offline code by path.
var offlineGlobs = []string{
	"**/*.spec.ts", "**/*.test.ts", "**/*.e2e-spec.ts", "**/*.spec.tsx", "**/*.test.tsx",
	"**/test/**", "**/tests/**", "**/__tests__/**", "**/e2e/**", "**/__mocks__/**",
	"**/migrations/**", "**/migration/**", "**/seeds/**", "**/seeders/**", "**/seed.ts", "**/*.seed.ts", "**/*.seeder.ts",
	"**/scripts/**", "**/script/**", "**/*.config.ts", "**/*.config.mts", "**/*.config.cts",
	"**/fixtures/**", "**/*.stories.tsx", "**/*.mock.ts",
}

// indexOne indexes file i: its symbols, its locals by function, and
// whether its path makes it offline.
func (m *Model) indexOne(i FileID, root string, globs []glob) {
	m.unaliasDecorators(i)
	f := m.Files[i]
	m.indexFile(i)
	if ls := f.Facts.Locals; len(ls) > 0 {
		order := make([]int32, len(ls))
		for li := range order {
			order[li] = int32(li)
		}
		slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(ls[a].Func, ls[b].Func) })
		m.locals[i] = order
	}
	rel := f.Path
	if root != "" {
		if r, err := filepath.Rel(root, f.Path); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range globs {
		if g.match(rel) && !(configGlobs[g.pat] && hasAppCode(f.Facts)) {
			m.offline[i] = true
			break
		}
	}
}

// globMatch matches a doublestar glob against a slash path, with fast paths
// for the three shapes the offline globs use: "**/name", "**/*suffix" and
// "**/dir/**". Other globs go to doublestar, also against "/"+rel.
func globMatch(g, rel string) bool { return compileGlob(g).match(rel) }

// glob is a glob classified once into one of globMatch's shapes.
type glob struct {
	pat  string
	kind int    // globName, globSuffix, globDir or globOther
	arg  string // the name, the suffix or the folder
	a, b string // "/name"; "dir/" and "/dir/"
}

const (
	globOther = iota
	globName
	globSuffix
	globDir
)

func compileGlob(g string) glob {
	if rest, ok := strings.CutPrefix(g, "**/"); ok {
		switch {
		case !strings.ContainsAny(rest, "*?[{\\"):
			return glob{pat: g, kind: globName, arg: rest, a: "/" + rest}
		case strings.HasPrefix(rest, "*") && !strings.ContainsAny(rest[1:], "*?[{/\\"):
			return glob{pat: g, kind: globSuffix, arg: rest[1:]}
		case strings.HasSuffix(rest, "/**") && !strings.ContainsAny(strings.TrimSuffix(rest, "/**"), "*?[{/\\"):
			d := strings.TrimSuffix(rest, "/**")
			return glob{pat: g, kind: globDir, arg: d, a: d + "/", b: "/" + d + "/"}
		}
	}
	return glob{pat: g}
}

func (g glob) match(rel string) bool {
	switch g.kind {
	case globName:
		return rel == g.arg || strings.HasSuffix(rel, g.a)
	case globSuffix:
		return strings.HasSuffix(path.Base(rel), g.arg)
	case globDir:
		return strings.HasPrefix(rel, g.a) || strings.Contains(rel, g.b)
	}
	if ok, _ := doublestar.Match(g.pat, rel); ok {
		return true
	}
	ok, _ := doublestar.Match(g.pat, "/"+strings.TrimPrefix(rel, "/"))
	return ok
}

// configGlobs are the offline globs meant for build and tool config files
// (jest.config.ts); NestJS config namespaces (database.config.ts with
// registerAs) match them too but are application code.
var configGlobs = map[string]bool{"**/*.config.ts": true, "**/*.config.mts": true, "**/*.config.cts": true}

// hasAppCode reports whether a file defines NestJS application code: a
// registerAs config factory or a decorated class.
func hasAppCode(f *parser.Facts) bool {
	for _, c := range f.Calls {
		if len(c.Path) == 1 && c.Path[0] == "registerAs" {
			return true
		}
	}
	for _, c := range f.Classes {
		if len(c.Decorators) > 0 {
			return true
		}
	}
	return false
}

// Build links the files of a project into a Model.
func Build(files []*parser.File, opts Options) *Model {
	m := &Model{
		Files:           append([]*parser.File(nil), files...), // unaliasDecorators replaces entries
		fileIndex:       map[string]FileID{},
		Classes:         map[ClassRef]*ClassInfo{},
		classByKey:      map[string][]ClassRef{},
		tokens:          map[string]*Provider{},
		entries:         map[FuncRef]string{},
		EntryDecorators: map[string]bool{},
	}
	for _, d := range DefaultEntryDecorators {
		m.EntryDecorators[d] = true
	}
	for _, d := range opts.EntryPoints {
		m.EntryDecorators[strings.TrimPrefix(d, "@")] = true
	}
	for i, f := range files {
		m.fileIndex[f.Path] = FileID(i)
	}
	root := opts.Root
	m.root = root
	m.pkgDirs = map[string]string{}
	m.loader = tsconfig.NewLoader("")
	m.loader.SetDisplayRoot(root)
	m.loader.Notify = opts.Notify
	m.resolver = tsconfig.NewResolver(m.loader, func(p string) bool { _, ok := m.fileIndex[p]; return ok })
	if root != "" {
		m.Workspace = workspace.Load(root)
		m.Workspace.ResolveTsConfigPaths()
		ws := m.Workspace
		m.loader.SetHints(func(abs string) []string {
			if p := ws.PackageOf(abs); p != nil && p.TsConfig != "" {
				return []string{p.TsConfig}
			}
			return nil
		})
		m.resolver.SetWorkspace(ws)
	}
	m.syms = make([]*fileSyms, len(files))
	m.locals = make([][]int32, len(files))
	m.offline = make([]bool, len(files))
	var globs []glob
	for _, g := range append(append([]string{}, offlineGlobs...), opts.Offline...) {
		globs = append(globs, compileGlob(g))
	}
	m.jobs = opts.Jobs
	m.serverScope = opts.ServerScope
	m.inputs = files
	m.optsKey = opts.key()
	prev := opts.Reuse
	if prev != nil && !prev.reusable(files, m.optsKey) {
		prev = nil
	}
	if prev != nil {
		// package folders of the same paths: the language server reloads
		// when a package.json or project.json changes.
		m.pkgDirs = maps.Clone(prev.pkgDirs)
	}
	m.surfaces = make([]uint64, len(files))
	m.changed = make([]bool, len(files))
	// Per-file indexing is independent: run it in parallel.
	m.parallel(len(files), func(i int) {
		if prev != nil {
			m.changed[i] = prev.inputs[i].Facts != files[i].Facts
		}
		if prev != nil && !m.changed[i] {
			m.surfaces[i] = prev.surfaces[i]
			if pf := prev.Files[i]; pf.Facts != files[i].Facts {
				nf := *files[i] // unaliasDecorators' copy of the facts, with this run's token.File
				nf.Facts = pf.Facts
				m.Files[i] = &nf
			}
			m.syms[i], m.locals[i], m.offline[i] = prev.syms[i], prev.locals[i], prev.pathOffline[i]
			return
		}
		m.indexOne(FileID(i), root, globs)
	})
	// Every import is resolved (indexFile is the resolver's only user):
	// its answers, about 10 MB on generated N=4000, need not live through
	// the rest of the build, where the run's memory peaks.
	m.resolver = nil
	// The scope marks more files offline (the packages it leaves out as
	// tooling, tests' helpers): what the paths say is kept apart for the
	// next build's index reuse.
	m.pathOffline = slices.Clone(m.offline)
	m.initDense()
	if prev != nil && prev.callees != nil {
		m.callsFrom = prev
		for i, ch := range m.changed {
			if !ch {
				continue
			}
			if m.surface(i) != prev.surface(i) {
				m.callsFrom, m.changedFiles = nil, nil
				break
			}
			m.changedFiles = append(m.changedFiles, FileID(i))
		}
	}
	m.computeCompiler()
	if p := m.callsFrom; p != nil && p.inScope != nil && m.sameScopeInputs(p) {
		// The scope reads imports (surface), paths, and of each file
		// whether it bootstraps Nest and starts with a shebang.
		m.inScope, m.outOfScope, m.ScopeGroups = p.inScope, p.outOfScope, p.ScopeGroups
		copy(m.offline, p.offline)
	} else {
		m.computeScope()
	}
	if p := m.callsFrom; p != nil {
		// Classes, modules and providers are built from surfaces only
		// (surface.go), and nothing writes them after Build.
		m.Classes, m.classByKey, m.Modules, m.tokens = p.Classes, p.classByKey, p.Modules, p.tokens
		m.classRefs, m.descendants, m.implementors = p.classRefs, p.descendants, p.implementors
	} else {
		m.buildClasses()
		m.buildModules()
		m.bubbleScopes()
		m.markProvidedBases()
		m.classRefs = m.sortClassRefs()
		m.buildImplIndex() // complete now: every later lookup only reads
	}
	m.resolveCallees()
	m.buildCallGraph()
	m.findBootstraps()
	m.findProcessFiles()
	m.findSignalHandlers()
	m.computeContexts()
	// Only Build reads the model it reused: holding on to it would keep
	// every earlier model of an editor session alive, each through the
	// next.
	m.linkedFrom = m.callsFrom != nil
	m.callsFrom = nil
	// Compilers are read: the tsconfig files need not live through the
	// rules.
	m.loader = nil
	return m
}

// reusable reports whether the per-file index of m can serve a build of
// files with options key: the same paths in the same order (so FileIDs and
// resolved imports are the same) and the same options. A file's index
// depends only on its own facts, the set of paths and the options.
func (m *Model) reusable(files []*parser.File, key string) bool {
	if m.optsKey != key || len(m.inputs) != len(files) {
		return false
	}
	for i, f := range files {
		if m.inputs[i].Path != f.Path {
			return false
		}
	}
	return true
}

// IsOffline reports whether file fi is offline code by its path.
func (m *Model) IsOffline(fi FileID) bool { return m.offline[fi] }

// AllFiles yields every file of the project with its FileID, in
// Model.Files order.
func (m *Model) AllFiles() iter.Seq2[FileID, *parser.File] {
	return func(yield func(FileID, *parser.File) bool) {
		for i, f := range m.Files {
			if !yield(FileID(i), f) {
				return
			}
		}
	}
}

// FileIndex returns the FileID of an absolute path, or -1.
func (m *Model) FileIndex(path string) FileID {
	if i, ok := m.fileIndex[path]; ok {
		return i
	}
	return -1
}

// Func returns the facts of a function, or nil for a file's top level.
func (m *Model) Func(r FuncRef) *parser.Func {
	if r.Index < 0 {
		return nil
	}
	return &m.Files[r.File].Facts.Funcs[r.Index]
}

// Class returns the facts of a class.
func (m *Model) Class(r ClassRef) *parser.Class { return &m.Files[r.File].Facts.Classes[r.Index] }

// Label names a function for messages: "UsersService.findAll", "helper",
// "<top level of main.ts>".
func (m *Model) Label(r FuncRef) string {
	if r.Index < 0 {
		return "top level of " + filepath.Base(m.Files[r.File].Path)
	}
	f := m.Files[r.File].Facts
	fn := &f.Funcs[r.Index]
	name := fn.Name
	if name == "" {
		if fn.Parent >= 0 {
			return m.Label(FuncRef{r.File, FuncID(fn.Parent)}) + ".<callback>"
		}
		name = "<anonymous>"
	}
	if fn.Class >= 0 && (fn.Kind != parser.FArrow && fn.Kind != parser.FExpr || fn.Parent < 0) {
		return m.ClassName(ClassRef{r.File, ClassID(fn.Class)}) + "." + name
	}
	if fn.Parent >= 0 && fn.Kind != parser.FFunction {
		return m.Label(FuncRef{r.File, FuncID(fn.Parent)}) + ".<callback>"
	}
	return name
}

// ClassName names a class for messages: its name, or for an anonymous
// class expression the function that returns it ("class in
// CachedRepository").
func (m *Model) ClassName(r ClassRef) string {
	f := m.Files[r.File].Facts
	c := &f.Classes[r.Index]
	if c.Name != "" {
		return c.Name
	}
	best := -1
	for i := range f.Funcs {
		g := &f.Funcs[i]
		if g.Span.Start <= c.Span.Start && c.Span.End <= g.Span.End && (best < 0 || g.Span.Start >= f.Funcs[best].Span.Start) {
			best = i
		}
	}
	if best >= 0 && ClassID(f.Funcs[best].Class) != r.Index {
		return "class in " + m.Label(FuncRef{r.File, FuncID(best)})
	}
	return "anonymous class"
}

func hasDecorator(ds []parser.Decorator, names ...string) *parser.Decorator {
	for i := range ds {
		n := ds[i].Name
		if j := strings.LastIndexByte(n, '.'); j >= 0 {
			n = n[j+1:]
		}
		for _, want := range names {
			if n == want {
				return &ds[i]
			}
		}
	}
	return nil
}

func decoName(n string) string {
	if j := strings.LastIndexByte(n, '.'); j >= 0 {
		return n[j+1:]
	}
	return n
}

// sortedClassRefs returns every class in file order (computed once in
// Build, after buildClasses; before that it sorts on each call).
func (m *Model) sortedClassRefs() []ClassRef {
	if m.classRefs != nil {
		return m.classRefs
	}
	return m.sortClassRefs()
}

func (m *Model) sortClassRefs() []ClassRef {
	refs := make([]ClassRef, 0, len(m.Classes))
	for r := range m.Classes {
		refs = append(refs, r)
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].File != refs[j].File {
			return refs[i].File < refs[j].File
		}
		return refs[i].Index < refs[j].Index
	})
	return refs
}

// unaliasDecorators renames decorators imported under another name to the
// name their package exports (`import { Processor as BullProcessor }`), so
// that every rule and the entry-point table see "Processor". The parser's
// facts are never written: a file that needs renaming gets a copy of its
// classes and functions (copy on write), so facts stay shareable with a
// cache and between runs.
func (m *Model) unaliasDecorators(fi FileID) {
	f := m.Files[fi].Facts
	alias := map[string]string{}
	for _, im := range f.Imports {
		if im.Imported != im.Local && im.Imported != "*" && im.Imported != "default" && im.Local != "" {
			alias[im.Local] = im.Imported
		}
	}
	if len(alias) == 0 || !usesAlias(f, alias) {
		return
	}
	nf := *m.Files[fi]
	facts := *f
	nf.Facts = &facts
	facts.Classes = append([]parser.Class(nil), f.Classes...)
	facts.Funcs = append([]parser.Func(nil), f.Funcs...)
	fix := func(ds []parser.Decorator) []parser.Decorator {
		out := append([]parser.Decorator(nil), ds...)
		for i := range out {
			if n, ok := alias[out[i].Name]; ok {
				out[i].Name = n
			}
		}
		return out
	}
	for ci := range facts.Classes {
		c := &facts.Classes[ci]
		c.Decorators = fix(c.Decorators)
		c.Fields = append([]parser.Field(nil), c.Fields...)
		for fj := range c.Fields {
			c.Fields[fj].Decorators = fix(c.Fields[fj].Decorators)
		}
	}
	for fj := range facts.Funcs {
		fn := &facts.Funcs[fj]
		fn.Decorators = fix(fn.Decorators)
		fn.Params = append([]parser.Param(nil), fn.Params...)
		for pj := range fn.Params {
			fn.Params[pj].Decorators = fix(fn.Params[pj].Decorators)
		}
	}
	m.Files[fi] = &nf
}

// usesAlias reports whether any decorator of f is named by an alias.
func usesAlias(f *parser.Facts, alias map[string]string) bool {
	has := func(ds []parser.Decorator) bool {
		for _, d := range ds {
			if _, ok := alias[d.Name]; ok {
				return true
			}
		}
		return false
	}
	for _, c := range f.Classes {
		if has(c.Decorators) {
			return true
		}
		for _, fd := range c.Fields {
			if has(fd.Decorators) {
				return true
			}
		}
	}
	for _, fn := range f.Funcs {
		if has(fn.Decorators) {
			return true
		}
		for _, p := range fn.Params {
			if has(p.Decorators) {
				return true
			}
		}
	}
	return false
}
