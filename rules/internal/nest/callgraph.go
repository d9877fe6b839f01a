package nest

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/nestlint/nestlint/parser"
)

// Callee is what a call resolves to: project functions, or an external
// qualified name such as "fs.readFileSync" or "bcrypt.hashSync".
type Callee struct {
	Funcs    []FuncRef
	External string // module + "." + member, with the node: prefix removed
	Module   string // the external module alone
	// Global is the dotted path of a call on a JavaScript or Node.js
	// global that no declaration shadows ("process.exit", "Atomics.wait",
	// "setInterval"); "" otherwise.
	Global string
}

// Name returns what the call is, for matching: External, else Global.
func (c Callee) Name() string {
	if c.External != "" {
		return c.External
	}
	return c.Global
}

// globals are the global objects and functions whose calls are resolved
// by name when nothing in scope declares them.
var globals = map[string]bool{
	"process": true, "Atomics": true, "console": true, "setInterval": true, "setTimeout": true,
	"setImmediate": true, "clearInterval": true, "clearTimeout": true, "queueMicrotask": true, "Promise": true,
	"JSON": true, "Math": true, "Date": true, "globalThis": true, "performance": true, "fetch": true,
	"Buffer": true, "require": true, "structuredClone": true, "AbortSignal": true, "Object": true, "Array": true,
	"Reflect": true, "RegExp": true, "String": true, "Number": true, "Symbol": true, "WebAssembly": true,
}

// findMethod looks up a method by name in a class and its bases.
func (m *Model) findMethod(c ClassRef, name string, static bool) (FuncRef, bool) {
	for depth := 0; depth < 16; depth++ {
		cl := m.Class(c)
		f := m.Files[c.File].Facts
		for _, mi := range cl.Methods {
			fn := &f.Funcs[mi]
			if fn.Name == name && fn.Static == static && fn.Kind != parser.FConstructor {
				return FuncRef{c.File, FuncID(mi)}, true
			}
		}
		info := m.Classes[c]
		if info == nil || info.Base == nil {
			return FuncRef{}, false
		}
		c = *info.Base
	}
	return FuncRef{}, false
}

// implementations returns the classes that extend the class c (at any
// depth) or, when c is nil, that implement the interface named typeName.
// Both indexes are built once in Build (before callees are resolved in
// parallel), so each lookup is a map read.
func (m *Model) implementations(c *ClassRef, typeName string) []ClassRef {
	if m.descendants == nil {
		m.buildImplIndex() // only while Build runs on one goroutine
	}
	if c != nil {
		return m.descendants[*c]
	}
	return m.implementors[typeName]
}

// buildImplIndex indexes subclasses and interface implementors.
func (m *Model) buildImplIndex() {
	{
		m.descendants = map[ClassRef][]ClassRef{}
		m.implementors = map[string][]ClassRef{}
		for _, ref := range m.sortedClassRefs() {
			info := m.Classes[ref]
			// walk up the bases with a depth limit: `extends` cycles exist in
			// broken code
			for b, depth := info.Base, 0; b != nil && depth < 32; depth++ {
				m.descendants[*b] = append(m.descendants[*b], ref)
				bi := m.Classes[*b]
				if bi == nil {
					break
				}
				b = bi.Base
			}
			for _, imp := range m.Class(ref).Implements {
				m.implementors[imp] = append(m.implementors[imp], ref)
			}
		}
	}
}

// methodTargets resolves a method call on an instance of class c (or of an
// interface when c is nil), including overrides in subclasses.
func (m *Model) methodTargets(c *ClassRef, typeName, name string) []FuncRef {
	var out []FuncRef
	if c != nil {
		if fr, ok := m.findMethod(*c, name, false); ok {
			out = append(out, fr)
		}
		cl := m.Class(*c)
		if !cl.Abstract && len(out) > 0 {
			return out
		}
	}
	for _, impl := range m.implementations(c, typeName) {
		if fr, ok := m.findMethod(impl, name, false); ok {
			dup := false
			for _, o := range out {
				if o == fr {
					dup = true
				}
			}
			if !dup {
				out = append(out, fr)
			}
		}
	}
	return out
}

