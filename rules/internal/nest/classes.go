package nest

import (
	"fmt"
	"strings"

	"github.com/nestlint/nestlint/parser"
)

var classKinds = []string{"Controller", "Injectable", "Module", "Resolver", "WebSocketGateway", "Processor", "Catch", "Command", "SubCommand", "Global", "CommandHandler", "QueryHandler", "EventsHandler"}

// tokenKey is the canonical key of a DI token.
func (m *Model) tokenKey(fi FileID, v parser.Value) string {
	switch v.Kind {
	case parser.VString:
		return "S:" + v.Text
	case parser.VIdent:
		parts := strings.Split(v.Text, ".")
		d := m.ResolveTop(fi, parts[0])
		switch d.Kind {
		case DeclClass:
			if len(parts) == 1 {
				return fmt.Sprintf("C:%d:%d", d.File, d.Index)
			}
		case DeclVar:
			if d.Index >= 0 && len(parts) == 1 {
				// export const TOKEN = 'TOKEN': the string is the token
				if l := m.Files[d.File].Facts.Locals[d.Index]; l.Value.Kind == parser.VString {
					return "S:" + l.Value.Text
				}
			}
			return fmt.Sprintf("V:%d:%d:%s", d.File, d.Index, strings.Join(parts[1:], "."))
		case DeclExternal:
			return "X:" + d.Module + ":" + d.Name + ":" + strings.Join(parts[1:], ".")
		}
		return "I:" + v.Text
	}
	return ""
}

func classKey(c ClassRef) string { return fmt.Sprintf("C:%d:%d", c.File, c.Index) }

func (m *Model) classOf(fi FileID, name string) *ClassRef {
	if name == "" {
		return nil
	}
	parts := strings.Split(name, ".")
	d := m.ResolveTop(fi, parts[0])
	if d.Kind == DeclClass && len(parts) == 1 {
		return &ClassRef{d.File, ClassID(d.Index)}
	}
	return nil
}

func scopeOf(ds []parser.Decorator) (Scope, bool, bool) {
	for _, d := range ds {
		switch decoName(d.Name) {
		case "Injectable", "Controller", "Resolver", "WebSocketGateway", "Processor":
		default:
			continue
		}
		for _, a := range d.Args {
			if a.Kind != parser.VObject {
				continue
			}
			sc, durable, found := Default, false, false
			for _, p := range a.Props() {
				switch p.Key {
				case "scope":
					found = true
					switch {
					case strings.HasSuffix(p.Value.Text, "REQUEST"):
						sc = RequestScoped
					case strings.HasSuffix(p.Value.Text, "TRANSIENT"):
						sc = Transient
					}
				case "durable":
					durable = p.Value.Text == "true"
				}
			}
			if found || durable {
				return sc, durable, true
			}
		}
	}
	return Default, false, false
}

func (m *Model) buildClasses() {
	for fi, f := range m.AllFiles() {
		for ci := range f.Facts.Classes {
			c := &f.Facts.Classes[ci]
			ref := ClassRef{fi, ClassID(ci)}
			info := &ClassInfo{Ref: ref, Name: c.Name}
			for _, d := range c.Decorators {
				n := decoName(d.Name)
				for _, k := range classKinds {
					if n == k {
						info.Kinds = append(info.Kinds, k)
					}
				}
			}
			if sc, durable, ok := scopeOf(c.Decorators); ok {
				info.Scope, info.Durable = sc, durable
				switch {
				case sc == RequestScoped:
					info.ScopeReason = "declared Scope.REQUEST"
				case sc == Transient:
					info.ScopeReason = "declared Scope.TRANSIENT"
				}
				if durable {
					info.ScopeReason = strings.TrimSpace(info.ScopeReason + " durable")
				}
			}
			m.Classes[ref] = info
			m.classByKey[c.Name] = append(m.classByKey[c.Name], ref)
		}
	}
	// Bases and dependencies, once every class is known; each class's
	// own ClassInfo is written, the rest only read: in parallel.
	refs := m.sortedClassRefs()
	m.parallel(len(refs), func(i int) {
		ref := refs[i]
		info := m.Classes[ref]
		c := m.Class(ref)
		// the base: a class, or a mixin call (`extends CrudService(User)`)
		// whose function returns a class
		if c.Extends != "" {
			info.Base = m.classOf(ref.File, c.Extends)
			if info.Base == nil && !strings.Contains(c.Extends, ".") {
				if d := m.ResolveTop(ref.File, c.Extends); d.Kind == DeclFunc {
					info.Base = m.factoryClass(d.File, FuncID(d.Index))
				}
			}
		}
		f := m.Files[ref.File].Facts
		if c.Ctor >= 0 {
			for _, p := range f.Funcs[c.Ctor].Params {
				info.Deps = append(info.Deps, m.dep(ref.File, p.Name, p.TypeName, p.Decorators))
			}
		}
		for _, fd := range c.Fields {
			if hasDecorator(fd.Decorators, "Inject") != nil {
				info.Deps = append(info.Deps, m.dep(ref.File, fd.Name, fd.TypeName, fd.Decorators))
			}
		}
	})
}

