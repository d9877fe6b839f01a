package cache

//go:generate go run ./codecgen/main.go -o facts_codec.go

import (
	"encoding/binary"
	"errors"
	"math"
	"unsafe"

	"github.com/nestlint/nestlint/parser"
)

// The chunks of a pack are encoded with a codec generated from the facts'
// struct definitions (codecgen): about five times faster to decode than
// gob, and it allocates each distinct string of a chunk once.
//
// A chunk: uvarint count, then per entry the key, a presence byte and the
// facts, the content's length and a byte of flags (1: it starts with
// "#!"). Strings go through the chunk's table: uvarint 0 and then the
// length and bytes of a string not seen before in the chunk (it takes the
// next index), or uvarint index+1 of one seen before.

// encoder appends to b.
type encoder struct {
	b    []byte
	strs map[string]uint64
	ptrs map[any]uint64 // the pointers written so far in the chunk, by identity
}

// ptr writes a reference to the non-nil pointer p: uvarint 1 when it is
// new in the chunk (the caller then writes what it points to, and it takes
// the next index), or index+2 of the same pointer written before. Facts
// share parts (parser's value memo: a call's argument summaries are those
// of the call's value), and the pack keeps them shared.
func (e *encoder) ptr(p any) bool {
	if i, ok := e.ptrs[p]; ok {
		e.uvarint(i + 2)
		return false
	}
	if e.ptrs == nil {
		e.ptrs = map[any]uint64{}
	}
	e.ptrs[p] = uint64(len(e.ptrs))
	e.uvarint(1)
	return true
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) byte(v byte)      { e.b = append(e.b, v) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) str(s string) {
	if i, ok := e.strs[s]; ok {
		e.uvarint(i + 1)
		return
	}
	e.strs[s] = uint64(len(e.strs))
	e.uvarint(0)
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// decoder reads b; the first error sticks and every later read gives
// zero values, so generated code needs no error checks.
//
// Each distinct string of the chunk is copied out of b once, into blocks
// shared by the chunk (strBytes): were they slices of b, the chunk's bytes
// (the whole pack, 49 MB on generated N=4000) would stay alive as long as
// the facts, not only until the pack is written again. The small slices the facts are full of (paths, references, arguments,
// properties) are cut from slabs shared by the chunk: decoding a pack
// allocated hundreds of thousands of tiny objects otherwise, and all the
// entries of a chunk live and die together.
type decoder struct {
	b    []byte
	i    int
	strs []string
	err  error

	ptrs     []any // the pointers decoded so far in the chunk (encoder.ptr)
	strBytes []byte
	strSlab  []string
	valSlab  []parser.Value
	propSlab []parser.Prop
	moreSlab []parser.ValueMore
}

// take returns n elements cut from *slab (with no room to grow into the
// next ones), refilling it with size elements when it is short; larger
// requests get their own slice.
func take[T any](slab *[]T, n, size int) []T {
	if n > size/4 {
		return make([]T, n)
	}
	if len(*slab) < n {
		*slab = make([]T, size)
	}
	s := (*slab)[:n:n]
	*slab = (*slab)[n:]
	return s
}

func (d *decoder) strings(n int) []string      { return take(&d.strSlab, n, 256) }
func (d *decoder) values(n int) []parser.Value { return take(&d.valSlab, n, 64) }
func (d *decoder) props(n int) []parser.Prop   { return take(&d.propSlab, n, 32) }
func (d *decoder) more() *parser.ValueMore     { return &take(&d.moreSlab, 1, 64)[0] }

var errCorrupt = errors.New("corrupt chunk")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.i = len(d.b)
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b[d.i:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.i += n
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b[d.i:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.i += n
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail() // facts hold offsets and indexes of files capped far below
		return 0
	}
	return v
}

func (d *decoder) byte() byte {
	if d.i >= len(d.b) {
		d.fail()
		return 0
	}
	v := d.b[d.i]
	d.i++
	return v
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

// length reads a slice length, refusing one the bytes left cannot hold.
func (d *decoder) length() int {
	n := d.uvarint()
	if n > uint64(len(d.b)-d.i) {
		d.fail()
		return 0
	}
	return int(n)
}

// length64 reads an uvarint that must fit an int of at most 2^40 (a
// size or an offset, not a count of elements).
func (d *decoder) length64() int {
	n := d.uvarint()
	if n > 1<<40 {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	i := d.uvarint()
	if i > 0 {
		if i > uint64(len(d.strs)) {
			d.fail()
			return ""
		}
		return d.strs[i-1]
	}
	n := d.length()
	if d.err != nil {
		return ""
	}
	s := ""
	if n > 0 {
		s = d.copyStr(d.b[d.i : d.i+n])
	}
	d.i += n
	d.strs = append(d.strs, s)
	return s
}

// ptr reads a pointer reference (encoder.ptr): fresh when the value
// follows (the caller allocates it, appends it to d.ptrs, then decodes
// it), else the pointer decoded before (nil for a nil pointer).
func (d *decoder) ptr() (p any, fresh bool) {
	switch k := d.uvarint(); {
	case k == 0:
		return nil, false
	case k == 1:
		return nil, true
	case k-2 < uint64(len(d.ptrs)):
		return d.ptrs[k-2], false
	}
	d.fail()
	return nil, false
}

// ptrAs is p as a *T; a reference to a pointer of another type is corrupt.
func ptrAs[T any](d *decoder, p any) *T {
	q, ok := p.(*T)
	if !ok {
		d.fail()
	}
	return q
}

// strBlock is the size of the blocks a chunk's strings are copied into.
const strBlock = 8 << 10

// copyStr returns a copy of b that shares no memory with the chunk.
func (d *decoder) copyStr(b []byte) string {
	if len(b) > strBlock/4 {
		return string(b)
	}
	if len(d.strBytes)+len(b) > cap(d.strBytes) {
		d.strBytes = make([]byte, 0, strBlock)
	}
	off := len(d.strBytes)
	d.strBytes = append(d.strBytes, b...) // within capacity: earlier strings stay put
	return unsafe.String(&d.strBytes[off], len(b))
}

// appendChunk appends the encoding of es to b.
func appendChunk(b []byte, es []entry) []byte {
	e := &encoder{b: b, strs: map[string]uint64{}}
	e.uvarint(uint64(len(es)))
	for i := range es {
		e.str(es[i].Key)
		it := es[i].Item
		if it == nil {
			e.bool(false)
			continue
		}
		e.bool(true)
		encFacts(e, it.facts)
		e.uvarint(uint64(it.size))
		var flags byte
		if it.shebang {
			flags |= 1
		}
		e.byte(flags)
	}
	return e.b
}

// decodeChunk decodes a chunk appendChunk wrote; trailing bytes, a bad
// length or a bad string index make it corrupt.
func decodeChunk(b []byte) ([]entry, error) {
	d := &decoder{b: b}
	n := d.length()
	es := make([]entry, 0, n)
	for range n {
		var e entry
		e.Key = d.str()
		if d.bool() {
			it := &item{facts: new(parser.Facts)}
			decFacts(d, it.facts)
			it.size = d.length64()
			flags := d.byte()
			it.shebang = flags&1 != 0
			if flags&^1 != 0 {
				d.fail()
			}
			e.Item = it
		}
		if d.err != nil {
			return nil, d.err
		}
		es = append(es, e)
	}
	if d.err == nil && d.i != len(d.b) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return nil, d.err
	}
	return es, nil
}
