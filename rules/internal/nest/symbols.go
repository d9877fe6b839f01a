package nest

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/nestlint/nestlint/parser"
)

// DeclKind classifies what a name refers to.
type DeclKind uint8

// Declaration kinds.
const (
	DeclNone     DeclKind = iota
	DeclClass             // a project class: File, Index (Classes)
	DeclFunc              // a project function: File, Index (Funcs)
	DeclVar               // a project module-level variable: File, Index (Locals)
	DeclExternal          // an external module binding: Module, Name
	DeclLocal             // a parameter or local variable inside a function (shadows imports)
)

// Decl is what a name resolves to.
type Decl struct {
	Kind DeclKind
	File FileID
	// Index is a ClassID, FuncID or Locals index depending on Kind (for
	// DeclLocal, the function declaring the name); see Func and Class.
	Index  int
	Module string // for DeclExternal: normalized module ("fs", "bcrypt", "@nestjs/core")
	Name   string // for DeclExternal: the imported name ("readFileSync", "default", "*")
}

// normModule normalizes a module specifier: "node:fs" -> "fs",
// "fs/promises" stays, "node:fs/promises" -> "fs/promises".
func normModule(spec string) string {
	return strings.TrimPrefix(spec, "node:")
}

type fileSyms struct {
	// tab holds the indexes of the file's names of every kind, sorted by
	// name within each kind, and off where each kind's entries start in it
	// (table): one array per file instead of five tables of names and
	// indexes (14 MB on generated N=4000; the names are the facts').
	tab      []int32
	off      [symKinds + 1]int32
	resolved []FileID // Imports index -> file or -1 (external)
	exportTo []FileID // Exports index -> the file it re-exports from, or -1
	// nested are the function declarations inside functions, by the
	// function declaring them (nil when the file has none: most files).
	nested map[FuncID][]int
}

// symKind is a kind of name of a file's table (fileSyms.table).
type symKind uint8

const (
	symClasses symKind = iota // name -> Classes index (the first of a name)
	symFuncs                  // top-level function declarations and const arrows
	symVars                   // top-level locals
	symImports                // local name -> Imports index (the last of a name)
	symExports                // name -> Exports indexes
	symKinds
)

// table returns the entries of kind k of the file whose facts are f.
func (s *fileSyms) table(f *parser.Facts, k symKind) symTable {
	lo, hi := s.off[k], s.off[k+1]
	return symTable{f: f, k: k, idx: s.tab[lo:hi:hi]}
}

func (m *Model) indexFile(fi FileID) {
	f := m.Files[fi].Facts
	s := &fileSyms{}
	b := symBuilders.Get().(*symBuilder)
	defer symBuilders.Put(b)
	for i, c := range f.Classes {
		if c.Name != "" {
			b.add(c.Name, i)
		}
	}
	b.end(&s.off, symClasses)
	for i, fn := range f.Funcs {
		if fn.Parent == -1 && fn.Class == -1 && fn.Name != "" && (fn.Kind == parser.FFunction || fn.Kind == parser.FArrow || fn.Kind == parser.FExpr) {
			b.add(fn.Name, i)
		}
	}
	b.end(&s.off, symFuncs)
	for i, l := range f.Locals {
		if l.Func == -1 {
			b.add(l.Name, i)
		}
	}
	b.end(&s.off, symVars)
	for i, im := range f.Imports {
		b.add(im.Local, i)
	}
	b.end(&s.off, symImports)
	for i, e := range f.Exports {
		b.add(e.Name, i)
	}
	b.end(&s.off, symExports)
	s.tab = b.table()
	dir := filepath.Dir(filepath.Clean(m.Files[fi].Path))
	s.resolved = make([]FileID, len(f.Imports))
	for i, im := range f.Imports {
		s.resolved[i] = m.resolveIn(dir, im.Source)
	}
	s.exportTo = make([]FileID, len(f.Exports))
	for i, e := range f.Exports {
		s.exportTo[i] = -1
		if e.Source != "" {
			s.exportTo[i] = m.resolveIn(dir, e.Source)
		}
	}
	for i, fn := range f.Funcs {
		if fn.Parent >= 0 && fn.Kind == parser.FFunction {
			if s.nested == nil {
				s.nested = map[FuncID][]int{}
			}
			s.nested[FuncID(fn.Parent)] = append(s.nested[FuncID(fn.Parent)], i)
		}
	}
	m.syms[fi] = s
}

// resolveIn returns the file index an import specifier of a file in
// folder dir names, or -1.
func (m *Model) resolveIn(dir, spec string) FileID {
	if m.resolver == nil {
		return -1
	}
	abs, external := m.resolver.ResolveIn(dir, spec)
	if external || abs == "" {
		return -1
	}
	if idx, ok := m.fileIndex[abs]; ok {
		return idx
	}
	return -1
}

