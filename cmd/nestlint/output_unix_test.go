//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOutputToFIFO (issue 13 item 12): -o on a FIFO writes through it;
// the FIFO is not replaced by a regular file.
func TestOutputToFIFO(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS})
	fifo := filepath.Join(t.TempDir(), "out.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until nestlint opens it to write
		if err != nil {
			got <- err.Error()
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- string(data)
	}()
	r := within(t, 30*time.Second, func() result { return runSync(t, "-o", fifo, dir) })
	if r.code != exitFindings {
		t.Fatalf("-o FIFO: %s", r)
	}
	select {
	case out := <-got:
		if !strings.Contains(out, requestFinding) {
			t.Errorf("FIFO reader got %q", out)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing written to the FIFO")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("FIFO replaced: %v, %v", info.Mode(), err)
	}
}

// TestOutputToStdoutPath (issue 13 item 12): -o /dev/stdout is the
// process's stdout, not a file replaced next to it.
func TestOutputToStdoutPath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS})
	r := runSync(t, "-o", "/dev/stdout", dir)
	if r.code != exitFindings || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("-o /dev/stdout: %s", r)
	}
}

// TestOutputSymlink (issue 13 item 12): a symlinked output is written at
// its target when that lies inside the repository (the link stays), and
// refused before any work otherwise.
func TestOutputSymlink(t *testing.T) {
	repo := t.TempDir()
	gitDir(t, repo)
	writeFiles(t, repo, map[string]string{"src/cats.controller.ts": requestOnlyTS, "reports/real.txt": "old\n"})
	link := filepath.Join(repo, "out.txt")
	if err := os.Symlink(filepath.Join("reports", "real.txt"), link); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(repo, "reports", "real.txt"), 0o600)
	r := runSync(t, "-o", link, repo)
	if r.code != exitFindings {
		t.Fatalf("%s", r)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced by a file: %v", err)
	}
	data, _ := os.ReadFile(filepath.Join(repo, "reports", "real.txt"))
	if !strings.Contains(string(data), requestFinding) {
		t.Errorf("target not written: %q", data)
	}
	if info, _ := os.Stat(filepath.Join(repo, "reports", "real.txt")); info.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want 0600 kept", info.Mode().Perm())
	}

	outside := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(outside, []byte("keep me\n"), 0o644)
	evil := filepath.Join(repo, "evil.txt")
	os.Symlink(outside, evil)
	for _, flag := range []string{"-o", "--write-baseline"} {
		r = runSync(t, flag, evil, repo)
		if r.code != exitUsage || !strings.Contains(r.stderr, "a symlink to a file outside the repository: refused") {
			t.Errorf("%s link out of the repository: %s", flag, r)
		}
	}
	if data, _ := os.ReadFile(outside); string(data) != "keep me\n" {
		t.Errorf("file outside the repository overwritten: %q", data)
	}

	// Through a symlinked folder: reports -> a folder outside.
	outDir := t.TempDir()
	if err := os.Symlink(outDir, filepath.Join(repo, "linked")); err != nil {
		t.Fatal(err)
	}
	r = runSync(t, "-o", filepath.Join(repo, "linked", "out.txt"), repo)
	if r.code != exitUsage || !strings.Contains(r.stderr, "a path through a symlink to a folder outside the repository: refused") {
		t.Errorf("-o through a symlinked folder: %s", r)
	}
	assertOnly(t, outDir)
}

// TestOutputStaleTemps (issue 13 item 12): temporary files of killed runs
// (named after their process id) are removed by the next run; those of
// live processes stay.
func TestOutputStaleTemps(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS})
	outDir := t.TempDir()
	out := filepath.Join(outDir, "report.txt")
	stale := filepath.Join(outDir, ".report.txt.nestlint-999999-123.tmp") // no such pid (pid_max is lower)
	live := filepath.Join(outDir, ".report.txt.nestlint-1-456.tmp")       // init
	os.WriteFile(stale, []byte("half"), 0o644)
	os.WriteFile(live, []byte("half"), 0o644)
	if r := runSync(t, "-o", out, dir); r.code != exitFindings {
		t.Fatalf("%s", r)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file not removed")
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("a live process's temporary file was removed")
	}
}

// TestOutputCheckedBeforeWork (issue 13 item 12): an output that cannot
// be written fails the run before anything is done: --fix has not
// touched the sources.
func TestOutputCheckedBeforeWork(t *testing.T) {
	dir, mainTS := fixProject(t)
	for _, flag := range []string{"-o", "--write-baseline"} {
		r := runCLI(t, "--fix", flag, "/proc/version", dir)
		if r.code != exitUsage || !strings.Contains(r.stderr, "/proc/version") {
			t.Errorf("%s unwritable: %s", flag, r)
		}
		if got, _ := os.ReadFile(mainTS); string(got) != mainNoHooksTS {
			t.Errorf("%s unwritable: the sources were fixed before the output failed", flag)
		}
	}
}
