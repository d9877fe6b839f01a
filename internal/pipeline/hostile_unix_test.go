//go:build unix

package pipeline

import (
	"path/filepath"
	"testing"
)

// TestMayWalk (issue 13 item 4): the project walk never starts outside
// the requested folders and the repository root.
func TestMayWalk(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	loose := filepath.Join(base, "loose")
	gitDir(t, repo)
	writeFiles(t, repo, map[string]string{"apps/api/a.ts": "", "package.json": "{}"})
	writeFiles(t, loose, map[string]string{"b.ts": "", "pkg/package.json": "{}", "pkg/c.ts": ""})
	for _, tc := range []struct {
		req  []string
		root string
		want bool
	}{
		{[]string{filepath.Join(repo, "apps", "api", "a.ts")}, repo, true},
		{[]string{filepath.Join(repo, "apps", "api")}, filepath.Join(repo, "apps"), true},
		{[]string{filepath.Join(loose, "b.ts")}, loose, false}, // a file's own folder, no repository
		{[]string{loose}, loose, true},
		{[]string{filepath.Join(loose, "pkg", "c.ts")}, filepath.Join(loose, "pkg"), true}, // a project marker
		{[]string{filepath.Join(repo, "apps", "api", "a.ts")}, "/etc", false},
		{[]string{filepath.Join(repo, "apps", "api", "a.ts")}, "/", false},
	} {
		c := &collector{req: tc.req}
		if got := c.mayWalk(tc.root); got != tc.want {
			t.Errorf("req %v, root %s: mayWalk %v, want %v", tc.req, tc.root, got, tc.want)
		}
	}
}
