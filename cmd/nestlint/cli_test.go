package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
)

func TestFlagsAndExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": controllerTS})
	onlyWarn := t.TempDir()
	// A helper of a Nest app that nothing calls: unknown context, a warning.
	writeFiles(t, onlyWarn, map[string]string{
		"package.json": `{"name": "api"}`,
		"main.ts":      "import { NestFactory } from '@nestjs/core';\n",
		"helper.ts":    "import { readFileSync } from 'fs';\n\nexport function load() {\n  return readFileSync('/x');\n}\n",
	})
	missing := filepath.Join(dir, "nope", "x.ts")

	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring; "-" means empty
		stderr     string // substring; "-" means empty
		stderrLine bool   // stderr is exactly one line
	}{
		{name: "unknown flag", args: []string{"--bogus", dir}, code: 2, stdout: "-", stderr: "-bogus", stderrLine: true},
		{name: "unknown short flag", args: []string{"-x"}, code: 2, stderr: "-x", stderrLine: true},
		{name: "unknown format", args: []string{"--format", "xml", dir}, code: 2, stdout: "-", stderr: `unknown format "xml"`, stderrLine: true},
		{name: "bad fail level", args: []string{"--fail-level", "fatal", dir}, code: 2, stderr: `unknown fail level "fatal"`, stderrLine: true},
		{name: "bad jobs", args: []string{"-j", "0", dir}, code: 2, stderr: "-j", stderrLine: true},
		{name: "bad max file size", args: []string{"--max-file-size", "-1", dir}, code: 2, stderr: "--max-file-size", stderrLine: true},
		{name: "flag value missing", args: []string{dir, "--format"}, code: 2, stderr: "-format", stderrLine: true},
		{name: "missing path", args: []string{missing}, code: 2, stdout: "-", stderr: "nestlint: " + missing + ": no such file or directory\n", stderrLine: true},
		{name: "missing second path", args: []string{dir, missing}, code: 2, stderr: missing + ": no such file or directory", stderrLine: true},
		{name: "repo root missing", args: []string{"--repo-root", missing, dir}, code: 2, stderr: "--repo-root", stderrLine: true},
		{name: "output dir missing", args: []string{"-o", filepath.Join(dir, "no", "out.txt"), dir}, code: 2, stderr: filepath.Join(dir, "no") + ": no such file or directory", stderrLine: true},
		{name: "version", args: []string{"--version"}, code: 0, stdout: "nestlint " + buildVersion() + "\ncommit:   ", stderr: "-"},
		{name: "help", args: []string{"-h"}, code: 0, stdout: "usage: nestlint", stderr: "-"},
		{name: "rules", args: []string{"rules"}, code: 0, stdout: "event-loop/sync-io", stderr: "-"},
		{name: "rules extra arg", args: []string{"rules", "x"}, code: 2, stderr: "rules takes no arguments", stderrLine: true},
		{name: "explain known", args: []string{"explain", "event-loop/sync-io"}, code: 0, stdout: "event-loop/sync-io: ", stderr: "-"},
		{name: "explain by go name", args: []string{"explain", "syncio"}, code: 0, stdout: "Suppress one finding", stderr: "-"},
		{name: "explain typo", args: []string{"explain", "event-loop/sync-oi"}, code: 2, stdout: "-", stderr: `unknown rule "event-loop/sync-oi"; did you mean "event-loop/sync-io"?`, stderrLine: true},
		{name: "explain short id", args: []string{"explain", "sync-io"}, code: 2, stderr: `did you mean "event-loop/sync-io"?`, stderrLine: true},
		{name: "explain far off", args: []string{"explain", "completely/different-thing"}, code: 2, stderr: `unknown rule "completely/different-thing"`, stderrLine: true},
		{name: "explain no id", args: []string{"explain"}, code: 2, stderr: "usage: nestlint explain <rule-id>", stderrLine: true},
		{name: "findings fail", args: []string{dir}, code: 1, stdout: "cats.controller.ts:8:12: error:"},
		{name: "flags after path", args: []string{dir, "--format", "json"}, code: 1, stdout: `"rule": "event-loop/sync-io"`},
		{name: "double dash", args: []string{"--", dir}, code: 1, stdout: "cats.controller.ts:8:12"},
		{name: "fail level none", args: []string{"--fail-level", "none", dir}, code: 0, stdout: "cats.controller.ts:8:12"},
		{name: "fail level error", args: []string{"--fail-level", "error", dir}, code: 1},
		{name: "exit zero", args: []string{"--exit-zero", dir}, code: 0, stdout: "cats.controller.ts:8:12"},
		{name: "warning only, default level", args: []string{onlyWarn}, code: 1, stdout: "warning:"},
		{name: "warning only, fail level error", args: []string{"--fail-level", "error", onlyWarn}, code: 0, stdout: "warning:"},
		{name: "warning only, fail level note", args: []string{"--fail-level=note", onlyWarn}, code: 1},
		{name: "silent keeps summary", args: []string{"--silent", dir}, code: 1, stderr: "1 error, 1 warning in 1 file"},
		{name: "output flag long form", args: []string{"--output", filepath.Join(t.TempDir(), "o.txt"), dir}, code: 1, stdout: "-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runSync(t, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\n%s", r.code, tc.code, r)
			}
			check := func(what, got, want string) {
				switch {
				case want == "-" && got != "":
					t.Errorf("%s not empty:\n%s", what, got)
				case want != "-" && !strings.Contains(got, want):
					t.Errorf("%s does not contain %q:\n%s", what, want, got)
				}
			}
			check("stdout", r.stdout, tc.stdout)
			check("stderr", r.stderr, tc.stderr)
			if tc.stderrLine && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr is not one line:\n%s", r.stderr)
			}
		})
	}
}

