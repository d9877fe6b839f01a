package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/nestlint/unuseddisable"
)

// TestESLintFlags drives the flags an eslint user knows through run, in a
// repository with controllerTS (an error at line 8, a warning at line 14)
// and helperTS (two warnings).
func TestESLintFlags(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string // added to the fixture
		args   []string
		path   string // what to lint, relative to the repository (default src)
		code   int
		out    []string // substrings of stdout
		notOut []string // not in stdout
		err    []string // substrings of stderr
		notErr []string
	}{
		{name: "quiet reports errors only", args: []string{"--quiet"}, code: 1,
			out: []string{"cats.controller.ts:8:12: error"}, notOut: []string{"warning"},
			err: []string{"nestlint: 1 error in 2 files"}},
		{name: "quiet with only warnings exits 0", args: []string{"--quiet"}, path: "src/helper.ts", code: 0,
			notOut: []string{"warning"}, err: []string{"no problems in 1 file"}},
		{name: "quiet keeps notices", args: []string{"--quiet"}, files: map[string]string{"src/broken.ts": "export class {\n"},
			code: 1, err: []string{"broken.ts"}},
		{name: "silent drops notices, keeps warnings", args: []string{"--silent"}, files: map[string]string{"src/broken.ts": "export class {\n"},
			code: 1, out: []string{"warning"}, notErr: []string{"broken.ts"}},
		{name: "max-warnings under the limit", args: []string{"--max-warnings", "2"}, path: "src/helper.ts", code: 0,
			out: []string{"warning"}, notErr: []string{"too many warnings"}},
		{name: "max-warnings over the limit", args: []string{"--max-warnings", "1"}, path: "src/helper.ts", code: 1,
			err: []string{"nestlint: too many warnings: 2 (--max-warnings 1)"}},
		{name: "max-warnings with exit-zero", args: []string{"--max-warnings", "0", "--exit-zero"}, path: "src/helper.ts", code: 0,
			err: []string{"too many warnings"}},
		{name: "max-warnings counts warnings --quiet hides", args: []string{"--max-warnings", "0", "--quiet"}, path: "src/helper.ts", code: 1,
			notOut: []string{"warning"}, err: []string{"too many warnings: 2"}},
		{name: "max-warnings with an explicit fail level", args: []string{"--max-warnings", "5", "--fail-level", "warning"}, path: "src/helper.ts", code: 1},
		{name: "max-warnings negative", args: []string{"--max-warnings", "-3"}, code: 2, err: []string{"--max-warnings must be 0 or more"}},
		{name: "errors still fail under max-warnings", args: []string{"--max-warnings", "10"}, path: "src/cats.controller.ts", code: 1},
		{name: "-f json", args: []string{"-f", "json"}, code: 1, out: []string{`"rule": "event-loop/sync-io"`}},
		{name: "-f unknown", args: []string{"-f", "xml"}, code: 2, err: []string{"unknown format"}},
		{name: "only a glob", args: []string{"--only", "event-loop/*"}, code: 1, out: []string{"event-loop/sync-io"}},
		{name: "only an unknown id", args: []string{"--only", "event-loop/sync-i"}, code: 2,
			err: []string{"--only event-loop/sync-i: no rule matches; did you mean event-loop/sync-io?"}},
		{name: "skip an unknown family", args: []string{"--skip", "event-lop/*"}, code: 2,
			err: []string{"--skip event-lop/*: no rule matches; did you mean event-loop/*?"}},
		{name: "skip nothing like a rule", args: []string{"--skip", "zzzzzzzz"}, code: 2, err: []string{"no rule matches (nestlint rules lists them)"}},
		{name: "skip the family", args: []string{"--skip", "event-loop/*"}, code: 0, notOut: []string{"sync-io"}},
		{name: "skip repeated", args: []string{"--skip", "nestlint/unused-disable", "--skip", "event-loop/sync-io"}, code: 0, notOut: []string{"sync-io"}},
		{name: "only overrides a config off", files: map[string]string{"nestlint.json": `{"rules": {"event-loop/sync-io": "off"}}`},
			args: []string{"--only", "event-loop/sync-io"}, code: 1, out: []string{"event-loop/sync-io"}},
		{name: "config off without only", files: map[string]string{"nestlint.json": `{"rules": {"event-loop/sync-io": "off"}}`},
			code: 0, notOut: []string{"event-loop/sync-io"}},
		{name: "ignore-pattern folder", files: map[string]string{"src/gen/cats.controller.ts": requestOnlyTS},
			args: []string{"--ignore-pattern", "gen/", "--only", "event-loop/sync-io"}, code: 1,
			out: []string{"src/cats.controller.ts"}, notOut: []string{"src/gen/"}},
		{name: "ignore-pattern any depth and negation", args: []string{"--ignore-pattern", "*.ts", "--ignore-pattern", "!helper.ts"},
			code: 1, out: []string{"helper.ts"}, notOut: []string{"cats.controller.ts"}},
		{name: "ignore-pattern anchored", files: map[string]string{"lib/src/x.controller.ts": requestOnlyTS},
			args: []string{"--ignore-pattern", "/src"}, path: ".", code: 1,
			out: []string{"lib/src/x.controller.ts"}, notOut: []string{"helper.ts", "\nsrc/"}},
		{name: "ignore-pattern invalid", args: []string{"--ignore-pattern", "a/[b"}, code: 2, err: []string{"--ignore-pattern: invalid pattern"}},
		{name: "no-ignore disables config and flag ignores", files: map[string]string{"nestlint.json": `{"ignore": ["src/cats.controller.ts"]}`},
			args: []string{"--no-ignore", "--ignore-pattern", "helper.ts"}, code: 1, out: []string{"cats.controller.ts", "helper.ts"}},
		{name: "config ignore without no-ignore", files: map[string]string{"nestlint.json": `{"ignore": ["src/cats.controller.ts"]}`},
			code: 1, out: []string{"helper.ts"}, notOut: []string{"cats.controller.ts"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"src/cats.controller.ts": controllerTS, "src/helper.ts": helperTS}
			for k, v := range tt.files {
				files[k] = v
			}
			dir := repo(t, files)
			p := tt.path
			if p == "" {
				p = "src"
			}
			args := append([]string{"--no-color", "--no-cache", "--repo-root", dir}, tt.args...)
			r := runRules(t, []*lint.Rule{syncio.Rule, unuseddisable.Rule}, append(args, filepath.Join(dir, p))...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tt.code, r)
			}
			for _, s := range tt.out {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout misses %q\n%s", s, r)
				}
			}
			for _, s := range tt.notOut {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout has %q\n%s", s, r)
				}
			}
			for _, s := range tt.err {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr misses %q\n%s", s, r)
				}
			}
			for _, s := range tt.notErr {
				if strings.Contains(r.stderr, s) {
					t.Errorf("stderr has %q\n%s", s, r)
				}
			}
		})
	}
}