func (m *Model) dep(fi FileID, name, typeName string, decos []parser.Decorator) Dep {
	d := Dep{Name: name, Token: typeName}
	if hasDecorator(decos, "Optional") != nil {
		d.Optional = true
	}
	if inj := hasDecorator(decos, "Inject"); inj != nil && len(inj.Args) > 0 {
		a := inj.Args[0]
		d.Token = a.Text
		if a.Kind == parser.VCall && a.Text == "forwardRef" && len(a.Elems()) > 0 {
			// @Inject(forwardRef(() => X)): the class is what the arrow returns
			if fn := a.Elems()[0]; fn.Kind == parser.VFunc && fn.Func >= 0 {
				for _, r := range m.Files[fi].Facts.Returns {
					if r.Func == int(fn.Func) && r.Value.Kind == parser.VIdent {
						d.Token = r.Value.Text
						d.Class = m.classOf(fi, r.Value.Text)
					}
				}
			}
			return d
		}
		if a.Kind == parser.VIdent {
			decl := m.ResolveTop(fi, strings.Split(a.Text, ".")[0])
			if decl.Kind == DeclExternal {
				d.External = decl.Module + ":" + decl.Name
			}
			if decl.Kind == DeclClass {
				r := decl.Class()
				d.Class = &r
			}
		}
		d.Token = "@" + m.tokenKey(fi, a)
		return d
	}
	if typeName != "" {
		decl := m.ResolveTop(fi, strings.Split(typeName, ".")[0])
		switch decl.Kind {
		case DeclClass:
			r := decl.Class()
			d.Class = &r
		case DeclExternal:
			d.External = decl.Module + ":" + decl.Name
		}
	}
	return d
}

func (m *Model) buildModules() {
	for _, ref := range m.sortedClassRefs() {
		c := m.Class(ref)
		dec := hasDecorator(c.Decorators, "Module")
		if dec == nil {
			continue
		}
		mod := &Module{Class: ref, Global: hasDecorator(c.Decorators, "Global") != nil}
		if len(dec.Args) > 0 && dec.Args[0].Kind == parser.VObject {
			for _, p := range dec.Args[0].Props() {
				elems := m.listElems(ref.File, p.Value, 0)
				switch p.Key {
				case "providers":
					for _, e := range elems {
						if pr := m.provider(e.file, e.v); pr != nil {
							mod.Providers = append(mod.Providers, *pr)
						}
					}
				case "controllers":
					for _, e := range elems {
						if cr := m.classOf(e.file, e.v.Text); e.v.Kind == parser.VIdent && cr != nil {
							mod.Controllers = append(mod.Controllers, *cr)
							m.Classes[*cr].Provided = true
							m.Classes[*cr].Controller = true
						}
					}
				case "imports":
					mod.Imports = append(mod.Imports, m.importNames(ref.File, p.Value)...)
				case "exports":
					mod.Exports = append(mod.Exports, m.importNames(ref.File, p.Value)...)
				}
			}
		}
		m.dynamicProviders(ref, mod)
		m.Modules = append(m.Modules, mod)
	}
	// providers resolve dependencies given by token
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		for i := range info.Deps {
			d := &info.Deps[i]
			key := strings.TrimPrefix(d.Token, "@")
			if d.Class != nil && !strings.HasPrefix(d.Token, "@") {
				key = classKey(*d.Class)
			}
			if pr, ok := m.tokens[key]; ok && pr.Class != nil {
				d.Class = pr.Class
			}
		}
	}
}

// factoryClass returns the class a project function returns: a class
// declared in it (`class NsGateway {...} return NsGateway`) or a class
// expression (`return class extends Base {...}`); nil otherwise.
func (m *Model) factoryClass(fi FileID, fn FuncID) *ClassRef {
	f := m.Files[fi].Facts
	if fn < 0 || int(fn) >= len(f.Funcs) {
		return nil
	}
	body := f.Funcs[fn].Span
	for _, r := range f.Returns {
		if FuncID(r.Func) != fn {
			continue
		}
		for ci := range f.Classes {
			c := &f.Classes[ci]
			if c.Span.Start < body.Start || c.Span.End > body.End {
				continue
			}
			if r.Value.Kind == parser.VIdent && c.Name != "" && r.Value.Text == c.Name ||
				r.Value.Start == c.Span.Start && r.Value.End == c.Span.End {
				return &ClassRef{fi, ClassID(ci)}
			}
		}
	}
	return nil
}

