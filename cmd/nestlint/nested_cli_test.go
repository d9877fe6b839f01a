package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/pipeline"
)

// monorepo writes a workspace with two Nest apps (apps/api, apps/worker),
// each with a controller in src/, src/generated/ and src/legacy/ that
// calls fs.readFileSync on the request path, and three configurations:
//
//   - nestlint.json: sync-io is a warning; apps/*/src/generated/** ignored;
//   - apps/api/nestlint.json: sync-io is an error; src/legacy/** ignored;
//   - apps/worker/nestlint.json: "root": true, sync-io is a note (the
//     root configuration, its ignore included, does not apply).
func monorepo(t *testing.T) string {
	t.Helper()
	files := map[string]string{
		"package.json": `{"name": "acme", "private": true, "workspaces": ["apps/*"]}`,
		"nestlint.json": `{
  // the team's defaults
  "rules": {"event-loop/sync-io": "warning"},
  "ignore": ["apps/*/src/generated/**"],
}`,
		"apps/api/nestlint.json":    `{"rules": {"event-loop/sync-io": "error"}, "ignore": ["src/legacy/**"]}`,
		"apps/worker/nestlint.json": `{"root": true, "rules": {"event-loop/sync-io": "note"}}`,
	}
	for _, app := range []string{"api", "worker"} {
		base := "apps/" + app + "/"
		files[base+"package.json"] = `{"name": "@acme/` + app + `", "dependencies": {"@nestjs/common": "^10.0.0", "@nestjs/core": "^10.0.0"}}`
		files[base+"src/main.ts"] = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(3000);
}
bootstrap();
`
		files[base+"src/app.module.ts"] = `import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ExportController } from './generated/export.controller';
import { LegacyController } from './legacy/legacy.controller';

@Module({ controllers: [ReportsController, ExportController, LegacyController] })
export class AppModule {}
`
		for _, c := range []struct{ file, class, route string }{
			{"src/reports.controller.ts", "ReportsController", "reports"},
			{"src/generated/export.controller.ts", "ExportController", "export"},
			{"src/legacy/legacy.controller.ts", "LegacyController", "legacy"},
		} {
			files[base+c.file] = `import { Controller, Get } from '@nestjs/common';
import * as fs from 'fs';

