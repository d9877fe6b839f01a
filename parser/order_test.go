package parser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestParseOrder: the largest files first, ties in path order, and the
// files the cache knows by key last without a stat (one of them is
// missing: a stat would not matter, but none is made).
func TestParseOrder(t *testing.T) {
	dir := t.TempDir()
	sizes := map[string]int{"a.ts": 10, "b.ts": 3000, "c.ts": 10, "d.ts": 500, "e.ts": 90000}
	var paths []string
	for _, name := range []string{"a.ts", "b.ts", "c.ts", "d.ts", "e.ts", "gone.ts"} {
		p := filepath.Join(dir, name)
		paths = append(paths, p)
		if n, ok := sizes[name]; ok {
			if err := os.WriteFile(p, []byte(strings.Repeat("x", n)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	known := func(p string) (string, bool) {
		return "k", filepath.Base(p) == "e.ts" || filepath.Base(p) == "gone.ts"
	}
	var got []string
	order, _ := parseOrder(paths, known, 2)
	for _, i := range order {
		got = append(got, filepath.Base(paths[i]))
	}
	want := []string{"b.ts", "d.ts", "a.ts", "c.ts", "e.ts", "gone.ts"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	// No more files than workers: as given.
	if o, _ := parseOrder(paths[:2], nil, 2); !slices.Equal(o, []int{0, 1}) {
		t.Errorf("two files, two workers: %v", o)
	}
}

// TestLargeFilesWithinBudget: with four workers and four generated files
// over LargeFile among small ones, and a budget of one of them, at most
// one large file is in the parser at any time, every file is parsed once,
// and the facts are those of a run with one worker.
func TestLargeFilesWithinBudget(t *testing.T) {
	largeBudget = LargeFile + 2048
	defer func() { largeBudget = LargeBudget }()
	dir := t.TempDir()
	var paths []string
	var big strings.Builder
	for big.Len() < LargeFile+1024 {
		fmt.Fprintf(&big, "export const Doc%d = { kind: 'Document', definitions: [{ kind: 'Field', name: 'f%d' }] };\n", big.Len(), big.Len())
	}
	for i := range 4 {
		p := filepath.Join(dir, fmt.Sprintf("gen%d.ts", i))
		if err := os.WriteFile(p, []byte(big.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for i := range 40 {
		p := filepath.Join(dir, fmt.Sprintf("s%02d.service.ts", i))
		src := fmt.Sprintf("export class S%d { find() { return this.repo.find(); } }\n", i)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	var mu sync.Mutex
	in, most, entered := 0, 0, 0
	onLarge = func(d int) {
		mu.Lock()
		defer mu.Unlock()
		in += d
		most = max(most, in)
		if d > 0 {
			entered++
		}
	}
	defer func() { onLarge = nil }()
	r := Parse(context.Background(), paths, Options{Jobs: 4})
	onLarge = nil
	if most != 1 || entered != 4 || in != 0 {
		t.Errorf("large files: at most %d in the parser at once, %d entered, %d left in", most, entered, in)
	}
	one := Parse(context.Background(), paths, Options{Jobs: 1})
	if len(r.Files) != len(paths) || len(one.Files) != len(paths) {
		t.Fatalf("%d and %d files parsed of %d", len(r.Files), len(one.Files), len(paths))
	}
	for i, f := range r.Files {
		if f.Path != one.Files[i].Path || !reflect.DeepEqual(f.Facts, one.Files[i].Facts) {
			t.Errorf("%s: not the facts of a run with one worker", f.Path)
		}
	}
}

// TestScheduleBudget: large files enter while their bytes fit the budget
// (one alone always does), the others wait aside while small files go on,
// and enter in order as the budget frees.
func TestScheduleBudget(t *testing.T) {
	const mb = 1 << 20
	size := []int64{2 * mb, mb, mb, 4 * mb, 10, 10}
	s := newSchedule([]int{3, 0, 1, 2, 4, 5}, size)
	var got []int
	take := func() int {
		i, _, ok := s.take()
		if !ok {
			t.Fatal("nothing left")
		}
		got = append(got, i)
		return i
	}
	a := take() // 4 MB, alone over the budget
	b := take() // small: the three large ones wait aside
	if a != 3 || b != 4 || len(s.aside) != 3 {
		t.Fatalf("took %v, aside %v", got, s.aside)
	}
	s.done(a, true)
	c, d := take(), take() // 2 + 1 MB fit
	e := take()            // the last small one
	if c != 0 || d != 1 || e != 5 || s.inflight != 3*mb {
		t.Fatalf("took %v, %d bytes in flight", got, s.inflight)
	}
	s.done(d, true)
	if f := take(); f != 2 { // 2 + 1 MB again
		t.Fatalf("took %v", got)
	}
	s.done(c, true)
	s.done(2, true)
	if _, _, ok := s.take(); ok || s.inflight != 0 {
		t.Fatalf("took %v; %d bytes in flight", got, s.inflight)
	}
}
