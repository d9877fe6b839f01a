package condshape_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hiddenclass/condshape"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), condshape.Rule, "basic", "define")
}