func TestRulesTableSorted(t *testing.T) {
	t.Parallel()
	r := runCLI(t, "rules")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "SEVERITY") || !strings.Contains(lines[0], "TITLE") {
		t.Fatalf("header = %q", lines[0])
	}
	rs := sortedRules(allRules())
	if len(lines)-1 != len(rs) {
		t.Fatalf("%d rows for %d rules:\n%s", len(lines)-1, len(rs), r.stdout)
	}
	for i, rl := range rs {
		f := strings.Fields(lines[i+1])
		if f[0] != rl.ID || f[1] != rl.Severity.String() || !strings.HasSuffix(lines[i+1], rl.Doc.Title) {
			t.Errorf("row %d = %q, want %s %s %s", i, lines[i+1], rl.ID, rl.Severity, rl.Doc.Title)
		}
	}
}

func TestExplainPrintsHelp(t *testing.T) {
	t.Parallel()
	for _, rl := range sortedRules(allRules()) {
		r := runCLI(t, "explain", rl.ID)
		if r.code != 0 || r.stdout != rl.Help() {
			t.Errorf("explain %s: exit %d, stdout differs from Help()\n%s", rl.ID, r.code, r)
		}
	}
}

func TestParseFlagsDefaults(t *testing.T) {
	t.Parallel()
	o, _, ok := parseFlags(nil, nil, nil)
	if !ok {
		t.Fatal("parseFlags(nil) failed")
	}
	if o.Format != "text" || o.FailLevel != lint.Warning || o.Jobs < 1 || o.MaxFileSize != parser.DefaultMaxFileSize ||
		len(o.Paths) != 1 || o.Paths[0] != "." || o.ExitZero || o.Quiet || o.Category != "" {
		t.Errorf("defaults = %+v", *o)
	}
	o, _, ok = parseFlags([]string{"a", "-j", "3", "b", "--", "-c", "--quiet"}, nil, nil)
	if !ok || o.Jobs != 3 || strings.Join(o.Paths, " ") != "a b -c --quiet" || o.Quiet {
		t.Errorf("interleaved = %+v", *o)
	}
}

// testRuleDoc returns a well-formed rule doc comment for the Go name.
func testRuleDoc(name string) string {
	return "// " + name + ": a rule that always panics\n//\n// It exists to test tool errors.\n//\n// Bad:\n//\n//\tx\n//\n// Good:\n//\n//\ty\npackage " + name + "\n"
}

// panicRule panics on every file it is handed, inside lint.Guard, so the
// tool error names the file; wholePanicRule panics outside any file.
var (
	panicRule = lint.NewRule(lint.Meta{ID: "test/panic", Name: "panicker", Severity: lint.Error}, testRuleDoc("panicker"),
		func(pass *analysis.Pass) (any, error) {
			for _, f := range parser.Of(pass).Files {
				lint.Guard(pass, f.Path, func() { panic("boom in " + filepath.Base(f.Path)) })
			}
			return nil, nil
		}, parser.Analyzer, lint.EnvAnalyzer) // Guard records errors in the Env
	wholePanicRule = lint.NewRule(lint.Meta{ID: "test/panic-all", Name: "panicall", Severity: lint.Error}, testRuleDoc("panicall"),
		func(pass *analysis.Pass) (any, error) { panic(errors.New("whole-project boom")) }, parser.Analyzer)
)

