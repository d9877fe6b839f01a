//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test when it takes longer than d (a FIFO
// read blocks forever).
func within(t *testing.T, d time.Duration, f func() result) result {
	t.Helper()
	done := make(chan result, 1)
	go func() { done <- f() }()
	select {
	case r := <-done:
		return r
	case <-time.After(d):
		t.Fatalf("nestlint did not finish in %v", d)
	}
	return result{}
}

// gitDir makes dir look like a repository root.
func gitDir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestExplicitInputNotLinted (issue 13 item 2): a file named on the command
// line that cannot be linted is exit 2 naming it, not "no problems in 0
// files" and exit 0; in a folder walk it stays a notice.
func TestExplicitInputNotLinted(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"big.ts": requestOnlyTS, "bin.ts": "const a = 1;\x00\n"})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-file-size", "10", filepath.Join(dir, "big.ts")}, "big.ts: cannot lint: file is "},
		{[]string{filepath.Join(dir, "bin.ts")}, "bin.ts: cannot lint: binary file"},
	} {
		r := runSync(t, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: want exit 2 and %q:\n%s", tc.args, tc.want, r)
		}
	}
	// The same files found by a walk: notices, the run goes on.
	writeFiles(t, dir, map[string]string{"ok.ts": "import { Injectable } from '@nestjs/common';\nexport const a = Injectable;\n"})
	r := runSync(t, "--max-file-size", "100", dir)
	if r.code != exitOK || !strings.Contains(r.stderr, "big.ts: warning: file is") {
		t.Errorf("folder walk: want exit 0 with a notice:\n%s", r)
	}
	// A folder none of whose files can be linted is an input error too.
	r = runSync(t, "--max-file-size", "10", dir)
	if r.code != exitUsage || !strings.Contains(r.stderr, "cannot lint any of its 3 TypeScript files (big.ts: file is") {
		t.Errorf("folder of unlintable files: want exit 2:\n%s", r)
	}
}

// TestSpecialFilesRefused (issue 13 item 6): FIFOs and links to /dev/zero
// as inputs, nestlint.json, .gitignore, tsconfig.json and baseline are
// refused with a message instead of hanging or exhausting memory.
func TestSpecialFilesRefused(t *testing.T) {
	dir := t.TempDir()
	gitDir(t, dir)
	writeFiles(t, dir, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	mkfifo := func(p string) {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	mkfifo(filepath.Join(dir, "src", "fifo.ts"))
	link("/dev/zero", filepath.Join(dir, "src", "zero.ts"))
	mkfifo(filepath.Join(dir, "fifo.json"))
	link("/dev/zero", filepath.Join(dir, "zero.json"))

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "src", "fifo.ts")}, "fifo.ts: cannot lint: not a regular file (a FIFO)"},
		{[]string{filepath.Join(dir, "src", "zero.ts")}, "zero.ts: cannot lint: "},
		{[]string{"--config", filepath.Join(dir, "fifo.json"), dir}, "not a regular file (a FIFO)"},
		{[]string{"--config", filepath.Join(dir, "zero.json"), dir}, "not a regular file (a character device)"},
		{[]string{"--baseline", filepath.Join(dir, "fifo.json"), dir}, "--baseline: " + filepath.Join(dir, "fifo.json") + ": not a regular file (a FIFO)"},
		{[]string{"--baseline", filepath.Join(dir, "zero.json"), dir}, "not a regular file (a character device)"},
	} {
		r := within(t, 20*time.Second, func() result { return runSync(t, tc.args...) })
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: want exit 2 and %q:\n%s", tc.args, tc.want, r)
		}
	}

	// In a folder walk: special files are skipped; a FIFO .gitignore and
	// tsconfig.json, and a /dev/zero nestlint.json found by the search, do
	// not hang the run.
	mkfifo(filepath.Join(dir, "src", ".gitignore"))
	mkfifo(filepath.Join(dir, "tsconfig.json"))
	r := within(t, 60*time.Second, func() result { return runSync(t, dir) })
	if r.code != exitFindings || !strings.Contains(r.stdout, "src/"+requestFinding) {
		t.Errorf("folder walk: want the finding:\n%s", r)
	}
	if !strings.Contains(r.stderr, "src/.gitignore: notice: cannot read .gitignore: not a regular file (a FIFO)") {
		t.Errorf("no notice for the FIFO .gitignore:\n%s", r)
	}
	link("/dev/zero", filepath.Join(dir, "nestlint.json"))
	t.Chdir(dir) // nestlint.json is searched from the current folder
	r = within(t, 60*time.Second, func() result { return runSync(t, dir) })
	if r.code != exitUsage || !strings.Contains(r.stderr, "nestlint.json: not a regular file") {
		t.Errorf("/dev/zero nestlint.json: want exit 2:\n%s", r)
	}
}

