package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// age sets the modification time of every file under dir an hour back, as
// in a repository checked out before the runs.
func age(t testing.TB, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

var notRead = regexp.MustCompile(`\((\d+) files parsed, (\d+) from the cache\), (\d+) of them not read`)

// TestWarmRunReadsOnlyWhatChanged: on a warm run after an edit, the files
// whose stat did not change since the last run are not read (their facts
// come from the pack by the sum the last run took), unless a rule asks for
// their text; the report is the same as without the cache, with every rule
// and in every output format that quotes source lines.
func TestWarmRunReadsOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyDir(t, filepath.Join(moduleRoot(t), "testdata", "apps", "shop"), dir)
	age(t, dir)
	cache := filepath.Join(t.TempDir(), "cache")
	if cold := runCLI(t, "--cache-location", cache, dir); cold.code != exitFindings {
		t.Fatalf("cold run: %s", cold)
	}
	services, _ := filepath.Glob(filepath.Join(dir, "src", "*", "*.service.ts"))
	if len(services) == 0 {
		t.Fatal("no service in the fixture")
	}
	fh, err := os.OpenFile(services[0], os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fh.WriteString("\nexport const edited = 1;\n")
	fh.Close()
	for _, format := range []string{"json", "sarif", "stylish"} {
		warm := runCLI(t, "--cache-location", cache, "--format", format, "--timing", dir)
		none := runCLI(t, "--no-cache", "--format", format, dir)
		if warm.stdout != none.stdout || warm.code != none.code {
			t.Fatalf("%s: the warm run differs from one without the cache:\nwarm %s\nnone %s", format, warm, none)
		}
		if format != "json" {
			continue // the result is cached from here on
		}
		m := notRead.FindStringSubmatch(warm.stderr)
		if m == nil {
			t.Fatalf("no count of files not read:\n%s", warm.stderr)
		}
		parsed, cached, unread := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if parsed != 1 || unread == 0 || unread > cached {
			t.Errorf("parsed %d, from the cache %d, not read %d: want the edited file parsed and most others not read", parsed, cached, unread)
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// TestTimingWithoutUnread: with every file read (a cold run), the timing
// line says nothing of files not read.
func TestTimingWithoutUnread(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, twoFileApp)
	r := runSync(t, "--no-cache", "--timing", dir)
	if !strings.Contains(r.stderr, "(3 files parsed, 0 from the cache)\n") {
		t.Errorf("timing line:\n%s", r.stderr)
	}
}
