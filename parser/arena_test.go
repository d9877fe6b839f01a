package parser

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"unsafe"
)

// fixturePaths returns the TypeScript fixtures of the repository.
func fixturePaths(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, root := range []string{"../testdata", "../rules"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && IsSource(d.Name()) {
				paths = append(paths, p)
			}
			return nil
		})
	}
	if len(paths) < 100 {
		t.Fatalf("only %d fixture files found", len(paths))
	}
	return paths
}

// arenaCheck walks facts and reports every pointer stored in the arena's
// memory that does not point into the arena, and every empty string or
// list stored there that still holds a pointer (see arena).
type arenaCheck struct {
	lo, hi   []uintptr // the chunks' ranges, sorted
	seen     map[uintptr]bool
	pointers int // pointers checked
	bad      []string
}

func newArenaCheck(a *arena) *arenaCheck {
	c := &arenaCheck{seen: map[uintptr]bool{}}
	type r struct{ lo, hi uintptr }
	var rs []r
	for _, ch := range a.chunks {
		p := uintptr(unsafe.Pointer(unsafe.SliceData(ch)))
		rs = append(rs, r{p, p + uintptr(len(ch))*8})
	}
	slices.SortFunc(rs, func(a, b r) int { return int(a.lo>>1) - int(b.lo>>1) })
	for _, x := range rs {
		c.lo, c.hi = append(c.lo, x.lo), append(c.hi, x.hi)
	}
	return c
}

func (c *arenaCheck) in(p uintptr) bool {
	i, _ := slices.BinarySearch(c.lo, p+1)
	return i > 0 && p < c.hi[i-1]
}

