package nest_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/internal/nest"
)

// rel names a file or folder of the scopews fixture relative to it.
func rel(m *nest.Model, abs string) string {
	s := filepath.ToSlash(abs)
	if i := strings.Index(s, "/scopews/"); i >= 0 {
		return s[i+len("/scopews/"):]
	}
	if strings.HasSuffix(s, "/scopews") {
		return "."
	}
	return s
}

// TestScope checks the server scope of an npm workspace: the import
// closure of the Nest roots across packages (bare imports resolved to
// sources, barrels followed), every file of a package that holds a root,
// and nothing through type-only imports.
func TestScope(t *testing.T) {
	t.Parallel()
	m := load(t, "scopews")
	got := map[string]bool{}
	for fi, f := range m.AllFiles() {
		got[rel(m, f.Path)] = m.InScope(fi)
	}
	want := map[string]bool{
		// roots: the bootstrap file, files importing @nestjs/*
		"apps/api/src/main.ts":           true,
		"apps/api/src/app.module.ts":     true,
		"apps/api/src/app.controller.ts": true,
		// imported by nothing, but in the package of a root
		"apps/api/src/helpers.ts": true,
		// a test of the Nest package is judged (as offline code)
		"apps/api/test/app.e2e-spec.ts": true,
		// @ws/lib: main dist/index.js -> src/index.ts (outDir -> rootDir),
		// then the barrel's re-export
		"libs/lib/src/index.ts": true,
		"libs/lib/src/greet.ts": true,
		// the same package, but nothing imports it
		"libs/lib/src/unused.ts": false,
		// a Nest library no app imports is still a root
		"libs/nestlib/src/index.ts": true,
		// imported by apps/api with `import type` only
		"libs/types/src/index.ts": false,
		"apps/ui/src/main.ts":     false,
		"apps/edge/src/server.ts": false,
		"tools/gen/src/index.ts":  false,
		// a nest-commander entry point: a root by its bootstrap call
		"tools/seed/src/main.ts":  true,
		"packages/cli/src/cli.ts": false,
		"codegen/emit.ts":         false,
		// @nestjs/testing does not make a root; imported only by the e2e spec
		"packages/testkit/src/index.ts": false,
		"packages/testkit/src/users.ts": false,
	}
	if !reflect.DeepEqual(got, want) {
		for f, w := range want {
			if g, ok := got[f]; !ok || g != w {
				t.Errorf("InScope(%s) = %v (found %v), want %v", f, g, ok, w)
			}
		}
		for f := range got {
			if _, ok := want[f]; !ok {
				t.Errorf("unexpected file %s", f)
			}
		}
	}
}

// TestScopeGroups checks the packages left out and why, and which of them
// --scope all judges as offline code.
func TestScopeGroups(t *testing.T) {
	t.Parallel()
	m := load(t, "scopews")
	var got []string
	for _, g := range m.ScopeGroups {
		got = append(got, rel(m, g.Dir)+": "+g.Notice())
	}
	want := []string{
		"apps/edge: non-Nest server (express), 1 file not linted; use --scope all to lint it",
		"apps/ui: browser app (vue), 1 file not linted; use --scope all to lint it",
		// the root package's files, named by the folder that holds them
		"codegen: build tooling (@graphql-codegen/cli), 1 file not linted; use --scope all to lint it",
		"libs/lib: not imported by Nest code, 1 file not linted; use --scope all to lint it",
		"libs/types: not imported by Nest code, 1 file not linted; use --scope all to lint it",
		"packages/cli: CLI (#!/usr/bin/env node), 1 file not linted; use --scope all to lint it",
		"packages/testkit: test helpers (imported only by tests), 2 files not linted; use --scope all to lint it",
		"tools/gen: build tooling (ts-morph), 1 file not linted; use --scope all to lint it",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ScopeGroups =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	offline := map[string]bool{}
	for _, g := range m.ScopeGroups {
		offline[rel(m, g.Dir)] = g.Offline
	}
	wantOffline := map[string]bool{
		"apps/edge": false, "apps/ui": false, "libs/lib": false, "libs/types": false,
		"packages/cli": true, "packages/testkit": true, "tools/gen": true, "codegen": true,
	}
	if !reflect.DeepEqual(offline, wantOffline) {
		t.Errorf("Offline = %v, want %v", offline, wantOffline)
	}
	// The files of offline groups are offline code; those of a browser
	// app or another server are not (they run in production).
	for fi, f := range m.AllFiles() {
		r := rel(m, f.Path)
		switch {
		case strings.HasPrefix(r, "packages/cli/"), strings.HasPrefix(r, "tools/gen/"), strings.HasPrefix(r, "packages/testkit/"):
			if !m.IsOffline(fi) {
				t.Errorf("%s is not offline", r)
			}
		case strings.HasPrefix(r, "apps/ui/"), strings.HasPrefix(r, "apps/edge/"), strings.HasPrefix(r, "libs/"):
			if m.IsOffline(fi) {
				t.Errorf("%s is offline", r)
			}
		}
	}
	res := m.ScopeResult()
	if len(res.Groups) != len(want) {
		t.Errorf("ScopeResult has %d groups, want %d", len(res.Groups), len(want))
	}
	for fi, f := range m.AllFiles() {
		if res.OutOfScope[f.Path] == m.InScope(fi) {
			t.Errorf("ScopeResult.OutOfScope[%s] = %v, InScope %v", rel(m, f.Path), res.OutOfScope[f.Path], m.InScope(fi))
		}
	}
}
