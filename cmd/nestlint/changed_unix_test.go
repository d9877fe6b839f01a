//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestChangedSinceRunsNoRepoPrograms (issue 13 item 9): a repository whose
// .git/config names an fsmonitor hook, a clean filter, an external diff
// and a textconv program gets none of them run by --changed-since.
func TestChangedSinceRunsNoRepoPrograms(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	marks := t.TempDir()
	writeFile(t, filepath.Join(dir, "package.json"), "{}\n")
	writeFile(t, filepath.Join(dir, "a.ts"), helperTS)
	writeFile(t, filepath.Join(dir, "b.ts"), helperTS)
	writeFile(t, filepath.Join(dir, ".gitattributes"), "*.ts filter=evil diff=evil\n")
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "add", ".")
	gitRun(t, dir, "commit", "-q", "-m", "init")
	hook := func(name string) string {
		p := filepath.Join(marks, name+".sh")
		writeFile(t, p, "#!/bin/sh\ntouch "+filepath.Join(marks, name+".ran")+"\ncat\n")
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for key, name := range map[string]string{
		"core.fsmonitor":      "fsmonitor",
		"filter.evil.clean":   "clean",
		"filter.evil.process": "process",
		"diff.evil.textconv":  "textconv",
		"diff.evil.command":   "extdiff",
		"diff.external":       "external",
		"core.pager":          "pager",
	} {
		gitRun(t, dir, "config", key, hook(name))
	}
	gitRun(t, dir, "config", "filter.evil.required", "true")
	// Make b.ts dirty with the same size and a new time, so that git must
	// look at its content.
	writeFile(t, filepath.Join(dir, "b.ts"), strings.Replace(helperTS, "/etc/a.json", "/etc/z.json", 1))

	res := runSync(t, "--changed-since", "HEAD", dir)
	if strings.Contains(res.stdout, "a.ts") || strings.Count(res.stdout, "b.ts:") != 2 {
		t.Errorf("want the findings of b.ts only:\n%s", res)
	}
	ran, _ := filepath.Glob(filepath.Join(marks, "*.ran"))
	if len(ran) > 0 {
		t.Errorf("repository-configured programs ran: %v", ran)
	}
}
