package redos_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/eventloop/redos"
	"github.com/nestlint/nestlint/rules/lint"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), redos.Rule, "basic")
}

// Every finding carries its proven attack string as result properties.
func TestAttackProperties(t *testing.T) {
	dir := filepath.Join(checkertest.TestData(), "src", "basic")
	fs, _ := checkertest.RunCase(t, dir, []*lint.Rule{redos.Rule}, checkertest.Options{})
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		attack, expr := f.Properties["attack"], f.Properties["attackExpression"]
		if !strings.HasPrefix(attack, "'") || !strings.Contains(f.Text, expr) || !strings.Contains(expr, ".repeat(") {
			t.Errorf("%s: properties %v", f, f.Properties)
		}
		key, least := "stepGrowthPerPump", 1.9
		if strings.HasPrefix(f.Text, "note: ") { // polynomial
			key, least = "stepGrowthPerDoubling", 3
			if f.Properties["degree"] != "2" {
				t.Errorf("%s: degree %q", f, f.Properties["degree"])
			}
		}
		if g, err := strconv.ParseFloat(f.Properties[key], 64); err != nil || g < least {
			t.Errorf("%s: growth %v (%v)", f, g, err)
		}
	}
}