func TestToolErrorExitsThreeAndSARIFStaysValid(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	rs := []*lint.Rule{syncio.Rule, panicRule, wholePanicRule}
	out := filepath.Join(t.TempDir(), "out.sarif")
	r := runRules(t, rs, "--format", "sarif", "--exit-zero", "-o", out, dir)
	if r.code != exitInternal {
		t.Fatalf("exit %d, want 3\n%s", r.code, r)
	}
	for _, want := range []string{
		"src/cats.controller.ts: error: panic: boom in cats.controller.ts [test/panic]",
		"nestlint: error: panic: whole-project boom [test/panic-all]",
		"stack of the panicker failure",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.ValidateSchema(data); err != nil {
		t.Errorf("SARIF is not valid: %v", err)
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
					AssociatedRule *struct {
						ID string `json:"id"`
					} `json:"associatedRule"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful is true after a rule panicked")
	}
	found := false
	for _, n := range inv.ToolExecutionNotifications {
		if n.Level == "error" && n.AssociatedRule != nil && n.AssociatedRule.ID == "test/panic" &&
			len(n.Locations) == 1 && n.Locations[0].PhysicalLocation.ArtifactLocation.URI == "src/cats.controller.ts" {
			found = true
		}
		if strings.Contains(n.Message.Text, "goroutine") || strings.Contains(n.Message.Text, dir) {
			t.Errorf("notification leaks a stack or an absolute path: %q", n.Message.Text)
		}
	}
	if !found {
		t.Errorf("no error notification names test/panic and the file: %+v", inv.ToolExecutionNotifications)
	}
	if len(log.Runs[0].Results) != 1 {
		t.Errorf("the other rules' results are lost: %d results", len(log.Runs[0].Results))
	}
}

// TestCacheKeepsOutput: a cold run, a warm run and a run without the
// cache print the same bytes, at -j 1 and -j 4; the warm run takes every
// file's facts from the cache (--timing says so), and a corrupt cache is
// a notice, not a wrong answer.
func TestCacheKeepsOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, twoFileApp)
	cache := filepath.Join(t.TempDir(), "cache")
	cold := runSync(t, "--cache-location", cache, "--format", "json", "-j", "1", dir)
	warm := runSync(t, "--cache-location", cache, "--format", "json", "-j", "4", "--timing", dir)
	none := runSync(t, "--no-cache", "--format", "json", "--timing", dir)
	if cold.code != exitFindings || cold.stdout != warm.stdout || cold.stdout != none.stdout {
		t.Fatalf("outputs differ:\ncold %s\nwarm %s\nnone %s", cold, warm, none)
	}
	if !strings.Contains(none.stderr, "(3 files parsed, 0 from the cache)") {
		t.Errorf("--timing without the cache does not count the files parsed:\n%s", none.stderr)
	}
	if !strings.Contains(warm.stderr, "results (cached)") || strings.Contains(warm.stderr, "files parsed") {
		t.Errorf("the warm run did not take the program's results from the cache:\n%s", warm.stderr)
	}
	// A new -j is no new input: still the cached results. Without the
	// results file, the facts of every file come from the pack.
	results, _ := filepath.Glob(filepath.Join(cache, "results-*.pack"))
	if len(results) != 1 {
		t.Fatalf("results files: %v", results)
	}
	if err := os.Remove(results[0]); err != nil {
		t.Fatal(err)
	}
	facts := runSync(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	if facts.stdout != cold.stdout || !strings.Contains(facts.stderr, "(0 files parsed, 3 from the cache)") {
		t.Errorf("the run from cached facts differs or parsed again:\n%s", facts)
	}
	for _, name := range []string{"facts.pack", filepath.Base(results[0])} {
		pack := filepath.Join(cache, name)
		data, err := os.ReadFile(pack)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pack, data[:len(data)/2], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	broken := runSync(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	diags := func(out string) string {
		var doc struct{ Diagnostics json.RawMessage }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return string(doc.Diagnostics)
	}
	if diags(broken.stdout) != diags(cold.stdout) || !strings.Contains(broken.stderr, "not trusted, rebuilt") || !strings.Contains(broken.stderr, "(3 files parsed, 0 from the cache)") {
		t.Errorf("a truncated cache was not rebuilt cleanly:\n%s", broken)
	}
	if strings.Count(broken.stderr, "not trusted, rebuilt") != 2 {
		t.Errorf("want one notice for the pack and one for the results file:\n%s", broken.stderr)
	}
	if again := runSync(t, "--cache-location", cache, "--format", "json", "--timing", dir); !strings.Contains(again.stderr, "results (cached)") || again.stdout != cold.stdout {
		t.Errorf("not rebuilt:\n%s", again.stderr)
	}
}
