package modulestate_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/provider/modulestate"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), modulestate.Rule, "basic", "crossfile", "traps", "memo")
}
