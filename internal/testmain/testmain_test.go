package testmain

import (
	"os"
	"os/exec"
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
