//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFixKeepsCRLF (issue 13 item 13): a CRLF file gets CRLF in the
// inserted lines, not mixed endings.
func TestFixKeepsCRLF(t *testing.T) {
	dir, mainTS := fixProject(t)
	crlf := strings.ReplaceAll(mainNoHooksTS, "\n", "\r\n")
	writeFile(t, mainTS, crlf)
	r := runCLI(t, "--fix", dir)
	got, _ := os.ReadFile(mainTS)
	if !strings.Contains(string(got), "enableShutdownHooks") {
		t.Fatalf("not fixed:\n%s\n%q", r, got)
	}
	if n, m := bytes.Count(got, []byte("\n")), bytes.Count(got, []byte("\r\n")); n != m {
		t.Errorf("mixed line endings: %d LF, %d CRLF:\n%q", n, m, got)
	}
	// An LF file stays LF.
	dir, mainTS = fixProject(t)
	runCLI(t, "--fix", dir)
	if got, _ := os.ReadFile(mainTS); bytes.Contains(got, []byte("\r")) || !bytes.Contains(got, []byte("enableShutdownHooks")) {
		t.Errorf("LF file: %q", got)
	}
}

// TestFixRefusals (issue 13 item 13): read-only files, files with other
// hard links and lone-CR files are not rewritten, with a message; the
// owner of a rewritten file is kept.
func TestFixRefusals(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir, mainTS string)
		want  string
	}{
		{"read-only", func(t *testing.T, dir, mainTS string) { os.Chmod(mainTS, 0o444) }, "not fixed: the file is read-only"},
		{"hard link", func(t *testing.T, dir, mainTS string) {
			if err := os.Link(mainTS, filepath.Join(t.TempDir(), "other.ts")); err != nil {
				t.Skip(err)
			}
		}, "not fixed: the file has other hard links"},
		{"lone CR", func(t *testing.T, dir, mainTS string) {
			writeFile(t, mainTS, strings.ReplaceAll(mainNoHooksTS, "\n", "\r"))
		}, ""}, // the rule offers no fix on such a file; fixRefusal would refuse one (TestHasLoneCR)
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, mainTS := fixProject(t)
			tc.setup(t, dir, mainTS)
			before, _ := os.ReadFile(mainTS)
			r := runCLI(t, "--fix", dir)
			if tc.want != "" && (!strings.Contains(r.stderr, "main.ts: "+tc.want) || !strings.Contains(r.stderr, "applied 0 fixes to 0 files")) {
				t.Errorf("want %q:\n%s", tc.want, r)
			}
			if after, _ := os.ReadFile(mainTS); !bytes.Equal(before, after) {
				t.Errorf("file rewritten:\n%s", after)
			}
		})
	}
	if os.Geteuid() != 0 {
		return
	}
	dir, mainTS := fixProject(t)
	if err := os.Chown(mainTS, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "--fix", dir)
	info, _ := os.Stat(mainTS)
	got, _ := os.ReadFile(mainTS)
	if st := info.Sys().(*syscall.Stat_t); st.Uid != 65534 || st.Gid != 65534 || !bytes.Contains(got, []byte("enableShutdownHooks")) {
		t.Errorf("owner %d:%d after --fix, want 65534:65534 (fixed: %v)", st.Uid, st.Gid, bytes.Contains(got, []byte("enableShutdownHooks")))
	}
}

// TestFixSymlinks (issue 13 item 5): --fix edits the target of a symlink
// inside the repository and keeps the link; a named symlink to a file
// outside the repository is refused (exit 2) and the file is untouched.
func TestFixSymlinks(t *testing.T) {
	dir, mainTS := fixProject(t)
	gitDir(t, dir)
	real := filepath.Join(dir, "src", "main.real.ts")
	os.MkdirAll(filepath.Dir(real), 0o755)
	if err := os.Rename(mainTS, real); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("src", "main.real.ts"), mainTS); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--fix", mainTS)
	if info, err := os.Lstat(mainTS); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced: %v\n%s", err, r)
	}
	if got, _ := os.ReadFile(real); !bytes.Contains(got, []byte("enableShutdownHooks")) {
		t.Errorf("target not fixed:\n%s\n%s", got, r)
	}

	outside := filepath.Join(t.TempDir(), "main.ts")
	writeFile(t, outside, mainNoHooksTS)
	link := filepath.Join(dir, "evil.ts")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "--fix", link)
	if r.code != exitUsage {
		t.Errorf("named link out of the repository: want exit 2:\n%s", r)
	}
	r = runCLI(t, "--fix", dir)
	if got, _ := os.ReadFile(outside); string(got) != mainNoHooksTS {
		t.Errorf("file outside the repository rewritten:\n%s\n%s", got, r)
	}
}
