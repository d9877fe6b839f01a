package nest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// load parses the fixture project testdata/src/<name> and builds its model.
func load(t testing.TB, name string) *nest.Model {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "src", name))
	if err != nil {
		t.Fatal(err)
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res := parser.Parse(context.Background(), d.Files, parser.Options{Jobs: 2})
	for _, p := range res.Problems {
		t.Fatalf("%s: %s", p.Path, p.Message)
	}
	for _, f := range res.Files {
		if f.Facts.Panic != "" {
			t.Fatalf("%s: %s", f.Path, f.Facts.Panic)
		}
	}
	return nest.Build(res.Files, nest.Options{Root: dir})
}

// fn finds the function labelled label. The label may be prefixed with
// "path/suffix.ts:" to pick among functions of the same label in different
// files ("apps/api/src/main.ts:bootstrap").
func fn(t testing.TB, m *nest.Model, label string) nest.FuncRef {
	t.Helper()
	file := ""
	if i := strings.Index(label, ".ts:"); i >= 0 {
		file, label = label[:i+3], label[i+4:]
	}
	var found []nest.FuncRef
	for fi, f := range m.AllFiles() {
		if file != "" && !strings.HasSuffix(filepath.ToSlash(f.Path), "/"+file) {
			continue
		}
		for i := -1; i < len(f.Facts.Funcs); i++ {
			r := nest.FuncRef{File: fi, Index: nest.FuncID(i)}
			if m.Label(r) == label {
				found = append(found, r)
			}
		}
	}
	switch len(found) {
	case 0:
		t.Fatalf("no function labelled %q (file %q)", label, file)
	case 1:
	default:
		t.Fatalf("%d functions labelled %q (file %q); prefix the label with a path", len(found), label, file)
	}
	return found[0]
}

// class finds the class named name.
func class(t testing.TB, m *nest.Model, name string) nest.ClassRef {
	t.Helper()
	var found []nest.ClassRef
	for r, c := range m.Classes {
		if c.Name == name {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d classes named %q", len(found), name)
	}
	return found[0]
}

// labels names the functions of a path.
func labels(m *nest.Model, path []nest.Step) []string {
	var out []string
	for _, s := range path {
		out = append(out, m.Label(s.Func))
	}
	return out
}
