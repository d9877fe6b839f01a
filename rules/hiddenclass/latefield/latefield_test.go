package latefield_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hiddenclass/latefield"
	"github.com/nestlint/nestlint/rules/lint"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), latefield.Rule, "es2021", "es2022", "define", "extends", "swc", "missingbase")
}

// TestRelatedConfig: each finding points at the setting that erases the
// fields, in the file that sets it (the base config of an extends chain,
// not the nearest tsconfig.json).
func TestRelatedConfig(t *testing.T) {
	for _, c := range []struct{ dir, want string }{
		{"extends", "tsconfig.base.json:1: target ES2021 in tsconfig.base.json erases declared fields"},
		{"es2021", "tsconfig.json:"},
	} {
		t.Run(c.dir, func(t *testing.T) {
			got, _ := checkertest.RunCase(t, filepath.Join(checkertest.TestData(), "src", c.dir), []*lint.Rule{latefield.Rule}, checkertest.Options{})
			if len(got) == 0 {
				t.Fatal("no findings")
			}
			for _, f := range got {
				found := false
				for _, r := range f.Related {
					if strings.HasPrefix(r, c.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: related %q, want one starting %q", f, f.Related, c.want)
				}
			}
		})
	}
}
