package listenerleak_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/provider/listenerleak"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), listenerleak.Rule, "basic", "crossfile", "startup")
}
