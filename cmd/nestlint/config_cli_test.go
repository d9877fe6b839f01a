package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repo makes a temporary repository (a .git folder, a package.json) with
// the files, and makes it the current folder.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	all := map[string]string{"package.json": `{"name": "app"}`}
	for k, v := range files {
		all[k] = v
	}
	writeFiles(t, dir, all)
	t.Chdir(dir)
	return dir
}

const handlerTS = `import { Injectable } from '@nestjs/common';
import { Handler } from './handler';
import * as fs from 'fs';

@Injectable()
export class Jobs {
  @Handler()
  run() {
    return fs.readFileSync('/etc/job.json', 'utf8');
  }
}
`

func TestConfigCLI(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		chdir string // folder to run from, relative to the repository
		args  []string
		code  int
		out   []string // substrings of stdout
		notIn []string // not in stdout
		err   string   // substring of stderr
	}{
		{name: "no config", files: map[string]string{"src/cats.controller.ts": requestOnlyTS},
			code: 1, out: []string{"event-loop/sync-io"}},
		{name: "rule off", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"nestlint.json": `{"rules": {"event-loop/sync-io": "off"}}`}, code: 0, notIn: []string{"event-loop/sync-io"}},
		{name: "severity note", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"nestlint.json": `{"rules": {"event-loop/sync-io": "note"}}`}, code: 0, out: []string{"note"}},
		{name: "family wildcard off", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"nestlint.json": "{\"rules\": {\"event-loop/*\": \"off\",},} // jsonc"}, code: 0, notIn: []string{"event-loop/sync-io"}},
		{name: "exact over wildcard", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"nestlint.json": `{"rules": {"event-loop/*": "off", "event-loop/sync-io": "error"}}`}, code: 1, out: []string{"event-loop/sync-io"}},
		{name: "config in a parent folder", chdir: "src/cats", files: map[string]string{"src/cats/cats.controller.ts": requestOnlyTS,
			"nestlint.json": `{"rules": {"event-loop/sync-io": "off"}}`}, code: 0, notIn: []string{"event-loop/sync-io"}},
		{name: "explicit --config", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"conf/other.json": `{"rules": {"event-loop/sync-io": "off"}}`}, args: []string{"--config", "conf/other.json"}, code: 0, notIn: []string{"event-loop/sync-io"}},
		{name: "missing --config", files: map[string]string{"src/cats.controller.ts": requestOnlyTS},
			args: []string{"--config", "nope.json"}, code: 2, err: "nestlint: nope.json: no such file\n"},
		{name: "bad config", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"nestlint.json": "{\n  \"rules\": {\n    \"event-loop/sync\": \"off\"\n  }\n}"}, code: 2,
			err: "nestlint: nestlint.json:3: unknown rule \"event-loop/sync\" (did you mean event-loop/sync-io?)\n"},
		{name: "bad config from a subfolder", chdir: "src", files: map[string]string{"src/cats.controller.ts": requestOnlyTS,
			"nestlint.json": "{\"ignores\": []}"}, code: 2, err: "nestlint: ../nestlint.json:1: unknown key \"ignores\" (did you mean ignore?)\n"},
		{name: "ignore hides a finding", files: map[string]string{"src/gen/cats.controller.ts": requestOnlyTS,
			"nestlint.json": `{"ignore": ["src/gen/**"]}`}, code: 0, notIn: []string{"event-loop/sync-io"}},
		{name: "offline glob", files: map[string]string{"src/jobs/cats.controller.ts": requestOnlyTS, "src/main.ts": "import { NestFactory } from '@nestjs/core';\n",
			"nestlint.json": `{"offline": ["src/jobs/**"]}`}, code: 0, notIn: []string{"on the request path"}},
		{name: "offline glob of a nested config", files: map[string]string{"src/jobs/cats.controller.ts": requestOnlyTS, "src/main.ts": "import { NestFactory } from '@nestjs/core';\n",
			"src/nestlint.json": `{"offline": ["jobs/**"]}`}, code: 0, notIn: []string{"on the request path"}},
		{name: "without offline glob", files: map[string]string{"src/jobs/cats.controller.ts": requestOnlyTS, "src/main.ts": "import { NestFactory } from '@nestjs/core';\n"},
			code: 1, out: []string{"on the request path"}},
		{name: "without entryPoints", files: map[string]string{"src/jobs.ts": handlerTS, "src/handler.ts": "export function Handler(): MethodDecorator { return () => {}; }\n"},
			args: []string{"--fail-level", "error"}, code: 0, notIn: []string{"on the request path"}},
		{name: "entryPoints", files: map[string]string{"src/jobs.ts": handlerTS, "src/handler.ts": "export function Handler(): MethodDecorator { return () => {}; }\n",
			"nestlint.json": `{"entryPoints": ["@Handler"]}`}, args: []string{"--fail-level", "error"}, code: 1, out: []string{"on the request path", "error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := repo(t, tt.files)
			if tt.chdir != "" {
				t.Chdir(filepath.Join(dir, tt.chdir))
			}
			args := append([]string{"--no-color", "--repo-root", dir}, tt.args...)
			args = append(args, filepath.Join(dir, "src"))
			r := runSync(t, args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tt.code, r)
			}
			for _, s := range tt.out {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout misses %q\n%s", s, r)
				}
			}
			for _, s := range tt.notIn {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout has %q\n%s", s, r)
				}
			}
			if tt.err != "" && !strings.Contains(r.stderr, tt.err) {
				t.Errorf("stderr misses %q\n%s", tt.err, r)
			}
			if tt.code == 2 && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("want one line on stderr\n%s", r)
			}
		})
	}
}

