package grownobject_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hiddenclass/grownobject"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), grownobject.Rule, "basic", "crossfile", "usecases")
}
