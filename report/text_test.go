package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

func TestTextGolden(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	got := format(t, Text{}, r)
	golden(t, "text.golden", got)
	if bytes.Contains(got, []byte("\x1b[")) {
		t.Error("colour without Color")
	}
	if bytes.Contains(got, []byte("CaféService")) {
		t.Error("suppressed finding printed")
	}
	// wörld on unicode.ts line 2 is UTF-16 column 35.
	if !bytes.Contains(got, []byte("fingerprints/unicode.ts:2:35: error: ")) {
		t.Errorf("want UTF-16 column 35 for wörld:\n%s", got)
	}
	if !bytes.Contains(got, []byte("(via CatsController.findAll -> CatsService.load) [event-loop/sync-io]")) {
		t.Errorf("want the path after the message:\n%s", got)
	}
}

func TestTextColor(t *testing.T) {
	t.Parallel()
	got := string(format(t, Text{Color: true}, testRun(t)))
	for _, want := range []string{ansiBold + ansiRed + "error" + ansiReset, ansiBold + ansiYellow + "warning" + ansiReset, ansiDim + "[event-loop/sync-io]" + ansiReset} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%q", want, got)
		}
	}
}

func TestTextOneLinePerFinding(t *testing.T) {
	t.Parallel()
	r := &Run{Diagnostics: []Diagnostic{{RuleID: "x/y", Severity: lint.Error, Message: "a\nb\r\nc", Location: Location{File: "a.ts"}}}}
	if got, want := string(format(t, Text{}, r)), "a.ts:1:1: error: a b c [x/y]\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteNotices(t *testing.T) {
	t.Parallel()
	src := func(f string) ([]byte, bool) {
		if f == "a.ts" {
			return []byte("line1\n  bad();\n"), true
		}
		return nil, false
	}
	tests := []struct {
		name   string
		notice Notice
		source func(string) ([]byte, bool)
		want   string
	}{
		{"with position", Notice{Level: lint.Error, Message: "cannot parse file", File: "a.ts", Start: 8, RuleID: "nestlint/parse-error"}, src,
			"a.ts:2:3: error: cannot parse file [nestlint/parse-error]\n"},
		{"file without offset", Notice{Level: lint.Warning, Message: "skipped", File: "a.ts", Start: -1}, src, "a.ts: warning: skipped\n"},
		{"unreadable file", Notice{Level: lint.Warning, Message: "skipped", File: "b.ts", Start: 3}, src, "b.ts: warning: skipped\n"},
		{"nil source", Notice{Level: lint.Warning, Message: "skipped", File: "a.ts", Start: 3}, nil, "a.ts: warning: skipped\n"},
		{"no file", Notice{Level: lint.Note, Message: "sarif: kept 25000 of 25001 results", Start: -1}, nil, "nestlint: notice: sarif: kept 25000 of 25001 results\n"},
		{"rule panicked", Notice{Level: lint.Error, Message: "rule panicked: boom", RuleID: "di/x", Start: -1}, nil, "nestlint: error: rule panicked: boom [di/x]\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteNotices(&b, []Notice{tc.notice}, tc.source); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got %q, want %q", b.String(), tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	t.Parallel()
	d := func(s lint.Severity, suppressed bool) Diagnostic {
		return Diagnostic{Severity: s, Suppressed: suppressed}
	}
	tests := []struct {
		name  string
		ds    []Diagnostic
		files int
		want  string
	}{
		{"clean", nil, 12, "no problems in 12 files"},
		{"one file", nil, 1, "no problems in 1 file"},
		{"mixed", []Diagnostic{d(lint.Error, false), d(lint.Error, false), d(lint.Error, false), d(lint.Warning, false), d(lint.Warning, false)}, 12, "3 errors, 2 warnings in 12 files"},
		{"singular", []Diagnostic{d(lint.Error, false), d(lint.Note, false)}, 1, "1 error, 1 note in 1 file"},
		{"suppressed only", []Diagnostic{d(lint.Error, true)}, 2, "no problems in 2 files (1 suppressed)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Summary(&Run{Diagnostics: tc.ds, FilesLinted: tc.files}); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
