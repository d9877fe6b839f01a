package queueretention_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/queueretention"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), queueretention.Rule, "basic", "traps")
}
