package requestscopeescalation_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/provider/requestscopeescalation"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), requestscopeescalation.Rule, "basic", "traps")
}

func TestMinRoutes(t *testing.T) {
	run := func(opts string) string {
		s := &lint.Settings{Rules: map[string]lint.RuleConfig{
			"provider/request-scope-escalation": {Options: json.RawMessage(opts)},
		}}
		got, _ := checkertest.RunCase(t, filepath.Join(checkertest.TestData(), "src", "traps"), []*lint.Rule{requestscopeescalation.Rule}, checkertest.Options{Settings: s})
		var texts []string
		for _, g := range got {
			texts = append(texts, g.String())
		}
		return strings.Join(texts, "\n")
	}
	if got := run(`{"minRoutes": 2}`); !strings.Contains(got, "note: controller `SmallController` (2 routes)") || strings.Contains(got, "ProfileController") {
		t.Errorf("minRoutes 2: want the note on SmallController only, got:\n%s", got)
	}
	if got := run(`{"minRoutes": 0}`); got != "" {
		t.Errorf("minRoutes 0: want nothing, got:\n%s", got)
	}
}
