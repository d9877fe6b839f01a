package assignthis_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hiddenclass/assignthis"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), assignthis.Rule, "basic")
}