// TestSymlinkOutsideRepoNotRead (issue 13 item 4): a symlinked .ts whose
// target lies outside the repository is not read (a notice naming the
// link), never widens the walk to the target's folder, and named
// explicitly is exit 2.
func TestSymlinkOutsideRepoNotRead(t *testing.T) {
	repo := filepath.Join(t.TempDir(), "repo")
	outside := filepath.Join(t.TempDir(), "etc")
	gitDir(t, repo)
	writeFiles(t, repo, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	// The target's folder holds another file with a finding: walking it
	// would report it.
	writeFiles(t, outside, map[string]string{"passwd.ts": requestOnlyTS, "other.controller.ts": requestOnlyTS})
	if err := os.Symlink(filepath.Join(outside, "passwd.ts"), filepath.Join(repo, "src", "x.ts")); err != nil {
		t.Fatal(err)
	}
	r := runSync(t, repo)
	if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "src/"+requestFinding) {
		t.Errorf("want the repository's finding only:\n%s", r)
	}
	if !strings.Contains(r.stderr, "src/x.ts: warning: symlink to a file outside the repository: not read") {
		t.Errorf("no notice naming the link:\n%s", r)
	}
	if strings.Contains(r.stdout+r.stderr, "passwd") || strings.Contains(r.stdout+r.stderr, "other.controller") {
		t.Errorf("the target's folder was read:\n%s", r)
	}
	r = runSync(t, filepath.Join(repo, "src", "x.ts"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "x.ts: cannot lint: symlink to a file outside the repository") {
		t.Errorf("explicit link out of the repository: want exit 2:\n%s", r)
	}
	// A link inside the repository is followed.
	if err := os.Symlink("cats.controller.ts", filepath.Join(repo, "src", "y.ts")); err != nil {
		t.Fatal(err)
	}
	r = runSync(t, filepath.Join(repo, "src", "y.ts"))
	if r.code != exitFindings || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("link inside the repository: want the finding:\n%s", r)
	}
	// The link and its target are one file: linted once, under the
	// target's path in the tree (docs/security.md).
	r = runSync(t, repo)
	if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "src/"+requestFinding) || strings.Contains(r.stdout, "y.ts") {
		t.Errorf("link and target in the walk: want one finding under the target's path:\n%s", r)
	}
}

// TestDeepJSONConfig (issue 13 item 7): a 2 MB nestlint.json of nested
// '[' is an error with file:line, not a fatal stack overflow.
func TestDeepJSONConfig(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"cats.controller.ts": requestOnlyTS,
		"nestlint.json":      "{\n  \"rules\": " + strings.Repeat("[", 2<<20) + "\n}\n",
	})
	t.Chdir(dir)
	r := runSync(t, dir)
	if r.code != exitUsage || !strings.Contains(r.stderr, "nestlint.json:2: invalid JSON: JSON nested deeper than 1000 levels") {
		t.Errorf("want exit 2 with file:line:\n%s", r)
	}
}

// TestMalformedTsconfigNotice (issue 13 item 8): a malformed tsconfig is a
// notice naming it, not a silent "no late-field findings".
func TestMalformedTsconfigNotice(t *testing.T) {
	dir := t.TempDir()
	gitDir(t, dir)
	writeFiles(t, dir, map[string]string{
		"tsconfig.json": "{\n  \"compilerOptions\": {\n    \"target\": es2022\n  }\n}\n",
		"src/a.ts":      "import { B } from './b';\nexport class A {\n  x: string;\n  constructor(private b: B) {}\n}\n",
		"src/b.ts":      "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class B {}\n",
	})
	r := runRules(t, allRules(), dir)
	if !strings.Contains(r.stderr, "tsconfig.json: warning: malformed tsconfig (line 3, column 15") || r.code == exitUsage || r.code == exitInternal {
		t.Errorf("want a notice naming tsconfig.json:\n%s", r)
	}
}

// TestHostileFileNameOutput (issue 13 item 14): a file name holding a
// newline and ESC gives one escaped line of text output and a SARIF URI
// that keeps a literal backslash.
func TestHostileFileNameOutput(t *testing.T) {
	dir := t.TempDir()
	gitDir(t, dir)
	writeFiles(t, dir, map[string]string{"x\n./fake.ts:1:1: error: forged\x1b[2J.controller.ts": requestOnlyTS, `back\slash.ts`: requestOnlyTS})
	r := runSync(t, dir)
	if r.code != exitFindings || strings.Count(r.stdout, "\n") != 2 || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("want two escaped lines:\n%q", r.stdout)
	}
	if !strings.Contains(r.stdout, `x\n./fake.ts:1:1: error: forged\x1b[2J.controller.ts:8:12: error:`) {
		t.Errorf("file name not escaped:\n%q", r.stdout)
	}
	r = runSync(t, "--format", "sarif", dir)
	if !strings.Contains(r.stdout, `"uri": "back%5Cslash.ts"`) {
		t.Errorf("SARIF URI of back\\slash.ts:\n%s", r.stdout)
	}
}

// TestSpecialDockerfileNotice (issue 13 item 6): a Dockerfile that is a
// link to /dev/zero is not read, with a notice; the run goes on.
func TestSpecialDockerfileNotice(t *testing.T) {
	dir := t.TempDir()
	gitDir(t, dir)
	writeFiles(t, dir, map[string]string{"package.json": "{}\n", "src/cats.controller.ts": requestOnlyTS})
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "Dockerfile")); err != nil {
		t.Fatal(err)
	}
	r := within(t, 60*time.Second, func() result { return runRules(t, allRules(), dir) })
	if r.code == exitUsage || r.code == exitInternal || !strings.Contains(r.stdout, "src/"+requestFinding) {
		t.Errorf("want the run to go on:\n%s", r)
	}
	if !strings.Contains(r.stderr, "Dockerfile: warning: not a regular file (a character device): skipped") {
		t.Errorf("no notice for the /dev/zero Dockerfile:\n%s", r)
	}
}
