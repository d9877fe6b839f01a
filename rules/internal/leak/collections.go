package leak

import (
	"regexp"
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// Collection is a Map, Set, array or plain object that outlives a request:
// a field of a singleton class or a module-level variable. Module-level
// `let` bindings of any value are collections of Kind "binding" (only
// module-state looks at them).
type Collection struct {
	Name  string // field or variable name
	Kind  string // "Map", "Set", "array", "object" or "binding"
	File  nest.FileID
	Class int // -1 for module level
	Local int // Locals index of a module-level variable, -1 for a field
	Let   bool
	Decl  parser.Span
	// Sites are every use that changes the collection, in every file.
	Grows    []Site // set/add/push/unshift and keyed stores
	Removals []Site // delete/clear/splice/shift/pop, delete operator, reassignment, length = 0
	Stores   []Site // fixed-key property stores and updates (`o.x = 1`, `o.n++`)
	Assigns  []Site // reassignments of the binding itself (after its declaration)
	// SizeChecked is set when some growth site reads .size or .length of
	// the collection in its function or in the if condition guarding it.
	SizeChecked bool
}

// Site is one use of a collection.
type Site struct {
	File nest.FileID
	Func int
	What string // "set", "push", "[k] =", "delete", "=", ...
	Span parser.Span
	// Lazy is set for a lazy initialization of the binding itself
	// (`x ??= v`, or `if (!x) x = v`) with a value not taken from the request.
	Lazy bool
}

// Ref is the function of a site.
func (s Site) Ref() nest.FuncRef { return nest.FuncRef{File: s.File, Index: nest.FuncID(s.Func)} }

// Base is how the collection is written in code: "this.cache" or "cache".
func (c *Collection) Base() string {
	if c.Class >= 0 {
		return "this." + c.Name
	}
	return c.Name
}

var (
	growMethods   = map[string]bool{"set": true, "add": true, "push": true, "unshift": true}
	removeMethods = map[string]bool{"delete": true, "clear": true, "splice": true, "shift": true, "pop": true}
)

func collKind(v parser.Value) string {
	switch v.Kind {
	case parser.VNew:
		switch v.Text {
		case "Map":
			return "Map"
		case "Set":
			return "Set"
		case "Array":
			return "array"
		case "Object":
			return "object"
		}
	case parser.VArray:
		return "array"
	case parser.VObject:
		return "object"
	case parser.VCall:
		if v.Text == "Object.create" {
			return "object"
		}
	}
	return ""
}

// boundedType names the field and variable types that evict on their own.
var boundedType = map[string]bool{"LRUCache": true, "LRU": true, "LruCache": true, "QuickLRU": true, "Cache": true, "WeakMap": true, "WeakSet": true, "WeakRef": true, "TTLCache": true, "NodeCache": true}

// Collections finds every long-lived collection of the project and its uses.
// Class fields are kept only for singleton providers and controllers.
func Collections(m *nest.Model) []*Collection {
	var out []*Collection
	// (a typed key: an [3]any key boxed and hashed three interfaces per
	// lookup, and every this.x assignment of the project is looked up)
	type fieldKey struct {
		file  nest.FileID
		class int
		name  string
	}
	byField := map[fieldKey]*Collection{}
	byLocal := map[[2]int]*Collection{}
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		f := file.Facts
		for ci := range f.Classes {
			cl := &f.Classes[ci]
			if !Singleton(m, nest.ClassRef{File: fi, Index: nest.ClassID(ci)}) {
				continue
			}
			for _, fd := range cl.Fields {
				if fd.Static || boundedType[fd.TypeName] {
					continue
				}
				k := ""
				if fd.HasInit {
					k = collKind(fd.Init)
				}
				if k == "" && cl.Ctor >= 0 {
					for _, a := range f.Assigns {
						if a.Func == cl.Ctor && !a.Computed && len(a.Target) == 2 && a.Target[0] == "this" && a.Target[1] == fd.Name {
							k = collKind(a.Value)
						}
					}
				}
				if k == "" {
					continue
				}
				c := &Collection{Name: fd.Name, Kind: k, File: fi, Class: ci, Local: -1, Decl: fd.NameSpan}
				if c.Decl.End == 0 {
					c.Decl = fd.Span
				}
				byField[fieldKey{fi, ci, fd.Name}] = c
				out = append(out, c)
			}
		}
		for li := range f.Locals {
			l := &f.Locals[li]
			if l.Func != -1 || boundedType[l.TypeName] {
				continue
			}
			k := collKind(l.Value)
			if k == "" && l.Kind == "let" {
				k = "binding"
			}
			if k == "" {
				continue
			}
			c := &Collection{Name: l.Name, Kind: k, File: fi, Class: -1, Local: li, Let: l.Kind == "let", Decl: l.Span}
			byLocal[[2]int{int(fi), li}] = c
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	// names under which module-level collections can be reached
	names := map[string]bool{}
	for _, c := range byLocal {
		names[c.Name] = true
	}
	for _, file := range m.Files {
		for _, im := range file.Facts.Imports {
			if names[im.Imported] || im.Imported == "*" {
				names[im.Local] = true
			}
		}
	}
	// find collection of a path used in function fn of file fi
	find := func(fi nest.FileID, fn int, path []string) (*Collection, int) {
		if len(path) == 0 || path[0] != "this" && !names[path[0]] {
			return nil, 0
		}
		f := m.Files[fi].Facts
		if path[0] == "this" {
			if len(path) < 2 || fn < 0 {
				return nil, 0
			}
			ci := ClassOf(f, fn)
			if ci < 0 {
				return nil, 0
			}
			return byField[fieldKey{fi, ci, path[1]}], 2
		}
		d := m.Resolve(fi, nest.FuncID(fn), path[0])
		if d.Kind == nest.DeclVar && d.Index < 0 && len(path) >= 2 {
			// import * as store from './store'; store.sessions.set(...)
			if d2 := m.ResolveTop(d.File, path[1]); d2.Kind == nest.DeclVar && d2.Index >= 0 {
				return byLocal[[2]int{int(d2.File), d2.Index}], 2
			}
			return nil, 0
		}
		if d.Kind != nest.DeclVar || d.Index < 0 {
			return nil, 0
		}
		return byLocal[[2]int{int(d.File), d.Index}], 1
	}
	for fi, file := range m.AllFiles() {
		f := file.Facts
		for ci := range f.Calls {
			call := &f.Calls[ci]
			if call.New || len(call.Path) < 2 || !growMethods[call.Method] && !removeMethods[call.Method] {
				continue
			}
			c, n := find(fi, call.Func, call.Path[:len(call.Path)-1])
			if c == nil && removeMethods[call.Method] && len(call.Path) >= 3 {
				// this.rates.cache.clear() from another class: be conservative and
				// count it for every field of that name
				name := call.Path[len(call.Path)-2]
				for key, fc := range byField {
					if key.name == name {
						fc.Removals = append(fc.Removals, Site{File: fi, Func: call.Func, What: call.Method, Span: call.Span})
					}
				}
				continue
			}
			if c == nil || len(call.Path) < n+1 {
				continue
			}
			if len(call.Path) > n+1 && (c.Kind != "object" || growMethods[call.Method] && !plainPath(call.Path[n:len(call.Path)-1])) {
				continue // a method of a value inside the collection, not of a nested container
			}
			s := Site{File: fi, Func: call.Func, What: call.Method, Span: call.Span}
			if len(call.Path) > n+1 {
				s.What = "." + strings.Join(call.Path[n:], ".")
			}
			switch {
			case growMethods[call.Method]:
				c.Grows = append(c.Grows, s)
				if sizeChecked(m, fi, call.Func, c, "") {
					c.SizeChecked = true
				}
			case removeMethods[call.Method]:
				c.Removals = append(c.Removals, s)
			}
		}
		for ai := range f.Assigns {
			a := &f.Assigns[ai]
			c, n := find(fi, a.Func, a.Target)
			if c == nil {
				continue
			}
			s := Site{File: fi, Func: a.Func, Span: a.Span}
			switch {
			case len(a.Target) == n && a.Computed:
				s.What = "[k] ="
				c.Grows = append(c.Grows, s)
				if sizeChecked(m, fi, a.Func, c, a.Guard) {
					c.SizeChecked = true
				}
			case len(a.Target) == n:
				s.What = assignOp(a.Op)
				if a.Func >= 0 && (a.Op == parser.OpLogical || a.Op == parser.OpAssign && lazyAssign(m, fi, a, c.Base())) &&
					memoValue(m, fi, a.Func, a.Value) {
					s.Lazy = true
				}
				if c.Class >= 0 && a.Func == f.Classes[c.Class].Ctor {
					continue // the initializer
				}
				c.Assigns = append(c.Assigns, s)
				c.Removals = append(c.Removals, s)
			case len(a.Target) == n+1 && a.Target[n] == "length" && !a.Computed:
				s.What = "length ="
				c.Removals = append(c.Removals, s)
			case c.Kind == "object" && a.Computed && plainPath(a.Target[n:]):
				// this.stats.byRoute[route]++: a dictionary inside the object grows
				s.What = "." + strings.Join(a.Target[n:], ".") + "[k] ="
				c.Grows = append(c.Grows, s)
				if sizeChecked(m, fi, a.Func, c, a.Guard) {
					c.SizeChecked = true
				}
			case c.Kind == "object" && !a.Computed && a.Op == parser.OpAssign && emptyValue(a.Value):
				// this.stats.byRoute = {}: the nested dictionary is reset
				s.What = "." + strings.Join(a.Target[n:], ".") + " ="
				c.Removals = append(c.Removals, s)
				c.Stores = append(c.Stores, s)
			default:
				s.What = "." + strings.Join(a.Target[n:], ".") + " ="
				c.Stores = append(c.Stores, s)
			}
		}
		for di := range f.Deletes {
			d := &f.Deletes[di]
			c, n := find(fi, d.Func, d.Target)
			if c == nil || len(d.Target) != n && c.Kind != "object" {
				continue // delete this.stats.byRoute[k] empties a nested dictionary
			}
			c.Removals = append(c.Removals, Site{File: fi, Func: d.Func, What: "delete", Span: d.Span})
		}
	}
	return out
}

// plainPath reports whether a member path below a collection names
// nested properties, not array elements or calls.
func plainPath(p []string) bool {
	for _, x := range p {
		if x == "" || x == "length" {
			return false
		}
	}
	return true
}

// emptyValue reports whether v is an empty {}, [] or new Map()/Set().
func emptyValue(v parser.Value) bool {
	switch v.Kind {
	case parser.VObject:
		return len(v.Props()) == 0
	case parser.VArray:
		return len(v.Elems()) == 0
	case parser.VNew:
		return (v.Text == "Map" || v.Text == "Set") && len(v.Elems()) == 0
	}
	return false
}

// sizeChecked reports whether a growth site in fn reads the size of c: in
// the guarding if condition, or anywhere in fn and the functions around it.
func sizeChecked(m *nest.Model, fi nest.FileID, fn int, c *Collection, guard string) bool {
	base := c.Base()
	if guard != "" && readsSize([]byte(guard), base) {
		return true
	}
	f := m.Files[fi].Facts
	src := m.Files[fi].Source()
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		sp := f.Funcs[cur].Span
		if int(sp.End) <= len(src) && readsSize(src[sp.Start:sp.End], base) {
			return true
		}
	}
	return false
}

// Bounds reports whether a removal keeps the collection bounded while the
// app runs: one at shutdown (onModuleDestroy clears the map) does not, nor
// one that runs once at startup; a removal in a callback registered at
// startup (a setInterval sweep, a socket 'disconnect' listener) does.
func (s Site) Bounds(m *nest.Model) bool {
	if s.Func < 0 {
		return false
	}
	switch m.ContextOf(s.Ref()) {
	case nest.Shutdown, nest.Offline:
		return false
	case nest.Startup:
		// a removal directly in a constructor or a startup hook runs once;
		// a method a timer or a listener calls runs again
		fn := &m.Files[s.File].Facts.Funcs[s.Func]
		return !(fn.Kind == parser.FConstructor || fn.Name == "onModuleInit" || fn.Name == "onApplicationBootstrap")
	}
	return true
}

// Unbounded reports whether unbounded-cache owns the collection: a Map,
// Set, array or object grown in request context with no removal that
// bounds it while the app runs (see Site.Bounds) and no size check.
// module-state leaves these to unbounded-cache.
func (c *Collection) Unbounded(m *nest.Model) bool {
	if c.Kind == "binding" || c.SizeChecked {
		return false
	}
	perConnection := false
	for _, s := range c.Grows {
		if m.ContextOf(s.Ref()) == nest.Request && entryWhy(m, s.Ref()) == "gateway handleConnection" {
			perConnection = true
		}
	}
	for _, s := range c.Removals {
		if !s.Bounds(m) {
			continue
		}
		if perConnection && m.ContextOf(s.Ref()) == nest.Request && !s.inCallback(m) && entryWhy(m, s.Ref()) != "gateway handleDisconnect" {
			// filled per connection, emptied only when a client asks
			// (a 'leave' message): a client that just disconnects stays
			continue
		}
		return false
	}
	for _, s := range c.Grows {
		if m.ContextOf(s.Ref()) == nest.Request {
			return true
		}
	}
	return false
}

// entryWhy returns why the entry point of the request path to r is one.
func entryWhy(m *nest.Model, r nest.FuncRef) string {
	p := m.PathTo(r)
	if len(p) == 0 {
		return ""
	}
	return m.EntryWhy(p[0].Func)
}

// inCallback reports whether the site is in a nested callback (a
// socket.on('disconnect', ...) listener, a timer).
func (s Site) inCallback(m *nest.Model) bool {
	return s.Func >= 0 && m.Files[s.File].Facts.Funcs[s.Func].Parent >= 0
}

func assignOp(op parser.AssignOp) string {
	switch op {
	case parser.OpCompound:
		return "op="
	case parser.OpLogical:
		return "??="
	case parser.OpIncDec:
		return "++"
	}
	return "="
}

// mentions reports whether the source text reads the path base.
func mentions(text, base string) bool {
	return mentionsName([]byte(text), base)
}

// lazyAssign reports whether the plain assignment a of the binding base
// only runs while the binding is still empty: under an if that tests it
// (or a flag set to true next to it), after an early return on it, as
// `x ?? (x = v)` or `x || (x = v)`, or as `x = x ?? v`.
func lazyAssign(m *nest.Model, fi nest.FileID, a *parser.Assign, base string) bool {
	if a.Guard != "" && mentions(a.Guard, base) || lazyCheck(m, fi, a.Func, base) {
		return true
	}
	src := m.Files[fi].Source()
	if v := a.Value; v.End > v.Start && int(v.End) <= len(src) {
		if selfOr(src[v.Start:v.End], base) {
			return true
		}
	}
	if st := int(a.Span.Start); st <= len(src) {
		lo := max(st-len(base)-16, 0)
		if orAssignBefore(src[lo:st], base) {
			return true
		}
	}
	return flagGuard(m.Files[fi].Facts, a)
}

var notFlag = regexp.MustCompile(`^\(?\s*!\s*([\w$]+)\s*\)?$`)

// flagGuard reports whether a runs under `if (!flag)` where the same
// function sets flag = true: `if (!loaded) { cert = read(); loaded = true }`.
func flagGuard(f *parser.Facts, a *parser.Assign) bool {
	g := notFlag.FindStringSubmatch(strings.TrimSpace(a.Guard))
	if g == nil {
		return false
	}
	for i := range f.Assigns {
		b := &f.Assigns[i]
		if b.Func == a.Func && len(b.Target) == 1 && b.Target[0] == g[1] && b.Value.Kind == parser.VBool && b.Value.Text == "true" {
			return true
		}
	}
	return false
}

// memoValue reports whether a lazily assigned value is the same for every
// request: not taken from the request, or only from a parameter that holds
// configuration (a ConfigService, an options or config object).
func memoValue(m *nest.Model, fi nest.FileID, fn int, v parser.Value) bool {
	src := RequestSource(m, fi, fn, v)
	if src == "" {
		return true
	}
	name, ok := strings.CutPrefix(src, "parameter ")
	if !ok {
		return false
	}
	name, _, _ = strings.Cut(name, " ")
	f := m.Files[fi].Facts
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		for _, p := range f.Funcs[cur].Params {
			if p.Name == name {
				return configType(p.TypeName)
			}
		}
	}
	return false
}

func configType(t string) bool {
	return t == "ConfigService" || strings.HasSuffix(t, "Config") || strings.HasSuffix(t, "Options") || strings.HasSuffix(t, "Settings")
}

// lazyCheck reports whether function fn (or a function around it) tests
// the binding for emptiness before assigning it: `if (x) return x;`,
// `if (!x)`, `if (x === undefined)`.
func lazyCheck(m *nest.Model, fi nest.FileID, fn int, base string) bool {
	f := m.Files[fi].Facts
	src := m.Files[fi].Source()
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		sp := f.Funcs[cur].Span
		if int(sp.End) <= len(src) && testsEmpty(src[sp.Start:sp.End], base) {
			return true
		}
	}
	return false
}
