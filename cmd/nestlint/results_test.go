package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/shutdown/containersignals"
)

var containerApp = map[string]string{
	"package.json": `{"name": "api", "scripts": {"start:prod": "node dist/main.js"}}`,
	"Dockerfile":   "FROM node:20-alpine\nWORKDIR /app\nCOPY dist ./dist\nUSER node\nCMD [\"node\", \"dist/main.js\"]\n",
	"src/main.ts": `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await app.listen(3000);
}
bootstrap();
`,
	"src/app.module.ts": `import { Module } from '@nestjs/common';
import { CatsController } from './cats.controller';

@Module({ controllers: [CatsController] })
export class AppModule {}
`,
	"src/cats.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Controller('cats')
export class CatsController {
  @Get()
  findAll() {
    return readFileSync('/etc/cats.json', 'utf8');
  }
}
`,
}

func runContainer(t *testing.T, args ...string) result {
	t.Helper()
	return runRules(t, []*lint.Rule{containersignals.Rule, syncio.Rule}, args...)
}

// TestCachedResultsFollowFilesRulesRead: the program's cached results are
// not reused once a file a rule read (not a parsed file) changes, and a
// warm run prints what a run without the cache prints.
func TestCachedResultsFollowFilesRulesRead(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, containerApp)
	cache := filepath.Join(t.TempDir(), "cache")
	cold := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	warm := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", "-j", "1", dir)
	if cold.code != exitFindings || warm.stdout != cold.stdout || !strings.Contains(warm.stderr, "results (cached)") {
		t.Fatalf("warm run:\ncold %s\nwarm %s", cold, warm)
	}
	if strings.Contains(cold.stdout, "container/") {
		t.Fatalf("the node CMD was reported:\n%s", cold.stdout)
	}

	// The Dockerfile is not parsed TypeScript: containersignals reads it.
	df := filepath.Join(dir, "Dockerfile")
	if err := os.WriteFile(df, []byte("FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"npm\", \"run\", \"start:prod\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	none := runContainer(t, "--no-cache", "--format", "json", dir)
	if edited.stdout != none.stdout || strings.Contains(edited.stderr, "results (cached)") {
		t.Fatalf("a stale result after the Dockerfile changed:\nedited %s\nnone %s", edited, none)
	}
	if !strings.Contains(edited.stdout, "Dockerfile") {
		t.Errorf("the npm CMD was not reported:\n%s", edited.stdout)
	}
	if !strings.Contains(edited.stderr, "(0 files parsed, 3 from the cache)") {
		t.Errorf("the TypeScript files were parsed again:\n%s", edited.stderr)
	}

	// A TypeScript file edited: parsed alone, the others from the pack.
	ctl := filepath.Join(dir, "src", "cats.controller.ts")
	src, _ := os.ReadFile(ctl)
	fixed := strings.Replace(string(src), "readFileSync('/etc/cats.json', 'utf8')", "'{}'", 1)
	if err := os.WriteFile(ctl, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	one := runContainer(t, "--cache-location", cache, "--format", "json", "--timing", "-j", "4", dir)
	none = runContainer(t, "--no-cache", "--format", "json", dir)
	if one.stdout != none.stdout || !strings.Contains(one.stderr, "(1 files parsed, 2 from the cache)") {
		t.Fatalf("after editing one file:\ncached %s\nnone %s", one, none)
	}
	if strings.Contains(one.stdout, "sync-io") {
		t.Errorf("the fixed call is still reported:\n%s", one.stdout)
	}
}

// TestCachedResultsServeAnyRequest: results stored by a run over the whole
// program serve a run on one of its files, which reports that file alone,
// as a run without the cache does; the cold single-file run says how much
// it parsed, the warm one parses nothing.
func TestCachedResultsServeAnyRequest(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, twoFileApp)
	cache := filepath.Join(t.TempDir(), "cache")
	file := filepath.Join(dir, "src", "cats.service.ts")
	cold := runSync(t, "--cache-location", cache, "--format", "json", file)
	if !strings.Contains(cold.stderr, "parsed 3 files of the program at") || !strings.Contains(cold.stderr, "of the 1 file asked for") {
		t.Errorf("the cold single-file run does not say what it parsed:\n%s", cold.stderr)
	}
	if quiet := runSync(t, "--no-cache", "--silent", file); strings.Contains(quiet.stderr, "parsed 3 files") {
		t.Errorf("--silent printed the notice:\n%s", quiet.stderr)
	}
	whole := runSync(t, "--cache-location", cache, "--format", "json", dir)
	if strings.Contains(whole.stderr, "parsed 3 files") {
		t.Errorf("a run over the whole program says what it parsed:\n%s", whole.stderr)
	}
	warm := runSync(t, "--cache-location", cache, "--format", "json", "--timing", file)
	none := runSync(t, "--no-cache", "--format", "json", file)
	if warm.stdout != none.stdout || warm.code != none.code || !strings.Contains(warm.stderr, "results (cached)") {
		t.Fatalf("single file:\nwarm %s\nnone %s", warm, none)
	}
	if strings.Contains(warm.stderr, "parsed 3 files") {
		t.Errorf("the warm single-file run says it parsed the program:\n%s", warm.stderr)
	}
	if strings.Count(whole.stdout, `"rule":`) < 2 || strings.Count(warm.stdout, `"rule":`) != 1 {
		t.Errorf("the single-file run does not narrow the report:\nwhole %s\nwarm %s", whole.stdout, warm.stdout)
	}
}

// TestProgramsShareOnePool: two programs of one repository are parsed by
// one pool; the output is the same at every -j and with or without the
// cache, and after editing a file of one program only that program is
// linted again (the other takes its cached results).
func TestProgramsShareOnePool(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{".git/HEAD": "ref: refs/heads/main\n"}
	for _, prog := range []string{"apps/api", "apps/admin"} {
		for name, content := range twoFileApp {
			files[prog+"/"+name] = content + "// " + prog + "\n" // no two files alike
		}
	}
	writeFiles(t, dir, files)
	cache := filepath.Join(t.TempDir(), "cache")
	none := runSync(t, "--no-cache", "--format", "json", "-j", "1", dir)
	if strings.Count(none.stdout, `"rule":`) != 4 {
		t.Fatalf("want 2 findings per program:\n%s", none)
	}
	cold := runSync(t, "--cache-location", cache, "--format", "json", "-j", "3", "--timing", dir)
	if cold.stdout != none.stdout || !strings.Contains(cold.stderr, "(6 files parsed, 0 from the cache)") {
		t.Fatalf("cold:\n%s\nnone:\n%s", cold, none)
	}
	if strings.Count(cold.stderr, "  parse ") != 1 {
		t.Errorf("want one parse phase for both programs:\n%s", cold.stderr)
	}
	// The two programs share the --cache-location folder: neither loses
	// the other's facts.
	results, _ := filepath.Glob(filepath.Join(cache, "results-*.pack"))
	if len(results) != 2 {
		t.Fatalf("want one results file per program: %v", results)
	}
	for _, r := range results {
		os.Remove(r)
	}
	facts := runSync(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	if facts.stdout != none.stdout || !strings.Contains(facts.stderr, "(0 files parsed, 6 from the cache)") {
		t.Fatalf("from cached facts:\n%s", facts)
	}
	svc := filepath.Join(dir, "apps", "admin", "src", "cats.service.ts")
	if err := os.WriteFile(svc, []byte(strings.Replace(twoFileApp["src/cats.service.ts"], "'utf8'", "'utf-8'", 1)+"// apps/admin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := runSync(t, "--cache-location", cache, "--format", "json", "-j", "1", "--timing", dir)
	none = runSync(t, "--no-cache", "--format", "json", "-j", "2", dir)
	if edited.stdout != none.stdout {
		t.Fatalf("after an edit:\ncached %s\nnone %s", edited, none)
	}
	if strings.Count(edited.stderr, "results (cached)") != 1 || !strings.Contains(edited.stderr, "(1 files parsed, 2 from the cache)") {
		t.Errorf("want the unchanged program from its results and one file parsed in the other:\n%s", edited.stderr)
	}
}

// TestSumsSeeRacyEdits: an edit that keeps the file's size and
// modification time is still seen when the file was modified just before
// the sums were taken (git's "racy" rule), and any edit that changes the
// time stamp is seen.
func TestSumsSeeRacyEdits(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, twoFileApp)
	cache := filepath.Join(t.TempDir(), "cache")
	svc := filepath.Join(dir, "src", "cats.service.ts")
	st, err := os.Stat(svc)
	if err != nil {
		t.Fatal(err)
	}
	cold := runSync(t, "--cache-location", cache, "--format", "json", dir)
	if !strings.Contains(cold.stdout, "readFileSync") {
		t.Fatalf("no finding to lose:\n%s", cold)
	}
	src, _ := os.ReadFile(svc)
	same := strings.Replace(string(src), "readFileSync('/etc/cats.json', 'utf8')", "String('/etc/cats.json', 'utf8')      ", 1)
	if len(same) != len(src) {
		t.Fatalf("the edit changes the size: %d, %d", len(same), len(src))
	}
	if err := os.WriteFile(svc, []byte(same), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(svc, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	racy := runSync(t, "--cache-location", cache, "--format", "json", "--timing", dir)
	none := runSync(t, "--no-cache", "--format", "json", dir)
	if racy.stdout != none.stdout || strings.Contains(racy.stderr, "results (cached)") {
		t.Fatalf("a same-size edit at the same time stamp was missed:\ncached %s\nnone %s", racy, none)
	}
	// Later, an edit with a new time stamp.
	if err := os.WriteFile(svc, src, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(svc, later, later)
	back := runSync(t, "--cache-location", cache, "--format", "json", dir)
	if back.stdout != cold.stdout {
		t.Fatalf("the restored file was not seen:\n%s", back)
	}
}
