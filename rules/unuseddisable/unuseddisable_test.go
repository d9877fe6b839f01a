package unuseddisable_test

import (
	"testing"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/unuseddisable"
)

func TestRule(t *testing.T) {
	r := unuseddisable.Rule
	if r.ID != report.UnusedDisableID {
		t.Fatalf("id %q, report uses %q", r.ID, report.UnusedDisableID)
	}
	if got, err := r.Analyzer.Run(nil); got != nil || err != nil {
		t.Fatalf("Run = %v, %v; want nothing", got, err)
	}
}