func TestConfigOffNotInSARIF(t *testing.T) {
	dir := repo(t, map[string]string{"src/cats.controller.ts": requestOnlyTS,
		"nestlint.json": `{"rules": {"event-loop/sync-io": "off", "hidden-class/*": "off"}}`})
	r := runCLI(t, "--format", "sarif", "--repo-root", dir, filepath.Join(dir, "src"))
	if r.code != 0 {
		t.Fatalf("%s", r)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	ids := log.Runs[0].Tool.Driver.Rules
	if len(ids) == 0 {
		t.Fatal("no rules in the SARIF log")
	}
	for _, rule := range ids {
		if rule.ID == "event-loop/sync-io" || strings.HasPrefix(rule.ID, "hidden-class/") {
			t.Errorf("rule %s is off but listed", rule.ID)
		}
	}
}

func TestInit(t *testing.T) {
	dir := repo(t, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	r := runCLI(t, "init")
	if r.code != 0 || r.stdout != "wrote nestlint.json\n" {
		t.Fatalf("%s", r)
	}
	data, err := os.ReadFile(filepath.Join(dir, "nestlint.json"))
	if err != nil || !bytes.Contains(data, []byte(`"$schema": "./nestlint.schema.json"`)) || !bytes.Contains(data, []byte(`"dist/**"`)) {
		t.Fatalf("starter: %v\n%s", err, data)
	}
	// The starter loads and keeps the defaults.
	if r := runSync(t, "--repo-root", dir, filepath.Join(dir, "src")); r.code != 1 || !strings.Contains(r.stdout, "event-loop/sync-io") {
		t.Errorf("lint with the starter config: %s", r)
	}
	// It never overwrites.
	os.WriteFile(filepath.Join(dir, "nestlint.json"), []byte("{}"), 0o644)
	if r := runCLI(t, "init"); r.code != 2 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second init: %s", r)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "nestlint.json")); string(data) != "{}" {
		t.Errorf("overwritten: %s", data)
	}
	if r := runCLI(t, "init", "x"); r.code != 2 {
		t.Errorf("init x: %s", r)
	}
}

// TestGraphUsesConfig: nestlint graph runs the lint pipeline up to the
// model, config included: a config entry-point decorator makes an entry
// point in the graph as it does in linting.
func TestGraphUsesConfig(t *testing.T) {
	files := map[string]string{"src/jobs.ts": handlerTS, "src/handler.ts": "export function Handler(): MethodDecorator { return () => {}; }\n"}
	dir := repo(t, files)
	without := runSync(t, "graph", dir)
	if without.code != exitOK || strings.Contains(without.stdout, "Jobs.run") {
		t.Fatalf("without config:\n%s", without)
	}
	writeFiles(t, dir, map[string]string{"nestlint.json": `{"entryPoints": ["@Handler"]}`})
	with := runSync(t, "graph", dir)
	if with.code != exitOK || !strings.Contains(with.stdout, "Jobs.run") {
		t.Errorf("config entry point missing from the graph:\n%s", with)
	}
	if bad := runSync(t, "graph", "-j", "0", dir); bad.code != exitUsage {
		t.Errorf("-j 0: %s", bad)
	}
}
