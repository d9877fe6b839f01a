package floatingpromise_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/async/floatingpromise"
	"github.com/nestlint/nestlint/rules/checker/checkertest"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), floatingpromise.Rule, "basic", "traps", "mono")
}
