package lint

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestReportWithoutReporter: under a plain go/analysis driver (no
// Reporter in ResultOf) the diagnostic still reaches pass.Report, without
// any encoded field; Off reports nothing.
func TestReportWithoutReporter(t *testing.T) {
	var got []analysis.Diagnostic
	pass := &analysis.Pass{ResultOf: map[*analysis.Analyzer]any{}, Report: func(d analysis.Diagnostic) { got = append(got, d) }}
	Report(pass, Off, 1, 2, "off")
	Report(pass, Error, 1, 2, "msg", WithPath([]Step{{Pos: 1, End: 2, Label: "A.b"}}), WithProperty("k", "v"), WithRelated(3, 4, "rel"))
	if len(got) != 1 {
		t.Fatalf("got %d diagnostics, want 1", len(got))
	}
	d := got[0]
	if d.Message != "msg" || d.Category != "" || len(d.Related) != 1 || d.Related[0].Message != "rel" || d.Related[0].Pos != token.Pos(3) {
		t.Errorf("diagnostic = %+v", d)
	}
}

// TestReportWithReporter: with a Reporter the finding arrives whole and
// pass.Report is not called.
func TestReportWithReporter(t *testing.T) {
	var got []Finding
	pass := &analysis.Pass{ResultOf: map[*analysis.Analyzer]any{ReporterAnalyzer: Reporter(func(f Finding) { got = append(got, f) })},
		Report: func(analysis.Diagnostic) { t.Error("pass.Report called despite a Reporter") }}
	Report(pass, Warning, 1, 2, "msg", WithPath([]Step{{Pos: 1, End: 2, Label: "A.b"}}), WithProperty("k", "v"))
	if len(got) != 1 || got[0].Severity != Warning || len(got[0].Path) != 1 || got[0].Path[0].Label != "A.b" ||
		len(got[0].Properties) != 1 || got[0].Properties[0].Value != "v" || len(got[0].Diagnostic.Related) != 0 {
		t.Errorf("findings = %+v", got)
	}
}