// localDecl resolves a name declared at the top level of file fi (not imports).
func (m *Model) localDecl(fi FileID, name string) Decl {
	s, f := m.syms[fi], m.Files[fi].Facts
	if i, ok := s.table(f, symClasses).first(name); ok {
		return Decl{Kind: DeclClass, File: fi, Index: i}
	}
	if i, ok := s.table(f, symFuncs).first(name); ok {
		return Decl{Kind: DeclFunc, File: fi, Index: i}
	}
	if i, ok := s.table(f, symVars).first(name); ok {
		l := m.Files[fi].Facts.Locals[i]
		if l.Value.Kind == parser.VCall && l.Value.Text == "require" {
			return Decl{} // const x = require('m') is an import
		}
		// a const bound to an arrow is a function
		if l.Value.Kind == parser.VFunc && l.Value.Func >= 0 {
			return Decl{Kind: DeclFunc, File: fi, Index: int(l.Value.Func)}
		}
		if l.Value.Kind == parser.VIdent && !strings.Contains(l.Value.Text, ".") && l.Value.Text != name {
			// const Alias = Other
			if d := m.localDecl(fi, l.Value.Text); d.Kind == DeclClass || d.Kind == DeclFunc {
				return d
			}
		}
		return Decl{Kind: DeclVar, File: fi, Index: i}
	}
	return Decl{}
}

// ResolveTop resolves a name in the top-level scope of file fi: its own
// declarations, then its imports (followed through re-exports).
func (m *Model) ResolveTop(fi FileID, name string) Decl {
	if d := m.localDecl(fi, name); d.Kind != DeclNone {
		return d
	}
	s := m.syms[fi]
	ii, ok := s.table(m.Files[fi].Facts, symImports).last(name)
	if !ok {
		return Decl{}
	}
	im := m.Files[fi].Facts.Imports[ii]
	target := s.resolved[ii]
	if target < 0 {
		return Decl{Kind: DeclExternal, Module: normModule(im.Source), Name: im.Imported}
	}
	if im.Imported == "*" {
		return Decl{Kind: DeclVar, File: target, Index: -1} // namespace of a project file
	}
	return m.resolveExport(target, im.Imported, 0)
}

// resolveExport resolves an exported name of file fi, through re-exports.
func (m *Model) resolveExport(fi FileID, name string, depth int) Decl {
	if depth > 16 {
		return Decl{}
	}
	f := m.Files[fi].Facts
	s := m.syms[fi]
	for _, ei := range s.table(f, symExports).all(name) {
		e := f.Exports[ei]
		if e.Source == "" {
			if e.Local == "" {
				// export default () => ...
				for i := range f.Funcs {
					if fn := &f.Funcs[i]; fn.Parent == -1 && fn.Span == e.Span {
						return Decl{Kind: DeclFunc, File: fi, Index: i}
					}
				}
				continue
			}
			return m.ResolveTop(fi, e.Local)
		}
		t := s.exportTo[ei]
		if t < 0 {
			return Decl{Kind: DeclExternal, Module: normModule(e.Source), Name: e.Local}
		}
		if e.Local == "*" {
			return Decl{Kind: DeclVar, File: t, Index: -1}
		}
		return m.resolveExport(t, e.Local, depth+1)
	}
	if d := m.localDeclExported(fi, name); d.Kind != DeclNone {
		return d
	}
	// export * from './x'
	for _, ei := range s.table(f, symExports).all("*") {
		e := f.Exports[ei]
		if e.Source == "" {
			continue
		}
		t := s.exportTo[ei]
		if t < 0 {
			continue
		}
		if d := m.resolveExport(t, name, depth+1); d.Kind != DeclNone {
			return d
		}
	}
	return Decl{}
}

func (m *Model) localDeclExported(fi FileID, name string) Decl {
	d := m.localDecl(fi, name)
	switch d.Kind {
	case DeclClass:
		if m.Files[fi].Facts.Classes[d.Index].Exported {
			return d
		}
	case DeclFunc:
		fn := m.Files[fi].Facts.Funcs[d.Index]
		if fn.Exported {
			return d
		}
		// export const x = () => ...
		for _, l := range m.Files[fi].Facts.Locals {
			if l.Func == -1 && l.Name == name && l.Exported {
				return d
			}
		}
	case DeclVar:
		if m.Files[fi].Facts.Locals[d.Index].Exported {
			return d
		}
	}
	return Decl{}
}

// Resolve resolves name as seen from inside function fn of file fi:
// parameters and locals of fn and its enclosing functions shadow the
// file's top-level names.
func (m *Model) Resolve(fi FileID, fn FuncID, name string) Decl {
	f := m.Files[fi].Facts
	for cur := fn; cur >= 0; cur = FuncID(f.Funcs[cur].Parent) {
		for _, p := range f.Funcs[cur].Params {
			if p.Name == name {
				return Decl{Kind: DeclLocal, File: fi, Index: int(cur)}
			}
		}
		for _, i := range m.localsOf(fi, cur) {
			l := &f.Locals[i]
			if l.Name == name {
				if l.Value.Kind == parser.VFunc && l.Value.Func >= 0 {
					return Decl{Kind: DeclFunc, File: fi, Index: int(l.Value.Func)}
				}
				return Decl{Kind: DeclLocal, File: fi, Index: int(cur)}
			}
		}
		for _, i := range m.syms[fi].nested[cur] {
			if f.Funcs[i].Name == name {
				return Decl{Kind: DeclFunc, File: fi, Index: i}
			}
		}
	}
	return m.ResolveTop(fi, name)
}

