package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNamer(t *testing.T) {
	t.Parallel()
	root := filepath.FromSlash("/repo")
	n := namer{root: root, alt: filepath.FromSlash("/elsewhere/app")}
	tests := []struct{ name, in, want string }{
		{"under root", "/repo/src/a.ts", "src/a.ts"},
		{"root file", "/repo/a.ts", "a.ts"},
		{"root prefix is not a parent", "/repository/a.ts", "repository/a.ts"},
		{"outside root, under first path", "/elsewhere/app/src/b.ts", "src/b.ts"},
		{"outside both", "/other/c.ts", "other/c.ts"},
		{"space and accent", "/repo/my app/é.ts", "my app/é.ts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := n.name(filepath.FromSlash(tc.in))
			if got != tc.want {
				t.Errorf("name(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if strings.Contains(got, "..") || strings.Contains(got, `\`) || strings.HasPrefix(got, "/") {
				t.Errorf("name(%q) = %q is not a clean relative path", tc.in, got)
			}
		})
	}
}

func TestProjectRoots(t *testing.T) {
	t.Parallel()
	dir, err := resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"repo/.git/HEAD":                   "ref: refs/heads/main\n",
		"repo/apps/api/package.json":       "{}",
		"repo/apps/api/src/a.ts":           "",
		"repo/apps/api/src/deep/b.ts":      "",
		"repo/apps/web/nest-cli.json":      "{}",
		"repo/apps/web/src/c.ts":           "",
		"repo/scripts/d.ts":                "",
		"loose/x/e.ts":                     "",
		"loose/f.ts":                       "",
		"repo/apps/api/tsconfig.json/g.ts": "", // a folder named tsconfig.json is no marker
		// a monorepo: the root package.json makes the whole repository one program
		"mono/.git/HEAD":               "ref: refs/heads/main\n",
		"mono/package.json":            `{"name": "acme", "workspaces": ["apps/*"]}`,
		"mono/apps/api/package.json":   "{}",
		"mono/apps/api/src/main.ts":    "",
		"mono/libs/core/src/index.ts":  "",
		"mono/vendor/sub/.git/HEAD":    "ref: refs/heads/main\n", // a nested repository stays apart
		"mono/vendor/sub/package.json": "{}",
		"mono/vendor/sub/src/x.ts":     "",
		// a root package.json without workspaces: sample apps stay apart
		"samples/.git/HEAD":                   "ref: refs/heads/main\n",
		"samples/package.json":                `{"name": "framework"}`,
		"samples/sample/01-cats/package.json": "{}",
		"samples/sample/01-cats/src/main.ts":  "",
		"samples/tools/build.ts":              "",
		// no git: the outermost workspace root wins over nearer markers
		"ws/pnpm-workspace.yaml":   "packages:\n  - apps/*\n",
		"ws/apps/api/package.json": "{}",
		"ws/apps/api/src/main.ts":  "",
	})
	p := newProjects([]string{filepath.Join(dir, "loose")})
	tests := []struct{ file, want string }{
		{"repo/apps/api/src/a.ts", "repo/apps/api"},
		{"repo/apps/api/src/deep/b.ts", "repo/apps/api"},
		{"repo/apps/web/src/c.ts", "repo/apps/web"},
		{"repo/scripts/d.ts", "repo"}, // no marker: the git top
		{"loose/x/e.ts", "loose"},     // no marker, no git: the requested folder
		{"repo/apps/api/tsconfig.json/g.ts", "repo/apps/api"},
		{"mono/apps/api/src/main.ts", "mono"},
		{"mono/libs/core/src/index.ts", "mono"},
		{"mono/vendor/sub/src/x.ts", "mono/vendor/sub"},
		{"ws/apps/api/src/main.ts", "ws"},
		{"samples/sample/01-cats/src/main.ts", "samples/sample/01-cats"},
		{"samples/tools/build.ts", "samples"},
	}
	for _, tc := range tests {
		got := p.rootOf(filepath.Join(dir, filepath.FromSlash(tc.file)))
		if want := filepath.Join(dir, filepath.FromSlash(tc.want)); got != want {
			t.Errorf("rootOf(%s) = %s, want %s", tc.file, got, want)
		}
	}
	// A file given alone, outside any marker, git or requested folder.
	if got := newProjects(nil).rootOf(filepath.Join(dir, "loose", "f.ts")); got != filepath.Join(dir, "loose") {
		t.Errorf("lone file: %s", got)
	}
}

func TestRepoRootDefault(t *testing.T) {
	base, err := resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, base, map[string]string{"repo/.git": "gitdir: /elsewhere\n", "repo/a/b.ts": ""})
	got, err := repoRoot("", filepath.Join(base, "repo", "a", "b.ts"))
	if err != nil || got != filepath.Join(base, "repo") {
		t.Errorf("repoRoot = %q, %v; want the folder with a .git file", got, err)
	}
	t.Chdir(base)
	got, err = repoRoot("", filepath.Join(base, "repo", "..", "x"))
	if err != nil || got != base {
		t.Errorf("repoRoot without git = %q, %v; want the current folder", got, err)
	}
	if _, err := repoRoot(filepath.Join(base, "repo", "a", "b.ts"), base); err == nil {
		t.Error("--repo-root naming a file is accepted")
	}
}

// TestMayHoldMarker: the listing that lets grouping skip the exact checks
// says yes for every name they look for, in any case, and no only for a
// folder that holds none.
func TestMayHoldMarker(t *testing.T) {
	t.Parallel()
	for name := range markerNames {
		for _, n := range []string{name, strings.ToUpper(name)} {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a.service.ts"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(filepath.Join(dir, n), 0o755); err != nil {
				t.Fatal(err)
			}
			if !mayHoldMarker(dir) {
				t.Errorf("%s: skipped", n)
			}
		}
	}
	dir := t.TempDir()
	for _, n := range []string{"a.service.ts", "package.json.bak", "tsconfig.build.json", "src"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if mayHoldMarker(dir) {
		t.Error("a folder without markers was not skipped")
	}
	if !mayHoldMarker(filepath.Join(dir, "missing")) {
		t.Error("a folder that cannot be listed skipped the exact checks")
	}
}
