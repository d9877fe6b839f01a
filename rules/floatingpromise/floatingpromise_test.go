package floatingpromise_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/floatingpromise"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), floatingpromise.Rule, "basic", "traps", "mono")
}
