package delete_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hiddenclass/delete"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), delete.Rule, "basic", "crossfile")
}