@Controller('` + c.route + `')
export class ` + c.class + ` {
  @Get()
  read() {
    return fs.readFileSync('/srv/` + c.route + `.json', 'utf8');
  }
}
`
		}
	}
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	writeFiles(t, dir, files)
	writeFiles(t, dir, map[string]string{".git/HEAD": "ref: refs/heads/main\n"})
	return dir
}

// findings returns "file:severity" of each finding in text output.
func findings(stdout string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line == "" {
			continue
		}
		file, rest, _ := strings.Cut(line, ":")
		sev := ""
		for _, s := range []string{"error", "warning", "note"} {
			if strings.Contains(rest, ": "+s+": ") {
				sev = s
			}
		}
		out = append(out, file+":"+sev)
	}
	slices.Sort(out)
	return out
}

func TestNestedConfig(t *testing.T) {
	dir := monorepo(t)
	tests := []struct {
		name  string
		chdir string
		args  []string
		want  []string // file:severity, sorted
	}{
		{name: "from the root", want: []string{
			"apps/api/src/reports.controller.ts:error",            // api's severity over the root's
			"apps/worker/src/generated/export.controller.ts:note", // root: true: the root's ignore does not apply
			"apps/worker/src/legacy/legacy.controller.ts:note",    // api's ignore is api's only
			"apps/worker/src/reports.controller.ts:note",
		}},
		{name: "from apps/api", chdir: "apps/api", want: []string{"apps/api/src/reports.controller.ts:error"}},
		{name: "from apps/api/src", chdir: "apps/api/src", want: []string{"apps/api/src/reports.controller.ts:error"}},
		{name: "from apps/worker", chdir: "apps/worker", want: []string{
			"apps/worker/src/generated/export.controller.ts:note",
			"apps/worker/src/legacy/legacy.controller.ts:note",
			"apps/worker/src/reports.controller.ts:note",
		}},
		{name: "--config: that file only", args: []string{"--config", "nestlint.json"}, want: []string{
			"apps/api/src/legacy/legacy.controller.ts:warning",
			"apps/api/src/reports.controller.ts:warning",
			"apps/worker/src/legacy/legacy.controller.ts:warning",
			"apps/worker/src/reports.controller.ts:warning",
		}},
		{name: "--no-ignore", args: []string{"--no-ignore"}, want: []string{
			"apps/api/src/generated/export.controller.ts:error",
			"apps/api/src/legacy/legacy.controller.ts:error",
			"apps/api/src/reports.controller.ts:error",
			"apps/worker/src/generated/export.controller.ts:note",
			"apps/worker/src/legacy/legacy.controller.ts:note",
			"apps/worker/src/reports.controller.ts:note",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(filepath.Join(dir, tt.chdir))
			args := append([]string{"--no-color", "--no-cache", "--repo-root", dir}, tt.args...)
			r := runSync(t, append(args, ".")...)
			if got := findings(r.stdout); !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n  %s\nwant:\n  %s\n%s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "), r)
			}
			wantCode := exitOK
			if slices.ContainsFunc(tt.want, func(s string) bool { return !strings.HasSuffix(s, ":note") }) {
				wantCode = exitFindings
			}
			if r.code != wantCode {
				t.Errorf("exit %d, want %d\n%s", r.code, wantCode, r)
			}
		})
	}
}

func TestNestedConfigErrorsAllAtOnce(t *testing.T) {
	dir := monorepo(t)
	writeFiles(t, dir, map[string]string{
		"nestlint.json":          "{\n  \"rule\": {},\n  \"scope\": \"everything\"\n}",
		"apps/api/nestlint.json": "{\"rules\": {\n  \"event-loop/sync\": \"off\",\n  \"event-loop/sync-io\": {\"severity\": \"fatal\", \"options\": {\"alow\": []}}\n}}",
	})
	t.Chdir(dir)
	r := runSync(t, "--no-cache", ".")
	if r.code != exitUsage || r.stdout != "" {
		t.Fatalf("%s", r)
	}
	want := []string{
		`nestlint: nestlint.json:2: unknown key "rule" (did you mean rules?)`,
		`nestlint: nestlint.json:3: scope must be "server" or "all", not "everything"`,
		`nestlint: apps/api/nestlint.json:2: unknown rule "event-loop/sync" (did you mean event-loop/sync-io?)`,
		`nestlint: apps/api/nestlint.json:3: event-loop/sync-io: bad severity "fatal"`,
		`nestlint: apps/api/nestlint.json:3: event-loop/sync-io: unknown option "alow" (did you mean allow?)`,
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr misses %q\n%s", w, r)
		}
	}
	if n := strings.Count(r.stderr, "\n"); n != len(want) {
		t.Errorf("%d lines on stderr, want %d\n%s", n, len(want), r)
	}
}

func TestPrintConfig(t *testing.T) {
	dir := monorepo(t)
	var got pipeline.PrintedConfig
	print := func(chdir, file string, args ...string) {
		t.Helper()
		t.Chdir(filepath.Join(dir, chdir))
		r := runSync(t, append(args, "--print-config", file)...)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%s", r)
		}
		got = pipeline.PrintedConfig{}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("%v\n%s", err, r)
		}
	}
	print("", "apps/api/src/reports.controller.ts")
	if got.File != "apps/api/src/reports.controller.ts" || strings.Join(got.ConfigFiles, ",") != "nestlint.json,apps/api/nestlint.json" {
		t.Errorf("files: %+v", got)
	}
	if got.Rules["event-loop/sync-io"].Severity != "error" {
		t.Errorf("severity: %+v", got.Rules)
	}
	if strings.Join(got.Ignore, ",") != "apps/*/src/generated/**,apps/api/src/legacy/**" || got.IgnoreBase != "." {
		t.Errorf("ignore: %q base %q", got.Ignore, got.IgnoreBase)
	}
	print("apps/worker", "src/reports.controller.ts")
	if strings.Join(got.ConfigFiles, ",") != "nestlint.json" || got.Rules["event-loop/sync-io"].Severity != "note" || len(got.Ignore) != 0 {
		t.Errorf("worker: %+v", got)
	}
	print("", "apps/api/src/main.ts", "--skip", "event-loop/sync-io", "--ignore-pattern", "*.gen.ts")
	if got.Rules["event-loop/sync-io"].Severity != "off" || !slices.Contains(got.Ignore, "--ignore-pattern *.gen.ts") {
		t.Errorf("flags: %+v", got)
	}
	t.Chdir(dir)
	if r := runSync(t, "--print-config", "nope.ts"); r.code != exitUsage || !strings.Contains(r.stderr, "nope.ts: no such file") {
		t.Errorf("missing file: %s", r)
	}
}

// TestChangedSinceSummary: the summary says how many changed files were
// reported and how many files were linted for context.
func TestChangedSinceSummary(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "package.json"), "{}\n")
	for _, f := range []string{"a.ts", "b.ts", "c.ts"} {
		writeFile(t, filepath.Join(dir, f), helperTS)
	}
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "add", ".")
	gitRun(t, dir, "commit", "-q", "-m", "init")
	writeFile(t, filepath.Join(dir, "b.ts"), "// edited\n"+helperTS)
	r := runSync(t, "--no-cache", "--changed-since", "HEAD", dir)
	if !strings.Contains(r.stderr, "nestlint: 2 warnings; 1 changed file reported, 3 linted for context\n") {
		t.Errorf("summary:\n%s", r)
	}
	r = runSync(t, "--no-cache", dir)
	if !strings.Contains(r.stderr, "nestlint: 6 warnings in 3 files\n") {
		t.Errorf("summary without --changed-since:\n%s", r)
	}
}

// TestConfigAddedBetweenRuns: nestlint.json lookups in the folders the
// walk saw holding none make no system call (fsrec.SetAbsent); a file
// added before the next run is seen by that run's walk, with the cache on
// (the stored result must not hide it), and the oracle ends with the run.
func TestConfigAddedBetweenRuns(t *testing.T) {
	dir := monorepo(t)
	cache := filepath.Join(t.TempDir(), "cache")
	t.Chdir(dir)
	args := []string{"--no-color", "--cache-location", cache, "--repo-root", dir, "."}
	first := findings(runSync(t, args...).stdout)
	if !slices.Contains(first, "apps/api/src/reports.controller.ts:error") {
		t.Fatalf("first run: %v", first)
	}
	if fsrec.Absent(filepath.Join(dir, "apps", "api", "src", "nestlint.json")) {
		t.Error("the oracle outlived the run")
	}
	writeFiles(t, dir, map[string]string{"apps/api/src/nestlint.json": `{"rules": {"event-loop/sync-io": "note"}}`})
	second := findings(runSync(t, args...).stdout)
	if !slices.Contains(second, "apps/api/src/reports.controller.ts:note") {
		t.Errorf("after apps/api/src/nestlint.json was added: %v, want reports.controller.ts as a note", second)
	}
}
