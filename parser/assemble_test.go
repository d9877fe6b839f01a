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
