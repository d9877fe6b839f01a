package outboundtimeout_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/io/outboundtimeout"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), outboundtimeout.Rule, "basic", "traps", "mono")
}
