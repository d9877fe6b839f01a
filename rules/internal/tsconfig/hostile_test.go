package tsconfig

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestExtendsGraphIsLinear (issue 13 item 8): files whose extends arrays
// repeat a base are merged once each; 40 levels took forever before.
func TestExtendsGraphIsLinear(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"c0.json": `{"compilerOptions": {"target": "es2022"}}`}
	const depth = 40
	for i := 1; i <= depth; i++ {
		files[fmt.Sprintf("c%d.json", i)] = fmt.Sprintf(`{"extends": ["./c%d.json", "./c%d.json", "./c%d.json"]}`, i-1, i-1, i-1)
	}
	files["tsconfig.json"] = fmt.Sprintf(`{"extends": "./c%d.json"}`, depth)
	writeTree(t, root, files)
	done := make(chan struct{})
	var cfg *Config
	var err error
	go func() {
		defer close(done)
		cfg, err = NewLoader(root).ForFile(j(root, "a.ts"))
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("extends graph not memoized")
	}
	if err != nil || cfg.Target != "ES2022" || len(cfg.Chain) != depth+2 {
		t.Fatalf("cfg %+v, err %v", cfg, err)
	}
}

// TestExtendsChainCap (issue 13 item 8): a chain over MaxExtendsDepth is
// an error and a notice.
func TestExtendsChainCap(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"c0.json": `{}`}
	for i := 1; i <= MaxExtendsDepth+5; i++ {
		files[fmt.Sprintf("c%d.json", i)] = fmt.Sprintf(`{"extends": "./c%d.json"}`, i-1)
	}
	files["tsconfig.json"] = fmt.Sprintf(`{"extends": "./c%d.json"}`, MaxExtendsDepth+5)
	writeTree(t, root, files)
	l := NewLoader(root)
	var got []string
	l.Notify = func(file, msg string) { got = append(got, file+": "+msg) }
	_, err := l.ForFile(j(root, "a.ts"))
	var ce *chainError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a chain error", err)
	}
	if len(got) != 1 || !strings.Contains(got[0], "extends chain longer than 64 files") {
		t.Errorf("notices %q", got)
	}
	// A chain at the cap is fine.
	root2 := t.TempDir()
	files = map[string]string{"c0.json": `{"compilerOptions": {"target": "es2020"}}`}
	for i := 1; i < MaxExtendsDepth-1; i++ {
		files[fmt.Sprintf("c%d.json", i)] = fmt.Sprintf(`{"extends": "./c%d.json"}`, i-1)
	}
	files["tsconfig.json"] = fmt.Sprintf(`{"extends": "./c%d.json"}`, MaxExtendsDepth-2)
	writeTree(t, root2, files)
	if cfg, err := NewLoader(root2).ForFile(j(root2, "a.ts")); err != nil || cfg.Target != "ES2020" {
		t.Errorf("chain of %d: %+v, %v", MaxExtendsDepth, cfg, err)
	}
}

// TestTsconfigProblemsNotified (issue 13 items 7 and 8): malformed,
// deeply nested and unreadable tsconfigs are notices naming the file;
// extends out of the repository (not into node_modules) is a notice and
// the file is not read.
func TestTsconfigProblemsNotified(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"base.json": `{"compilerOptions": {"target": "es2022"}}`})
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		".git/HEAD":                              "ref: refs/heads/main\n",
		"bad/tsconfig.json":                      "{\n  \"compilerOptions\": {\n    \"target\": es2022\n  }\n}\n",
		"deep/tsconfig.json":                     "{\"a\": " + strings.Repeat("[", 2<<20) + "\n",
		"out/tsconfig.json":                      `{"extends": "` + j(outside, "base.json") + `", "compilerOptions": {"useDefineForClassFields": false}}`,
		"nm/tsconfig.json":                       `{"extends": "@tsconfig/x/tsconfig.json"}`,
		"node_modules/@tsconfig/x/tsconfig.json": `{"compilerOptions": {"target": "es2021"}}`,
	})
	if err := os.Symlink("/dev/zero", j(root, "zero", "tsconfig.json")); err != nil {
		os.MkdirAll(j(root, "zero"), 0o755)
		if err := os.Symlink("/dev/zero", j(root, "zero", "tsconfig.json")); err != nil {
			t.Skip(err)
		}
	}
	l := NewLoader(root)
	got := map[string]string{}
	l.Notify = func(file, msg string) { got[file] = msg }
	for _, d := range []string{"bad", "deep", "out", "nm"} {
		l.ForFile(j(root, d, "a.ts"))
	}
	for file, want := range map[string]string{
		j(root, "bad", "tsconfig.json"):  "malformed tsconfig (line 3",
		j(root, "deep", "tsconfig.json"): "nested deeper than 1000 levels",
		j(root, "out", "tsconfig.json"):  "resolves outside the repository: not read",
	} {
		if !strings.Contains(got[file], want) {
			t.Errorf("%s: notice %q, want %q", file, got[file], want)
		}
	}
	if msg, ok := got[j(root, "nm", "tsconfig.json")]; ok {
		t.Errorf("extends into node_modules noticed: %q", msg)
	}
	if cfg, _ := l.ForFile(j(root, "out", "a.ts")); cfg == nil || cfg.Target != "" {
		t.Errorf("the outside base was read: %+v", cfg)
	}
	if cfg, _ := l.ForFile(j(root, "nm", "a.ts")); cfg == nil || cfg.Target != "ES2021" {
		t.Errorf("node_modules base not read: %+v", cfg)
	}
	if _, err := l.ForFile(j(root, "zero", "a.ts")); err != nil {
		// findUp skips non-regular files: no tsconfig at all.
		t.Errorf("/dev/zero tsconfig: %v", err)
	}
}

// TestSearchStopsAtRepository (issue 13 item 4): the search for the
// governing tsconfig.json never reads above the repository root.
func TestSearchStopsAtRepository(t *testing.T) {
	above := t.TempDir()
	writeTree(t, above, map[string]string{
		"tsconfig.json":  `{"compilerOptions": {"target": "es2022"}}`,
		"repo/.git/HEAD": "ref: refs/heads/main\n",
		"repo/src/a.ts":  "",
		"loose/src/b.ts": "",
	})
	cfg, err := NewLoader("").ForFile(j(above, "repo", "src", "a.ts"))
	if err != nil || cfg != nil {
		t.Errorf("inside a repository: found %+v, %v; want none", cfg, err)
	}
	// Outside any repository the search goes up as before.
	if cfg, err := NewLoader("").ForFile(j(above, "loose", "src", "b.ts")); err != nil || cfg == nil || cfg.Target != "ES2022" {
		t.Errorf("outside a repository: %+v, %v", cfg, err)
	}
}

// TestSpecialTsconfigNotified (issue 13 item 6): a tsconfig.json that is
// a link to /dev/zero is not read, and a notice says so.
func TestSpecialTsconfigNotified(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"src/a.ts": ""})
	if err := os.Symlink("/dev/zero", j(root, "tsconfig.json")); err != nil {
		t.Skip(err)
	}
	l := NewLoader(root)
	var got []string
	l.Notify = func(file, msg string) { got = append(got, file+": "+msg) }
	if cfg, err := l.ForFile(j(root, "src", "a.ts")); cfg != nil || err != nil {
		t.Errorf("cfg %+v, err %v", cfg, err)
	}
	if len(got) != 1 || !strings.Contains(got[0], "tsconfig.json: not a regular file: ignored") {
		t.Errorf("notices %q", got)
	}
}
