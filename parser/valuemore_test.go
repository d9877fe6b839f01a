package parser

import (
	"slices"
	"testing"
)

// TestValueRefsAndMore: each argument's Refs are as before Value.More
// existed, and only the values that need one have a More: leaves (names,
// member paths, literals, calls on a path with no argument) have none.
func TestValueRefsAndMore(t *testing.T) {
	f := parseText(t, "v.ts", `
record(
  req,
  req.user.id,
  this.repo,
  'text',
  42,
  makeId(),
  new Date(),
  client.get(url),
  a + b,
  `+"`${x}-${y}`"+`,
  { id, name: user.name },
  [first, second],
  load().then(done),
  super.method,
);
`)
	var call *Call
	for i := range f.Calls {
		if slices.Equal(f.Calls[i].Path, []string{"record"}) {
			call = &f.Calls[i]
		}
	}
	if call == nil {
		t.Fatal("call of record not found")
	}
	want := []struct {
		refs []string
		more bool
	}{
		{[]string{"req"}, false},
		{[]string{"req"}, false},
		{nil, false},
		{nil, false},
		{nil, false},
		{[]string{"makeId"}, false},
		{[]string{"Date"}, false},
		{[]string{"client", "url"}, true},
		{[]string{"a", "b"}, true},
		{[]string{"x", "y"}, true},
		{[]string{"id", "user"}, true},
		{[]string{"first", "second"}, true},
		{[]string{"load", "done"}, true},
		{nil, false},
	}
	if len(call.Args) != len(want) {
		t.Fatalf("%d arguments, want %d", len(call.Args), len(want))
	}
	for i, w := range want {
		a := call.Args[i]
		if got := a.Refs(); !slices.Equal(got, w.refs) {
			t.Errorf("argument %d (%q): Refs %v, want %v", i, a.Text, got, w.refs)
		}
		if (a.More != nil) != w.more {
			t.Errorf("argument %d (%q): More set %v, want %v", i, a.Text, a.More != nil, w.more)
		}
	}
	if p := call.Args[10].Props(); len(p) != 2 || p[0].Key != "id" || p[1].Value.Text != "user.name" {
		t.Errorf("object properties: %+v", p)
	}
	if e := call.Args[11].Elems(); len(e) != 2 || e[1].Text != "second" {
		t.Errorf("array elements: %+v", e)
	}
	if e := call.Args[7].Elems(); len(e) != 1 || e[0].Text != "url" || call.Args[7].Text != "client.get" {
		t.Errorf("call value: %q %+v", call.Args[7].Text, e)
	}
}

// TestValuePartsShared: the summary of an expression with parts is made
// once: a call's argument is the same value in the Call fact and in the
// value of the expression the call is in.
func TestValuePartsShared(t *testing.T) {
	t.Parallel()
	_, f, err := ParseBytes("users.service.ts", []byte(`export class UsersService {
  async find(id: string) {
    const user = await this.repo.findOne({ where: { id }, relations: ['roles'] });
    return this.repo.save({ ...user, seen: true });
  }
}
`))
	if err != nil {
		t.Fatal(err)
	}
	byMethod := map[string]*Call{}
	for i := range f.Calls {
		byMethod[f.Calls[i].Method] = &f.Calls[i]
	}
	find, save := byMethod["findOne"], byMethod["save"]
	if find == nil || save == nil || len(find.Args) != 1 || len(save.Args) != 1 {
		t.Fatalf("calls %+v", f.Calls)
	}
	var local *Local
	for i := range f.Locals {
		if f.Locals[i].Name == "user" {
			local = &f.Locals[i]
		}
	}
	if local == nil || len(local.Value.Elems()) != 1 || len(f.Returns) != 1 || len(f.Returns[0].Value.Elems()) != 1 {
		t.Fatalf("locals %+v, returns %+v", f.Locals, f.Returns)
	}
	if a, v := find.Args[0], local.Value.Elems()[0]; a.More == nil || a.More != v.More || len(a.Props()) != 2 {
		t.Errorf("findOne's argument: %p in the call, %p in the local's value; want one shared summary with 2 properties", a.More, v.More)
	}
	if a, v := save.Args[0], f.Returns[0].Value.Elems()[0]; a.More == nil || a.More != v.More {
		t.Errorf("save's argument: %p in the call, %p in the returned value; want one shared summary", a.More, v.More)
	}
}
