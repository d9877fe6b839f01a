package main

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/hiddenclass/latefield"
	"github.com/nestlint/nestlint/rules/lint"
)

// TestCachedResultsFollowCmdScript: the script a Dockerfile CMD runs is a
// parse-stage input: editing it (and nothing else) makes the cached
// results stale, and the warm run then prints what a run without the
// cache prints, without parsing the TypeScript files again.
func TestCachedResultsFollowCmdScript(t *testing.T) {
	dir := t.TempDir()
	files := maps.Clone(containerApp)
	files["Dockerfile"] = "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"./docker/start.sh\"]\n"
	files["docker/start.sh"] = "#!/bin/sh\nset -e\nexec node dist/main.js\n"
	writeFiles(t, dir, files)
	cache := filepath.Join(t.TempDir(), "cache")
	cold := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	warm := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	if warm.stdout != cold.stdout || !strings.Contains(warm.stderr, "results (cached)") {
		t.Fatalf("warm run:\ncold %s\nwarm %s", cold, warm)
	}
	if strings.Contains(cold.stdout, "start.sh") {
		t.Fatalf("a script ending in exec node was reported:\n%s", cold.stdout)
	}

	script := filepath.Join(dir, "docker", "start.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nset -e\nnpm run start:prod\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	none := runContainer(t, "--no-cache", "--format", "json", dir)
	if edited.stdout != none.stdout || strings.Contains(edited.stderr, "results (cached)") {
		t.Fatalf("a stale result after the script changed:\nedited %s\nnone %s", edited, none)
	}
	if !strings.Contains(edited.stdout, "./docker/start.sh") || !strings.Contains(edited.stdout, "npm run start:prod") {
		t.Errorf("the script ending in npm was not reported:\n%s", edited.stdout)
	}
	if !strings.Contains(edited.stderr, "(0 files parsed, 3 from the cache)") {
		t.Errorf("the TypeScript files were parsed again:\n%s", edited.stderr)
	}
}

// TestCachedResultsFollowTsconfig: the compiler settings are model facts
// computed before the rules run; editing the tsconfig they come from makes
// the cached results stale.
func TestCachedResultsFollowTsconfig(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"package.json":  `{"name": "api"}`,
		"tsconfig.json": `{"compilerOptions": {"target": "ES2021"}}`,
		"src/cats.service.ts": `import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class CatsService implements OnModuleInit {
  private names: string[];

  onModuleInit() {
    this.names = ['tom'];
  }
}
`,
	})
	rs := []*lint.Rule{latefield.Rule}
	cache := filepath.Join(t.TempDir(), "cache")
	cold := runRules(t, rs, "--cache-location", cache, "--format", "json", dir)
	if !strings.Contains(cold.stdout, "late-field") || !strings.Contains(cold.stdout, "ES2021") {
		t.Fatalf("no late-field finding under ES2021:\n%s", cold)
	}
	if err := os.WriteFile(filepath.Join(dir, "tsconfig.json"), []byte(`{"compilerOptions": {"target": "ES2022"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := runRules(t, rs, "--cache-location", cache, "--format", "json", "--timing", dir)
	if strings.Contains(edited.stdout, "late-field") || strings.Contains(edited.stderr, "results (cached)") {
		t.Fatalf("a stale result after the tsconfig changed:\n%s", edited)
	}
}
