package checker

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

const reportDoc = "// typed: a rule that reports typed fields\n//\n// It exists to test the reporter.\n//\n// Bad:\n//\n//\tx\n//\n// Good:\n//\n//\ty\npackage typed\n"

// typedRule reports, on the first byte of each file, one finding through
// lint.Report (note severity, a path, a property, and a related location
// whose message merely looks like a path step) and one bare diagnostic.
var typedRule = lint.NewRule(lint.Meta{ID: "test/typed", Name: "typed", Severity: lint.Warning}, reportDoc,
	func(pass *analysis.Pass) (any, error) {
		for _, f := range parser.Of(pass).Files {
			pos := f.Pos(0)
			lint.Report(pass, lint.Note, pos, f.Pos(1), "typed",
				lint.WithPath([]lint.Step{{Pos: pos, End: pos, Label: "Entry.handle"}, {Pos: pos, End: pos, Label: "Here.call"}}),
				lint.WithProperty("attack", "aaaa!"),
				lint.WithRelated(pos, pos, "path: not a step"))
			pass.Report(analysis.Diagnostic{Pos: pos, Message: "bare"})
		}
		return nil, nil
	}, parser.Analyzer)

func TestTypedFindingFields(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.ts")
	if err := os.WriteFile(file, []byte("export const a = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), []string{file}, nil, []*lint.Rule{typedRule}, Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 {
		t.Fatalf("got %d findings, want 2: %+v", len(res.Findings), res.Findings)
	}
	typed, bare := res.Findings[0], res.Findings[1]
	if typed.Diagnostic.Message != "typed" || bare.Diagnostic.Message != "bare" {
		t.Fatalf("findings out of order: %q, %q", typed.Diagnostic.Message, bare.Diagnostic.Message)
	}
	if typed.Severity != lint.Note || bare.Severity != lint.Warning {
		t.Errorf("severities = %v, %v; want note (reported) and warning (the rule's)", typed.Severity, bare.Severity)
	}
	var labels []string
	for _, s := range typed.Path {
		labels = append(labels, s.Label)
	}
	if got := strings.Join(labels, " -> "); got != "Entry.handle -> Here.call" {
		t.Errorf("path = %q", got)
	}
	if len(typed.Properties) != 1 || typed.Properties[0] != (lint.Property{Key: "attack", Value: "aaaa!"}) {
		t.Errorf("properties = %+v", typed.Properties)
	}
	// Nothing travels encoded in the diagnostic: no category, and the one
	// related entry is the related location, even though its message
	// starts like a path step did.
	d := typed.Diagnostic
	if d.Category != "" {
		t.Errorf("category = %q, want none", d.Category)
	}
	if len(d.Related) != 1 || d.Related[0].Message != "path: not a step" {
		t.Errorf("related = %+v", d.Related)
	}
	if len(bare.Path) != 0 || len(bare.Properties) != 0 {
		t.Errorf("bare finding got typed fields: %+v", bare)
	}
}

// TestConfiguredSeverityCapsReported: the configured severity applies to
// the severity a rule reported with (a default-severity finding takes it,
// a lower one is capped by it).
func TestConfiguredSeverityCapsReported(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.ts")
	if err := os.WriteFile(file, []byte("export const a = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errSev := lint.Error
	s := &lint.Settings{Rules: map[string]lint.RuleConfig{"test/typed": {Severity: &errSev}}}
	res, err := Run(context.Background(), []string{file}, nil, []*lint.Rule{typedRule}, Options{Jobs: 1, Settings: s})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 2 || res.Findings[0].Severity != lint.Note || res.Findings[1].Severity != lint.Error {
		t.Errorf("findings = %+v", res.Findings)
	}
}
