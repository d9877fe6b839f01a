package busywait_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/eventloop/busywait"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), busywait.Rule, "basic")
}
