package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules"
)

// TestRegisteredRules checks every registered rule's SARIF descriptor
// (checklist S3) and that a log listing all of them is valid and
// ingestible.
func TestRegisteredRules(t *testing.T) {
	t.Parallel()
	all := rules.All()
	for _, rl := range all {
		t.Run(rl.ID, func(t *testing.T) {
			for _, p := range report.CheckRule(rl) {
				t.Error(p)
			}
		})
	}
	var b bytes.Buffer
	if err := (report.SARIF{}).Format(&b, &report.Run{Tool: "nestlint", Version: "0.1.0", Rules: all, Successful: true}); err != nil {
		t.Fatal(err)
	}
	if err := report.ValidateSchema(b.Bytes()); err != nil {
		t.Error(err)
	}
	if p := report.CheckIngestion(b.Bytes()); len(p) > 0 {
		t.Errorf("ingestion: %q", p)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if got := len(log.Runs[0].Tool.Driver.Rules); got != len(all) {
		t.Errorf("%d descriptors for %d rules", got, len(all))
	}
}
