package adoption_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

// inCI reports whether missing tools must fail instead of skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// need returns the path of tool, or skips the test (fails it under CI=true).
func need(t *testing.T, tool, hint string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err == nil {
		return p
	}
	if inCI() {
		t.Fatalf("%s is required under CI=true but not on PATH (%s)", tool, hint)
	}
	t.Skipf("skipping: %s is not on PATH (%s); under CI=true this fails", tool, hint)
	return ""
}

// repoRoot is the nestlint module root (the folder holding go.mod).
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			bytes.Contains(b, []byte("module github.com/nestlint/nestlint\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("cannot find the nestlint module root above the test folder")
		}
		dir = parent
	}
}

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
	buildOut  []byte
)

// The version and commit stamped into the shared binary, as a release
// build stamps them.
const (
	stampTag    = "v0.0.0-test.1"
	stampCommit = "feedface"
)

// nestlintBin builds ./cmd/nestlint once per test process with the
// release's flags (.github/workflows/release.yml: -trimpath, -s -w, stamped
// with stampTag and stampCommit), and returns the folder holding the binary
// (for PATH) and the binary itself. Without symbol table and DWARF the
// link is faster and the binary a third smaller, which every test that
// archives, packs, checksums or installs it pays for.
func nestlintBin(t *testing.T) (dir, bin string) {
	t.Helper()
	root := repoRoot(t)
	gobin := need(t, "go", "the Go toolchain")
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "nestlint-adoption-")
		if buildErr != nil {
			return
		}
		cmd := exec.Command(gobin, "build", "-trimpath", "-o", filepath.Join(buildDir, "nestlint"),
			"-ldflags", "-s -w -X main.version="+stampTag+" -X main.commit="+stampCommit, "./cmd/nestlint")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
		buildOut, buildErr = cmd.CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("go build ./cmd/nestlint: %v\n%s", buildErr, buildOut)
	}
	return buildDir, filepath.Join(buildDir, "nestlint")
}

var (
	distOnce sync.Once
	distPath string
	distErr  error
	distOut  []byte
)

// distBin builds ./internal/dist once per test process (instead of a go
// run per call) and returns the binary.
func distBin(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	gobin := need(t, "go", "the Go toolchain")
	dir, _ := nestlintBin(t) // the folder TestMain removes
	distOnce.Do(func() {
		distPath = filepath.Join(dir, "dist")
		cmd := exec.Command(gobin, "build", "-o", distPath, "./internal/dist")
		cmd.Dir = root
		distOut, distErr = cmd.CombinedOutput()
	})
	if distErr != nil {
		t.Fatalf("go build ./internal/dist: %v\n%s", distErr, distOut)
	}
	return distPath
}

// cleanups run after all tests (shared servers and folders).
var cleanups []func()

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range cleanups {
		f()
	}
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	testmain.Exit(code)
}

// result of one command.
type result struct {
	code   int
	stdout string
	stderr string
	took   time.Duration
}

// run runs name with args in dir with extra env, failing the test when the
// command cannot be started or runs past timeout.
func run(t *testing.T, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), took: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("%s %s: timed out after %v\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), timeout, r.stdout, r.stderr)
	}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
		r.code = ee.ExitCode()
	}
	return r
}

// copyTree copies the regular files under src to dst (symlinks are skipped).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s to %s: %v", src, dst, err)
	}
}
