package checker_test

import (
	"os"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
)

// TestMain ends the test binary without the race detector's pause at exit,
// after removing the project the benchmarks generated (it lives as long as
// the test binary: every benchmark reads it).
func TestMain(m *testing.M) {
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	testmain.Exit(code)
}
