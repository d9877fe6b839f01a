package syncio_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/syncio"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), syncio.Rule, "crossfile", "imports", "traps")
}