// fieldClass returns the class held by this.<name> of class c: a
// constructor-injected parameter property, an injected property, or a
// field typed or initialized with a project class.
func (m *Model) fieldClass(c ClassRef, name string) (*ClassRef, string) {
	for depth := 0; depth < 16; depth++ {
		info := m.Classes[c]
		if info == nil {
			return nil, ""
		}
		for _, d := range info.Deps {
			if d.Name == name {
				if d.Class != nil {
					return d.Class, ""
				}
				return nil, d.Token
			}
		}
		cl := m.Class(c)
		for _, fd := range cl.Fields {
			if fd.Name != name {
				continue
			}
			if fd.TypeName != "" {
				if r := m.classOf(c.File, fd.TypeName); r != nil {
					return r, ""
				}
				return nil, fd.TypeName
			}
			if fd.Init.Kind == parser.VNew {
				if r := m.classOf(c.File, fd.Init.Text); r != nil {
					return r, ""
				}
			}
		}
		if info.Base == nil {
			return nil, ""
		}
		c = *info.Base
	}
	return nil, ""
}

// ResolveCallee resolves call ci of file fi.
//
// Callees are resolved once, when the model is built; this returns the
// stored answer.
func (m *Model) ResolveCallee(fi FileID, ci CallID) Callee {
	if int(fi) < len(m.callees) && int(ci) < len(m.callees[fi].at) {
		return m.callees[fi].get(ci)
	}
	return m.resolveCallee(fi, ci)
}

// fileCallees are the callees of a file's calls: most calls resolve to
// nothing (a method of an external object), so each call holds 0 for
// none, or the index of its callee tagged by where it is: 2i+1 for funcs[i]
// (a callee that is project functions only, most of those found: a list
// of 24 bytes instead of a Callee of 72, 6 MB on generated N=4000), 2j+2
// for vals[j] (external and global callees, each distinct one once).
type fileCallees struct {
	at    []uint32
	funcs [][]FuncRef
	vals  []Callee
}

func (fc *fileCallees) get(ci CallID) Callee {
	switch k := fc.at[ci]; {
	case k == 0:
		return Callee{}
	case k%2 == 1:
		return Callee{Funcs: fc.funcs[k/2]}
	default:
		return fc.vals[k/2-1]
	}
}

func (c Callee) empty() bool {
	return len(c.Funcs) == 0 && c.External == "" && c.Module == "" && c.Global == ""
}

// CallIs reports whether call ci of file fi is one of names: an external
// module export ("fs.readFileSync", "child_process.execSync") or a global
// ("process.exit", "Atomics.wait"), whatever it is imported or aliased as.
func (m *Model) CallIs(fi FileID, ci CallID, names ...string) bool {
	n := m.ResolveCallee(fi, ci).Name()
	if n == "" {
		return false
	}
	for _, want := range names {
		if n == want {
			return true
		}
	}
	return false
}

