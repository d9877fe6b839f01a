// Package testmain ends a test binary the way the testing package does,
// minus the race detector's pause at exit, so that `go test -race ./...`
// does not spend a second per package asleep.
//
// A test binary built with -race that exits with status 0 calls the race
// runtime's finalizer, which sleeps for GORACE's atexit_sleep_ms (1000 ms by
// default) whenever goroutines are still alive, and the runtime's own
// goroutines always are. With some fifty test binaries that is close to a
// minute of wall time on every run. Nothing is lost by skipping it:
// testing.M.Run already fails the run when the race detector reported
// anything during the tests or outside them (race.Errors), and a report is
// printed the moment a race is found. What the pause could still catch is a
// race between goroutines a test leaked past the end of the run.
//
// Use it as the TestMain of a package:
//
//	func TestMain(m *testing.M) { testmain.Run(m) }
package testmain

import (
	"os"
	"testing"
)

// Run runs the tests and exits with their status: through os.Exit when it
// is not 0 or the binary is not built with -race, and without the race
// detector's pause at exit otherwise.
func Run(m *testing.M) {
	Exit(m.Run())
}

// Exit ends the process with code, as os.Exit does, except that a test
// binary built with -race exits 0 without the race detector's pause. A
// TestMain with its own cleanup calls it after the cleanup.
func Exit(code int) {
	if code == 0 && raceEnabled {
		exitNow()
	}
	os.Exit(code)
}

// SkipUnderRace skips a test in a binary built with -race, for tests the
// race detector has nothing to check in and only slows down: those whose
// work runs in other processes (pre-commit, npm, git, the action's bash
// steps, the nestlint binary built without -race), and those that run on
// one goroutine and spend seconds of CPU in the package's own code (ten
// times more under -race: the ReDoS oracle's million-step backtracking
// runs). They run in full without -race, in the CI step that .ci/run names
// "tests skipped under -race", which must list the package (a test of
// this package checks that it does). why says where the work happens or
// what makes the test slow.
func SkipUnderRace(t testing.TB, why string) {
	t.Helper()
	if raceEnabled {
		t.Skipf("skipped under -race (%s): nothing for the race detector there; .ci/run runs it without -race", why)
	}
}

// Race reports whether the test binary is built with -race: a test whose
// goroutines the race detector must see, and whose many iterations it
// makes slow, runs fewer of them there (in full without -race).
func Race() bool { return raceEnabled }
