package pipeline

import (
	"os"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

func TestUseColor(t *testing.T) {
	if useColor(&strings.Builder{}, false) {
		t.Error("colour for a non-file writer")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if useColor(f, false) {
		t.Error("colour for a regular file")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		t.Setenv("NO_COLOR", "")
		if !useColor(tty, false) {
			t.Error("no colour for a terminal")
		}
		if useColor(tty, true) {
			t.Error("colour despite --no-color")
		}
		t.Setenv("NO_COLOR", "1")
		if useColor(tty, false) {
			t.Error("colour despite NO_COLOR")
		}
	}
}

func TestEditDistanceAndSuggest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"sync-io", "sync-oi", 2}, {"é", "e", 1},
	}
	for _, tc := range tests {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	rs := sortedRules(allRules())
	for _, tc := range []struct{ in, want string }{
		{"event-loop/sync-i", "event-loop/sync-io"},
		{"EVENT-LOOP/SYNC-IO", "event-loop/sync-io"},
		{"syncoi", "event-loop/sync-io"},
		{"di/zzzzzzzzzzzzzz", ""},
	} {
		if got := suggest(tc.in, rs); got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestExitCode(t *testing.T) {
	t.Parallel()
	diag := func(sev lint.Severity, suppressed bool) report.Diagnostic {
		return report.Diagnostic{RuleID: "x/y", Severity: sev, Suppressed: suppressed}
	}
	tests := []struct {
		name     string
		diags    []report.Diagnostic
		ok       bool
		level    lint.Severity
		exitZero bool
		want     int
	}{
		{"clean", nil, true, lint.Warning, false, 0},
		{"warning at warning", []report.Diagnostic{diag(lint.Warning, false)}, true, lint.Warning, false, 1},
		{"note under warning", []report.Diagnostic{diag(lint.Note, false)}, true, lint.Warning, false, 0},
		{"note at note", []report.Diagnostic{diag(lint.Note, false)}, true, lint.Note, false, 1},
		{"suppressed error", []report.Diagnostic{diag(lint.Error, true)}, true, lint.Note, false, 0},
		{"none", []report.Diagnostic{diag(lint.Error, false)}, true, lint.Off, false, 0},
		{"exit zero", []report.Diagnostic{diag(lint.Error, false)}, true, lint.Warning, true, 0},
		{"tool error", nil, false, lint.Warning, false, 3},
		{"tool error with exit zero", []report.Diagnostic{diag(lint.Error, false)}, false, lint.Warning, true, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &report.Run{Diagnostics: tc.diags, Successful: tc.ok}
			if got := exitCode(r, &options{FailLevel: tc.level, ExitZero: tc.exitZero}); got != tc.want {
				t.Errorf("exitCode = %d, want %d", got, tc.want)
			}
		})
	}
}