// callClass returns the class that a provider entry built by a function
// call stands for: `providers: [createGateway('chat')]`, or a const bound
// to such a call.
func (m *Model) callClass(fi FileID, e parser.Value) *ClassRef {
	if e.Kind == parser.VIdent && !strings.Contains(e.Text, ".") {
		d := m.ResolveTop(fi, e.Text)
		if d.Kind != DeclVar || d.Index < 0 {
			return nil
		}
		fi, e = d.File, m.Files[d.File].Facts.Locals[d.Index].Value
	}
	if e.Kind != parser.VCall || e.Text == "" || strings.Contains(e.Text, ".") {
		return nil
	}
	if d := m.ResolveTop(fi, e.Text); d.Kind == DeclFunc {
		return m.factoryClass(d.File, FuncID(d.Index))
	}
	return nil
}

// elemAt is an element of a module metadata list and the file it is
// written in.
type elemAt struct {
	file FileID
	v    parser.Value
}

// listElems returns the elements of a @Module list (providers, exports...)
// written in file fi, expanding spread elements (`...USE_CASES`) and a list
// given as a name (`providers: USE_CASES`) when the name is a module-level
// array constant, here or imported: real applications keep their use cases
// and repositories in such arrays.
func (m *Model) listElems(fi FileID, list parser.Value, depth int) []elemAt {
	if depth > 4 {
		return nil
	}
	if list.Kind == parser.VIdent {
		if arr, afi, ok := m.constArray(fi, list.Text); ok {
			return m.listElems(afi, arr, depth+1)
		}
		return nil
	}
	var out []elemAt
	var src []byte // read only for an element that may be a spread
	for _, e := range list.Elems() {
		if e.Kind == parser.VOther && src == nil { // a spread element is VOther (parser's value)
			src = m.Files[fi].Source()
		}
		if e.Kind == parser.VOther && int(e.Span.Start)+3 <= len(src) && string(src[e.Span.Start:e.Span.Start+3]) == "..." &&
			int(e.Span.End) <= len(src) && e.Span.End >= e.Span.Start {
			name := strings.TrimSpace(string(src[e.Span.Start+3 : e.Span.End]))
			if arr, afi, ok := m.constArray(fi, name); ok {
				out = append(out, m.listElems(afi, arr, depth+1)...)
			}
			continue
		}
		out = append(out, elemAt{fi, e})
	}
	return out
}

// constArray returns the array literal a module-level constant named name
// is bound to, seen from file fi, and the file that declares it.
func (m *Model) constArray(fi FileID, name string) (parser.Value, FileID, bool) {
	d := m.ResolveTop(fi, name)
	if d.Kind != DeclVar {
		return parser.Value{}, 0, false
	}
	l := m.Files[d.File].Facts.Locals[d.Index]
	if l.Value.Kind != parser.VArray {
		return parser.Value{}, 0, false
	}
	return l.Value, d.File, true
}

// providerOfCall reads the provider that a project function returns as an
// object literal: `providers: [createRedisProvider()]` with
// `return { provide: REDIS, useFactory: ... }`.
func (m *Model) providerOfCall(fi FileID, e parser.Value) *Provider {
	if e.Kind != parser.VCall || e.Text == "" || strings.Contains(e.Text, ".") {
		return nil
	}
	d := m.ResolveTop(fi, e.Text)
	if d.Kind != DeclFunc {
		return nil
	}
	for _, r := range m.Files[d.File].Facts.Returns {
		if r.Func == d.Index && r.Value.Kind == parser.VObject {
			return m.provider(d.File, r.Value)
		}
	}
	return nil
}