func TestHelp(t *testing.T) {
	// Every subcommand is in the usage text and has its help, by
	// --help, -h and `nestlint help CMD`, exit 0 on stdout.
	for _, c := range subcommands {
		if !strings.Contains(usageText, "nestlint "+c.name) {
			t.Errorf("usage text does not list %s", c.name)
		}
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			r := runCLI(t, args...)
			if r.code != exitOK || !strings.HasPrefix(r.stdout, "usage: nestlint "+c.name) || r.stderr != "" {
				t.Errorf("%v: %s", args, r)
			}
		}
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"help", "lint"}} {
		if r := runCLI(t, args...); r.code != exitOK || r.stdout != usageText {
			t.Errorf("%v: %s", args, r)
		}
	}
	if r := runCLI(t, "help", "nope"); r.code != exitUsage || !strings.Contains(r.stderr, `unknown command "nope"`) {
		t.Errorf("help nope: %s", r)
	}
	if r := runCLI(t, "help", "rules", "x"); r.code != exitUsage {
		t.Errorf("help rules x: %s", r)
	}
	// After "--", -h is an argument: explain then looks the rule up.
	if r := runCLI(t, "explain", "--", "-h"); r.code != exitUsage || strings.Contains(r.stdout, "usage:") {
		t.Errorf("explain -- -h: %s", r)
	}
	// Every flag of the lint command is in the usage text.
	for _, f := range []string{"--quiet", "--silent", "--max-warnings", "--only", "--skip", "-f,", "--color", "--no-color",
		"--ignore-pattern", "--no-ignore", "--print-config", "--config"} {
		if !strings.Contains(usageText, f) {
			t.Errorf("usage text misses %s", f)
		}
	}
}

