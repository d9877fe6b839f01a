package busywait_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/busywait"
	"github.com/nestlint/nestlint/rules/checker/checkertest"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), busywait.Rule, "basic")
}
