package processexit_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/shutdown/processexit"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), processexit.Rule, "basic")
}
