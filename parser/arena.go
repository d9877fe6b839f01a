package parser

import "unsafe"

// An arena owns the arrays that a parse worker's facts live in, allocated
// as plain words: memory the garbage collector neither scans nor follows
// pointers out of. The facts of every file stay alive until the rules ran,
// and every collection after the parse marked them all again: on the
// 14,000-file workspace ten collections of a 130 MB heap of facts cost
// about 0.7 s of CPU, as much as building the model. In an arena they are
// one object per array to mark, and nothing to scan.
//
// That is safe because of one invariant: every pointer stored in an
// arena's arrays (a string's bytes, a list, a value's parts) points into
// the same arena, whose list of arrays (chunks, scanned) keeps them all
// alive as long as the arena is reachable. The Facts hold their arena
// (they are allocated in a factsBox with it: a pointer to the Facts keeps
// the box alive), and so does the File (a copy of the Facts struct, with
// some lists replaced, travels with a copy of its File: the model's
// unaliasDecorators). The worker's interner establishes it: it copies every
// string into arena blocks and every list and part of a value into arena
// slabs (interner.facts). Until it has, the pointers the arrays hold are
// also held by the worker's scratch lists, which are cleared only after it
// (scratch.release). An empty string or list stored in an arena holds no
// pointer at all (a dangling one, copied to scanned memory by a rule,
// would be fatal to the collector). TestArenaHoldsEveryPointer walks the
// facts of every fixture and checks all of it.
//
// A worker's arena lives as long as any of its files: in the language
// server, a file parsed again keeps the arena of its first parse alive
// while the other files of that parse are (at most one old copy of each
// file's facts).
type arena struct {
	chunks [][]uint64
}

// factsBox is the allocation of Facts whose lists are in arena a.
type factsBox struct {
	f Facts
	a *arena
}

// arenaMake returns a zeroed list of n elements from a (from the Go heap
// when a is nil). T's alignment must be at most 8.
func arenaMake[T any](a *arena, n int) []T {
	if a == nil || n == 0 {
		return make([]T, n)
	}
	var zero T
	size := unsafe.Sizeof(zero)
	if size == 0 || unsafe.Alignof(zero) > 8 {
		return make([]T, n)
	}
	raw := make([]uint64, (uintptr(n)*size+7)/8)
	a.chunks = append(a.chunks, raw)
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(raw))), n)
}
