//go:build unix

package main

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuperviseExit (issue 13 item 16): the parent maps how the worker
// ended: its own codes pass through (its usage code back to 2), a Go
// fatal error's status 2 and a death by signal become 3.
func TestSuperviseExit(t *testing.T) {
	for _, tc := range []struct {
		script string
		want   int
		msg    string
	}{
		{"exit 0", exitOK, ""},
		{"exit 1", exitFindings, ""},
		{"exit 64", exitUsage, ""},
		{"exit 3", exitInternal, ""},
		{"exit 130", exitInterrupted, ""},
		{"exit 2", exitInternal, "crashed (exit status 2"},
		{"kill -9 $$", exitInternal, "was killed: killed (out of memory?)"},
		{"kill -ABRT $$", exitInternal, "was killed: aborted"},
		{"kill -SEGV $$", exitInternal, "was killed: segmentation fault"},
		{"kill -TERM $$", 128 + 15, "nestlint: terminated"},
	} {
		var errb bytes.Buffer
		got := superviseExit(exec.Command("sh", "-c", tc.script).Run(), &errb, nil)
		if got != tc.want || !strings.Contains(errb.String(), tc.msg) || tc.msg == "" && errb.Len() > 0 {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.script, got, errb.String(), tc.want, tc.msg)
		}
		if tc.want == exitInternal && tc.msg != "" && !strings.Contains(errb.String(), "internal error") {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.script, got, errb.String(), tc.want, tc.msg)
		}
	}
}

// TestBinaryFatalErrorExitsThree (issue 13 item 16): the built binary
// whose analysis runs out of memory (a Go fatal error, status 2) exits 3,
// not 2; usage errors still exit 2.
func TestBinaryFatalErrorExitsThree(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	var b strings.Builder
	for b.Len() < 1500<<10 {
		b.WriteString(controllerTS)
	}
	writeFiles(t, dir, map[string]string{"a.ts": b.String(), "b.ts": b.String(), "c.ts": b.String(), "package.json": "{}\n"})

	run := func(shell string) (int, string) {
		cmd := exec.Command("sh", "-c", shell)
		var errb strings.Builder
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), errb.String()
		}
		return 0, errb.String()
	}
	if code, stderr := run(bin + " --no-such-flag"); code != exitUsage {
		t.Errorf("usage error: exit %d:\n%s", code, stderr)
	}
	if code, stderr := run(bin + " " + filepath.Join(dir, "missing")); code != exitUsage {
		t.Errorf("missing path: exit %d:\n%s", code, stderr)
	}
	// The worker's address space capped at 1 GB (the parent is not):
	// not enough for the analysis of three files of 1.5 MB at once.
	code, stderr := run(maxMemoryEnv + "=1000 exec " + bin + " -j 3 " + dir + " >/dev/null")
	switch {
	case code == exitOK || code == exitFindings:
		t.Skip("the analysis fit in the address-space limit")
	case code != exitInternal || !strings.Contains(stderr, "nestlint: internal error: the analysis process"):
		t.Errorf("out of memory: exit %d, want 3:\n%.2000s", code, stderr)
	case !strings.Contains(stderr, "; while analysing "):
		t.Logf("no file named (the worker died before parsing):\n%s", stderr[max(0, len(stderr)-500):])
	}
}

func TestWhileAnalysing(t *testing.T) {
	var errb bytes.Buffer
	superviseExit(exec.Command("sh", "-c", "exit 2").Run(), &errb, []string{"/r/a.ts", "/r/b\x1b.ts", "c", "d", "e", "f", "g"})
	if want := "; while analysing /r/a.ts, /r/b\\x1b.ts, c, d, e and 2 more\n"; !strings.HasSuffix(errb.String(), want) {
		t.Errorf("stderr %q, want suffix %q", errb.String(), want)
	}
}
