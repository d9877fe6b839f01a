package parser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// TestInternCoversEveryString fills every field of a Facts by reflection
// (one element in each slice, every pointer set) with strings sliced from
// one buffer, interns it, and checks that no string points into the
// buffer any more and that each reads as before: a string field added to
// facts.go and not to interner.facts fails here.
func TestInternCoversEveryString(t *testing.T) {
	t.Parallel()
	buf := make([]byte, 0, 1<<16)
	n := 0
	var fill func(v reflect.Value, depth int)
	fill = func(v reflect.Value, depth int) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				fill(v.Field(i), depth)
			}
		case reflect.Slice:
			if depth > 3 {
				return
			}
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range v.Len() {
				fill(v.Index(i), depth+1)
			}
		case reflect.Pointer:
			if depth > 3 {
				return
			}
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem(), depth+1)
		case reflect.String:
			n++
			text := fmt.Sprintf("s%d", n%7) // repeated texts, as in real facts
			off := len(buf)
			buf = append(buf, text...)
			if n%5 == 0 {
				text = "" // empty, yet pointing into the source: it keeps the source alive too
			}
			v.SetString(unsafe.String(&buf[off], len(text)))
		}
	}
	var f Facts
	fill(reflect.ValueOf(&f).Elem(), 0)
	strs := func() (out []string) {
		var walk func(v reflect.Value)
		walk = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Struct:
				for i := range v.NumField() {
					walk(v.Field(i))
				}
			case reflect.Slice:
				for i := range v.Len() {
					walk(v.Index(i))
				}
			case reflect.Pointer:
				if !v.IsNil() {
					walk(v.Elem())
				}
			case reflect.String:
				out = append(out, v.String())
			}
		}
		walk(reflect.ValueOf(f))
		return out
	}
	before := strs()
	if len(before) != n || n < 50 {
		t.Fatalf("filled %d strings, walked %d", n, len(before))
	}
	newInterner(nil).facts(&f)
	after := strs()
	lo, hi := uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&buf[0]))+uintptr(len(buf))
	left := 0
	for i, s := range after {
		if s != before[i] {
			t.Errorf("string %d reads %q after interning, want %q", i, s, before[i])
		}
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= lo && p < hi {
			left++
		}
	}
	if left > 0 {
		t.Errorf("%d of %d strings still point into the source after interning: interner.facts misses a field", left, n)
	}
}

// TestParseLetsGoOfSources: Parse keeps no file's source (its facts no
// longer share it), yet each file still reads as parsed, counts as read,
// gets its line table on demand, and gives no text (nor line table) once
// edited after the parse.
func TestParseLetsGoOfSources(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.service.ts")
	b := filepath.Join(dir, "b.service.ts")
	srcA := "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class A {\n  find() { return this.repo.find({ where: { id: 1 } }); }\n}\n"
	srcB := "\ufeffexport const b = 'plain';\n"
	for p, s := range map[string]string{a: srcA, b: srcB} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := Parse(context.Background(), []string{a, b}, Options{Jobs: 1})
	if len(r.Files) != 2 {
		t.Fatalf("parsed %d files, problems %v", len(r.Files), r.Problems)
	}
	fa, fb := r.File(a), r.File(b)
	for _, f := range r.Files {
		if f.src != nil || f.lazy == nil {
			t.Errorf("%s: source kept after the parse", f.Path)
		}
		if !f.Read() {
			t.Errorf("%s: parsed, yet not counted as read", f.Path)
		}
	}
	if fa.Size() != len(srcA) || fb.Size() != len(srcB) {
		t.Errorf("sizes %d, %d; want %d, %d", fa.Size(), fb.Size(), len(srcA), len(srcB))
	}
	if string(fb.Source()) != srcB {
		t.Errorf("b reads %q, want %q", fb.Source(), srcB)
	}
	// Edited after the parse, same size: no text rather than text the
	// facts' offsets do not describe, and no line table from it.
	if err := os.WriteFile(a, []byte(srcA[:len(srcA)-2]+"/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if src := fa.Source(); src != nil {
		t.Errorf("a edited after the parse still reads %q", src)
	}
	if fa.SetLines() {
		t.Error("a edited after the parse got a line table")
	}
	// Unchanged: the line table of the text parsed (the call is on line
	// 5, after a line of two bytes).
	if err := os.WriteFile(a, []byte(srcA), 0o644); err != nil {
		t.Fatal(err)
	}
	r = Parse(context.Background(), []string{a}, Options{Jobs: 1})
	fa = r.File(a)
	var call *Call
	for i := range fa.Facts.Calls {
		if fa.Facts.Calls[i].Method == "find" {
			call = &fa.Facts.Calls[i]
		}
	}
	if call == nil {
		t.Fatalf("no call to find in %+v", fa.Facts.Calls)
	}
	if p := r.Fset.Position(fa.Pos(call.Start)); p.Line != 1 {
		t.Errorf("before SetLines the file set has no line table: call at line %d", p.Line)
	}
	if !fa.SetLines() {
		t.Fatal("SetLines")
	}
	if p := r.Fset.Position(fa.Pos(call.Start)); p.Line != 5 || p.Column != 19 {
		t.Errorf("call at %d:%d, want 5:19", p.Line, p.Column)
	}
}

// TestInternedFactsLetGoOfTheSource: once interned, a file's facts keep
// nothing of its source alive, not even through the hidden part of a
// slice (a capped path, refs cut at maxRefs): the source is collected
// while the facts are still in use.
func TestInternedFactsLetGoOfTheSource(t *testing.T) {
	var b strings.Builder
	b.WriteString(`import { Test } from '@nestjs/testing';

describe('UsersService', () => {
  const repo = {
    find: jest.fn(),
    save: jest.fn(async (entity: Partial<User>) => ({ id: 'u1', ...entity })),
  };
  const moduleRef = Test.createTestingModule({ providers: [UsersService, { provide: 'REPO', useValue: repo }] });
  const service = moduleRef.get(UsersService);
  const total = helpers.sum(`)
	for i := range maxRefs + 4 { // more identifiers than a value keeps
		fmt.Fprintf(&b, "a%d, ", i)
	}
	b.WriteString(`0);
  const empty = '';
  it('finds', async () => { await service.findAll(); });
});
`)
	var freed atomic.Bool
	var f *Facts
	func() {
		src := []byte(b.String())
		runtime.AddCleanup(&src[0], func(int) { freed.Store(true) }, 0)
		_, facts, err := ParseBytes("users.service.spec.ts", src)
		if err != nil {
			t.Fatal(err)
		}
		newInterner(nil).facts(facts)
		f = facts
	}()
	for deadline := time.Now().Add(5 * time.Second); !freed.Load() && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if !freed.Load() {
		t.Error("the source is still alive: something in the interned facts points into it")
	}
	if len(f.Calls) == 0 || len(f.Locals) < 4 {
		t.Errorf("facts: %d calls, %d locals", len(f.Calls), len(f.Locals))
	}
	runtime.KeepAlive(f)
}
