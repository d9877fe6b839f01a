package ormsynchronize_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/data/ormsynchronize"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), ormsynchronize.Rule, "basic", "traps")
}
