//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestUnreadableFile checks that a file nestlint may not read becomes a
// notice while the rest is linted. chmod 000 does not stop root, so as
// root the built binary runs as user nobody instead.
func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS, "secret.ts": requestOnlyTS})
	secret := filepath.Join(dir, "secret.ts")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(secret, 0o644) })

	var r result
	if os.Geteuid() != 0 {
		r = runSync(t, dir)
	} else {
		bin := buildBinary(t)
		// nobody must be able to reach the binary and the fixture.
		for _, p := range []string{filepath.Dir(bin), bin, dir, filepath.Dir(dir)} {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, dir)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Dir = dir
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &ee):
			r.code = ee.ExitCode()
		default:
			t.Skipf("cannot run the binary as nobody: %v", err)
		}
		r.stdout, r.stderr = out.String(), errb.String()
	}
	// The binary runs every rule: count only event-loop/sync-io's lines.
	if r.code != exitFindings || strings.Count(r.stdout, "[event-loop/sync-io]") != 1 || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("want the readable file's finding only:\n%s", r)
	}
	if !strings.Contains(r.stderr, "secret.ts: warning: cannot read file: permission denied") {
		t.Errorf("no notice for the unreadable file:\n%s", r)
	}
}
