package signalexit_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/signalexit"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), signalexit.Rule, "basic")
}
