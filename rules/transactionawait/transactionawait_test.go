package transactionawait_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/transactionawait"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), transactionawait.Rule, "basic", "traps")
}
