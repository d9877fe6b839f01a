package parser

import (
	"strings"
	"testing"
)

func TestParseFile(t *testing.T) {
	f, p := ParseFile("/p/a.ts", []byte("export class A {\n  m() { return 1; }\n}\n"), 0, nil)
	if f == nil || p != nil || len(f.Facts.Funcs) == 0 {
		t.Fatalf("clean file: %+v %+v", f, p)
	}
	if f, p := ParseFile("/p/b.ts", []byte("let a = 1;\x00"), 0, nil); f != nil || p == nil || !p.Skipped {
		t.Errorf("NUL byte: %+v %+v", f, p)
	}
	if f, p := ParseFile("/p/c.ts", []byte(strings.Repeat("x", 100)), 10, nil); f != nil || p == nil || !strings.Contains(p.Message, "limit") {
		t.Errorf("too large: %+v %+v", f, p)
	}
	f, p = ParseFile("/p/d.ts", []byte("export class {{{ broken\nconst ok = 1;\n"), 0, nil)
	if f == nil || p == nil || p.Skipped || !strings.Contains(p.Message, "syntax error") {
		t.Errorf("syntax error: %+v %+v", f, p)
	}
}

func TestAssemble(t *testing.T) {
	a, _ := ParseFile("/p/a.ts", []byte("const a = 1;\nconst b = 2;\n"), 0, nil)
	b, _ := ParseFile("/p/b.ts", []byte("export const c = 3;\n"), 0, nil)
	r1 := Assemble([]*File{b, a}, []string{"/p/Dockerfile"}, nil)
	if len(r1.Files) != 2 || r1.Files[0].Path != "/p/a.ts" || r1.File("/p/b.ts") == nil || r1.Extra[0] != "/p/Dockerfile" {
		t.Fatalf("files: %+v", r1.Files)
	}
	r1.SetLines()
	pos := r1.Files[0].Pos(13)
	if got := r1.Fset.Position(pos); got.Filename != "/p/a.ts" || got.Line != 2 || got.Column != 1 {
		t.Errorf("position: %+v", got)
	}
	if r1.FileOf(pos) != r1.Files[0] {
		t.Error("FileOf")
	}
	// A second Result over the same files leaves the first one valid.
	r2 := Assemble(r1.Files, nil, nil)
	if r2.Files[0] == r1.Files[0] || r1.Fset.File(pos) == nil || r1.Fset.Position(pos).Line != 2 {
		t.Error("the second Assemble changed the first Result")
	}
	if got := r2.Fset.Position(r2.Files[1].Pos(7)); got.Filename != "/p/b.ts" || got.Column != 8 {
		t.Errorf("second result position: %+v", got)
	}
}

// TestReassemble assembles a program, edits one file and adds another:
// the untouched file keeps its File and positions, the edited and the new
// file get positions after every earlier one, each position maps to its
// file and line as Assemble's would, and the earlier Result stays valid.
func TestReassemble(t *testing.T) {
	a, _ := ParseFile("/p/a.ts", []byte("const a = 1;\nconst b = 2;\n"), 0, nil)
	b, _ := ParseFile("/p/b.ts", []byte("export const c = 3;\n"), 0, nil)
	c, _ := ParseFile("/p/c.ts", []byte("export const d = 4;\n"), 0, nil)
	r1 := Reassemble(nil, []*File{a, b, c}, nil, nil)
	b2, _ := ParseFile("/p/b.ts", []byte("// edited\nexport const c = 3;\n"), 0, nil)
	n, _ := ParseFile("/p/0.ts", []byte("export const n = 0;\n"), 0, nil)
	r2 := Reassemble(r1, []*File{c, b2, a, n}, []string{"/p/Dockerfile"}, nil)
	fresh := Assemble([]*File{c, b2, a, n}, nil, nil)
	if len(r2.Files) != 4 || r2.Extra[0] != "/p/Dockerfile" {
		t.Fatalf("files: %+v", r2.Files)
	}
	for i, f := range r2.Files {
		if f.Path != fresh.Files[i].Path {
			t.Fatalf("file %d is %s, Assemble's is %s", i, f.Path, fresh.Files[i].Path)
		}
		for off := uint32(0); off <= uint32(len(f.Source())); off++ {
			got, want := r2.Fset.Position(f.Pos(off)), fresh.Fset.Position(fresh.Files[i].Pos(off))
			if got.Filename != want.Filename || got.Line != want.Line || got.Column != want.Column {
				t.Fatalf("%s offset %d: %v, Assemble's %v", f.Path, off, got, want)
			}
			if r2.FileOf(f.Pos(off)) != f {
				t.Fatalf("%s offset %d: FileOf is another file", f.Path, off)
			}
		}
	}
	if r2.File("/p/a.ts") != r1.File("/p/a.ts") || r2.File("/p/c.ts").Tok != r1.File("/p/c.ts").Tok {
		t.Error("the untouched files were assembled again")
	}
	end := 0
	for _, f := range r1.Files {
		end = max(end, f.Tok.Base()+f.Tok.Size())
	}
	for _, p := range []string{"/p/b.ts", "/p/0.ts"} {
		if r2.File(p).Tok.Base() <= end {
			t.Errorf("%s starts at %d, inside the earlier files' positions (up to %d)", p, r2.File(p).Tok.Base(), end)
		}
	}
	if got := r1.Fset.Position(r1.File("/p/b.ts").Pos(7)); got.Filename != "/p/b.ts" || got.Line != 1 || got.Column != 8 {
		t.Errorf("the earlier Result changed: %+v", got)
	}
}
