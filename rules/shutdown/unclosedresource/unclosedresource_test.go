package unclosedresource_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/shutdown/unclosedresource"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), unclosedresource.Rule, "basic", "clean", "sites")
}
