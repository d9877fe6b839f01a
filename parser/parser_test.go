package parser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func parseText(t *testing.T, name, src string) *Facts {
	t.Helper()
	_, f, err := ParseBytes(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSyntaxProbes parses the probes of shared/ts-syntax (testdata/ts-syntax)
// and nestlint's own (testdata/ts-syntax-extra): all are valid TypeScript,
// so none may leave an ERROR or MISSING node, with the vendored grammar, its
// scanner patches and the source repair (repair.go) together.
func TestSyntaxProbes(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/ts-syntax/*.ts*")
	if err != nil || len(files) == 0 {
		t.Fatal("no probes", err)
	}
	extra, err := filepath.Glob("testdata/ts-syntax-extra/*.ts*")
	if err != nil || len(extra) == 0 {
		t.Fatal("no extra probes", err)
	}
	for _, p := range append(files, extra...) {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			tree, f, err := ParseBytes(p, src)
			if err != nil {
				t.Fatal(err)
			}
			if f.ErrorOffset >= 0 {
				t.Errorf("valid probe has a syntax error at byte %d: %q", f.ErrorOffset, src[f.ErrorOffset:min(len(src), f.ErrorOffset+30)])
			}
			if f.Panic != "" {
				t.Errorf("fact extraction panicked: %s", f.Panic)
			}
			if string(tree.Src) != string(src) {
				t.Errorf("the tree must keep the file's own text")
			}
		})
	}
}

// TestUsingDeclarations: the q* probes and `using` declarations are
// declarations (Locals), not assignments to a variable named using.
func TestUsingDeclarations(t *testing.T) {
	t.Parallel()
	cases := []struct {
		file string
		want map[string]string // local name -> kind
	}{
		{"testdata/ts-syntax/q01_using_decl.ts", map[string]string{"res": "using"}},
		{"testdata/ts-syntax/q02_await_using_decl.ts", map[string]string{"conn": "await using"}},
		{"testdata/ts-syntax-extra/using_declarations.ts", map[string]string{"lock": "using", "conn": "await using"}},
	}
	for _, c := range cases {
		src, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		_, f, err := ParseBytes(c.file, src)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, l := range f.Locals {
			got[l.Name] = l.Kind
		}
		for name, kind := range c.want {
			if got[name] != kind {
				t.Errorf("%s: local %s has kind %q, want %q (locals %v)", c.file, name, got[name], kind, got)
			}
		}
		for _, a := range f.Assigns {
			if strings.Contains(string(src[a.Start:a.End]), "using") {
				t.Errorf("%s: using declaration read as an assignment: %q", c.file, src[a.Start:a.End])
			}
		}
	}
	// `using` as a plain identifier stays one.
	f := parseText(t, "a.ts", "let using = 1;\nusing = 2;\nconst x = using + 1;\n")
	for _, l := range f.Locals {
		if l.Kind == "using" {
			t.Errorf("identifier named using read as a declaration: %+v", l)
		}
	}
}

// TestErrorRegionStillLinted: a file with a broken top-level statement
// keeps the facts of every other statement, and the notice names the lines
// of the broken one.
func TestErrorRegionStillLinted(t *testing.T) {
	t.Parallel()
	src := `import { readFileSync } from 'fs';
export class A {
  m() { return readFileSync('a'); }
}
export function broken( {
  const = ;
}
export class C {
  n() { return readFileSync('c'); }
}
`
	f := parseText(t, "a.ts", src)
	if f.ErrorOffset < 0 {
		t.Fatal("the broken function parses")
	}
	var args []string
	for _, c := range f.Calls {
		if c.Method == "readFileSync" && len(c.Args) == 1 {
			args = append(args, c.Args[0].Text)
		}
	}
	if strings.Join(args, ",") != "a,c" {
		t.Errorf("calls outside the error region: %v, want a,c", args)
	}
	if len(f.Classes) != 2 {
		t.Errorf("classes: %d, want 2", len(f.Classes))
	}
	msg := syntaxErrorMessage([]byte(src), f.ErrorSpans)
	if want := "syntax error: lines 5-7 do not parse; the rest of the file is linted"; msg != want {
		t.Errorf("message %q, want %q (spans %+v)", msg, want, f.ErrorSpans)
	}
}

// TestBrokenMethodSwallowing: a broken method makes tree-sitter swallow the
// next class into the first; the lines from the error to the next class are
// blanked (the open blocks closed), so both classes and their methods are
// read as written.
func TestBrokenMethodSwallowing(t *testing.T) {
	t.Parallel()
	src := `import { readFileSync } from 'fs';
@Controller('a')
export class AController {
  @Get()
  list() {
    return readFileSync('x');
  }
  @Get('broken')
  broken() {
    const x = ;
    if (x {
  }
}
@Controller('b')
export class BController {
  @Get()
  list() {
    return readFileSync('y');
  }
}
`
	f := parseText(t, "a.ts", src)
	owner := map[string]string{}
	for _, c := range f.Calls {
		if c.Method == "readFileSync" && c.Func >= 0 && f.Funcs[c.Func].Class >= 0 {
			owner[c.Args[0].Text] = f.Classes[f.Funcs[c.Func].Class].Name + "." + f.Funcs[c.Func].Name
		}
	}
	if owner["x"] != "AController.list" || owner["y"] != "BController.list" {
		t.Errorf("calls read as %v, want x in AController.list and y in BController.list", owner)
	}
	if len(f.Classes) != 2 || len(f.Classes[0].Decorators) != 1 || len(f.Classes[1].Decorators) != 1 {
		t.Errorf("classes: %+v", f.Classes)
	}
	if msg := syntaxErrorMessage([]byte(src), f.ErrorSpans); msg != "syntax error: lines 10-13 do not parse; the rest of the file is linted" {
		t.Errorf("message %q", msg)
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	t.Parallel()
	src := []byte("a\nb\nc\nd\ne\n")
	for _, c := range []struct {
		spans []Span
		want  string
	}{
		{nil, "syntax error: the file is linted outside the part that does not parse"},
		{[]Span{{2, 3}}, "syntax error: line 2 does not parse; the rest of the file is linted"},
		{[]Span{{0, 5}}, "syntax error: lines 1-3 do not parse; the rest of the file is linted"},
		{[]Span{{0, 1}, {4, 5}, {8, 9}}, "syntax error: lines 1, 3 and 5 do not parse; the rest of the file is linted"},
		{[]Span{{0, 1}, {2, 3}, {6, 6}}, "syntax error: lines 1-2 and 4 do not parse; the rest of the file is linted"},
	} {
		if got := syntaxErrorMessage(src, c.spans); got != c.want {
			t.Errorf("%v: %q, want %q", c.spans, got, c.want)
		}
	}
}

// TestDecoratorShapes pins where the grammar attaches decorators.
func TestDecoratorShapes(t *testing.T) {
	t.Parallel()
	src := `@Injectable({ scope: Scope.REQUEST })
export class A {
  @Inject(TOKEN) private readonly x: X;
  constructor(@Inject(forwardRef(() => B)) private readonly b: B, @Optional() c?: C) {}
  @Get(':id') @UseGuards(AuthGuard)
  find(@Param('id') id: string, @Body() dto: CreateDto) {}
}
@Controller() class Plain {}
`
	f := parseText(t, "a.ts", src)
	if len(f.Classes) != 2 {
		t.Fatalf("classes = %d", len(f.Classes))
	}
	a := f.Classes[0]
	if len(a.Decorators) != 1 || a.Decorators[0].Name != "Injectable" || a.Decorators[0].Args[0].Props()[0].Value.Text != "Scope.REQUEST" {
		t.Errorf("class decorator on export_statement: %+v", a.Decorators)
	}
	if len(a.Fields) != 1 || len(a.Fields[0].Decorators) != 1 || a.Fields[0].Decorators[0].Name != "Inject" {
		t.Errorf("field decorator: %+v", a.Fields)
	}
	ctor := f.Funcs[a.Ctor]
	if len(ctor.Params) != 2 || ctor.Params[0].Decorators[0].Name != "Inject" || !ctor.Params[0].Property || ctor.Params[1].Decorators[0].Name != "Optional" {
		t.Errorf("parameter decorators: %+v", ctor.Params)
	}
	var find *Func
	for _, mi := range a.Methods {
		if f.Funcs[mi].Name == "find" {
			find = &f.Funcs[mi]
		}
	}
	if find == nil || len(find.Decorators) != 2 || find.Decorators[0].Name != "Get" || find.Decorators[1].Name != "UseGuards" {
		t.Fatalf("method decorators (class_body siblings): %+v", find)
	}
	if find.Params[0].Decorators[0].Name != "Param" || find.Params[1].Decorators[0].Name != "Body" {
		t.Errorf("handler parameter decorators: %+v", find.Params)
	}
	if p := f.Classes[1]; p.Name != "Plain" || len(p.Decorators) != 1 || p.Decorators[0].Name != "Controller" {
		t.Errorf("decorator on a non-exported class: %+v", p)
	}
}

func TestImports(t *testing.T) {
	t.Parallel()
	src := `import def, { a as b, c } from 'm1';
import * as ns from 'node:fs';
import type { T } from './t';
import x = require('m2');
const r = require('m3');
const { p, q: qq } = require('m4');
export { b as bb } from './re';
export * from './all';
`
	f := parseText(t, "a.ts", src)
	got := map[string]string{}
	for _, im := range f.Imports {
		got[im.Local] = im.Imported + "@" + im.Source
	}
	want := map[string]string{"def": "default@m1", "b": "a@m1", "c": "c@m1", "ns": "*@node:fs", "T": "T@./t", "x": "*@m2", "r": "*@m3", "p": "p@m4", "qq": "q@m4"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("import %s = %q, want %q", k, got[k], v)
		}
	}
	if len(f.Exports) != 2 || f.Exports[0].Name != "bb" || f.Exports[0].Local != "b" || f.Exports[1].Name != "*" {
		t.Errorf("exports: %+v", f.Exports)
	}
}

func TestDeepNesting(t *testing.T) {
	t.Parallel()
	for _, shape := range []struct{ open, close string }{{"(", ")"}, {"[", "]"}, {"f(", ")"}, {"{a:", "}"}} {
		src := "const x = " + strings.Repeat(shape.open, 2000) + "1" + strings.Repeat(shape.close, 2000) + ";\n"
		f := parseText(t, "deep.ts", src)
		if f.Panic != "" {
			t.Errorf("%s: %s", shape.open, f.Panic)
		}
	}
}

func TestBOMAndCRLF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "a.ts")
	src := "\xEF\xBB\xBFimport { readFileSync } from 'fs';\r\nreadFileSync('x');\r\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Parse(context.Background(), []string{p}, Options{Jobs: 1})
	if len(r.Files) != 1 || len(r.Problems) != 0 {
		t.Fatalf("files %d problems %+v", len(r.Files), r.Problems)
	}
	f := r.Files[0]
	if len(f.Facts.Calls) != 1 {
		t.Fatalf("calls: %+v", f.Facts.Calls)
	}
	if !f.SetLines() {
		t.Fatal("SetLines")
	}
	pos := r.Fset.Position(f.Pos(f.Facts.Calls[0].Start))
	if pos.Line != 2 || pos.Column != 1 {
		t.Errorf("call at %d:%d, want 2:1", pos.Line, pos.Column)
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bin := write("bin.ts", []byte("const a = 1;\x00\x01\x02"))
	big := write("big.ts", []byte(strings.Repeat("const a = 1;\n", 100)))
	bad := write("bad.ts", []byte("export class {{{ oops\nconst ok = f();\n"))
	latin := write("latin.ts", []byte("const s = 'caf\xe9';\nf();\n"))
	r := Parse(context.Background(), []string{bin, big, bad, latin, filepath.Join(dir, "gone.ts")}, Options{Jobs: 2, MaxFileSize: 1000})
	msgs := map[string]string{}
	for _, p := range r.Problems {
		msgs[filepath.Base(p.Path)] = p.Message
	}
	for name, want := range map[string]string{"bin.ts": "binary", "big.ts": "over the 1000-byte limit", "bad.ts": "syntax error", "gone.ts": "cannot read"} {
		if !strings.Contains(msgs[name], want) {
			t.Errorf("%s: problem %q, want %q", name, msgs[name], want)
		}
	}
	if r.File(latin) == nil || len(r.File(latin).Facts.Calls) != 1 {
		t.Errorf("non-UTF-8 file not linted")
	}
	if r.File(bad) == nil {
		t.Errorf("file with syntax errors not linted")
	}
}

func TestDiscover(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mk := func(p, content string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	mk(".gitignore", "generated/\n*.gen.ts\n")
	mk("src/a.ts", "")
	mk("src/b.tsx", "")
	mk("src/c.mts", "")
	mk("src/types.d.ts", "")
	mk("src/x.gen.ts", "")
	mk("src/generated/g.ts", "")
	mk("src/sub/.gitignore", "local.ts\n")
	mk("src/sub/local.ts", "")
	mk("src/sub/kept.ts", "")
	mk("node_modules/m/index.ts", "")
	mk("dist/main.ts", "")
	mk(".hidden/h.ts", "")
	mk("Dockerfile", "FROM node\n")
	mk("src/readme.md", "")
	// a symlink loop must not hang
	if err := os.Symlink(dir, filepath.Join(dir, "src", "loop")); err != nil {
		t.Fatal(err)
	}
	d, err := Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range d.Files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, filepath.ToSlash(rel))
	}
	want := "src/a.ts src/b.tsx src/c.mts src/sub/kept.ts"
	if strings.Join(got, " ") != want {
		t.Errorf("files = %v, want %s", got, want)
	}
	if len(d.Extra) != 1 || filepath.Base(d.Extra[0]) != "Dockerfile" {
		t.Errorf("extra = %v", d.Extra)
	}
	// from a subfolder, the repo's .gitignore still applies
	d, err = Discover([]string{filepath.Join(dir, "src")})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Files {
		if strings.HasSuffix(f, ".gen.ts") {
			t.Errorf("gitignored file linted from a subfolder: %s", f)
		}
	}
	if _, err := Discover([]string{filepath.Join(dir, "nope")}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing path error = %v", err)
	}
	empty := t.TempDir()
	d, err = Discover([]string{empty})
	if err != nil || len(d.Files) != 0 {
		t.Errorf("empty folder: %v %v", d, err)
	}
}

func TestLoopTimeCond(t *testing.T) {
	t.Parallel()
	cases := []struct {
		loop string
		spin bool
	}{
		{`while (Date.now() < end) {}`, true},
		{`while (new Date() < end) { n++; }`, true},
		{`do { x(); } while (performance.now() - start < ms);`, true},
		{`while (Date.now() < end && !done) { done = poll(); }`, true},
		{`while (now < end && new Date() < end) { now = new Date(); }`, true},
		{`while (moment().isBefore(end)) {}`, true},
		{`while (isBefore(current, new Date())) { current = addDays(current, 1); }`, false},
		{`while (cursor < new Date(end)) { cursor.setDate(cursor.getDate() + 1); }`, false}, // no clock read
		{`while (d < new Date()) { d.setDate(d.getDate() + 1); }`, false},
		{`while (cursor.isBefore(moment())) { cursor.add(1, 'day'); }`, false},
		{`for (let d = new Date(); d.getTime() > Date.now() - span; d = addDays(d, -1)) {}`, false},
		{`while (Date.now() < deadline) { deadline = Date.now() + 5; }`, true}, // changed through the clock
		{`for (let i = 0; i < n; i++) {}`, false},
	}
	for _, c := range cases {
		f := parseText(t, "loop.ts", "function f() {\n"+c.loop+"\n}\n")
		if len(f.Loops) != 1 {
			t.Fatalf("%s: %d loops", c.loop, len(f.Loops))
		}
		if got := f.Loops[0].TimeCond; got != c.spin {
			t.Errorf("%s: TimeCond = %v, want %v", c.loop, got, c.spin)
		}
	}
}

func TestDefaultExportedArrow(t *testing.T) {
	t.Parallel()
	f := parseText(t, "configuration.ts", "export default () => ({ port: 3000 });\n")
	var exp *Export
	for i := range f.Exports {
		if f.Exports[i].Name == "default" {
			exp = &f.Exports[i]
		}
	}
	if exp == nil || exp.Local != "" {
		t.Fatalf("exports %+v", f.Exports)
	}
	found := false
	for _, fn := range f.Funcs {
		if fn.Span == exp.Span && fn.Exported {
			found = true
		}
	}
	if !found {
		t.Errorf("no exported func with the export's span in %+v", f.Funcs)
	}
}
