package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/lint"
)

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResolverMerge(t *testing.T) {
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	write(t, dir, map[string]string{
		".git/HEAD": "",
		"nestlint.json": `{"rules": {"event-loop/sync-io": {"severity": "warning", "options": {"allow": ["fs.existsSync"]}}, "hidden-class/*": "off"},
			"ignore": ["**/generated/**"], "entryPoints": ["Job"], "offline": ["tools/**"], "scope": "all"}`,
		"apps/api/nestlint.json":           `{"rules": {"event-loop/sync-io": "error", "hidden-class/assign-this": "note"}, "ignore": ["src/legacy/**"], "entryPoints": ["@Job", "Cron"]}`,
		"apps/api/src/nestlint.json":       `{"scope": "server"}`,
		"apps/worker/nestlint.json":        `{"root": true, "ignore": ["dist/**"]}`,
		"apps/[x]/nestlint.json":           `{"ignore": ["a.ts"]}`,
		"apps/api/src/users/users.ts":      "",
		"apps/worker/src/generated/gen.ts": "",
	})
	r := config.NewResolver(rules.All(), nil)
	api := r.ForFile(filepath.Join(dir, "apps/api/src/users/users.ts"))
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if api == nil {
		t.Fatal("no configuration")
	}
	if got := strings.Join(api.SourceFiles(), ","); got != strings.Join([]string{
		filepath.Join(dir, "nestlint.json"), filepath.Join(dir, "apps/api/nestlint.json"), filepath.Join(dir, "apps/api/src/nestlint.json")}, ",") {
		t.Errorf("files: %s", got)
	}
	rc := api.Rules["event-loop/sync-io"]
	if rc.Severity == nil || *rc.Severity != lint.Error || string(rc.Options) != `{"allow": ["fs.existsSync"]}` {
		t.Errorf("sync-io: nearer severity, parent options kept: %+v", rc)
	}
	if !api.Off("hidden-class/delete") || api.Off("hidden-class/assign-this") {
		t.Errorf("the family is off except assign-this, turned on by the nearer file: %+v", api.Rules)
	}
	if api.Scope != "server" {
		t.Errorf("scope %q: the nearest file's", api.Scope)
	}
	if got := strings.Join(api.EntryPoints, ","); got != "Job,Cron" {
		t.Errorf("entryPoints %s", got)
	}
	for rel, want := range map[string]bool{
		"apps/api/src/legacy/a.ts":    true,
		"apps/api/src/generated/a.ts": true, // the parent's glob
		"apps/api/src/users/users.ts": false,
		"apps/worker/src/legacy/a.ts": false, // api's glob is api's only
	} {
		if got := api.Ignored(filepath.Join(dir, rel)); got != want {
			t.Errorf("api config: %s ignored %v, want %v", rel, got, want)
		}
	}
	worker := r.ForFile(filepath.Join(dir, "apps/worker/src/generated/gen.ts"))
	if worker == nil || len(worker.SourceFiles()) != 1 || len(worker.Rules) != 0 || worker.Scope != "" {
		t.Fatalf("root: true must stop the merge: %+v", worker)
	}
	if worker.Ignored(filepath.Join(dir, "apps/worker/src/generated/gen.ts")) || !worker.Ignored(filepath.Join(dir, "apps/worker/dist/main.ts")) {
		t.Error("worker ignores")
	}
	// A folder name with glob characters is matched literally.
	x := r.ForDir(filepath.Join(dir, "apps/[x]"))
	if !x.Ignored(filepath.Join(dir, "apps/[x]/a.ts")) || x.Ignored(filepath.Join(dir, "apps/x/a.ts")) {
		t.Errorf("escaped folder: %q", x.Ignore)
	}
	// Above the repository root nothing is read.
	write(t, filepath.Dir(dir), map[string]string{})
	if len(r.Loaded()) != 5 {
		t.Errorf("loaded %d files", len(r.Loaded()))
	}
	// The same folder gives the same configuration (cached).
	if r.ForDir(filepath.Join(dir, "apps/api/src/users")) != api {
		t.Error("not cached")
	}
	if c := config.NewResolver(rules.All(), nil).ForDir(t.TempDir()); c != nil {
		t.Errorf("a folder without configuration: %+v", c)
	}
}

func TestResolverErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		".git/HEAD":           "",
		"nestlint.json":       "{\"root\": 1,\n\"ignore\": [\"a/[b\", \"/abs\"]}",
		"a/nestlint.json":     "{\"rules\": {\"event-loop/x\": \"off\", \"nope/*\": \"off\"}}",
		"a/b/c/nestlint.json": "{}",
	})
	r := config.NewResolver(rules.All(), func(abs string) string {
		rel, _ := filepath.Rel(dir, abs)
		return filepath.ToSlash(rel)
	})
	if c := r.ForDir(filepath.Join(dir, "a/b/c")); c == nil {
		t.Error("a valid file under invalid ones still applies")
	}
	err := r.Err()
	var list config.Errors
	if !errors.As(err, &list) || len(list) != 5 {
		t.Fatalf("want 5 errors, got %v", err)
	}
	var first *config.Error
	if !errors.As(err, &first) || first.File != "a/nestlint.json" {
		t.Errorf("first error %+v", first)
	}
	lines := config.ErrorLines(err)
	for i, want := range []string{
		`a/nestlint.json:1: unknown rule "event-loop/x"`,
		`a/nestlint.json:1: unknown rule family "nope/*"`,
		`nestlint.json:1: root must be true or false, not a number`,
		`nestlint.json:2: ignore[0]: invalid glob pattern "a/[b"`,
		`nestlint.json:2: ignore[1]: invalid glob pattern "/abs"`,
	} {
		if !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d: %q, want %q", i, lines[i], want)
		}
	}
}