func (m *Model) provider(fi FileID, e parser.Value) *Provider {
	switch e.Kind {
	case parser.VIdent, parser.VCall:
		cr := m.classOf(fi, e.Text)
		if e.Kind == parser.VCall {
			cr = nil
		}
		if cr == nil {
			cr = m.callClass(fi, e)
		}
		if cr == nil {
			return m.providerOfCall(fi, e)
		}
		p := &Provider{Token: classKey(*cr), Class: cr, Scope: m.Classes[*cr].Scope}
		m.Classes[*cr].Provided = true
		if _, ok := m.tokens[p.Token]; !ok {
			m.tokens[p.Token] = p
		}
		return p
	case parser.VObject:
		p := &Provider{}
		for _, pp := range e.Props() {
			switch pp.Key {
			case "provide":
				p.Token = m.tokenKey(fi, pp.Value)
			case "useClass":
				cr := m.classOf(fi, pp.Value.Text)
				if cr == nil || pp.Value.Kind == parser.VCall {
					cr = m.callClass(fi, pp.Value)
				}
				if cr != nil {
					p.Class = cr
					m.Classes[*cr].Provided = true
				}
			case "useFactory":
				if pp.Value.Kind == parser.VFunc && pp.Value.Func >= 0 {
					p.Factory = &FuncRef{fi, FuncID(pp.Value.Func)}
				} else if pp.Value.Kind == parser.VIdent {
					if d := m.ResolveTop(fi, pp.Value.Text); d.Kind == DeclFunc {
						p.Factory = &FuncRef{d.File, FuncID(d.Index)}
					}
				}
			case "useExisting":
				p.Existing = m.tokenKey(fi, pp.Value)
			case "useValue":
				p.Value = true
			case "scope":
				switch {
				case strings.HasSuffix(pp.Value.Text, "REQUEST"):
					p.Scope = RequestScoped
				case strings.HasSuffix(pp.Value.Text, "TRANSIENT"):
					p.Scope = Transient
				}
			case "inject":
				for _, x := range pp.Value.Elems() {
					p.Inject = append(p.Inject, m.tokenKey(fi, x))
				}
			}
		}
		if p.Token == "" {
			return nil
		}
		if p.Class != nil && p.Scope != Default {
			info := m.Classes[*p.Class]
			if info.Scope == Default {
				info.Scope = p.Scope
				info.ScopeReason = "provided with scope " + p.Scope.String()
			}
		}
		if _, ok := m.tokens[p.Token]; !ok || p.Class != nil || p.Factory != nil {
			m.tokens[p.Token] = p
		}
		return p
	}
	return nil
}

// requestTokens are the external tokens that make a provider request-scoped.
var requestTokens = map[string]string{
	"@nestjs/core:REQUEST":          "REQUEST",
	"@nestjs/graphql:CONTEXT":       "CONTEXT",
	"@nestjs/microservices:CONTEXT": "CONTEXT",
}

func (m *Model) bubbleScopes() {
	refs := m.sortedClassRefs()
	for _, ref := range refs {
		info := m.Classes[ref]
		if info.Scope == RequestScoped {
			continue
		}
		for _, d := range info.Deps {
			if name, ok := requestTokens[d.External]; ok {
				info.Scope = RequestScoped
				info.ScopeReason = "injects " + name
				break
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, ref := range refs {
			info := m.Classes[ref]
			if info.Scope == RequestScoped {
				continue
			}
			for _, d := range info.Deps {
				if d.Class == nil {
					continue
				}
				dep := m.Classes[*d.Class]
				if dep == nil || dep.Scope != RequestScoped {
					continue
				}
				info.Scope = RequestScoped
				info.Durable = info.Durable || dep.Durable
				info.ScopeReason = "injects " + dep.Name + " (request-scoped)"
				changed = true
				break
			}
		}
	}
}

// markProvidedBases marks the project base classes of singleton providers
// and controllers (an abstract BaseCache, the class a mixin returns): their
// fields live in a singleton instance too.
func (m *Model) markProvidedBases() {
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		if info.Scope != Default || info.Durable || !(info.Provided || len(info.Kinds) > 0) {
			continue
		}
		for b, depth := info.Base, 0; b != nil && depth < 32; depth++ {
			bi := m.Classes[*b]
			if bi == nil || *b == ref {
				break
			}
			bi.BaseOfSingleton = true
			b = bi.Base
		}
	}
}

// ScopeOf returns a class's effective scope and the reason for it.
func (m *Model) ScopeOf(c ClassRef) (Scope, string) {
	info := m.Classes[c]
	if info == nil {
		return Default, ""
	}
	if info.Scope == Default {
		return Default, "default scope (singleton)"
	}
	return info.Scope, info.ScopeReason
}

// Is reports whether the class carries a Nest class decorator of that kind.
func (ci *ClassInfo) Is(kind string) bool {
	for _, k := range ci.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// dynamicProviders adds the providers a dynamic module returns from its
// static forRoot*/forRootAsync/register*/forFeature* methods
// (`return { module: X, providers: [...] }`).
func (m *Model) dynamicProviders(ref ClassRef, mod *Module) {
	f := m.Files[ref.File].Facts
	dynamic := map[int]bool{}
	for _, mi := range m.Class(ref).Methods {
		fn := &f.Funcs[mi]
		if fn.Static && (strings.HasPrefix(fn.Name, "forRoot") || strings.HasPrefix(fn.Name, "register") || strings.HasPrefix(fn.Name, "forFeature")) {
			dynamic[mi] = true
		}
	}
	if len(dynamic) == 0 {
		return
	}
	for _, ret := range f.Returns {
		if !dynamic[ret.Func] || ret.Value.Kind != parser.VObject {
			continue
		}
		for _, p := range ret.Value.Props() {
			if p.Key != "providers" {
				continue
			}
			for _, e := range m.listElems(ref.File, p.Value, 0) {
				if pr := m.provider(e.file, e.v); pr != nil {
					mod.Providers = append(mod.Providers, *pr)
				}
			}
		}
	}
}
