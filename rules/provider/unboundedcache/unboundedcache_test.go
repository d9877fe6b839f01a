package unboundedcache_test

import (
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/provider/unboundedcache"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), unboundedcache.Rule, "basic", "crossfile", "traps", "gateways")
}
