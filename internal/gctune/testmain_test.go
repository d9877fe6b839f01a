package gctune

import (
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
)

// TestMain ends the test binary without the race detector's pause at exit.
func TestMain(m *testing.M) { testmain.Run(m) }
