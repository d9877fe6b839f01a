package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
)

// result is the outcome of one in-process run.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs nestlint in-process with the registered rules.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return result{code, out.String(), errb.String()}
}

// runRules runs nestlint in-process with the given rules.
func runRules(t *testing.T, rs []*lint.Rule, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runWith(context.Background(), args, rs, &out, &errb)
	return result{code, out.String(), errb.String()}
}

// runSync runs nestlint in-process with event-loop/sync-io alone, so that
// the fixtures' expected findings do not change as rules are added.
func runSync(t *testing.T, args ...string) result {
	t.Helper()
	return runRules(t, []*lint.Rule{syncio.Rule}, args...)
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\n--- stdout\n" + r.stdout + "--- stderr\n" + r.stderr
}

// controllerTS is a controller whose handler calls fs.readFileSync on the
// request path (an error of event-loop/sync-io at line 8, column 12) and a
// helper nothing calls (a warning at line 14, column 12).
const controllerTS = `import { Controller, Get } from '@nestjs/common';
import * as fs from 'fs';

@Controller('cats')
export class CatsController {
  @Get()
  findAll() {
    return fs.readFileSync('/etc/cats.json', 'utf8');
  }
}

export class Helper {
  load() {
    return fs.readFileSync('/etc/helper.json', 'utf8');
  }
}
`

// requestOnlyTS has only the request-path finding (an error).
const requestOnlyTS = `import { Controller, Get } from '@nestjs/common';
import * as fs from 'fs';

@Controller('cats')
export class CatsController {
  @Get()
  findAll() {
    return fs.readFileSync('/etc/cats.json', 'utf8');
  }
}
`

// writeFiles creates files (name -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// moduleRoot is the folder of go.mod, two levels up from this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	return root
}

// copyDir copies the regular files and folders of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// testVersion is stamped into the test binary with -ldflags -X.
const testVersion = "9.9.9-test"

// testCommit is stamped into the test binary with -ldflags -X.
const testCommit = "0123456789abcdef0123456789abcdef01234567"

// buildBinary builds cmd/nestlint once per test run and returns its path.
// The folder is removed by TestMain.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "nestlint-bin-")
		if binErr != nil {
			return
		}
		name := "nestlint"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		binPath = filepath.Join(binDir, name)
		// -s -w as the release builds it: no symbol table or DWARF, which
		// no test needs, and a cheaper link.
		cmd := exec.Command("go", "build", "-o", binPath, "-ldflags", "-s -w -X main.version="+testVersion+" -X main.commit="+testCommit, ".")
		cmd.Env = goEnv()
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = &buildError{err: err, out: string(out)}
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// userCacheHome is XDG_CACHE_HOME as the test process found it (set
// reports whether it was set), before TestMain points it at a folder of
// its own.
var userCacheHome struct {
	value string
	set   bool
}

// goEnv is the environment for the go command: the test process's, with
// the user's XDG_CACHE_HOME back, so that go uses the user's build cache
// (GOCACHE defaults to $XDG_CACHE_HOME/go-build) instead of compiling
// everything, cgo grammars included, into an empty one.
func goEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "XDG_CACHE_HOME=") {
			env = append(env, kv)
		}
	}
	if userCacheHome.set {
		env = append(env, "XDG_CACHE_HOME="+userCacheHome.value)
	}
	return env
}

func TestMain(m *testing.M) {
	// Pin the version in the in-process runs so that the goldens do not
	// change with the module's version or build info.
	version = devVersion
	// The facts cache of every run (in-process and the built binary) goes
	// to a folder of this test process, never the user's.
	cacheHome, err := os.MkdirTemp("", "nestlint-cache-")
	if err != nil {
		panic(err)
	}
	userCacheHome.value, userCacheHome.set = os.LookupEnv("XDG_CACHE_HOME")
	os.Setenv("XDG_CACHE_HOME", cacheHome)
	code := m.Run()
	os.RemoveAll(cacheHome)
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	testmain.Exit(code)
}

// allRules is the registry, for tests that pass rules explicitly.
func allRules() []*lint.Rule { return rules.All() }

// resolve is the absolute, symlink-free form of p (as the pipeline
// resolves the paths of a request).
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs, nil
}

// gitTop is the nearest folder at or above dir holding .git, or "".
func gitTop(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}
