package parser

import (
	"sync"
	"sync/atomic"
)

// LargeFile is the size from which a file counts against largeBudget: the
// tree tree-sitter builds takes 60 to 120 times the file's size (the two
// 1.5 MB GraphQL codegen files of the generated workspaces, parsed at
// once, took about 160 MB). largeBudget bounds the bytes of large files in
// the parser at once, so that a run with -j 16 on a repository with a
// dozen generated files does not hold a dozen of those trees; a large file
// over the budget alone is parsed alone. At -j 2 the budget lets the two
// largest files of the generated workspaces be parsed together, first, as
// before it: parsing them one after the other put the second one's tree on
// top of a larger heap of facts (peak RSS 200-220 MB on the N=1000
// workspace instead of 182-196).
const (
	LargeFile   = 256 << 10
	LargeBudget = 3 << 20
)

// largeBudget is LargeBudget (tests lower it).
var largeBudget int64 = LargeBudget

// schedule hands the workers the paths in order (largest first, see
// parseOrder), keeping the large files in the parser within largeBudget: a
// worker that meets a large file over the budget puts it aside and goes on
// with the next files, and a large file put aside is taken as soon as it
// fits. Only once every other file is taken does a worker wait for one.
type schedule struct {
	order []int
	size  []int64 // by path; nil when not known (all small)
	next  atomic.Int64

	mu       sync.Mutex
	fits     sync.Cond // a large file left the parser
	inflight int64     // bytes of large files in the parser
	aside    []int     // large files put aside
	// onLarge, when set (tests), is told when a large file enters (+1)
	// and leaves (-1) the parser.
	onLarge func(delta int)
}

func newSchedule(order []int, size []int64) *schedule {
	s := &schedule{order: order, size: size, onLarge: onLarge}
	s.fits.L = &s.mu
	return s
}

// take returns the next path to parse and whether it is large (the caller
// passes both to done after it), or false when there is none left.
func (s *schedule) take() (i int, large, ok bool) {
	s.mu.Lock()
	if i, ok := s.admitAside(); ok {
		s.mu.Unlock()
		return s.enter(i)
	}
	s.mu.Unlock()
	for {
		k := int(s.next.Add(1)) - 1
		if k >= len(s.order) {
			break
		}
		i := s.order[k]
		if s.size == nil || s.size[i] < LargeFile {
			return i, false, true
		}
		s.mu.Lock()
		if s.admit(i) {
			s.mu.Unlock()
			return s.enter(i)
		}
		s.aside = append(s.aside, i)
		s.mu.Unlock()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.aside) > 0 {
		if i, ok := s.admitAside(); ok {
			return s.enter(i)
		}
		s.fits.Wait() // every other file is taken
	}
	return 0, false, false
}

// admit reports whether large file i fits in the budget now, and counts
// it in when it does. s.mu is held.
func (s *schedule) admit(i int) bool {
	if s.inflight > 0 && s.inflight+s.size[i] > largeBudget {
		return false
	}
	s.inflight += s.size[i]
	return true
}

// admitAside takes the first file put aside that fits. s.mu is held.
func (s *schedule) admitAside() (int, bool) {
	for j, i := range s.aside {
		if s.admit(i) {
			s.aside = append(s.aside[:j], s.aside[j+1:]...)
			return i, true
		}
	}
	return 0, false
}

func (s *schedule) enter(i int) (int, bool, bool) {
	if s.onLarge != nil {
		s.onLarge(1)
	}
	return i, true, true
}

// done ends the parse of path i, which take returned with large.
func (s *schedule) done(i int, large bool) {
	if !large {
		return
	}
	if s.onLarge != nil {
		s.onLarge(-1)
	}
	s.mu.Lock()
	s.inflight -= s.size[i]
	s.fits.Broadcast()
	s.mu.Unlock()
}
