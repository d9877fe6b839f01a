package requestscopeescalation_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/requestscopeescalation"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), requestscopeescalation.Rule, "basic", "traps")
}
