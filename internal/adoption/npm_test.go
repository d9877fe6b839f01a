package adoption_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

// hostNPMPlatform is the npm platform name of this machine (process.platform
// and process.arch), or "" when no prebuilt package exists for it.
func hostNPMPlatform() string {
	osName := map[string]string{"linux": "linux", "darwin": "darwin", "windows": "win32"}[runtime.GOOS]
	cpu := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	if osName == "" || cpu == "" || osName == "win32" && cpu == "arm64" {
		return ""
	}
	return osName + "-" + cpu
}

// launcherTree lays out node_modules with the launcher from npm/nestlint and
// a platform package for this machine whose "binary" is the given shell
// script, and returns the launcher's path.
func launcherTree(t *testing.T, script string) (launcher, dir string) {
	t.Helper()
	root := repoRoot(t)
	plat := hostNPMPlatform()
	if plat == "" || runtime.GOOS == "windows" {
		t.Skipf("launcher tests need a unix platform with a prebuilt package, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	dir = t.TempDir()
	nm := filepath.Join(dir, "node_modules")
	copyTree(t, filepath.Join(root, "npm", "nestlint"), filepath.Join(nm, "nestlint"))
	pkgDir := filepath.Join(nm, "@nestlint", "cli-"+plat)
	if err := os.MkdirAll(filepath.Join(pkgDir, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkgDir, "package.json"), []byte(`{"name": "@nestlint/cli-`+plat+`", "version": "0.0.0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkgDir, "bin", "nestlint"), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(nm, "nestlint", "bin", "nestlint.js"), dir
}

// TestNpmLauncher checks that bin/nestlint.js passes arguments, stdin,
// stdout, stderr, exit codes and signals through, and names the platform
// and the go install fallback when no binary fits.
func TestNpmLauncher(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "node runs the launcher")
	node := need(t, "node", "apt-get install nodejs")
	script := `case "$1" in
  args) shift; for a in "$@"; do printf '<%s>\n' "$a"; done ;;
  cat) cat; echo "to stderr" >&2 ;;
  exit) exit "$2" ;;
  selfkill) kill -TERM $$ ;;
  trap) trap 'echo got-term > "$2"; exit 42' TERM; echo ready > "$2.ready"; while :; do sleep 0.05; done ;;
esac
`
	launcher, dir := launcherTree(t, script)

	r := run(t, time.Minute, dir, nil, node, launcher, "args", "a b", "", "--format=sarif", `x"y`)
	if want := "<a b>\n<>\n<--format=sarif>\n<x\"y>\n"; r.code != 0 || r.stdout != want {
		t.Errorf("args: exit %d, stdout %q, want %q\n%s", r.code, r.stdout, want, r.stderr)
	}

	cmd := exec.Command(node, launcher, "cat")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader("from stdin\n")
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || out.String() != "from stdin\n" || errb.String() != "to stderr\n" {
		t.Errorf("stdio: %v, stdout %q, stderr %q", err, out.String(), errb.String())
	}

	for _, code := range []string{"0", "1", "2", "7"} {
		r := run(t, time.Minute, dir, nil, node, launcher, "exit", code)
		if r.stderr != "" || strconv.Itoa(r.code) != code {
			t.Errorf("exit %s: launcher exited %d, stderr %q", code, r.code, r.stderr)
		}
	}

	// The binary dies by a signal: so does the launcher.
	cmd = exec.Command(node, launcher, "selfkill")
	cmd.Dir = dir
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || !signaled(ee, syscall.SIGTERM) {
		t.Errorf("binary killed by SIGTERM: launcher ended with %v, want killed by SIGTERM", err)
	}

	// A signal sent to the launcher reaches the binary.
	marker := filepath.Join(t.TempDir(), "marker")
	cmd = exec.Command(node, launcher, "trap", marker)
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(marker + ".ready"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the trap script did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 42 {
		t.Errorf("SIGTERM to the launcher: %v, want exit 42 from the binary's trap", err)
	}
	if b, _ := os.ReadFile(marker); string(b) != "got-term\n" {
		t.Errorf("the binary did not get SIGTERM (marker %q)", b)
	}

	// A platform without a prebuilt package: preload a script that fakes
	// process.platform.
	fake := filepath.Join(t.TempDir(), "fake-platform.js")
	if err := os.WriteFile(fake, []byte(`Object.defineProperty(process, 'platform', { value: 'aix' });`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, time.Minute, dir, nil, node, "-r", fake, launcher, "args", "x")
	want := []string{"no prebuilt binary for aix-", "linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64", "go install github.com/nestlint/nestlint/cmd/nestlint@latest", "C compiler"}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("unsupported platform: stderr does not contain %q:\n%s", w, r.stderr)
		}
	}
	if r.code != 3 || r.stdout != "" {
		t.Errorf("unsupported platform: exit %d (want 3), stdout %q", r.code, r.stdout)
	}
}

func signaled(ee *exec.ExitError, sig syscall.Signal) bool {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == sig
}
