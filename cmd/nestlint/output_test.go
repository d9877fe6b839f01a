package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputFileIsWrittenAtomically(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": controllerTS})
	outDir := t.TempDir()
	out := filepath.Join(outDir, "nestlint.sarif")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}

	toStdout := runSync(t, "--format", "sarif", dir)
	toFile := runSync(t, "--format", "sarif", "-o", out, dir)
	if toFile.code != toStdout.code || toFile.stdout != "" {
		t.Fatalf("with -o: %s\nwithout: exit %d", toFile, toStdout.code)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != toStdout.stdout {
		t.Errorf("file content differs from stdout output")
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 { // the replaced file's mode is kept (issue 13 item 12)
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	assertOnly(t, outDir, "nestlint.sarif")
}

func TestOutputErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.ts": "export const a = 1;\n"})
	r := runSync(t, "-o", dir, dir)
	if r.code != exitUsage || !strings.Contains(r.stderr, "is a directory") {
		t.Errorf("-o <folder>: %s", r)
	}
	notDir := filepath.Join(dir, "a.ts", "out.txt")
	r = runSync(t, "-o", notDir, dir)
	if r.code != exitUsage || !strings.Contains(r.stderr, "not a directory") {
		t.Errorf("-o <file>/x: %s", r)
	}
}

// assertOnly fails unless dir holds exactly the named entries (no
// temporary files left behind).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}
