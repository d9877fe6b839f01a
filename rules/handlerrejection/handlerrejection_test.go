package handlerrejection_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/handlerrejection"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), handlerrejection.Rule, "basic", "traps")
}