func TestOutputNeverOverwritesInputs(t *testing.T) {
	for _, tt := range []struct {
		name, out string
		create    bool // the output exists before the run
		err       string
	}{
		{name: "a source file", out: "src/cats.controller.ts", create: true, err: "-o src/cats.controller.ts: refusing to overwrite a source file (.ts)"},
		{name: "a new .ts file", out: "report.ts", err: "refusing to overwrite a source file (.ts)"},
		{name: "a .mjs file", out: "out/report.MJS", err: "refusing to overwrite a source file (.mjs)"},
		{name: "package.json", out: "package.json", create: true, err: "refusing to overwrite a project file"},
		{name: "a config", out: "nestlint.json", create: true, err: "refusing to overwrite a project file"},
		{name: "a tsconfig", out: "tsconfig.app.json", create: true, err: "refusing to overwrite a project file"},
		{name: "a Dockerfile input", out: "Dockerfile", create: true, err: "-o Dockerfile: refusing to overwrite an input of the run"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"src/cats.controller.ts": requestOnlyTS, "Dockerfile": "FROM node:20\nCMD [\"node\", \"dist/main.js\"]\n",
				"nestlint.json": "{}", "tsconfig.app.json": "{}", "out/.keep": ""}
			dir := repo(t, files)
			before := map[string][]byte{}
			for name := range files {
				before[name], _ = os.ReadFile(filepath.Join(dir, name))
			}
			r := runSync(t, "-o", tt.out, ".")
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.err) || r.stdout != "" {
				t.Fatalf("%s", r)
			}
			for name, data := range before {
				if now, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(now, data) {
					t.Errorf("%s changed", name)
				}
			}
			if !tt.create {
				if _, err := os.Stat(filepath.Join(dir, tt.out)); err == nil {
					t.Errorf("%s created", tt.out)
				}
			}
		})
	}
	// --write-baseline follows the same rule.
	dir0 := repo(t, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	if r := runSync(t, "--write-baseline", "src/cats.controller.ts", "."); r.code != exitUsage ||
		!strings.Contains(r.stderr, "--write-baseline src/cats.controller.ts: refusing to overwrite a source file") {
		t.Errorf("--write-baseline onto a source: %s", r)
	}
	if data, _ := os.ReadFile(filepath.Join(dir0, "src/cats.controller.ts")); string(data) != requestOnlyTS {
		t.Error("source overwritten by --write-baseline")
	}
	// A report file is still written.
	dir := repo(t, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	if r := runSync(t, "-o", "report.json", "-f", "json", "."); r.code != exitFindings {
		t.Fatalf("%s", r)
	}
	var v any
	if data, err := os.ReadFile(filepath.Join(dir, "report.json")); err != nil || json.Unmarshal(data, &v) != nil {
		t.Errorf("report.json: %v", err)
	}
}

// TestDisableDirectiveForDisabledRule: a directive naming a rule that is
// known but off is accepted silently; once the rule is on, the unused
// directive is reported, and an unknown id always is.
func TestDisableDirectiveForDisabledRule(t *testing.T) {
	src := "// nestlint-disable-next-line event-loop/sync-io -- startup only\nexport const x = 1;\n" +
		"// nestlint-disable-next-line event-loop/* -- family\nexport const y = 2;\n"
	for _, tt := range []struct {
		name, config string
		args         []string
		unused       int // unused-disable findings
	}{
		{name: "rule on", config: `{}`, unused: 2},
		{name: "rule off in config", config: `{"rules": {"event-loop/sync-io": "off"}}`, unused: 0},
		{name: "family off in config", config: `{"rules": {"event-loop/*": "off"}}`, unused: 0},
		{name: "rule skipped", config: `{}`, args: []string{"--skip", "event-loop/sync-io"}, unused: 0},
		{name: "unused-disable off", config: `{"rules": {"nestlint/unused-disable": "off"}}`, unused: 0},
		{name: "unused-disable as error", config: `{"rules": {"nestlint/unused-disable": "error"}}`, unused: 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := repo(t, map[string]string{"src/x.ts": src, "nestlint.json": tt.config})
			args := append([]string{"--scope", "all", "--no-cache", "--repo-root", dir}, tt.args...)
			r := runSyncUnused(t, append(args, filepath.Join(dir, "src"))...)
			if got := strings.Count(r.stdout, "[nestlint/unused-disable]"); got != tt.unused {
				t.Errorf("%d unused-disable findings, want %d\n%s", got, tt.unused, r)
			}
			if strings.Contains(r.stdout, "unknown rule id") {
				t.Errorf("a known rule called unknown:\n%s", r)
			}
			if tt.name == "unused-disable as error" && !strings.Contains(r.stdout, ": error: unused") {
				t.Errorf("severity of the config not applied:\n%s", r)
			}
		})
	}
	// An unknown id is still reported.
	dir := repo(t, map[string]string{"src/x.ts": "// nestlint-disable-next-line event-loop/nope -- x\nexport const x = 1;\n",
		"nestlint.json": `{"rules": {"event-loop/sync-io": "off"}}`})
	r := runSyncUnused(t, "--scope", "all", "--no-cache", "--repo-root", dir, filepath.Join(dir, "src"))
	if !strings.Contains(r.stdout, `unknown rule id "event-loop/nope"`) {
		t.Errorf("unknown id not reported:\n%s", r)
	}
}
