package hcdelete_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hcdelete"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), hcdelete.Rule, "basic", "crossfile")
}
