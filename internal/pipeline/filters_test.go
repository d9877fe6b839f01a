package pipeline

import (
	"io"
	"slices"
	"testing"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// filterNames returns the names of the steps filters builds for o.
func filterNames(t *testing.T, o *Options) []string {
	t.Helper()
	dir := t.TempDir()
	c := newCollector(namer{root: dir}, request{dir}, allRules())
	r := &report.Run{Source: func(string) ([]byte, bool) { return nil, false }}
	var names []string
	for _, f := range c.filters(o, allRules(), r, io.Discard, io.Discard).filters {
		names = append(names, f.Name())
	}
	return names
}

// TestFilterOrder pins the order of the steps of a run (filters.go): the
// per-file severities before the ignores and the first sort and dedupe,
// suppressions before the baseline, the baseline before --changed-since,
// and the output-only steps (baselined findings dropped outside SARIF,
// --max-warnings before --quiet) last and only without --fix.
func TestFilterOrder(t *testing.T) {
	t.Parallel()
	base := []string{"file-config", "ignores", "sort", "dedupe", (&report.Suppressor{}).Name()}
	for _, tc := range []struct {
		name string
		o    Options
		want []string
	}{
		{"text", Options{Format: "text"}, append(slices.Clone(base), "dedupe", "sort", "baselined", "max-warnings")},
		{"sarif keeps baselined findings", Options{Format: "sarif"}, append(slices.Clone(base), "dedupe", "sort", "max-warnings")},
		{"no-ignore", Options{Format: "sarif", ES: ESLintOptions{noIgnore: true}},
			[]string{"file-config", "sort", "dedupe", (&report.Suppressor{}).Name(), "dedupe", "sort", "max-warnings"}},
		{"baseline, changed-since, quiet", Options{Format: "sarif", ES: ESLintOptions{errorsOnly: true},
			Adopt: AdoptOptions{base: &report.Baseline{}, changedSince: "HEAD"}},
			append(slices.Clone(base), "baseline", "changed-since", "dedupe", "sort", "max-warnings", "quiet")},
		{"write-baseline", Options{Format: "json", Adopt: AdoptOptions{writeBaseline: "b.json"}},
			append(slices.Clone(base), "write-baseline", "baseline", "dedupe", "sort", "baselined", "max-warnings")},
		{"fix stops after the final sort", Options{Format: "text", ES: ESLintOptions{errorsOnly: true}, Adopt: AdoptOptions{fix: true}},
			append(slices.Clone(base), "dedupe", "sort")},
	} {
		if got := filterNames(t, &tc.o); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", tc.name, got, tc.want)
		}
	}
}

// TestFilterWarningsBeforeQuiet: --max-warnings counts the warnings that
// --quiet then drops, and neither counts suppressed or baselined ones.
func TestFilterWarningsBeforeQuiet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	o := &Options{Format: "sarif", ES: ESLintOptions{errorsOnly: true, noIgnore: true}}
	c := newCollector(namer{root: dir}, request{dir}, nil)
	r := &report.Run{Source: func(string) ([]byte, bool) { return nil, false }}
	p := c.filters(o, nil, r, io.Discard, io.Discard)
	d := func(line int, sev lint.Severity) report.Diagnostic {
		var x report.Diagnostic
		x.RuleID, x.Severity, x.Message = "event-loop/sync-io", sev, "m"
		x.Location.File = "a.ts"
		x.Start, x.End = line*10, line*10+1
		return x
	}
	in := []report.Diagnostic{d(1, lint.Warning), d(2, lint.Error), d(3, lint.Warning), d(4, lint.Warning)}
	in[2].Suppressed = true
	in[3].BaselineState = "unchanged"
	ds, err := report.ApplyFilters(in, p.filters)
	if err != nil {
		t.Fatal(err)
	}
	if p.warnings != 1 {
		t.Errorf("warnings = %d, want 1 (suppressed and baselined ones do not count)", p.warnings)
	}
	if len(ds) != 1 || ds[0].Severity != lint.Error {
		t.Errorf("--quiet kept %+v, want the error only", ds)
	}
}
