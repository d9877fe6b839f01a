package nest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/internal/tsconfig"
)

// compilerOf returns the compiler facts of the file whose slash path ends
// in suffix.
func compilerOf(t *testing.T, m *nest.Model, suffix string) *nest.CompilerFacts {
	t.Helper()
	for fi, f := range m.AllFiles() {
		if strings.HasSuffix(filepath.ToSlash(f.Path), "/"+suffix) {
			return m.Compiler(fi)
		}
	}
	t.Fatalf("no file %s", suffix)
	return nil
}

// TestCompilerFacts: in a nest-cli monorepo of two apps and a library,
// Build decides per file which tsconfig builds it (the project's
// tsConfigPath, through its extends chain to the base config that sets the
// target) and whether nest-cli builds it with SWC; files built alike share
// their facts, and files whose shape no setting changes have none.
func TestCompilerFacts(t *testing.T) {
	m := load(t, "compiler")
	root := filepath.Dir(m.Files[0].Path)
	for !strings.HasSuffix(filepath.ToSlash(root), "/compiler") {
		root = filepath.Dir(root)
	}
	abs := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }

	api := compilerOf(t, m, "apps/api/src/cats/cats.service.ts")
	if api == nil || api.SWC || api.Err != nil || api.Define {
		t.Fatalf("api facts = %+v, want tsc with fields erased", api)
	}
	if api.Config.Path != abs("apps/api/tsconfig.app.json") || api.Config.Target != "ES2021" || api.Config.TargetSource != abs("tsconfig.base.json") {
		t.Errorf("api config = %s (target %q from %s), want apps/api/tsconfig.app.json with ES2021 from tsconfig.base.json",
			api.Config.Path, api.Config.Target, api.Config.TargetSource)
	}
	if want := "target ES2021 in tsconfig.base.json erases declared fields"; api.Reason != want {
		t.Errorf("api reason = %q, want %q", api.Reason, want)
	}
	if st := api.Setting; st == nil || st.File != abs("tsconfig.base.json") || st.Key != "target" || !strings.Contains(string(st.Src), `"target": "ES2021"`) {
		t.Errorf("api setting = %+v, want target in tsconfig.base.json with its text", st)
	}
	if entity := compilerOf(t, m, "apps/api/src/cats/cat.entity.ts"); entity != api {
		t.Errorf("two files of one app do not share their facts: %p, %p", entity, api)
	}

	lib := compilerOf(t, m, "libs/shared/src/clock.service.ts")
	if lib == nil || lib.SWC || !lib.Define || lib.Config.Path != abs("libs/shared/tsconfig.lib.json") ||
		lib.Config.UseDefineForClassFieldsSource != abs("libs/shared/tsconfig.lib.json") || lib.Setting != nil {
		t.Errorf("library facts = %+v, want define semantics from libs/shared/tsconfig.lib.json", lib)
	}

	worker := compilerOf(t, m, "apps/worker/src/mail.processor.ts")
	if worker == nil || !worker.SWC || !worker.Define || worker.Config != nil || worker.Err != nil || worker.Setting != nil {
		t.Errorf("worker facts = %+v, want SWC (define semantics, no tsconfig read)", worker)
	}

	for _, none := range []string{
		"apps/api/src/cats/cats.controller.ts",   // fields only through constructor parameters
		"apps/api/src/cats/create-cat.dto.ts",    // decorated fields, no constructor
		"apps/api/src/main.ts",                   // no class
		"apps/api/src/cats/cats.service.spec.ts", // offline
	} {
		if cf := compilerOf(t, m, none); cf != nil {
			t.Errorf("%s: facts %+v, want none", none, cf)
		}
	}
	if m.Compiler(-1) != nil || m.Compiler(nest.FileID(len(m.Files))) != nil {
		t.Error("facts for a FileID out of range")
	}
}

// TestCompilerFactsBadTsconfig: a malformed tsconfig gives, from Build,
// the notice the lazy loader gave for it (naming the file), once; the
// facts keep the error and count as define semantics (unknown settings).
func TestCompilerFactsBadTsconfig(t *testing.T) {
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"package.json":     `{"name": "api"}`,
		"tsconfig.json":    "{\n  \"compilerOptions\": {\n    \"target\": es2021\n  }\n}\n",
		"src/a.service.ts": "export class AService {\n  private cache: Map<string, string>;\n}\n",
		"src/b.service.ts": "export class BService {\n  private last: number;\n}\n",
	}
	var paths []string
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".ts") {
			paths = append(paths, p)
		}
	}
	res := parser.Parse(context.Background(), paths, parser.Options{Jobs: 2})

	type notice struct{ file, msg string }
	var mu sync.Mutex
	var got []notice
	m := nest.Build(res.Files, nest.Options{Root: dir, Notify: func(file, msg string) {
		mu.Lock()
		got = append(got, notice{file, msg})
		mu.Unlock()
	}})

	// What the rules' lazy lookup (Loader.ForFile) reported before.
	var want []notice
	l := tsconfig.NewLoader("")
	l.SetDisplayRoot(dir)
	l.Notify = func(file, msg string) { want = append(want, notice{file, msg}) }
	if _, err := l.ForFile(filepath.Join(dir, "src", "a.service.ts")); err == nil {
		t.Fatal("the loader read the malformed tsconfig")
	}
	if len(want) != 1 || want[0].file != filepath.Join(dir, "tsconfig.json") || !strings.HasPrefix(want[0].msg, "malformed tsconfig (line 3, column 15") {
		t.Fatalf("lazy notices = %+v", want)
	}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("Build notices = %+v, want %+v", got, want)
	}
	a := compilerOf(t, m, "src/a.service.ts")
	if a == nil || a.Err == nil || !a.Define || a.Config != nil || a.Reason != "" || a.Setting != nil {
		t.Errorf("facts = %+v, want the error and define semantics", a)
	}
	if b := compilerOf(t, m, "src/b.service.ts"); b != a {
		t.Errorf("files of one broken tsconfig do not share their facts: %+v", b)
	}
}
