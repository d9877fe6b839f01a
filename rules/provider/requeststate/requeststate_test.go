package requeststate_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/provider/requeststate"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), requeststate.Rule, "basic", "crossfile", "scoped", "traps", "callbacks")
}
