package report

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

func TestSort(t *testing.T) {
	t.Parallel()
	d := func(file string, start, end int, rule, msg string, sev lint.Severity) Diagnostic {
		return Diagnostic{RuleID: rule, Severity: sev, Message: msg, Location: Location{File: file, Start: start, End: end}}
	}
	want := []Diagnostic{
		d("a.ts", 5, 9, "x/b", "m", lint.Error),
		d("a.ts", 10, 12, "x/a", "m", lint.Warning),
		d("a.ts", 10, 12, "x/b", "a", lint.Note),
		d("a.ts", 10, 12, "x/b", "b", lint.Error),
		d("a.ts", 10, 20, "x/a", "m", lint.Error),
		d("b/a.ts", 0, 1, "x/a", "m", lint.Error),
		d("b/a.ts", 0, 1, "x/a", "m", lint.Warning), // duplicate, less severe
		d("src/z.ts", 0, 1, "x/a", "m", lint.Error),
	}
	for seed := range uint64(20) {
		got := slices.Clone(want)
		rand.New(rand.NewPCG(seed, 1)).Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		Sort(got)
		if !slices.EqualFunc(got, want, func(a, b Diagnostic) bool { return compareDiagnostics(a, b) == 0 }) {
			t.Fatalf("seed %d: got %+v", seed, got)
		}
	}
}

func TestDedupe(t *testing.T) {
	t.Parallel()
	base := Diagnostic{RuleID: "x/a", Severity: lint.Warning, Message: "m", Location: Location{File: "a.ts", Start: 1, End: 2}}
	withFix := base
	withFix.Fixes = []Fix{{Message: "f"}}
	worse := base
	worse.Severity = lint.Error
	other := base
	other.Message = "n"
	tests := []struct {
		name string
		in   []Diagnostic
		want int
	}{
		{"empty", nil, 0},
		{"one", []Diagnostic{base}, 1},
		{"exact duplicate", []Diagnostic{base, base}, 1},
		{"duplicate with a fix", []Diagnostic{base, withFix}, 1},
		{"different message", []Diagnostic{base, other, base}, 2},
		{"keeps the most severe", []Diagnostic{base, worse}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.in)
			Sort(in)
			got := Dedupe(in)
			if len(got) != tc.want {
				t.Fatalf("got %d diagnostics, want %d: %+v", len(got), tc.want, got)
			}
			if tc.name == "keeps the most severe" && got[0].Severity != lint.Error {
				t.Errorf("kept %v", got[0].Severity)
			}
		})
	}
}
