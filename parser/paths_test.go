package parser

import (
	"strings"
	"testing"
	"unsafe"
)

// TestPathsAndTexts: callee paths, dotted value texts and string values
// read the same whatever the spacing, comments and wrappers (`as`) of the source,
// and the plain ones share the source's memory instead of copying it.
func TestPathsAndTexts(t *testing.T) {
	t.Parallel()
	src := []byte(`const a = this.repo.findAndCount({ where });
const b = this . repo /* c */ . find();
const c = (this as any).cache.get('k');
const d = Foo.Bar.baz;
const e = 'plain';
const f = 'esc\'aped\n';
const g = "";
const h = new Date();
`)
	_, f, err := ParseBytes("p.ts", src)
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, c := range f.Calls {
		paths[c.Method] = strings.Join(c.Path, ".")
	}
	want := map[string]string{"findAndCount": "this.repo.findAndCount", "find": "this.repo.find", "get": "this.cache.get", "Date": "Date"}
	for m, p := range want {
		if paths[m] != p {
			t.Errorf("call %s: path %q, want %q", m, paths[m], p)
		}
	}
	vals := map[string]Value{}
	for _, l := range f.Locals {
		vals[l.Name] = l.Value
	}
	texts := map[string]string{"a": "this.repo.findAndCount", "b": "this.repo.find", "d": "Foo.Bar.baz",
		"e": "plain", "f": "esc'aped\n", "g": "", "h": "Date", "c": "this.cache.get"}
	for name, want := range texts {
		if got := vals[name].Text; got != want {
			t.Errorf("%s: text %q, want %q", name, got, want)
		}
	}
	inSrc := func(s string) bool {
		if s == "" {
			return false
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		b := uintptr(unsafe.Pointer(&src[0]))
		return p >= b && p < b+uintptr(len(src))
	}
	for _, name := range []string{"a", "d", "e"} {
		if !inSrc(vals[name].Text) {
			t.Errorf("%s: %q was copied, want the source's bytes", name, vals[name].Text)
		}
	}
	for _, name := range []string{"b", "c", "f"} {
		if inSrc(vals[name].Text) {
			t.Errorf("%s: %q shares the source, but the source does not read so", name, vals[name].Text)
		}
	}
}
