package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/report"
)

const mainNoHooksTS = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
`

// fixProject writes a project holding main.ts without enableShutdownHooks.
func fixProject(t *testing.T) (dir, mainTS string) {
	t.Helper()
	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "package.json"), []byte("{}\n"), 0o644)
	mainTS = filepath.Join(dir, "main.ts")
	if err := os.WriteFile(mainTS, []byte(mainNoHooksTS), 0o640); err != nil {
		t.Fatal(err)
	}
	return dir, mainTS
}

func TestFixRewritesFile(t *testing.T) {
	t.Parallel()
	dir, mainTS := fixProject(t)
	before := runCLI(t, dir)
	if !strings.Contains(before.stdout, "shutdown/hooks-missing") {
		t.Fatalf("no hooks-missing finding before the fix:\n%s", before)
	}
	res := runCLI(t, "--fix", dir)
	if strings.Contains(res.stdout, "shutdown/hooks-missing") {
		t.Errorf("hooks-missing still reported after --fix:\n%s", res)
	}
	if !strings.Contains(res.stderr, "applied 1 fixes to 1 files") {
		t.Errorf("stderr lacks the fix count:\n%s", res)
	}
	got, _ := os.ReadFile(mainTS)
	if !strings.Contains(string(got), "  app.enableShutdownHooks();\n  await app.listen(3000);") {
		t.Errorf("main.ts not fixed:\n%s", got)
	}
	if info, _ := os.Stat(mainTS); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", info.Mode().Perm())
	}
	again := runCLI(t, dir)
	if strings.Contains(again.stdout, "shutdown/hooks-missing") {
		t.Errorf("second run still reports hooks-missing:\n%s", again)
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(entries) > 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestFixDryRunGolden(t *testing.T) {
	t.Parallel()
	dir, mainTS := fixProject(t)
	res := runCLI(t, "--fix", "--dry-run", dir)
	const want = `--- a/main.ts
+++ b/main.ts
@@ -3,6 +3,7 @@
 
 async function bootstrap() {
   const app = await NestFactory.create(AppModule);
+  app.enableShutdownHooks();
   await app.listen(3000);
 }
 bootstrap();
`
	if res.stdout != want {
		t.Errorf("diff:\n%s\nwant:\n%s", res.stdout, want)
	}
	if res.code != exitFindings {
		t.Errorf("exit %d, want %d (the findings remain)", res.code, exitFindings)
	}
	if got, _ := os.ReadFile(mainTS); string(got) != mainNoHooksTS {
		t.Errorf("--dry-run wrote the file:\n%s", got)
	}
}

func TestDryRunNeedsFix(t *testing.T) {
	t.Parallel()
	if res := runCLI(t, "--dry-run", t.TempDir()); res.code != exitUsage {
		t.Errorf("--dry-run alone: %s", res)
	}
}

func TestPlanFixesSkipsOverlaps(t *testing.T) {
	t.Parallel()
	src := []byte("abcdefghij\n")
	source := func(string) ([]byte, bool) { return src, true }
	fix := func(start, end int, text string) []report.Fix {
		return []report.Fix{{Message: "f", Edits: []report.Edit{{File: "a.ts", Start: start, End: end, NewText: text}}}}
	}
	ds := []report.Diagnostic{
		{RuleID: "r/one", Location: report.Location{File: "a.ts", Start: 0}, Fixes: fix(1, 4, "X")},
		{RuleID: "r/two", Location: report.Location{File: "a.ts", Start: 2}, Fixes: fix(3, 5, "Y")}, // overlaps one
		{RuleID: "r/three", Location: report.Location{File: "a.ts", Start: 6}, Fixes: fix(6, 6, "Z")},
		{RuleID: "r/four", Location: report.Location{File: "a.ts", Start: 6}, Fixes: fix(6, 6, "W")}, // same insertion point
		{RuleID: "r/five", Location: report.Location{File: "a.ts", Start: 8}, Fixes: fix(8, 9, "V"), Suppressed: true},
		{RuleID: "r/six", Location: report.Location{File: "a.ts", Start: 9}, Fixes: fix(9, 10, "U")},
	}
	p := planFixes(ds, source)
	if p.applied != 3 || len(p.skipped) != 2 {
		t.Fatalf("applied %d, skipped %q", p.applied, p.skipped)
	}
	if !strings.Contains(p.skipped[0], "a.ts:1:3: skipped the fix of r/two") {
		t.Errorf("skip message %q", p.skipped[0])
	}
	out, err := applyEdits(src, p.edits["a.ts"])
	if err != nil || string(out) != "aXefZghiU\n" {
		t.Errorf("applyEdits = %q, %v", out, err)
	}
}

func TestUnifiedDiff(t *testing.T) {
	t.Parallel()
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20"
	new := "0\n1\n2\n3\n4\n5\n6\n7\nx\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n"
	const want = `--- a/f.ts
+++ b/f.ts
@@ -1,3 +1,4 @@
+0
 1
 2
 3
@@ -5,7 +6,7 @@
 5
 6
 7
-8
+x
 9
 10
 11
@@ -17,4 +18,4 @@
 17
 18
 19
-20
\ No newline at end of file
+20
`
	if got := unifiedDiff("f.ts", []byte(old), []byte(new)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("f.ts", []byte(old), []byte(old)); got != "" {
		t.Errorf("equal files: %q", got)
	}
}
