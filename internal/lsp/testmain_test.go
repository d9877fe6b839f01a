package lsp

import (
	"os"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
)

// TestMain ends the test binary without the race detector's pause at exit,
// after removing the benchmarks' generated project and cache.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range []string{benchDir, benchCache} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	testmain.Exit(code)
}