// localsOf returns the Locals indexes declared directly in fn, in
// declaration order (the first of two locals of one name wins).
func (m *Model) localsOf(fi FileID, fn FuncID) []int32 {
	ls, order := m.Files[fi].Facts.Locals, m.locals[fi]
	lo := sort.Search(len(order), func(k int) bool { return FuncID(ls[order[k]].Func) >= fn })
	hi := lo
	for hi < len(order) && FuncID(ls[order[hi]].Func) == fn {
		hi++
	}
	return order[lo:hi:hi]
}

// ImportTarget returns the project file that import i of file fi
// (Facts.Imports index) names, or -1 when it names a package outside the
// project.
func (m *Model) ImportTarget(fi FileID, i int) FileID {
	if s := m.syms[fi]; s != nil && i >= 0 && i < len(s.resolved) {
		return s.resolved[i]
	}
	return -1
}

// FileImports returns the project files that file fi imports or
// re-exports from, in import order (duplicates removed).
func (m *Model) FileImports(fi FileID) []FileID {
	var out []FileID
	seen := map[FileID]bool{}
	add := func(t FileID) {
		if t >= 0 && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, t := range m.syms[fi].resolved {
		add(t)
	}
	for _, t := range m.syms[fi].exportTo {
		add(t)
	}
	return out
}

// Func returns the function a DeclFunc names.
func (d Decl) Func() FuncRef { return FuncRef{d.File, FuncID(d.Index)} }

// Class returns the class a DeclClass names.
func (d Decl) Class() ClassRef { return ClassRef{d.File, ClassID(d.Index)} }

// symTable maps the names of one kind of a file to indexes in its facts:
// sorted by name, then index, and searched by binary search. A file has a
// handful of each kind of name; five maps per file cost about a kilobyte,
// for every file of a program.
type symTable struct {
	f   *parser.Facts
	k   symKind
	idx []int32
}

// name returns the name of entry j.
func (t symTable) name(j int) string {
	i := t.idx[j]
	switch t.k {
	case symClasses:
		return t.f.Classes[i].Name
	case symFuncs:
		return t.f.Funcs[i].Name
	case symVars:
		return t.f.Locals[i].Name
	case symImports:
		return t.f.Imports[i].Local
	default:
		return t.f.Exports[i].Name
	}
}

// span returns the range of entries named name.
func (t symTable) span(name string) (lo, hi int) {
	lo = sort.Search(len(t.idx), func(j int) bool { return t.name(j) >= name })
	hi = lo
	for hi < len(t.idx) && t.name(hi) == name {
		hi++
	}
	return lo, hi
}

// first returns the lowest index of name.
func (t symTable) first(name string) (int, bool) {
	lo, hi := t.span(name)
	if lo == hi {
		return 0, false
	}
	return int(t.idx[lo]), true
}

// last returns the highest index of name.
func (t symTable) last(name string) (int, bool) {
	lo, hi := t.span(name)
	if lo == hi {
		return 0, false
	}
	return int(t.idx[hi-1]), true
}

// all returns the indexes of name, in increasing order.
func (t symTable) all(name string) []int32 {
	lo, hi := t.span(name)
	return t.idx[lo:hi]
}

// symBuilder collects the entries of a file's table, one kind after the
// other (end).
type symBuilder struct {
	es    []symEntry
	start int // where the current kind's entries start in es
}

// symBuilders keeps the builders' arrays from file to file (grown anew
// for each file, they were 19 MB of garbage on generated N=4000).
var symBuilders = sync.Pool{New: func() any { return new(symBuilder) }}

type symEntry struct {
	name string
	i    int32
}

func (b *symBuilder) add(name string, i int) { b.es = append(b.es, symEntry{name, int32(i)}) }

// end sorts the entries added since the last end, those of kind k, and
// records in off where the next kind starts.
func (b *symBuilder) end(off *[symKinds + 1]int32, k symKind) {
	kind := b.es[b.start:]
	slices.SortStableFunc(kind, func(x, y symEntry) int { return strings.Compare(x.name, y.name) })
	off[k] = int32(b.start)
	b.start = len(b.es)
	off[k+1] = int32(b.start)
}

// table returns the indexes of every entry added, and empties the
// builder.
func (b *symBuilder) table() []int32 {
	var t []int32
	if len(b.es) > 0 {
		t = make([]int32, len(b.es))
		for k, e := range b.es {
			t[k] = e.i
		}
	}
	clear(b.es)
	b.es, b.start = b.es[:0], 0
	return t
}
