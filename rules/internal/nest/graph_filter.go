package nest

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// ErrNoModule is wrapped by the error of WriteGraphWith when no module has
// the name GraphOptions.Module gives.
var ErrNoModule = errors.New("no module named")

// GraphOptions narrow what WriteGraphWith writes, for `nestlint graph` on
// an app too large to draw whole.
type GraphOptions struct {
	Format string
	// Module keeps the modules named Module (the class name, or the name
	// with its file as printed when two classes share a name) and those
	// within Depth import steps of them, in either direction: what it
	// imports and what imports it.
	Module string
	// Depth is the number of import steps: around Module (default 1), or
	// without Module from the root modules (those no module imports; 0
	// keeps the roots alone). Negative means unset.
	Depth int
	// Rel turns an absolute path into the one to print.
	Rel func(path string) string
}

// WriteGraphWith is WriteGraph with a filter. Without Module and with a
// negative Depth it writes what WriteGraph writes.
func (m *Model) WriteGraphWith(w io.Writer, o GraphOptions) error {
	if o.Module == "" && o.Depth < 0 {
		return m.WriteGraph(w, o.Format, o.Rel)
	}
	if !slices.Contains(GraphFormats, o.Format) {
		return fmt.Errorf("unknown graph format %q (want %s)", o.Format, strings.Join(GraphFormats, ", "))
	}
	rel := o.Rel
	if rel == nil {
		rel = func(p string) string { return p }
	}
	g := &graphWriter{m: m, rel: rel}
	keep, err := g.keptModules(o)
	if err != nil {
		return err
	}
	g.keep = keep
	switch o.Format {
	case "text":
		return g.text(w)
	case "dot", "mermaid":
		g.build()
		g.filter()
		if o.Format == "dot" {
			return g.dot(w)
		}
		return g.mermaid(w)
	}
	return nil
}

// moduleGraph returns, for each module (by index in m.Modules), the
// indexes of the project modules it imports.
func (g *graphWriter) moduleGraph() [][]int {
	byRef := map[ClassRef]int{}
	for i, mod := range g.m.Modules {
		byRef[mod.Class] = i
	}
	out := make([][]int, len(g.m.Modules))
	for i, mod := range g.m.Modules {
		for _, imp := range mod.Imports {
			if r := g.moduleRef(mod, imp); r != nil {
				if j, ok := byRef[*r]; ok && !slices.Contains(out[i], j) {
					out[i] = append(out[i], j)
				}
			}
		}
	}
	return out
}

// keptModules returns the set of module classes o keeps.
func (g *graphWriter) keptModules(o GraphOptions) (map[ClassRef]bool, error) {
	mods := g.m.Modules
	imports := g.moduleGraph()
	importers := make([][]int, len(mods))
	for i, js := range imports {
		for _, j := range js {
			importers[j] = append(importers[j], i)
		}
	}
	var start []int
	depth := o.Depth
	if o.Module != "" {
		if depth < 0 {
			depth = 1
		}
		var names []string
		for i, mod := range mods {
			name := g.className(mod.Class)
			names = append(names, name)
			if name == o.Module || g.m.Classes[mod.Class].Name == o.Module {
				start = append(start, i)
			}
		}
		if len(start) == 0 {
			sort.Strings(names)
			return nil, fmt.Errorf("%w %q (modules: %s)", ErrNoModule, o.Module, strings.Join(names, ", "))
		}
	} else {
		for i := range mods {
			if len(importers[i]) == 0 {
				start = append(start, i)
			}
		}
		if len(start) == 0 && len(mods) > 0 { // every module in a cycle
			start = []int{0}
		}
	}
	dist := map[int]int{}
	queue := slices.Clone(start)
	for _, s := range start {
		dist[s] = 0
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if dist[i] >= depth {
			continue
		}
		next := imports[i]
		if o.Module != "" {
			next = append(slices.Clone(next), importers[i]...)
		}
		for _, j := range next {
			if _, ok := dist[j]; !ok {
				dist[j] = dist[i] + 1
				queue = append(queue, j)
			}
		}
	}
	keep := map[ClassRef]bool{}
	for i := range dist {
		keep[mods[i].Class] = true
	}
	return keep, nil
}

// keptClass reports whether a class belongs to the filtered graph: no
// filter, or a controller or provider of a kept module.
func (g *graphWriter) keptClass(r ClassRef) bool {
	if g.keep == nil {
		return true
	}
	if g.keep[r] {
		return true
	}
	for _, mod := range g.m.Modules {
		if !g.keep[mod.Class] {
			continue
		}
		if slices.Contains(mod.Controllers, r) {
			return true
		}
		for i := range mod.Providers {
			if p := mod.Providers[i].Class; p != nil && *p == r {
				return true
			}
		}
	}
	return false
}

// filter drops the nodes and edges outside the kept modules: a node stays
// when it is a kept module, what a kept module provides, controls or
// imports from outside the project, or an external token a kept provider
// injects.
func (g *graphWriter) filter() {
	if g.keep == nil {
		return
	}
	keepNode := make([]bool, len(g.nodes))
	for _, mod := range g.m.Modules {
		if g.keep[mod.Class] {
			keepNode[g.index[g.className(mod.Class)]] = true
		}
	}
	for _, e := range g.edges {
		if keepNode[e.from] && g.nodes[e.from].kind == "module" && (e.kind != "imports" || g.nodes[e.to].kind == "external") {
			keepNode[e.to] = true
		}
	}
	for _, e := range g.edges {
		if keepNode[e.from] && e.kind == "injects" && g.nodes[e.to].kind == "external" {
			keepNode[e.to] = true
		}
	}
	remap := make([]int, len(g.nodes))
	var nodes []graphNode
	index := map[string]int{}
	for i, n := range g.nodes {
		remap[i] = -1
		if keepNode[i] {
			remap[i] = len(nodes)
			index[n.key] = len(nodes)
			nodes = append(nodes, n)
		}
	}
	var edges []graphEdge
	for _, e := range g.edges {
		if remap[e.from] >= 0 && remap[e.to] >= 0 {
			edges = append(edges, graphEdge{remap[e.from], remap[e.to], e.kind})
		}
	}
	g.nodes, g.edges, g.index = nodes, edges, index
}
