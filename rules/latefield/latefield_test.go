package latefield_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/latefield"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), latefield.Rule, "es2021", "es2022", "define", "extends", "swc")
}