// resolveCallees resolves every call of every file, in parallel.
func (m *Model) resolveCallees() {
	m.callees = make([]fileCallees, len(m.Files))
	m.parallel(len(m.Files), func(i int) {
		if m.callsFrom != nil && !m.changed[i] {
			m.callees[i] = m.callsFrom.callees[i] // surface.go: the same
			return
		}
		fi := FileID(i)
		calls := m.Files[fi].Facts.Calls
		out := fileCallees{at: make([]uint32, len(calls))}
		sc := calleeScratches.Get().(*calleeScratch)
		defer calleeScratches.Put(sc)
		vals, funcs := sc.vals[:0], sc.funcs[:0]
		seen := sc.seen // distinct callees without functions
		for ci := range CallID(len(calls)) {
			c := m.resolveCallee(fi, ci)
			switch {
			case c.empty():
			case len(c.Funcs) == 0:
				k := [3]string{c.External, c.Module, c.Global}
				if seen[k] == 0 {
					vals = append(vals, c)
					seen[k] = uint32(2 * len(vals))
				}
				out.at[ci] = seen[k]
			case c.External == "" && c.Module == "" && c.Global == "":
				funcs = append(funcs, c.Funcs)
				out.at[ci] = uint32(2*len(funcs) - 1)
			default:
				vals = append(vals, c)
				out.at[ci] = uint32(2 * len(vals))
			}
		}
		// exact copies: they live as long as the model
		if len(vals) > 0 {
			out.vals = append(make([]Callee, 0, len(vals)), vals...)
		}
		if len(funcs) > 0 {
			out.funcs = append(make([][]FuncRef, 0, len(funcs)), funcs...)
		}
		clear(vals)
		clear(funcs)
		sc.vals, sc.funcs = vals[:0], funcs[:0]
		if len(seen) > 256 { // clearing costs the map's capacity, for every later file
			sc.seen = map[[3]string]uint32{}
		} else {
			clear(seen)
		}
		m.callees[fi] = out
	})
}

// calleeScratch is what resolveCallees reuses from file to file: the list
// of a file's callees grown by append and the set of those without
// functions (25 MB of garbage on generated N=4000 when made per file).
type calleeScratch struct {
	vals  []Callee
	funcs [][]FuncRef
	seen  map[[3]string]uint32
}

var calleeScratches = sync.Pool{New: func() any { return &calleeScratch{seen: map[[3]string]uint32{}} }}

func (m *Model) resolveCallee(fi FileID, ci CallID) Callee {
	c := &m.Files[fi].Facts.Calls[ci]
	return m.resolvePath(fi, FuncID(c.Func), c.Path, c.New)
}

// resolvePath resolves the callee path p as written in function fn of
// file fi (a `new` expression when isNew).
func (m *Model) resolvePath(fi FileID, fn FuncID, p []string, isNew bool) Callee {
	f := m.Files[fi].Facts
	if len(p) == 0 {
		return Callee{}
	}
	var enclosingClass = -1
	if fn >= 0 {
		enclosingClass = f.Funcs[fn].Class
	}
	switch p[0] {
	case "this":
		if enclosingClass < 0 {
			return Callee{}
		}
		cref := ClassRef{fi, ClassID(enclosingClass)}
		switch len(p) {
		case 2:
			return Callee{Funcs: m.methodTargets(&cref, "", p[1])}
		case 3:
			dc, typeName := m.fieldClass(cref, p[1])
			if dc == nil && typeName == "" {
				return Callee{}
			}
			if dc == nil {
				// a token or an interface type: try custom providers, then implementations
				if pr, ok := m.tokens[strings.TrimPrefix(typeName, "@")]; ok && pr.Class != nil {
					dc = pr.Class
				}
			}
			return Callee{Funcs: m.methodTargets(dc, typeName, p[2])}
		}
		return Callee{}
	case "super":
		if enclosingClass < 0 {
			return Callee{}
		}
		info := m.Classes[ClassRef{fi, ClassID(enclosingClass)}]
		if info == nil || info.Base == nil {
			return Callee{}
		}
		if len(p) == 1 {
			if ctor := m.Class(*info.Base).Ctor; ctor >= 0 {
				return Callee{Funcs: []FuncRef{{info.Base.File, FuncID(ctor)}}}
			}
			return Callee{}
		}
		if fr, ok := m.findMethod(*info.Base, p[1], false); ok {
			return Callee{Funcs: []FuncRef{fr}}
		}
		return Callee{}
	}
	d := m.Resolve(fi, fn, p[0])
	switch d.Kind {
	case DeclExternal:
		mod := normModule(d.Module)
		switch {
		case d.Name == "*" || d.Name == "default":
			if len(p) >= 2 {
				return Callee{External: mod + "." + strings.Join(p[1:], "."), Module: mod}
			}
			return Callee{External: mod, Module: mod}
		default:
			return Callee{External: mod + "." + d.Name + suffix(p[1:]), Module: mod}
		}
	case DeclFunc:
		if len(p) == 1 {
			return Callee{Funcs: []FuncRef{d.Func()}}
		}
	case DeclClass:
		cref := d.Class()
		if len(p) == 1 && isNew {
			if ctor := m.Class(cref).Ctor; ctor >= 0 {
				return Callee{Funcs: []FuncRef{{d.File, FuncID(ctor)}}}
			}
			return Callee{}
		}
		if len(p) == 2 {
			if fr, ok := m.findMethod(cref, p[1], true); ok {
				return Callee{Funcs: []FuncRef{fr}}
			}
		}
	case DeclLocal:
		// const svc = new UsersService(); svc.find()
		if len(p) == 2 {
			if cr := m.localClass(fi, fn, p[0]); cr != nil {
				return Callee{Funcs: m.methodTargets(cr, "", p[1])}
			}
		}
	case DeclVar:
		if d.Index == -1 && len(p) == 2 { // namespace import of a project file
			e := m.resolveExport(d.File, p[1], 0)
			if e.Kind == DeclFunc {
				return Callee{Funcs: []FuncRef{e.Func()}}
			}
		}
		// export const appConfig = new AppConfig(env); appConfig.typeOrm()
		if d.Index >= 0 && len(p) == 2 {
			l := &m.Files[d.File].Facts.Locals[d.Index]
			var cr *ClassRef
			if l.Value.Kind == parser.VNew {
				cr = m.classOf(d.File, l.Value.Text)
			} else if l.TypeName != "" {
				cr = m.classOf(d.File, l.TypeName)
			}
			if cr != nil {
				return Callee{Funcs: m.methodTargets(cr, "", p[1])}
			}
		}
	case DeclNone:
		if globals[p[0]] {
			return Callee{Global: strings.Join(p, ".")}
		}
	}
	return Callee{}
}

