package nest

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// GraphFormats are the formats WriteGraph accepts.
var GraphFormats = []string{"text", "dot", "mermaid"}

// WriteGraph writes the model's structure for `nestlint graph`: modules
// with what they import, provide and control, providers with their scope,
// dependency injection edges, entry points and bootstrap sites. format is
// "text", "dot" (Graphviz) or "mermaid" (a flowchart); rel turns an
// absolute path into the one to print (nil prints paths as they are). The
// output is deterministic.
func (m *Model) WriteGraph(w io.Writer, format string, rel func(path string) string) error {
	if rel == nil {
		rel = func(p string) string { return p }
	}
	g := &graphWriter{m: m, rel: rel}
	switch format {
	case "text":
		return g.text(w)
	case "dot", "mermaid":
		g.build()
		if format == "dot" {
			return g.dot(w)
		}
		return g.mermaid(w)
	}
	return fmt.Errorf("unknown graph format %q (want %s)", format, strings.Join(GraphFormats, ", "))
}

type graphNode struct {
	key   string // unique, deterministic: also the dot id
	label string
	kind  string // module, controller, provider, class, external
}

type graphEdge struct {
	from, to int // indexes into nodes
	kind     string
}

type graphWriter struct {
	m     *Model
	rel   func(string) string
	nodes []graphNode
	index map[string]int
	edges []graphEdge
	seen  map[graphEdge]bool
	keep  map[ClassRef]bool // the modules kept by a filter (graph_filter.go), nil for all
}

// className names a class, with its file when the name is not unique.
func (g *graphWriter) className(r ClassRef) string {
	info := g.m.Classes[r]
	if len(g.m.classByKey[info.Name]) > 1 {
		return info.Name + " (" + filepath.ToSlash(g.rel(g.m.Files[r.File].Path)) + ")"
	}
	return info.Name
}

func (g *graphWriter) pos(fi FileID, off uint32) string {
	f := g.m.Files[fi]
	p := filepath.ToSlash(g.rel(f.Path))
	if f.SetLines() {
		return fmt.Sprintf("%s:%d", p, f.Tok.Position(f.Pos(off)).Line)
	}
	return p
}

// moduleRef resolves an entry of a module's imports (TenantModule,
// ConfigModule.forRoot) to a project class, if it is one.
func (g *graphWriter) moduleRef(mod *Module, text string) *ClassRef {
	name := text
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return g.m.classOf(mod.Class.File, name)
}

// providerName names a provider entry for listings.
func (g *graphWriter) providerName(p *Provider) string {
	switch {
	case p.Class != nil && p.Token == classKey(*p.Class):
		return g.className(*p.Class)
	case p.Class != nil:
		return g.tokenName(p.Token) + " (useClass " + g.className(*p.Class) + ")"
	case p.Factory != nil:
		return g.tokenName(p.Token) + " (useFactory)"
	case p.Existing != "":
		return g.tokenName(p.Token) + " (useExisting " + g.tokenName(p.Existing) + ")"
	case p.Value:
		return g.tokenName(p.Token) + " (useValue)"
	}
	return g.tokenName(p.Token)
}

// tokenName prints a token key made by tokenKey.
func (g *graphWriter) tokenName(key string) string {
	parts := strings.Split(key, ":")
	switch parts[0] {
	case "S":
		return fmt.Sprintf("%q", strings.TrimPrefix(key, "S:"))
	case "I":
		return strings.TrimPrefix(key, "I:")
	case "C":
		var f FileID
		var i int
		if _, err := fmt.Sscanf(key, "C:%d:%d", &f, &i); err == nil {
			if _, ok := g.m.Classes[ClassRef{f, ClassID(i)}]; ok {
				return g.className(ClassRef{f, ClassID(i)})
			}
		}
	case "V":
		var f FileID
		var i int
		if _, err := fmt.Sscanf(key, "V:%d:%d:", &f, &i); err == nil && int(f) < len(g.m.Files) && i >= 0 && i < len(g.m.Files[f].Facts.Locals) {
			name := g.m.Files[f].Facts.Locals[i].Name
			if len(parts) > 3 && parts[3] != "" {
				name += "." + strings.Join(parts[3:], ":")
			}
			return name
		}
	case "X":
		if len(parts) >= 3 {
			name := parts[len(parts)-2]
			if last := parts[len(parts)-1]; last != "" {
				name += "." + last
			}
			return name
		}
	}
	return key
}

