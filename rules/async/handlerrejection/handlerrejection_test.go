package handlerrejection_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/async/handlerrejection"
	"github.com/nestlint/nestlint/rules/checker/checkertest"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), handlerrejection.Rule, "basic", "traps")
}
