package nest

import (
	"path/filepath"
	"slices"

	"github.com/nestlint/nestlint/report"
)

// GraphData returns the model's modules, providers with their scopes and
// entry points as plain data for the HTML report. rel turns an absolute
// path into the one to show. The output is deterministic.
func (m *Model) GraphData(rel func(string) string) *report.ModuleGraph {
	if rel == nil {
		rel = func(p string) string { return p }
	}
	g := &graphWriter{m: m, rel: rel}
	line := func(fi FileID, off uint32) int {
		f := m.Files[fi]
		if !f.SetLines() {
			return 1
		}
		return f.Tok.Position(f.Pos(off)).Line
	}
	path := func(fi FileID) string { return filepath.ToSlash(rel(m.Files[fi].Path)) }
	provider := func(r ClassRef) report.GraphProvider {
		sc, why := m.ScopeOf(r)
		p := report.GraphProvider{Name: g.className(r), Scope: sc.String(), Deps: []string{}}
		if sc != Default {
			p.Why = why
		}
		for _, d := range m.Classes[r].Deps {
			if n := g.depName(d); n != "" {
				p.Deps = append(p.Deps, n)
			}
		}
		return p
	}
	out := &report.ModuleGraph{Modules: []report.GraphModule{}, Entries: []report.GraphEntry{}}
	owner := map[ClassRef]int{} // controller -> module index
	for _, mod := range m.Modules {
		c := m.Class(mod.Class)
		gm := report.GraphModule{
			Name: g.className(mod.Class), File: path(mod.Class.File), Line: line(mod.Class.File, c.NameSpan.Start),
			Global: mod.Global, Imports: []string{}, Controllers: []report.GraphProvider{},
			Providers: []report.GraphProvider{}, Exports: []string{}, Entries: []report.GraphEntry{},
		}
		for _, imp := range mod.Imports {
			name := imp
			if r := g.moduleRef(mod, imp); r != nil {
				name = g.className(*r)
			}
			if name != "" && !slices.Contains(gm.Imports, name) {
				gm.Imports = append(gm.Imports, name)
			}
		}
		for _, cr := range mod.Controllers {
			gm.Controllers = append(gm.Controllers, provider(cr))
			if _, ok := owner[cr]; !ok {
				owner[cr] = len(out.Modules)
			}
		}
		for i := range mod.Providers {
			p := &mod.Providers[i]
			if p.Class != nil {
				gp := provider(*p.Class)
				gp.Name = g.providerName(p)
				gm.Providers = append(gm.Providers, gp)
				continue
			}
			sc := p.Scope.String()
			gm.Providers = append(gm.Providers, report.GraphProvider{Name: g.providerName(p), Scope: sc, Deps: []string{}})
		}
		for _, e := range mod.Exports {
			if e != "" {
				gm.Exports = append(gm.Exports, e)
			}
		}
		out.Modules = append(out.Modules, gm)
	}
	for _, r := range m.Entries() {
		off := uint32(0)
		var cls *ClassRef
		if fn := m.Func(r); fn != nil {
			off = fn.NameSpan.Start
			if off == 0 && fn.NameSpan.End == 0 {
				off = fn.Span.Start
			}
			if fn.Class >= 0 {
				cls = &ClassRef{r.File, ClassID(fn.Class)}
			}
		}
		e := report.GraphEntry{Label: m.Label(r), File: path(r.File), Line: line(r.File, off), Why: m.EntryWhy(r)}
		if cls != nil {
			if mi, ok := owner[*cls]; ok {
				out.Modules[mi].Entries = append(out.Modules[mi].Entries, e)
				continue
			}
		}
		out.Entries = append(out.Entries, e)
	}
	return out
}
