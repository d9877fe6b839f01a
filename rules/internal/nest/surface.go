package nest

import (
	"hash/maphash"
	"reflect"

	"github.com/nestlint/nestlint/parser"
)

// A file's surface is what other files' call resolution reads of it: its
// imports, exports, classes, functions, top-level variables and the
// returned values read across files, without positions (nor the call a
// callback is passed to), plus what the model reads by position: the
// source text of class decorators, of variable values and of returned
// values (module metadata lists are read from the text: spreads,
// conditional imports), and the function each class is declared in. When an edit leaves every edited
// file's surface as it was (the body of a method changed: a call added or
// removed, a line inserted), the callees and the call graph edges of every
// other file are the same as before, and Build takes them from the model
// it reuses (Options.Reuse). Call resolution of a file reads the calls of
// that file only (never another file's), the ClassInfo and provider tables
// (built from decorators, fields, parameters and variables: surface), and
// the symbols of the files it imports (surface).

var surfaceSeed = maphash.MakeSeed()

var (
	spanType = reflect.TypeOf(parser.Span{})
	funcType = reflect.TypeOf(parser.Func{})
)

// surfaceOf returns the surface hash of file pf (never 0).
func surfaceOf(pf *parser.File) uint64 {
	f := pf.Facts
	var h maphash.Hash
	h.SetSeed(surfaceSeed)
	for _, v := range []any{f.Imports, f.Exports, f.Classes, f.Funcs} {
		hashValue(&h, reflect.ValueOf(v))
	}
	text := func(sp parser.Span) {
		if sp.End >= sp.Start && int(sp.End) <= len(pf.Source()) {
			hashValue(&h, reflect.ValueOf(string(pf.Source()[sp.Start:sp.End])))
		}
	}
	classAt := map[parser.Span]bool{}
	for ci := range f.Classes {
		c := &f.Classes[ci]
		classAt[c.Span] = true
		for _, d := range c.Decorators {
			text(d.Span)
		}
		in := -1 // the innermost function holding the class
		for i := range f.Funcs {
			g := &f.Funcs[i]
			if g.Span.Start <= c.Span.Start && c.Span.End <= g.Span.End && (in < 0 || g.Span.Start >= f.Funcs[in].Span.Start) {
				in = i
			}
		}
		hashValue(&h, reflect.ValueOf(in))
	}
	// Variables of other files are read at the top level only (exports);
	// a function's own variables matter to its own file.
	for i := range f.Locals {
		if l := &f.Locals[i]; l.Func < 0 {
			hashValue(&h, reflect.ValueOf(*l))
			text(l.Value.Span)
		}
	}
	// Returned values read across files: providers and dynamic modules
	// (objects), forwardRef targets (names), classes made by a factory.
	for i := range f.Returns {
		r := &f.Returns[i]
		if r.Value.Kind == parser.VIdent || r.Value.Kind == parser.VObject || classAt[r.Value.Span] {
			hashValue(&h, reflect.ValueOf(*r))
			text(r.Value.Span)
		}
	}
	if s := h.Sum64(); s != 0 {
		return s
	}
	return 1
}

func hashValue(h *maphash.Hash, v reflect.Value) {
	var buf [8]byte
	putInt := func(n uint64) {
		for i := range buf {
			buf[i] = byte(n >> (8 * i))
		}
		h.Write(buf[:])
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == spanType {
			return // positions are not part of the surface
		}
		for i := range v.NumField() {
			if v.Type() == funcType && v.Type().Field(i).Name == "ArgOf" {
				continue // the call a callback is passed to: read in its own file only
			}
			hashValue(h, v.Field(i))
		}
	case reflect.Slice:
		putInt(uint64(v.Len()))
		for i := range v.Len() {
			hashValue(h, v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		hashValue(h, v.Elem())
	case reflect.String:
		putInt(uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		putInt(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		putInt(v.Uint())
	default:
		panic("nest: surface of a " + v.Kind().String())
	}
}

// surface returns the surface hash of file i, computing it once.
func (m *Model) surface(i int) uint64 {
	if m.surfaces[i] == 0 {
		m.surfaces[i] = surfaceOf(m.inputs[i])
	}
	return m.surfaces[i]
}
