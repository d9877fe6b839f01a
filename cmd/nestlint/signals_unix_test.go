//go:build unix

package main

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBinaryInterrupt (issue 13 item 15): SIGINT to the built binary's
// process group (Ctrl-C) in the middle of a run exits 130 promptly.
func TestBinaryInterrupt(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	files := map[string]string{"package.json": "{}\n"}
	for i := 0; i < 1500; i++ {
		files[fmt.Sprintf("src/m%d/cats%d.controller.ts", i%30, i)] = strings.ReplaceAll(requestOnlyTS, "CatsController", fmt.Sprintf("Cats%dController", i))
	}
	writeFiles(t, dir, files)
	cmd := exec.Command(bin, "-j", "1", "--no-cache", dir) // a warm cache would end the run before the signal
	var errb strings.Builder
	cmd.Stderr = &errb
	// Its own process group, signalled as a whole, as Ctrl-C in a terminal
	// does: the worker gets SIGINT at once (a signal to the supervisor
	// alone is forwarded only after a moment, in which a short run ends).
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(120 * time.Millisecond) // the supervisor's handlers are set within milliseconds
	syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	start := time.Now()
	err := cmd.Wait()
	var ee *exec.ExitError
	code := 0
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	}
	if code == exitOK || code == exitFindings {
		t.Skipf("the run finished before the signal (%v)", time.Since(start))
	}
	if code != exitInterrupted || time.Since(start) > 5*time.Second {
		t.Errorf("exit %d after %v, want 130 at once:\n%s", code, time.Since(start), errb.String())
	}
}
