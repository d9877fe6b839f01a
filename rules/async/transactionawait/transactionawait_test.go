package transactionawait_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/async/transactionawait"
	"github.com/nestlint/nestlint/rules/checker/checkertest"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), transactionawait.Rule, "basic", "traps")
}
