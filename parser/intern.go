package parser

import (
	"hash/maphash"
	"unsafe"
)

// An interner copies the strings of freshly extracted facts out of the
// source they were sliced from (Tree.Text shares the source's memory), once
// per distinct string: afterwards the facts hold no reference into the
// source, which Parse then lets go of (File.Source reads it again when a
// rule asks). On generated N=4000 (28k files, 48 MB) the facts hold 4.7
// million strings, 48 MB of text, of which 190 thousand are distinct, 6
// MB. One interner per parse worker: the map is garbage when the parse
// ends, the copies live as long as the facts.
//
// Each string goes through a small direct-mapped table of recent copies
// first (a hash and one compare, in a table that stays in the CPU's cache)
// and through the map only when that misses: the map of 190 thousand
// strings answered 4.7 million lookups in about 0.6 s of CPU on N=4000.
type interner struct {
	m     map[string]string
	slots []string // recent copies, by hash
	slab  []byte   // the copies of short strings, packed
	// lists are the distinct short lists of strings (list).
	lists map[listKey][]string
	// mores are the parts of values that read a few names and have no
	// properties nor elements (`a + b`, templates), by those names.
	mores map[listKey]*ValueMore
	// The parts of values are moved into these slabs (value): as
	// separate objects they were rounded up to size classes and, made
	// between the extraction's garbage, left spans part empty.
	vals  slab[Value]
	props slab[Prop]
	more  slab[ValueMore]
	// strs holds the lists of strings (list).
	strs slab[string]
	// a is where the copies go (nil: the Go heap); see arena.
	a *arena
	// moved and arrays map the current file's parts and lists of values
	// to their copies, so that what the facts share stays shared (a call's
	// arguments are also its value's elements).
	moved  map[*ValueMore]*ValueMore
	arrays map[*Value][]Value
}

// listKey is a list of at most listMax strings.
type listKey struct {
	s [listMax]string
	n int
}

// listMax is the length up to which list shares lists.
const listMax = 4

// list interns the strings of l and returns a copy of it (nil when
// empty), the first copy seen with the same strings for short lists: callees' paths and the roots values read repeat from call
// to call (`this.repo`, `req`). On generated N=4000, 305 thousand paths
// and 331 thousand lists of roots hold 30 and 62 thousand distinct lists,
// and sharing them saves 15 MB. Facts are never modified, and a shared
// list has no spare capacity: appending to it copies it.
func (in *interner) list(l []string) []string {
	in.internAll(l)
	if len(l) == 0 {
		return nil
	}
	if len(l) > listMax {
		return in.strs.copyOf(l)
	}
	var k listKey
	k.n = copy(k.s[:], l)
	if c, ok := in.lists[k]; ok {
		return c
	}
	if in.lists == nil {
		in.lists = make(map[listKey][]string, 1024)
	}
	l = in.strs.copyOf(l)
	in.lists[k] = l
	return l
}

// internSlab is the size of the blocks short strings are copied into, and
// internLong the length from which a string is copied on its own.
const (
	internSlab = 32 << 10
	internLong = 512
)

// internSlots is the size of the direct-mapped table (a power of two).
const internSlots = 1 << 15

var internSeed = maphash.MakeSeed()

// newInterner returns an interner that copies into arena a (nil: the Go
// heap).
func newInterner(a *arena) *interner {
	in := &interner{m: make(map[string]string, 1024), slots: make([]string, internSlots), a: a}
	in.vals.a, in.props.a, in.more.a, in.strs.a = a, a, a, a
	return in
}

func (in *interner) str(s *string) {
	x := *s
	if x == "" {
		*s = "" // an empty slice of the source still points into it
		return
	}
	slot := &in.slots[maphash.String(internSeed, x)&(internSlots-1)]
	if *slot == x {
		*s = *slot
		return
	}
	if c, ok := in.m[x]; ok {
		*slot, *s = c, c
		return
	}
	var c string
	if len(x) >= internLong {
		b := arenaMake[byte](in.a, len(x))
		copy(b, x)
		c = unsafe.String(&b[0], len(x))
	} else {
		if len(in.slab)+len(x) > cap(in.slab) {
			in.slab = arenaMake[byte](in.a, internSlab)[:0]
		}
		off := len(in.slab)
		in.slab = append(in.slab, x...) // within capacity: earlier copies stay where they are
		c = unsafe.String(&in.slab[off], len(x))
	}
	in.m[c] = c
	*slot, *s = c, c
}

// refsOnly returns the parts of a value that reads the names refs (an
// interned list of at most listMax names) and has neither properties nor
// elements, one per list of names: 68 thousand such parts on generated
// N=4000 read 4 thousand distinct lists.
func (in *interner) refsOnly(refs []string) *ValueMore {
	var k listKey
	k.n = copy(k.s[:], refs)
	if c, ok := in.mores[k]; ok {
		return c
	}
	if in.mores == nil {
		in.mores = make(map[listKey]*ValueMore, 256)
	}
	c := &in.more.take(1)[0]
	c.Refs = refs
	in.mores[k] = c
	return c
}

