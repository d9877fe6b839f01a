package hooksmissing_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/shutdown/hooksmissing"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), hooksmissing.Rule,
		"plain", "helper", "sigterm", "addlistener", "seed", "hybrid", "microservice", "context")
}

// TestFix applies each finding's suggested fix and compares the result
// with src/main.ts.golden.
func TestFix(t *testing.T) {
	checkertest.RunWithSuggestedFixes(t, checkertest.TestData(), hooksmissing.Rule, "plain", "microservice")
}