// walk checks v, which lives in the arena when stored.
func (c *arenaCheck) walk(v reflect.Value, stored bool, where string) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		if stored {
			c.pointers++
			if len(s) == 0 && p != 0 && p != uintptr(unsafe.Pointer(unsafe.StringData(""))) {
				c.bad = append(c.bad, where+": empty string with a pointer")
			} else if len(s) > 0 && !c.in(p) {
				c.bad = append(c.bad, fmt.Sprintf("%s: string %q outside the arena", where, s))
			}
		}
	case reflect.Slice:
		p := v.Pointer()
		if stored {
			c.pointers++
			if v.Len() == 0 && p != 0 {
				c.bad = append(c.bad, where+": empty list with a pointer")
			} else if v.Len() > 0 && !c.in(p) {
				c.bad = append(c.bad, where+": list outside the arena")
			}
		}
		if v.Len() == 0 || c.seen[p] {
			return
		}
		c.seen[p] = true
		for i := range v.Len() {
			e := v.Index(i)
			c.walk(e, c.in(e.UnsafeAddr()), fmt.Sprintf("%s[%d]", where, i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		p := v.Pointer()
		if stored {
			c.pointers++
			if !c.in(p) {
				c.bad = append(c.bad, where+": pointer outside the arena")
			}
		}
		if c.seen[p] {
			return
		}
		c.seen[p] = true
		c.walk(v.Elem(), c.in(p), where)
	case reflect.Struct:
		for i := range v.NumField() {
			c.walk(v.Field(i), stored, where+"."+v.Type().Field(i).Name)
		}
	case reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		if stored {
			c.bad = append(c.bad, fmt.Sprintf("%s: a %s in the arena", where, v.Kind()))
		}
	}
}

// TestArenaHoldsEveryPointer parses every fixture as a run does and checks
// the arena's invariant on all of their facts: what the arena's memory
// points to is in the arena (the collector does not see those pointers),
// and no empty string or list there points anywhere.
func TestArenaHoldsEveryPointer(t *testing.T) {
	t.Parallel()
	r := Parse(context.Background(), fixturePaths(t), Options{Jobs: 2})
	checks := map[*arena]*arenaCheck{}
	files, pointers := 0, 0
	for _, f := range r.Files {
		if f.arena == nil {
			t.Fatalf("%s: parsed now, but its facts are not in an arena", f.Path)
		}
		c := checks[f.arena]
		if c == nil {
			c = newArenaCheck(f.arena)
			checks[f.arena] = c
		}
		c.walk(reflect.ValueOf(f.Facts).Elem(), false, filepath.Base(f.Path))
		files++
		for _, b := range c.bad {
			t.Error(b)
		}
		c.bad = nil
	}
	for _, c := range checks {
		pointers += c.pointers
	}
	if files < 100 || pointers < 10000 || len(checks) > 2 {
		t.Fatalf("checked %d pointers in %d files of %d arenas", pointers, files, len(checks))
	}
}

// TestArenaCheckFindsAStrayPointer: the check above fails on a list the
// interner left on the Go heap, and on an empty list that points.
func TestArenaCheckFindsAStrayPointer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "users.service.ts")
	if err := os.WriteFile(p, []byte("export class UsersService {\n  find() { return this.repo.find({ where: { id: 1 } }); }\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Parse(context.Background(), []string{p}, Options{Jobs: 1})
	f := r.Files[0]
	if len(f.Facts.Calls) == 0 {
		t.Fatal("no calls")
	}
	call := &f.Facts.Calls[0]
	c := newArenaCheck(f.arena)
	c.walk(reflect.ValueOf(f.Facts).Elem(), false, "ok")
	if len(c.bad) > 0 || !c.in(uintptr(unsafe.Pointer(call))) {
		t.Fatalf("clean facts: %q (call in the arena: %v)", c.bad, c.in(uintptr(unsafe.Pointer(call))))
	}
	path := call.Path
	call.Path = []string{"this", "repo", "find", "x", "y"} // on the Go heap
	c = newArenaCheck(f.arena)
	c.walk(reflect.ValueOf(f.Facts).Elem(), false, "stray")
	if len(c.bad) == 0 {
		t.Error("a heap list in the arena was not found")
	}
	call.Path = make([]string, 0, 1)
	c = newArenaCheck(f.arena)
	c.walk(reflect.ValueOf(f.Facts).Elem(), false, "empty")
	if len(c.bad) == 0 {
		t.Error("an empty list with a pointer was not found")
	}
	call.Path = path
}

// TestArenaFactsSurviveCollections: between the extraction and the
// interning, what the arena's copies point to is held by the scratch lists
// (scratch.release). Collections there, and garbage written over what they
// freed, leave every file's facts as a fresh extraction gives them.
func TestArenaFactsSurviveCollections(t *testing.T) {
	paths := fixturePaths(t)
	beforeDetach = churn
	defer func() { beforeDetach = nil }()
	r := Parse(context.Background(), paths, Options{Jobs: 1})
	beforeDetach = nil
	runtime.GC()
	if len(r.Files) < 100 {
		t.Fatalf("%d files", len(r.Files))
	}
	for _, f := range r.Files {
		src := f.Source()
		if src == nil {
			t.Fatalf("%s: cannot read it again", f.Path)
		}
		_, want, err := ParseBytes(f.Path, src)
		if err != nil {
			t.Fatal(err)
		}
		newInterner(nil).facts(want)
		if !reflect.DeepEqual(f.Facts, want) {
			t.Fatalf("%s: the facts changed between the extraction and the interning", f.Path)
		}
	}
}

// churn collects and writes garbage over what the collection freed.
func churn() {
	runtime.GC()
	var junk [][]byte
	for size := 8; size <= 4096; size *= 2 {
		for range 256 {
			b := make([]byte, size)
			for i := range b {
				b[i] = 0x5A
			}
			junk = append(junk, b)
		}
	}
	runtime.KeepAlive(junk)
	runtime.GC()
}

// TestFactsAloneHoldTheirArena: a pointer to the facts of a file, kept
// without its File or the parse result (the cache's pack entries), keeps
// the arena they live in.
func TestFactsAloneHoldTheirArena(t *testing.T) {
	paths := fixturePaths(t)
	var facts []*Facts
	var srcs [][]byte
	var names []string
	func() {
		r := Parse(context.Background(), paths, Options{Jobs: 2})
		for _, f := range r.Files {
			if f.arena == nil {
				t.Fatalf("%s: not in an arena", f.Path)
			}
			facts = append(facts, f.Facts)
			srcs = append(srcs, f.Source())
			names = append(names, f.Path)
		}
	}()
	churn()
	churn()
	for i, f := range facts {
		_, want, err := ParseBytes(names[i], srcs[i])
		if err != nil {
			t.Fatal(err)
		}
		newInterner(nil).facts(want)
		if !reflect.DeepEqual(f, want) {
			t.Fatalf("%s: the facts changed once their File was gone", names[i])
		}
	}
}
