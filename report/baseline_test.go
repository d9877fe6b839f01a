package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestBaselineFingerprints(t *testing.T) {
	t.Parallel()
	src := "a\n  x  =  f()\nx = f()\n"
	source := func(string) ([]byte, bool) { return []byte(src), true }
	ds := []Diagnostic{
		{RuleID: "r/a", Location: Location{File: "f.ts", Start: 14}}, // line 3
		{RuleID: "r/a", Location: Location{File: "f.ts", Start: 4}},  // line 2, same normalized text
	}
	keys := BaselineKeys(ds, source)
	if keys[0].LineHash != keys[1].LineHash || keys[1].Occurrence != 0 || keys[0].Occurrence != 1 {
		t.Errorf("keys %+v", keys)
	}
	b := NewBaseline(ds, source)
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadBaseline(&buf)
	if err != nil || len(back.Findings) != 2 || back.Version != BaselineVersion {
		t.Fatalf("read back %+v, %v", back, err)
	}

	// Lines added above: still matched.
	moved := "// new\n\n" + src
	movedSource := func(string) ([]byte, bool) { return []byte(moved), true }
	f := &BaselineFilter{Baseline: back, Source: movedSource}
	out, _ := f.Apply([]Diagnostic{
		{RuleID: "r/a", Location: Location{File: "f.ts", Start: 12}},
		{RuleID: "r/a", Location: Location{File: "f.ts", Start: 22}},
		{RuleID: "r/b", Location: Location{File: "f.ts", Start: 22}},
		{RuleID: "r/c", Location: Location{File: "f.ts", Start: 0}, Suppressed: true},
	})
	states := []string{out[0].BaselineState, out[1].BaselineState, out[2].BaselineState, out[3].BaselineState}
	if strings.Join(states, ",") != "unchanged,unchanged,new," || f.Fixed != 0 {
		t.Errorf("states %v, fixed %d", states, f.Fixed)
	}
	f = &BaselineFilter{Baseline: back, Source: movedSource}
	f.Apply([]Diagnostic{{RuleID: "r/a", Location: Location{File: "f.ts", Start: 12}}})
	if f.Fixed != 1 {
		t.Errorf("fixed %d, want 1", f.Fixed)
	}
	if _, err := ReadBaseline(strings.NewReader(`{"version":2,"findings":[]}`)); err == nil {
		t.Error("version 2 accepted")
	}
}

func TestFilters(t *testing.T) {
	t.Parallel()
	ds := []Diagnostic{
		{RuleID: "r/b", Location: Location{File: "b.ts"}},
		{RuleID: "r/a", Location: Location{File: "a.ts"}, Suppressed: true},
		{RuleID: "r/a", Location: Location{File: "a.ts"}, Severity: 2},
	}
	out, err := ApplyFilters(ds, []Filter{DedupeFilter{}, SortFilter{}})
	if err != nil || len(out) != 2 || out[0].File != "a.ts" || out[0].Suppressed || out[0].Severity != 2 {
		t.Errorf("%+v, %v", out, err)
	}
}
