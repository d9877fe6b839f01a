package nest

import (
	"fmt"
	"strings"

	"github.com/nestlint/nestlint/parser"
)

var classKinds = []string{"Controller", "Injectable", "Module", "Resolver", "WebSocketGateway", "Processor", "Catch", "Command", "SubCommand", "Global", "CommandHandler", "QueryHandler", "EventsHandler"}

// tokenKey is the canonical key of a DI token.
func (m *Model) tokenKey(fi int, v parser.Value) string {
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

func (m *Model) classOf(fi int, name string) *ClassRef {
	if name == "" {
		return nil
	}
	parts := strings.Split(name, ".")
	d := m.ResolveTop(fi, parts[0])
	if d.Kind == DeclClass && len(parts) == 1 {
		return &ClassRef{d.File, d.Index}
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
			for _, p := range a.Props {
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
	for fi, f := range m.Files {
		for ci := range f.Facts.Classes {
			c := &f.Facts.Classes[ci]
			ref := ClassRef{fi, ci}
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
			if c.Extends != "" {
				info.Base = m.classOf(fi, c.Extends)
			}
			m.Classes[ref] = info
			m.classByKey[c.Name] = append(m.classByKey[c.Name], ref)
		}
	}
	// dependencies, after every class is known
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		c := m.Class(ref)
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
	}
}

func (m *Model) dep(fi int, name, typeName string, decos []parser.Decorator) Dep {
	d := Dep{Name: name, Token: typeName}
	if hasDecorator(decos, "Optional") != nil {
		d.Optional = true
	}
	if inj := hasDecorator(decos, "Inject"); inj != nil && len(inj.Args) > 0 {
		a := inj.Args[0]
		d.Token = a.Text
		if a.Kind == parser.VCall && a.Text == "forwardRef" && len(a.Elems) > 0 {
			// @Inject(forwardRef(() => X)): the class is what the arrow returns
			if fn := a.Elems[0]; fn.Kind == parser.VFunc && fn.Func >= 0 {
				for _, r := range m.Files[fi].Facts.Returns {
					if r.Func == fn.Func && r.Value.Kind == parser.VIdent {
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
				r := ClassRef{decl.File, decl.Index}
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
			r := ClassRef{decl.File, decl.Index}
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
			for _, p := range dec.Args[0].Props {
				switch p.Key {
				case "providers":
					for _, e := range p.Value.Elems {
						if pr := m.provider(ref.File, e); pr != nil {
							mod.Providers = append(mod.Providers, *pr)
						}
					}
				case "controllers":
					for _, e := range p.Value.Elems {
						if cr := m.classOf(ref.File, e.Text); e.Kind == parser.VIdent && cr != nil {
							mod.Controllers = append(mod.Controllers, *cr)
							m.Classes[*cr].Provided = true
							m.Classes[*cr].Controller = true
						}
					}
				case "imports":
					for _, e := range p.Value.Elems {
						mod.Imports = append(mod.Imports, e.Text)
					}
				case "exports":
					for _, e := range p.Value.Elems {
						mod.Exports = append(mod.Exports, e.Text)
					}
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

func (m *Model) provider(fi int, e parser.Value) *Provider {
	switch e.Kind {
	case parser.VIdent:
		cr := m.classOf(fi, e.Text)
		if cr == nil {
			return nil
		}
		p := &Provider{Token: classKey(*cr), Class: cr, Scope: m.Classes[*cr].Scope}
		m.Classes[*cr].Provided = true
		if _, ok := m.tokens[p.Token]; !ok {
			m.tokens[p.Token] = p
		}
		return p
	case parser.VObject:
		p := &Provider{}
		for _, pp := range e.Props {
			switch pp.Key {
			case "provide":
				p.Token = m.tokenKey(fi, pp.Value)
			case "useClass":
				if cr := m.classOf(fi, pp.Value.Text); cr != nil {
					p.Class = cr
					m.Classes[*cr].Provided = true
				}
			case "useFactory":
				if pp.Value.Kind == parser.VFunc && pp.Value.Func >= 0 {
					p.Factory = &FuncRef{fi, pp.Value.Func}
				} else if pp.Value.Kind == parser.VIdent {
					if d := m.ResolveTop(fi, pp.Value.Text); d.Kind == DeclFunc {
						p.Factory = &FuncRef{d.File, d.Index}
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
				for _, x := range pp.Value.Elems {
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
		for _, p := range ret.Value.Props {
			if p.Key != "providers" {
				continue
			}
			for _, e := range p.Value.Elems {
				if pr := m.provider(ref.File, e); pr != nil {
					mod.Providers = append(mod.Providers, *pr)
				}
			}
		}
	}
}
