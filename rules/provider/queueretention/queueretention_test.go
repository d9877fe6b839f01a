package queueretention_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/provider/queueretention"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), queueretention.Rule, "basic", "traps")
}
