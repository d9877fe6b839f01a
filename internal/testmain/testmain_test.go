package testmain

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	err = walkTestFiles(root, func(rel string, b []byte) {
		uses := bytes.Contains(b, []byte("testmain.Run(m)")) || bytes.Contains(b, []byte("testmain.Exit(")) ||
			rel == "internal/testmain" && bytes.Contains(b, []byte("func TestMain(m *testing.M) { Run(m) }"))
		tests[rel] = tests[rel] || uses
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

// TestSkipUnderRaceRunsInCI: a package whose tests call SkipUnderRace is
// tested without -race by .ci/run, or those tests would never run in CI.
func TestSkipUnderRaceRunsInCI(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	var line string // the go test line after the step's echo
	lines := strings.Split(string(ci), "\n")
	for i, l := range lines {
		if strings.Contains(l, "tests skipped under -race") {
			for _, n := range lines[i+1:] {
				if n = strings.TrimSpace(n); !strings.HasPrefix(n, "#") && strings.Contains(n, "go test ") {
					line = n
					break
				}
			}
		}
	}
	if line == "" || strings.Contains(line, "-race") {
		t.Fatalf(".ci/run has no step \"tests skipped under -race\" followed by a go test line without -race")
	}
	var users []string
	err = walkTestFiles(root, func(rel string, b []byte) {
		if rel != "internal/testmain" && bytes.Contains(b, []byte("testmain.SkipUnderRace(")) && !slices.Contains(users, "./"+rel) {
			users = append(users, "./"+rel)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(users) == 0 {
		t.Fatal("no test calls testmain.SkipUnderRace: remove the CI step and this test")
	}
	fields := map[string]bool{}
	for _, f := range strings.Fields(line) {
		fields[f] = true
	}
	for _, u := range users {
		if !fields[u] {
			t.Errorf("%s calls testmain.SkipUnderRace but .ci/run's line %q does not test it", u, strings.TrimSpace(line))
		}
	}
}

// walkTestFiles calls fn with the folder (slash-separated, relative to
// root) and the text of every _test.go file of the module, leaving out
// hidden folders, testdata and node_modules.
func walkTestFiles(root string, fn func(rel string, src []byte)) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
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
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		fn(filepath.ToSlash(rel), b)
		return nil
	})
}
