package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestChangedSince(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "package.json"), "{}\n")
	writeFile(t, filepath.Join(dir, "a.ts"), helperTS)
	writeFile(t, filepath.Join(dir, "b.ts"), helperTS)
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "add", ".")
	gitRun(t, dir, "commit", "-q", "-m", "init")

	if res := runSync(t, "--changed-since", "HEAD", dir); res.code != exitOK || res.stdout != "" {
		t.Errorf("nothing changed, yet:\n%s", res)
	}
	writeFile(t, filepath.Join(dir, "b.ts"), "// edited\n"+helperTS)
	writeFile(t, filepath.Join(dir, "c.ts"), helperTS) // untracked
	res := runSync(t, "--changed-since", "HEAD", dir)
	if strings.Contains(res.stdout, "a.ts") || strings.Count(res.stdout, "b.ts:") != 2 || strings.Count(res.stdout, "c.ts:") != 2 {
		t.Errorf("want the findings of b.ts and c.ts only:\n%s", res)
	}
	// A file named on the command line is reported too.
	res = runSync(t, "--changed-since", "HEAD", filepath.Join(dir, "a.ts"))
	if strings.Count(res.stdout, "a.ts:") != 2 {
		t.Errorf("named file not reported:\n%s", res)
	}
	res = runSync(t, "--changed-since", "no-such-rev", dir)
	if res.code != exitUsage || !strings.Contains(res.stderr, "--changed-since no-such-rev: git diff") {
		t.Errorf("bad revision:\n%s", res)
	}
	if strings.Contains(res.stderr, "shallow") {
		t.Errorf("a full clone is not shallow:\n%s", res)
	}
	outside := t.TempDir()
	writeFile(t, filepath.Join(outside, "a.ts"), helperTS)
	if res := runSync(t, "--changed-since", "HEAD", outside); res.code != exitUsage {
		t.Errorf("outside a repository:\n%s", res)
	}
}

// TestChangedSinceShallow: in a shallow clone a revision that was not
// fetched exits 2 with advice to fetch the history (fetch-depth: 0), while
// a revision that is there still works.
func TestChangedSinceShallow(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "package.json"), "{}\n")
	writeFile(t, filepath.Join(src, "a.ts"), helperTS)
	gitRun(t, src, "init", "-q")
	gitRun(t, src, "add", ".")
	gitRun(t, src, "commit", "-q", "-m", "one")
	writeFile(t, filepath.Join(src, "b.ts"), helperTS)
	gitRun(t, src, "add", ".")
	gitRun(t, src, "commit", "-q", "-m", "two")

	dir := filepath.Join(t.TempDir(), "shallow")
	gitRun(t, src, "clone", "-q", "--depth", "1", "file://"+filepath.ToSlash(src), dir)

	res := runSync(t, "--changed-since", "HEAD~1", dir)
	if res.code != exitUsage {
		t.Fatalf("HEAD~1 in a shallow clone: exit %d, want %d\n%s", res.code, exitUsage, res)
	}
	for _, want := range []string{"--changed-since HEAD~1: git diff", "shallow clone", "fetch-depth: 0", "git fetch --unshallow"} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, res.stderr)
		}
	}
	if res := runSync(t, "--changed-since", "HEAD", dir); res.code != exitOK || res.stdout != "" {
		t.Errorf("HEAD is in the shallow clone and nothing changed, yet:\n%s", res)
	}
}