// depName names an injected dependency.
func (g *graphWriter) depName(d Dep) string {
	switch {
	case d.Class != nil:
		return g.className(*d.Class)
	case d.External != "":
		if i := strings.LastIndexByte(d.External, ':'); i >= 0 {
			return d.External[i+1:]
		}
		return d.External
	case strings.HasPrefix(d.Token, "@"):
		return g.tokenName(d.Token[1:])
	}
	return d.Token
}

// listed reports whether a class belongs in the providers listing.
func listed(info *ClassInfo) bool {
	if info.Is("Module") {
		return false
	}
	return info.Provided || len(info.Kinds) > 0
}

// table writes rows with every column but the last padded to its widest
// cell, two spaces apart, without trailing blanks.
func table(b *strings.Builder, indent string, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if i < len(r)-1 && len(c) > widths[i] {
				widths[i] = len(c)
			}
		}
	}
	for _, r := range rows {
		var line strings.Builder
		line.WriteString(indent)
		for i, c := range r {
			line.WriteString(c)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-len(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}

func (g *graphWriter) text(w io.Writer) error {
	m := g.m
	var b strings.Builder
	b.WriteString("modules\n")
	if len(m.Modules) == 0 {
		b.WriteString("  (none)\n")
	}
	for _, mod := range m.Modules {
		if g.keep != nil && !g.keep[mod.Class] {
			continue
		}
		c := m.Class(mod.Class)
		global := ""
		if mod.Global {
			global = " (global)"
		}
		fmt.Fprintf(&b, "  %s%s  %s\n", g.className(mod.Class), global, g.pos(mod.Class.File, c.NameSpan.Start))
		if len(mod.Imports) > 0 {
			fmt.Fprintf(&b, "    imports: %s\n", strings.Join(mod.Imports, ", "))
		}
		if len(mod.Controllers) > 0 {
			var names []string
			for _, cr := range mod.Controllers {
				names = append(names, g.className(cr))
			}
			fmt.Fprintf(&b, "    controllers: %s\n", strings.Join(names, ", "))
		}
		if len(mod.Providers) > 0 {
			var names []string
			for i := range mod.Providers {
				names = append(names, g.providerName(&mod.Providers[i]))
			}
			fmt.Fprintf(&b, "    providers: %s\n", strings.Join(names, ", "))
		}
		if len(mod.Exports) > 0 {
			fmt.Fprintf(&b, "    exports: %s\n", strings.Join(mod.Exports, ", "))
		}
	}

	b.WriteString("\nproviders\n")
	var rows [][]string
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		if !listed(info) || !g.keptClass(ref) {
			continue
		}
		sc, reason := m.ScopeOf(ref)
		row := []string{g.className(ref), sc.String()}
		if sc != Default {
			row = append(row, "("+reason+")")
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		b.WriteString("  (none)\n")
	}
	table(&b, "  ", rows)

	b.WriteString("\nentry points\n")
	rows = nil
	for _, r := range m.Entries() {
		off := uint32(0)
		fn := m.Func(r)
		if fn != nil {
			off = fn.NameSpan.Start
			if off == 0 && fn.NameSpan.End == 0 {
				off = fn.Span.Start
			}
		}
		if g.keep != nil && (fn == nil || fn.Class < 0 || !g.keptClass(ClassRef{r.File, ClassID(fn.Class)})) {
			continue
		}
		rows = append(rows, []string{m.Label(r), g.pos(r.File, off), m.EntryWhy(r)})
	}
	if len(rows) == 0 {
		b.WriteString("  (none)\n")
	}
	table(&b, "  ", rows)

	if g.keep != nil { // a filtered graph has no bootstrap section
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("\nbootstrap\n")
	rows = nil
	for _, bs := range m.Bootstraps {
		c := m.Files[bs.File].Facts.Calls[bs.Call]
		app := bs.AppVar
		if app == "" {
			app = "-"
		}
		row := []string{"NestFactory." + bs.Method, g.pos(bs.File, c.Span.Start), "in " + m.Label(FuncRef{bs.File, bs.Func}), "app " + app}
		uses := ""
		if len(bs.AppCalls) > 0 {
			uses = "calls " + strings.Join(bs.AppCalls, ", ")
		}
		for i, p := range bs.PassedTo {
			if i == 0 {
				if uses != "" {
					uses += "; "
				}
				uses += "passed to "
			} else {
				uses += ", "
			}
			uses += m.Label(p)
		}
		if uses != "" {
			row = append(row, uses)
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		b.WriteString("  (none)\n")
	}
	table(&b, "  ", rows)
	_, err := io.WriteString(w, b.String())
	return err
}

func (g *graphWriter) node(key, label, kind string) int {
	if i, ok := g.index[key]; ok {
		return i
	}
	g.index[key] = len(g.nodes)
	g.nodes = append(g.nodes, graphNode{key: key, label: label, kind: kind})
	return len(g.nodes) - 1
}

func (g *graphWriter) classNode(r ClassRef) int {
	info := g.m.Classes[r]
	kind := "class"
	switch {
	case info.Is("Module"):
		kind = "module"
	case info.Controller:
		kind = "controller"
	case info.Provided:
		kind = "provider"
	}
	name := g.className(r)
	return g.node(name, name, kind)
}

func (g *graphWriter) edge(from, to int, kind string) {
	e := graphEdge{from, to, kind}
	if g.seen[e] {
		return
	}
	g.seen[e] = true
	g.edges = append(g.edges, e)
}

// build collects the nodes and edges of the dot and mermaid graphs, in a
// deterministic order: modules first (in file order), then DI edges.
func (g *graphWriter) build() {
	g.index = map[string]int{}
	g.seen = map[graphEdge]bool{}
	m := g.m
	for _, mod := range m.Modules {
		g.classNode(mod.Class)
	}
	for _, mod := range m.Modules {
		from := g.classNode(mod.Class)
		for _, imp := range mod.Imports {
			if imp == "" {
				continue
			}
			var to int
			if r := g.moduleRef(mod, imp); r != nil {
				to = g.classNode(*r)
			} else {
				to = g.node(imp, imp, "external")
			}
			g.edge(from, to, "imports")
		}
		for _, cr := range mod.Controllers {
			g.edge(from, g.classNode(cr), "controls")
		}
		for i := range mod.Providers {
			p := &mod.Providers[i]
			var to int
			if p.Class != nil {
				to = g.classNode(*p.Class)
			} else {
				name := g.providerName(p)
				to = g.node(name, name, "provider")
			}
			g.edge(from, to, "provides")
		}
	}
	for _, ref := range m.sortedClassRefs() {
		info := m.Classes[ref]
		if len(info.Deps) == 0 || !listed(info) {
			continue
		}
		from := g.classNode(ref)
		for _, d := range info.Deps {
			var to int
			if d.Class != nil {
				to = g.classNode(*d.Class)
			} else {
				name := g.depName(d)
				if name == "" {
					continue
				}
				to = g.node(name, name, "external")
			}
			g.edge(from, to, "injects")
		}
	}
}

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

var dotShapes = map[string]string{
	"module":     "shape=folder",
	"controller": "shape=box, style=bold",
	"provider":   "shape=box",
	"class":      "shape=box, style=dashed",
	"external":   "shape=ellipse, style=dashed",
}

func (g *graphWriter) nodeLabel(n graphNode) string {
	if n.kind == "provider" || n.kind == "controller" {
		if r, ok := g.refOf(n.key); ok {
			if sc, _ := g.m.ScopeOf(r); sc != Default {
				return n.label + "\n" + sc.String()
			}
		}
	}
	return n.label
}

// refOf finds the class a node stands for.
func (g *graphWriter) refOf(key string) (ClassRef, bool) {
	for _, r := range g.m.sortedClassRefs() {
		if g.className(r) == key {
			return r, true
		}
	}
	return ClassRef{}, false
}

// dot writes a Graphviz graph with one cluster per module: the module's
// node and the controllers and providers it declares (a class declared by
// several modules sits in the first one's cluster). Import edges (bold,
// from cluster to cluster) and injection edges (dashed) are drawn without
// labels; "provides" and "controls" are the clusters themselves,
// which keeps a 60-module app from becoming a hairball. Request-scoped and
// transient classes are drawn in colour.
func (g *graphWriter) dot(w io.Writer) error {
	var b strings.Builder
	b.WriteString("// A cluster is a module with its controllers and providers; bold edges\n// are imports, dashed edges injections.\n")
	b.WriteString("digraph nest {\n  rankdir=LR;\n  newrank=true;\n  compound=true;\n  node [fontname=\"Helvetica\"];\n")
	cluster := make([]int, len(g.nodes)) // node -> cluster (module node index), -1 for none
	for i := range cluster {
		cluster[i] = -1
	}
	for i, n := range g.nodes {
		if n.kind == "module" {
			cluster[i] = i
		}
	}
	for _, e := range g.edges {
		if (e.kind == "provides" || e.kind == "controls") && cluster[e.to] < 0 {
			cluster[e.to] = e.from
		}
	}
	order := make([]int, len(g.nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return g.nodes[order[i]].key < g.nodes[order[j]].key })
	nodeLine := func(indent string, i int) {
		n := g.nodes[i]
		fmt.Fprintf(&b, "%s%s [label=%s, %s%s];\n", indent, dotQuote(n.key), dotQuote(g.nodeLabel(n)), dotShapes[n.kind], g.scopeColor(n))
	}
	for _, c := range order {
		if g.nodes[c].kind != "module" {
			continue
		}
		fmt.Fprintf(&b, "  subgraph %s {\n    label=%s;\n    style=rounded;\n    color=grey;\n", dotQuote("cluster_"+g.nodes[c].key), dotQuote(g.nodes[c].label))
		for _, i := range order {
			if cluster[i] == c {
				nodeLine("    ", i)
			}
		}
		b.WriteString("  }\n")
	}
	for _, i := range order {
		if cluster[i] < 0 {
			nodeLine("  ", i)
		}
	}
	for _, e := range g.edges {
		from, to := g.nodes[e.from], g.nodes[e.to]
		var attrs string
		switch e.kind {
		case "provides", "controls":
			continue
		case "imports":
			attrs = "style=bold"
			if to.kind == "module" && e.from != e.to { // cluster to cluster
				attrs += ", ltail=" + dotQuote("cluster_"+from.key) + ", lhead=" + dotQuote("cluster_"+to.key)
			}
		default:
			attrs = "style=dashed"
		}
		fmt.Fprintf(&b, "  %s -> %s [%s];\n", dotQuote(from.key), dotQuote(to.key), attrs)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// scopeColor is the dot attribute that marks a request-scoped or
// transient class.
func (g *graphWriter) scopeColor(n graphNode) string {
	if n.kind != "provider" && n.kind != "controller" {
		return ""
	}
	r, ok := g.refOf(n.key)
	if !ok {
		return ""
	}
	switch sc, _ := g.m.ScopeOf(r); sc {
	case RequestScoped:
		return ", color=\"#d81b60\", fontcolor=\"#d81b60\""
	case Transient:
		return ", color=\"#6a1b9a\", fontcolor=\"#6a1b9a\""
	}
	return ""
}

func mermaidLabel(s string) string {
	return `"` + strings.NewReplacer(`"`, "#quot;", "\n", "<br/>").Replace(s) + `"`
}

func (g *graphWriter) mermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for i, n := range g.nodes {
		open, close := "[", "]"
		switch n.kind {
		case "module":
			open, close = "[[", "]]"
		case "external":
			open, close = "([", "])"
		}
		fmt.Fprintf(&b, "  n%d%s%s%s\n", i, open, mermaidLabel(g.nodeLabel(n)), close)
	}
	for _, e := range g.edges {
		arrow := "-->"
		if e.kind == "injects" {
			arrow = "-.->"
		}
		fmt.Fprintf(&b, "  n%d %s|%s| n%d\n", e.from, arrow, e.kind, e.to)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