// localClass returns the project class of a local variable visible in
// function fn, from its `new X()` initializer or its declared type.
func (m *Model) localClass(fi FileID, fn FuncID, name string) *ClassRef {
	f := m.Files[fi].Facts
	for cur := fn; cur >= 0; cur = FuncID(f.Funcs[cur].Parent) {
		for _, p := range f.Funcs[cur].Params {
			if p.Name == name {
				return m.classOf(fi, p.TypeName)
			}
		}
		for _, i := range m.localsOf(fi, cur) {
			l := &f.Locals[i]
			if l.Name != name {
				continue
			}
			if l.Value.Kind == parser.VNew {
				return m.classOf(fi, l.Value.Text)
			}
			if cr := m.containerGet(fi, l.Value.Text, l.Value.Elems()); cr != nil {
				return cr // const svc = app.get(UsersService)
			}
			return m.classOf(fi, l.TypeName)
		}
	}
	return nil
}

// containerCall resolves `app.get(X).method()`: the method of X when the
// receiver of call c is a container lookup.
func (m *Model) containerCall(fi FileID, c *parser.Call) []FuncRef {
	f := m.Files[fi].Facts
	for i := range f.Calls {
		in := &f.Calls[i]
		if in.Func != c.Func || in.Span.Start != c.Callee.Start || in.Span.End >= c.Callee.End || len(in.Path) < 2 {
			continue
		}
		if cr := m.containerGet(fi, strings.Join(in.Path, "."), in.Args); cr != nil {
			return m.methodTargets(cr, "", c.Method)
		}
	}
	return nil
}

// containerGet returns the class X of a lookup in Nest's container,
// `app.get(X)`, `app.resolve(X)` or `moduleRef.get(X)`, given the callee
// path and the arguments of the call; nil for anything else.
func (m *Model) containerGet(fi FileID, callee string, args []parser.Value) *ClassRef {
	if !strings.HasSuffix(callee, ".get") && !strings.HasSuffix(callee, ".resolve") || len(args) == 0 || args[0].Kind != parser.VIdent {
		return nil
	}
	return m.classOf(fi, args[0].Text)
}