func (in *interner) internAll(ss []string) {
	for i := range ss {
		in.str(&ss[i])
	}
}

// facts interns every string of f. TestInternCoversEveryString fills
// every field of Facts by reflection and fails when a string is left out,
// so a string field added to facts.go must be added here.
func (in *interner) facts(f *Facts) {
	defer func() {
		// the maps' keys are the file's old parts: they must not keep them
		in.moved, in.arrays = reuse(in.moved), reuse(in.arrays)
	}()
	for i := range f.Imports {
		x := &f.Imports[i]
		in.str(&x.Local)
		in.str(&x.Imported)
		in.str(&x.Source)
	}
	for i := range f.Exports {
		x := &f.Exports[i]
		in.str(&x.Name)
		in.str(&x.Local)
		in.str(&x.Source)
	}
	for i := range f.Classes {
		x := &f.Classes[i]
		in.str(&x.Name)
		in.decorators(x.Decorators)
		in.str(&x.Extends)
		in.internAll(x.Implements)
		for j := range x.Fields {
			fd := &x.Fields[j]
			in.str(&fd.Name)
			in.value(&fd.Init)
			in.str(&fd.TypeName)
			in.str(&fd.TypeText)
			in.decorators(fd.Decorators)
		}
	}
	for i := range f.Funcs {
		x := &f.Funcs[i]
		in.str(&x.Name)
		in.decorators(x.Decorators)
		for j := range x.Params {
			p := &x.Params[j]
			in.str(&p.Name)
			in.str(&p.TypeName)
			in.str(&p.TypeText)
			in.decorators(p.Decorators)
		}
	}
	for i := range f.Calls {
		x := &f.Calls[i]
		x.Path = in.list(x.Path)
		in.str(&x.Method)
		x.Args = in.values(x.Args)
	}
	for i := range f.Assigns {
		x := &f.Assigns[i]
		x.Target = in.list(x.Target)
		x.KeyRefs = in.list(x.KeyRefs)
		in.value(&x.Value)
		in.str(&x.Guard)
	}
	for i := range f.Locals {
		x := &f.Locals[i]
		in.str(&x.Name)
		in.str(&x.Kind)
		in.str(&x.TypeName)
		in.str(&x.TypeText)
		in.value(&x.Value)
	}
	for i := range f.Regexes {
		x := &f.Regexes[i]
		in.str(&x.Pattern)
		in.str(&x.Flags)
		in.str(&x.Applied)
		in.str(&x.Var)
	}
	for i := range f.Deletes {
		x := &f.Deletes[i]
		x.Target = in.list(x.Target)
		in.str(&x.Key)
		in.str(&x.KeyText)
	}
	for i := range f.Returns {
		in.value(&f.Returns[i].Value)
	}
	for i := range f.Branches {
		in.str(&f.Branches[i].Cond)
	}
	for i := range f.Comments {
		in.str(&f.Comments[i].Text)
	}
	in.str(&f.Panic)
}

func (in *interner) decorators(ds []Decorator) {
	for i := range ds {
		in.str(&ds[i].Name)
		ds[i].Args = in.values(ds[i].Args)
	}
}

// values returns a copy of vs from the slab, its values interned and
// moved (value); the same copy for the same list.
func (in *interner) values(vs []Value) []Value {
	if len(vs) == 0 {
		return nil
	}
	if c, ok := in.arrays[&vs[0]]; ok && len(c) == len(vs) {
		return c
	}
	out := in.vals.copyOf(vs)
	if in.arrays == nil {
		in.arrays = map[*Value][]Value{}
	}
	in.arrays[&vs[0]] = out
	for i := range out {
		in.value(&out[i])
	}
	return out
}

// value interns the strings of v and moves its parts into the slabs,
// once per part.
func (in *interner) value(v *Value) {
	in.str(&v.Text)
	m := v.More
	if m == nil {
		return
	}
	if c, ok := in.moved[m]; ok {
		v.More = c
		return
	}
	var c *ValueMore
	if refs := in.list(m.Refs); len(m.Props) == 0 && len(m.Elems) == 0 && len(refs) > 0 && len(refs) <= listMax {
		c = in.refsOnly(refs)
	} else {
		c = &in.more.take(1)[0]
		c.Refs = refs
		if len(m.Props) > 0 {
			c.Props = in.props.copyOf(m.Props)
			for i := range c.Props {
				in.str(&c.Props[i].Key)
				in.value(&c.Props[i].Value)
			}
		}
		c.Elems = in.values(m.Elems)
	}
	if in.moved == nil {
		in.moved = map[*ValueMore]*ValueMore{}
	}
	in.moved[m] = c
	v.More = c
}
