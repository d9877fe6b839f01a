package parser

import "unsafe"

// slab hands out the exact-length lists of a worker's facts from large
// shared arrays. The facts of every file stay alive until the rules ran; as
// separate allocations each list is rounded up to the allocator's size
// class (14 MB on generated N=4000) and, made between the scratch garbage
// of the same sizes, leaves its spans partly empty once that garbage is
// collected (35-40 MB more at the peak). From a slab they sit densely in a
// few large arrays.
//
// A list taken from a slab has no spare capacity, so appending to it copies
// it and never writes into its neighbour's elements. An array lives as long
// as any list in it: the facts of a worker's consecutive files, which live
// and die together in a batch run.
type slab[T any] struct {
	buf  []T
	next int    // elements in the next array
	a    *arena // where the arrays come from (nil: the Go heap)
}

// slabBytes is the size of a slab's largest arrays (the largest of Go's
// small size classes); slabFirst the first array's, doubled from one array
// to the next up to slabBytes, so that a worker that parses one file does
// not hold arrays sized for thousands.
const (
	slabBytes = 32 << 10
	slabFirst = 512
)

// copyOf returns a copy of l (nil when empty) from the slab.
func (s *slab[T]) copyOf(l []T) []T {
	n := len(l)
	if n == 0 {
		return nil
	}
	out := s.take(n)
	copy(out, l)
	return out
}

// take returns a zeroed list of n elements.
func (s *slab[T]) take(n int) []T {
	size := int(unsafe.Sizeof(*new(T)))
	if size == 0 || n*size > slabBytes/8 {
		return arenaMake[T](s.a, n)
	}
	if cap(s.buf)-len(s.buf) < n {
		if s.next == 0 {
			s.next = max(slabFirst/size, 1)
		}
		s.buf = arenaMake[T](s.a, max(s.next, n))[:0]
		s.next = min(s.next*2, slabBytes/size)
	}
	i := len(s.buf)
	s.buf = s.buf[:i+n]
	return s.buf[i : i+n : i+n]
}
