package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaselineSubfolder (issue 13 item 3): with --baseline on a subfolder,
// entries of files outside it are not counted as fixed, and
// --write-baseline on a subfolder keeps the entries outside it.
func TestBaselineSubfolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"apps/a/helper.ts": helperTS, "apps/b/helper.ts": helperTS})
	base := filepath.Join(dir, "baseline.json")
	if r := runSync(t, "--write-baseline", base, dir); r.code != exitOK || !strings.Contains(r.stderr, "wrote 4 findings") {
		t.Fatalf("write: %s", r)
	}
	sub := filepath.Join(dir, "apps", "a")
	r := runSync(t, "--baseline", base, sub)
	if r.code != exitOK || strings.Contains(r.stderr, "fixed") {
		t.Errorf("subfolder run counts the other folder's entries as fixed:\n%s", r)
	}
	// A real fix inside the subfolder is counted.
	writeFiles(t, dir, map[string]string{"apps/a/helper.ts": strings.Replace(helperTS, "fs.readFileSync('/etc/b.json', 'utf8')", "'b'", 1)})
	r = runSync(t, "--baseline", base, sub)
	if r.code != exitOK || !strings.Contains(r.stderr, "1 baselined finding is fixed") {
		t.Errorf("want 1 fixed:\n%s", r)
	}
	// Rewriting the subfolder's part keeps apps/b's entries.
	if r := runSync(t, "--write-baseline", base, sub); r.code != exitOK {
		t.Fatalf("write subfolder: %s", r)
	}
	data, _ := os.ReadFile(base)
	if n := strings.Count(string(data), `"file": "apps/b/helper.ts"`); n != 2 {
		t.Errorf("apps/b entries: %d, want 2:\n%s", n, data)
	}
	if n := strings.Count(string(data), `"file": "apps/a/helper.ts"`); n != 1 {
		t.Errorf("apps/a entries: %d, want 1:\n%s", n, data)
	}
	if r := runSync(t, "--baseline", base, dir); r.code != exitOK || strings.Contains(r.stderr, "fixed") {
		t.Errorf("whole repository against the merged baseline:\n%s", r)
	}
}
