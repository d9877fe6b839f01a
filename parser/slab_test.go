package parser

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unsafe"
)

// TestSlabListsAreExactAndApart: a list from a slab has its length as its
// capacity, starts zeroed, and appending to it copies it instead of
// writing into the next list; arrays grow from slabFirst to slabBytes, and
// a list too large for a slab gets its own array.
func TestSlabListsAreExactAndApart(t *testing.T) {
	t.Parallel()
	var s slab[Call]
	a := s.copyOf([]Call{{Method: "a1"}, {Method: "a2"}})
	b := s.take(2) // the first array holds four calls
	if len(a) != 2 || cap(a) != 2 || len(b) != 2 || cap(b) != 2 || a[1].Method != "a2" {
		t.Fatalf("lengths/capacities %d/%d and %d/%d, want 2/2 and 2/2", len(a), cap(a), len(b), cap(b))
	}
	for _, c := range b {
		if c.Method != "" || c.Path != nil {
			t.Fatalf("take returned a list that is not zeroed: %+v", c)
		}
	}
	if &a[0] == &b[0] || uintptr(unsafe.Pointer(&b[0])) != uintptr(unsafe.Pointer(&a[1]))+unsafe.Sizeof(Call{}) {
		t.Fatal("two small lists of one slab are not neighbours in one array")
	}
	a2 := append(a, Call{Method: "a3"})
	if b[0].Method != "" || &a2[0] == &a[0] {
		t.Fatal("appending to a slab list wrote into the next list")
	}
	if s.copyOf(nil) != nil || s.copyOf([]Call{}) != nil {
		t.Fatal("an empty list is not nil")
	}

	size := int(unsafe.Sizeof(Call{}))
	if first := cap(s.buf); first != max(slabFirst/size, 1) {
		t.Fatalf("first array holds %d calls, want %d", first, slabFirst/size)
	}
	last := 0
	for range 2000 { // 4+8+...+256 calls, then full arrays
		s.take(1)
		last = max(last, cap(s.buf))
	}
	if last != slabBytes/size {
		t.Fatalf("arrays grew to %d calls, want %d (slabBytes)", last, slabBytes/size)
	}
	big := s.take(slabBytes/size/8 + 1)
	if cap(big) != len(big) || &big[0] == &s.buf[:cap(s.buf)][0] {
		t.Fatal("a large list was cut from the slab's array")
	}
}

// TestWorkerFactsShareLists: the paths and root lists of a parse worker's
// facts are shared between calls that read the same names, within a file
// and from file to file, with no spare capacity; so are the parts of
// values that only read names.
func TestWorkerFactsShareLists(t *testing.T) {
	t.Parallel()
	src := []byte(`
export class A {
  constructor(private readonly repo: Repo) {}
  async one(req: Req) { await this.repo.find({ where: req.id }); return this.repo.save(req.body); }
  two(req: Req) { const total = req.a + req.b; return total; }
}
`)
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"a.service.ts", "b.service.ts"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	r := Parse(context.Background(), files, Options{Jobs: 1}) // one worker
	if len(r.Files) != 2 {
		t.Fatalf("%d files parsed, want 2", len(r.Files))
	}
	paths := map[string][][]string{}
	for _, f := range r.Files {
		for _, c := range f.Facts.Calls {
			if len(c.Path) > 0 {
				k := c.Method
				paths[k] = append(paths[k], c.Path)
			}
			for _, a := range c.Args {
				if a.More != nil && len(a.More.Refs) > 0 {
					paths["refs:"+c.Method] = append(paths["refs:"+c.Method], a.More.Refs)
				}
			}
		}
	}
	var totals []*ValueMore
	for _, f := range r.Files {
		for _, l := range f.Facts.Locals {
			if l.Name == "total" {
				totals = append(totals, l.Value.More)
			}
		}
	}
	if len(totals) != 2 || totals[0] == nil || totals[0] != totals[1] {
		t.Errorf("the parts of req.a + req.b in the two files are not one: %v", totals)
	} else if got := totals[0].Refs; len(got) != 1 || got[0] != "req" {
		t.Errorf("req.a + req.b reads %v, want [req]", got)
	}
	for _, k := range []string{"find", "save", "refs:find"} {
		ls := paths[k]
		if len(ls) != 2 {
			t.Fatalf("%s: %d lists, want one per file: %v", k, len(ls), paths)
		}
		if &ls[0][0] != &ls[1][0] {
			t.Errorf("%s: the two files' lists %v are not shared", k, ls)
		}
		if cap(ls[0]) != len(ls[0]) {
			t.Errorf("%s: a shared list has spare capacity", k)
		}
	}
}

// TestCallArgsShareTheValueElems: a call's arguments in its Call fact and
// in the value of the call as an initializer are one list, with the
// same values as before they were shared.
func TestCallArgsShareTheValueElems(t *testing.T) {
	t.Parallel()
	_, f, err := ParseBytes("/x/users.service.ts", []byte(`
export class UsersService {
  async list(where: Where) {
    const users = await this.repo.find({ where, take: 10 });
    return users;
  }
}
`))
	if err != nil {
		t.Fatal(err)
	}
	var call *Call
	for i := range f.Calls {
		if f.Calls[i].Method == "find" {
			call = &f.Calls[i]
		}
	}
	var local *Local
	for i := range f.Locals {
		if f.Locals[i].Name == "users" {
			local = &f.Locals[i]
		}
	}
	if call == nil || local == nil {
		t.Fatalf("no find call or users local in %+v", f)
	}
	elems := local.Value.Elems()
	if len(call.Args) != 1 || len(elems) != 1 {
		t.Fatalf("%d arguments in the call, %d in the value, want 1 and 1", len(call.Args), len(elems))
	}
	if &call.Args[0] != &elems[0] {
		t.Error("the call's arguments and the value's elements are two lists")
	}
	props := call.Args[0].Props()
	if len(props) != 2 || props[0].Key != "where" || props[1].Key != "take" || props[1].Value.Text != "10" {
		t.Errorf("argument properties %+v", props)
	}
	if got := local.Value.Refs(); len(got) != 1 || got[0] != "where" {
		t.Errorf("the value reads %v, want [where]", got)
	}
}