func suffix(p []string) string {
	if len(p) == 0 {
		return ""
	}
	return "." + strings.Join(p, ".")
}

func addEdgeTo(edges map[FuncRef][]edge, from, to FuncRef, site parser.Span) {
	for _, e := range edges[from] {
		if e.to() == to {
			return
		}
	}
	edges[from] = append(edges[from], newEdge(to, site))
}

func (m *Model) buildCallGraph() {
	// Edges leave a file's own functions only, so files are linked in
	// parallel, each into its own map; the maps have disjoint keys.
	per := make([]map[FuncRef][]edge, len(m.Files))
	m.parallel(len(m.Files), func(i int) {
		if m.callsFrom != nil && !m.changed[i] {
			// surface.go: the same edges; the function keys of the file
			// are the same too (the surfaces hold the function lists).
			lo, hi := m.fbase[i], m.fbase[i]+len(m.Files[i].Facts.Funcs)+1
			copy(m.edges[lo:hi], m.callsFrom.edges[lo:hi])
			return
		}
		fi := FileID(i)
		file := m.Files[fi]
		f := file.Facts
		edges := map[FuncRef][]edge{}
		addEdge := func(from, to FuncRef, site parser.Span) { addEdgeTo(edges, from, to, site) }
		// nested functions run when (and where) their parent runs
		for i, fn := range f.Funcs {
			if fn.Parent >= 0 {
				addEdge(FuncRef{fi, FuncID(fn.Parent)}, FuncRef{fi, FuncID(i)}, fn.NameSpan)
			} else if fn.ArgOf >= 0 {
				addEdge(FuncRef{fi, FuncID(f.Calls[fn.ArgOf].Func)}, FuncRef{fi, FuncID(i)}, fn.NameSpan)
			}
		}
		for ci := range CallID(len(f.Calls)) {
			c := &f.Calls[ci]
			from := FuncRef{fi, FuncID(c.Func)}
			for _, to := range m.ResolveCallee(fi, ci).Funcs {
				addEdge(from, to, c.Span)
			}
			// app.get(X).init(): a method called on a provider taken from
			// the container
			if c.Path == nil && c.Method != "" && takesFromContainer(file, c) {
				for _, to := range m.containerCall(fi, c) {
					addEdge(from, to, c.Span)
				}
			}
			// a function passed by name as a callback: `arr.map(this.format)`,
			// `setTimeout(tick)`
			for _, a := range c.Args {
				text := a.Text
				switch {
				case a.Kind == parser.VCall && strings.HasSuffix(text, ".bind"):
					// `arr.map(this.format.bind(this))`
					text = strings.TrimSuffix(text, ".bind")
				case a.Kind != parser.VIdent:
					continue
				}
				// this.format, this.files.exists, utils.exists (a namespace
				// import), Mapper.toDto (a static method), format
				for _, to := range m.resolvePath(fi, FuncID(c.Func), strings.Split(text, "."), false).Funcs {
					addEdge(from, to, a.Span)
				}
			}
		}
		per[i] = edges
	})
	for _, edges := range per {
		for from, es := range edges {
			m.edges[m.funcKey(from)] = es
		}
	}
}

func (m *Model) findBootstraps() {
	if p := m.callsFrom; p != nil {
		// A file's bootstraps read its own calls and its callees: those of
		// unchanged files are the reused model's.
		m.Bootstraps = mergeByFile(m, p.Bootstraps, func(b *Bootstrap) FileID { return b.File }, m.bootstrapsOf)
		return
	}
	for fi := range m.AllFiles() {
		m.Bootstraps = append(m.Bootstraps, m.bootstrapsOf(fi)...)
	}
}

