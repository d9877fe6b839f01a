package testmain

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) { Run(m) }

// childEnv selects what TestChild does when this binary runs itself.
const childEnv = "NESTLINT_TESTMAIN_CHILD"

// TestChild is the test the child process runs; it does nothing unless
// childEnv is set.
func TestChild(t *testing.T) {
	switch os.Getenv(childEnv) {
	case "":
		t.Skip("runs only as the child of TestExitStatus")
	case "pass":
		// A goroutine still alive at exit: the race runtime's pause
		// would apply.
		go func() { select {} }()
	case "fail":
		t.Error("failing on purpose")
	case "race":
		x := 0
		done := make(chan bool)
		go func() { x++; done <- true }()
		x++
		<-done
		_ = x
	}
}

// TestExitStatus runs this test binary again with each child mode: the
// exit status is the test's, a data race still fails the run under -race,
// and a passing run does not pause at exit. The children ask the race
// runtime for a one-minute pause (GORACE=atexit_sleep_ms=60000), so a
// child that pauses cannot pass for a slow machine.
func TestExitStatus(t *testing.T) {
	t.Parallel()
	raceWant := 0
	if raceEnabled {
		raceWant = 1 // testing reports "race detected during execution of test"
	}
	for _, c := range []struct {
		mode string
		want int
	}{{"pass", 0}, {"fail", 1}, {"race", raceWant}} {
		t.Run(c.mode, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), childEnv+"="+c.mode, "GORACE=atexit_sleep_ms=60000")
			start := time.Now()
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			t.Logf("child %s: exit %d in %v", c.mode, code, time.Since(start).Round(time.Millisecond))
			took := time.Since(start)
			if code != c.want {
				t.Errorf("child %s: exit %d, want %d\n%s", c.mode, code, c.want, out)
			}
			if took > 30*time.Second {
				t.Errorf("child %s took %v: it paused at exit", c.mode, took.Round(time.Second))
			}
		})
	}
}

// skipTestMain are the test packages allowed to end without this
// package's TestMain, with the reason.
var skipTestMain = map[string]string{
	"rules/shutdown/containersignals": "being reworked by another change; add the TestMain there once it lands",
}

// TestEveryPackageUsesRun: every test binary of the module ends through
// Run or Exit, so that none pays the race detector's pause (a package
// added without it costs every `go test -race ./...` a second).
func TestEveryPackageUsesRun(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root: %v", err)
	}
	tests := map[string]bool{} // folder -> uses Run or Exit
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		uses := bytes.Contains(b, []byte("testmain.Run(m)")) || bytes.Contains(b, []byte("testmain.Exit(")) ||
			rel == "internal/testmain" && bytes.Contains(b, []byte("func TestMain(m *testing.M) { Run(m) }"))
		tests[rel] = tests[rel] || uses
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) < 40 {
		t.Fatalf("found %d test packages, want the module's 50 or so", len(tests))
	}
	for dir, uses := range tests {
		if _, skip := skipTestMain[dir]; skip {
			continue
		}
		if !uses {
			t.Errorf("%s: no TestMain calling testmain.Run (or testmain.Exit): add testmain_test.go with\n\tfunc TestMain(m *testing.M) { testmain.Run(m) }", dir)
		}
	}
	for dir := range skipTestMain {
		if tests[dir] {
			t.Errorf("%s uses testmain now: remove it from skipTestMain", dir)
		}
	}
}
