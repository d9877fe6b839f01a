package report

import (
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

func TestGitHubGolden(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	// A message with every character the runner treats specially, on a
	// finding that spans lines 1-3 (so no col/endColumn).
	r.Diagnostics = append(r.Diagnostics, Diagnostic{
		RuleID: "di/missing-injectable", Severity: lint.Note,
		Message:  "100% sure: a, b\nand c\r\nend",
		Location: Location{File: "fingerprints/cats.service.ts", Start: 0, End: 50},
	})
	got := format(t, GitHub{}, r)
	golden(t, "github.golden", got)

	ls := lines(got)
	if n := strings.Count(string(got), "\n::"); n+1 != len(ls)-1 { // every line but the count line is a command
		t.Errorf("got %d commands in %d lines", n+1, len(ls))
	}
	last := ls[len(ls)-1]
	if last != "nestlint: 2 errors, 1 warning, 2 notes in 4 files (1 suppressed)" {
		t.Errorf("count line = %q", last)
	}
	want := "::notice file=fingerprints/cats.service.ts,line=1,endLine=3,title=di/missing-injectable::100%25 sure: a, b%0Aand c%0D%0Aend"
	if !strings.Contains(string(got), want+"\n") {
		t.Errorf("missing %q in\n%s", want, got)
	}
	if strings.Contains(string(got), "CaféService") {
		t.Error("suppressed finding printed")
	}
}

func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, prop, data string
	}{
		{"plain", "src/a.ts", "src/a.ts", "src/a.ts"},
		{"percent", "100%", "100%25", "100%25"},
		{"colon comma", "a:b,c", "a%3Ab%2Cc", "a:b,c"},
		{"CR LF", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"already escaped stays literal", "%0A", "%250A", "%250A"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := escapeProperty(tc.in); got != tc.prop {
				t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
			}
			if got := escapeData(tc.in); got != tc.data {
				t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
			}
		})
	}
}

// TestGitHubPrintsEverything: GitHub shows only 10 annotations per kind per
// step, but every finding is printed so the log has them all (A5).
func TestGitHubPrintsEverything(t *testing.T) {
	t.Parallel()
	r := &Run{Tool: "nestlint", FilesLinted: 1}
	for i := range 60 {
		r.Diagnostics = append(r.Diagnostics, Diagnostic{RuleID: "x/y", Severity: lint.Error, Message: "m", Location: Location{File: "a.ts", Start: i}})
	}
	ls := lines(format(t, GitHub{}, r))
	if len(ls) != 61 || ls[60] != "nestlint: 60 errors in 1 file" {
		t.Errorf("got %d lines, last %q", len(ls), ls[len(ls)-1])
	}
}
