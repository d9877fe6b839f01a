package assignthis_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/assignthis"
	"github.com/nestlint/nestlint/rules/checker/checkertest"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), assignthis.Rule, "basic")
}
