package unuseddisable_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/nestlint/unuseddisable"
)

func TestRule(t *testing.T) {
	t.Parallel()
	r := unuseddisable.Rule
	if r.ID != report.UnusedDisableID {
		t.Fatalf("id %q, report uses %q", r.ID, report.UnusedDisableID)
	}
	if got, err := r.Analyzer.Run(nil); got != nil || err != nil {
		t.Fatalf("Run = %v, %v; want nothing", got, err)
	}
}

// TestFixture runs the fixture the way a lint run does: the parser finds
// its directive comments and the suppression filter reports the directive
// that silences nothing under this rule's id, and nothing once the line it
// names has a finding of the rule it names.
func TestFixture(t *testing.T) {
	t.Parallel()
	path, err := filepath.Abs(filepath.Join("testdata", "src", "main.ts"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pr := parser.Parse(t.Context(), []string{path}, parser.Options{Jobs: 1})
	if len(pr.Files) != 1 {
		t.Fatalf("parsed %d files, problems %v", len(pr.Files), pr.Problems)
	}
	var comments []report.Comment
	for _, c := range pr.Files[0].Facts.Comments {
		comments = append(comments, report.Comment{Text: c.Text, Start: int(c.Start), End: int(c.End)})
	}
	if len(comments) != 1 {
		t.Fatalf("%d directive comments, want 1: %+v", len(comments), comments)
	}
	run := func(ds []report.Diagnostic) []report.Diagnostic {
		s := &report.Suppressor{
			Comments: map[string][]report.Comment{"main.ts": comments},
			Source:   func(string) ([]byte, bool) { return src, true },
			Rules:    []string{"event-loop/sync-io", unuseddisable.ID}, ReportUnused: true,
		}
		out, err := s.Apply(ds)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	out := run(nil)
	if len(out) != 1 || out[0].RuleID != unuseddisable.ID || out[0].File != "main.ts" || out[0].Severity != lint.Warning ||
		!strings.Contains(out[0].Message, "unused") {
		t.Fatalf("findings %+v, want one %s warning about an unused directive", out, unuseddisable.ID)
	}
	if line := strings.Count(string(src[:out[0].Start]), "\n") + 1; line != 3 {
		t.Errorf("finding on line %d, want the directive's line 3", line)
	}

	// The directive is used once line 4 has a sync-io finding.
	at := strings.Index(string(src), "loadConfig(")
	out = run([]report.Diagnostic{{RuleID: "event-loop/sync-io", Severity: lint.Error,
		Location: report.Location{File: "main.ts", Start: at, End: at + 5}}})
	if len(out) != 1 || out[0].RuleID != "event-loop/sync-io" || !out[0].Suppressed {
		t.Errorf("findings %+v, want the sync-io finding suppressed and no %s", out, unuseddisable.ID)
	}
}
