package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
