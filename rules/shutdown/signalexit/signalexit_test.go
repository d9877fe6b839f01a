package signalexit_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/shutdown/processexit"
	"github.com/nestlint/nestlint/rules/shutdown/signalexit"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), signalexit.Rule, "basic")
}

// TestOneFindingPerExit: a handler registered with process.addListener
// and exiting through `exit` from node:process is reported once, by
// signal-exit; process-exit uses the same signal handlers of the model and
// leaves it alone.
func TestOneFindingPerExit(t *testing.T) {
	checkertest.RunWith(t, checkertest.TestData(), []*lint.Rule{signalexit.Rule, processexit.Rule}, checkertest.Options{}, "once")
}
