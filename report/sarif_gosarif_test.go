package report

import (
	"bytes"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// TestSARIFReadsInGoSarif loads nestlint's SARIF with go-sarif v3, the Go
// SARIF library the design names. nestlint writes its own SARIF types
// (report/sarif.go: go-sarif's types always emit properties GitHub's
// ingestion rejects or that only add noise, such as message arguments,
// "rank": -1 and empty arrays); this test keeps the output readable by the
// library a Go consumer of nestlint's logs would use, field by field.
func TestSARIFReadsInGoSarif(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	var b bytes.Buffer
	if _, err := WriteSARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	rep, err := sarif.FromBytes(b.Bytes())
	if err != nil {
		t.Fatalf("go-sarif cannot read the log: %v", err)
	}
	if rep.Version != SARIFVersion || len(rep.Runs) != 1 {
		t.Fatalf("version %q, %d runs", rep.Version, len(rep.Runs))
	}
	run := rep.Runs[0]
	if run.Tool.Driver == nil || run.Tool.Driver.Name == nil || *run.Tool.Driver.Name != "nestlint" {
		t.Fatalf("tool driver = %+v", run.Tool.Driver)
	}
	if len(run.Results) != len(r.Diagnostics) {
		t.Fatalf("%d results, want %d", len(run.Results), len(r.Diagnostics))
	}
	ids := map[string]bool{}
	for _, d := range run.Tool.Driver.Rules {
		if d.ID != nil {
			ids[*d.ID] = true
		}
	}
	src := newSources(r.Source)
	for i, res := range run.Results {
		d := r.Diagnostics[i]
		if res.RuleID == nil || *res.RuleID != d.RuleID || !ids[d.RuleID] {
			t.Errorf("result %d: rule %v, want %s with a descriptor", i, res.RuleID, d.RuleID)
		}
		if res.Message.Text == nil || *res.Message.Text == "" {
			t.Errorf("result %d: no message text", i)
		}
		if len(res.Locations) == 0 || res.Locations[0].PhysicalLocation == nil {
			t.Errorf("result %d: no physical location", i)
			continue
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation == nil || pl.ArtifactLocation.URI == nil || *pl.ArtifactLocation.URI != FileURI(d.Location.File) {
			t.Errorf("result %d: artifact %+v, want %s", i, pl.ArtifactLocation, FileURI(d.Location.File))
		}
		if sp := src.span(d.Location.File, d.Location.Start, d.Location.End); pl.Region == nil || pl.Region.StartLine == nil || *pl.Region.StartLine != sp.StartLine {
			t.Errorf("result %d: region %+v, want start line %d", i, pl.Region, sp.StartLine)
		}
		if (len(d.Path) > 0) != (len(res.CodeFlows) > 0) {
			t.Errorf("result %d: %d code flows for a path of %d steps", i, len(res.CodeFlows), len(d.Path))
		}
		if d.Suppressed != (len(res.Suppressions) > 0) {
			t.Errorf("result %d: suppressions %d, suppressed %v", i, len(res.Suppressions), d.Suppressed)
		}
	}
}
