package listenerleak_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/listenerleak"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), listenerleak.Rule, "basic", "crossfile", "startup")
}
