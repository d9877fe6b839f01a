package redos_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/redos"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), redos.Rule, "basic")
}