// mergeByFile returns the items of prev (in file order) whose file is
// unchanged and, in their place in file order, what fresh returns for
// each changed file.
func mergeByFile[T any](m *Model, prev []T, fileOf func(*T) FileID, fresh func(FileID) []T) []T {
	var out []T // nil when empty, as a fresh build's
	ch := m.changedFiles
	for i := range prev {
		fi := fileOf(&prev[i])
		for len(ch) > 0 && ch[0] <= fi {
			out = append(out, fresh(ch[0])...)
			ch = ch[1:]
		}
		if !m.changed[fi] {
			out = append(out, prev[i])
		}
	}
	for _, fi := range ch {
		out = append(out, fresh(fi)...)
	}
	return out
}

// bootstrapsOf returns the NestFactory calls of file fi.
func (m *Model) bootstrapsOf(fi FileID) []Bootstrap {
	var out []Bootstrap
	f := m.Files[fi].Facts
	for ci, c := range f.Calls {
		if len(c.Path) != 2 || c.Path[0] != "NestFactory" {
			continue
		}
		switch c.Path[1] {
		case "create", "createMicroservice", "createApplicationContext":
		default:
			continue
		}
		b := Bootstrap{File: fi, Func: FuncID(c.Func), Call: CallID(ci), Method: c.Path[1]}
		for _, l := range f.Locals {
			if l.Func == c.Func && l.Value.Span.Start <= c.Span.Start && c.Span.End <= l.Value.Span.End {
				b.AppVar = l.Name
			}
		}
		if b.AppVar != "" {
			m.appUses(fi, &b)
		}
		out = append(out, b)
	}
	return out
}

// Edges returns the callees of a function (for nestlint graph and tests).
func (m *Model) Edges(from FuncRef) []FuncRef {
	var out []FuncRef
	if !m.validRef(from) {
		return nil
	}
	for _, e := range m.edges[m.funcKey(from)] {
		out = append(out, e.to())
	}
	return out
}

func sortRefs(refs []FuncRef) {
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].File != refs[j].File {
			return refs[i].File < refs[j].File
		}
		return refs[i].Index < refs[j].Index
	})
}

// within reports whether function fn is inner or nested (at any depth) in it.
func within(f *parser.Facts, fn, outer int) bool {
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		if cur == outer {
			return true
		}
	}
	return fn == outer
}

// appUses records what a bootstrap does with its app: the methods called
// on it and the project functions it is passed to.
func (m *Model) appUses(fi FileID, b *Bootstrap) {
	f := m.Files[fi].Facts
	for ci := range CallID(len(f.Calls)) {
		c := &f.Calls[ci]
		if !within(f, c.Func, int(b.Func)) {
			continue
		}
		if len(c.Path) == 2 && c.Path[0] == b.AppVar {
			b.AppCalls = append(b.AppCalls, c.Path[1])
		}
		for _, a := range c.Args {
			if a.Kind == parser.VIdent && a.Text == b.AppVar {
				b.PassedTo = append(b.PassedTo, m.ResolveCallee(fi, ci).Funcs...)
			}
		}
	}
}

// takesFromContainer reports whether the callee of c (a method called on
// a value that is not a plain path) reads "get(" or "resolve(": a
// provider taken from the container, `app.get(X).init()`. Such text can
// only lie where a call of a name ending in get or resolve lies inside the
// callee, which the facts tell: the source (not read for a file whose
// facts came from the cache) is read only then.
func takesFromContainer(file *parser.File, c *parser.Call) bool {
	f := file.Facts
	inner := false
	for k := range f.Calls {
		o := &f.Calls[k]
		if o.Span.Start >= c.Callee.Start && o.Span.End <= c.Callee.End &&
			(strings.HasSuffix(o.Method, "get") || strings.HasSuffix(o.Method, "resolve")) {
			inner = true
			break
		}
	}
	if !inner {
		return false
	}
	src := file.Source()
	if c.Callee.Start > c.Callee.End || int(c.Callee.End) > len(src) {
		return false
	}
	t := src[c.Callee.Start:c.Callee.End]
	return bytes.Contains(t, []byte("get(")) || bytes.Contains(t, []byte("resolve("))
}
