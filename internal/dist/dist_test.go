package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const root = "../.."

func TestPlatformsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Platforms {
		if p.NPM != p.OS+"-"+p.CPU {
			t.Errorf("%s: npm name must be process.platform-process.arch (%s-%s): the launcher builds it that way", p.NPM, p.OS, p.CPU)
		}
		if seen[p.NPM] {
			t.Errorf("%s listed twice", p.NPM)
		}
		seen[p.NPM] = true
	}
	for _, want := range []string{"linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"} {
		if !seen[want] {
			t.Errorf("platform %s missing", want)
		}
	}
	b, err := os.ReadFile(filepath.Join(root, "npm/nestlint/package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg map[string]any
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if err := checkOptionalDeps(pkg["optionalDependencies"]); err != nil {
		t.Errorf("npm/nestlint/package.json: %v", err)
	}
	if err := checkOptionalDeps(map[string]any{"@nestlint/cli-linux-x64": "1"}); err == nil {
		t.Errorf("checkOptionalDeps accepts a list missing four platforms")
	}
	if got := (Platform{GOOS: "windows", GOARCH: "amd64"}).ArchiveName("v1.2.3"); got != "nestlint_1.2.3_windows_amd64.zip" {
		t.Errorf("windows archive name %q", got)
	}
	if got := Platforms[0].ArchiveName("1.2.3-rc.1"); got != "nestlint_1.2.3-rc.1_linux_amd64.tar.gz" {
		t.Errorf("linux archive name %q", got)
	}
}

func TestNPMVersion(t *testing.T) {
	for in, want := range map[string]string{"v0.1.0": "0.1.0", "1.2.3": "1.2.3", "v1.0.0-rc.1": "1.0.0-rc.1"} {
		if got, err := npmVersion(in); err != nil || got != want {
			t.Errorf("npmVersion(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "v1", "latest", "v01.2.3", "1.2.3+build", "main"} {
		if _, err := npmVersion(bad); err == nil {
			t.Errorf("npmVersion(%q) accepted", bad)
		}
	}
}

func fakeBin(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "nestlint")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func TestStampNPM(t *testing.T) {
	out := t.TempDir()
	bins := map[string]string{"linux-x64": fakeBin(t, "linux"), "win32-x64": fakeBin(t, "windows")}
	dirs, err := stampNPM(root, out, "v1.2.3", bins, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 3 {
		t.Fatalf("dirs %v, want the launcher and two platform packages", dirs)
	}
	l := readJSON(t, filepath.Join(out, "nestlint", "package.json"))
	if l["name"] != "nestlint" || l["version"] != "1.2.3" {
		t.Errorf("launcher name/version %v %v", l["name"], l["version"])
	}
	opt := l["optionalDependencies"].(map[string]any)
	if len(opt) != len(Platforms) {
		t.Errorf("optionalDependencies %v", opt)
	}
	for k, v := range opt {
		if v != "1.2.3" {
			t.Errorf("optionalDependencies[%s] = %v, want 1.2.3", k, v)
		}
	}
	if l["bin"].(map[string]any)["nestlint"] != "bin/nestlint.js" {
		t.Errorf("launcher bin %v", l["bin"])
	}
	if fi, err := os.Stat(filepath.Join(out, "nestlint", "bin", "nestlint.js")); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o755) {
		t.Errorf("launcher script: %v %v", fi, err)
	}
	for plat, exe := range map[string]string{"linux-x64": "nestlint", "win32-x64": "nestlint.exe"} {
		p, _ := platform(plat)
		pj := readJSON(t, filepath.Join(out, "cli-"+plat, "package.json"))
		if pj["name"] != "@nestlint/cli-"+plat || pj["version"] != "1.2.3" {
			t.Errorf("%s: name/version %v %v", plat, pj["name"], pj["version"])
		}
		if os := pj["os"].([]any); len(os) != 1 || os[0] != p.OS {
			t.Errorf("%s: os %v", plat, os)
		}
		if cpu := pj["cpu"].([]any); len(cpu) != 1 || cpu[0] != p.CPU {
			t.Errorf("%s: cpu %v", plat, cpu)
		}
		if _, hasLibc := pj["libc"]; hasLibc != (p.OS == "linux") {
			t.Errorf("%s: libc field present=%v", plat, hasLibc)
		}
		if pj["publishConfig"].(map[string]any)["access"] != "public" {
			t.Errorf("%s: scoped package must publish with access public", plat)
		}
		if pj["repository"] == nil {
			t.Errorf("%s: no repository (npm provenance checks it)", plat)
		}
		b, err := os.ReadFile(filepath.Join(out, "cli-"+plat, "bin", exe))
		if want := map[string]string{"linux-x64": "linux", "win32-x64": "windows"}[plat]; err != nil || string(b) != want {
			t.Errorf("%s: binary %q %v", plat, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "cli-darwin-arm64")); !os.IsNotExist(err) {
		t.Errorf("a package without a binary was written: %v", err)
	}

	if _, err := stampNPM(root, t.TempDir(), "v1.2.3", bins, true); err == nil || !strings.Contains(err.Error(), "-all") {
		t.Errorf("-all with two binaries: %v, want an error", err)
	}
	if _, err := stampNPM(root, t.TempDir(), "latest", bins, false); err == nil {
		t.Errorf("version latest accepted")
	}
}

func TestArchives(t *testing.T) {
	bin := fakeBin(t, "#!/bin/sh\necho hi\n")
	out := t.TempDir()
	for _, plat := range []string{"linux-x64", "win32-x64"} {
		p, _ := platform(plat)
		path, err := writeArchive(p, "v0.9.0", bin, root, out)
		if err != nil {
			t.Fatal(err)
		}
		// Deterministic: the same input gives the same bytes.
		first, _ := os.ReadFile(path)
		if _, err := writeArchive(p, "v0.9.0", bin, root, out); err != nil {
			t.Fatal(err)
		}
		again, _ := os.ReadFile(path)
		if !bytes.Equal(first, again) {
			t.Errorf("%s differs between two runs", path)
		}
		files := map[string]int64{}
		if strings.HasSuffix(path, ".zip") {
			zr, err := zip.OpenReader(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				files[f.Name] = int64(f.Mode().Perm())
			}
			zr.Close()
		} else {
			f, _ := os.Open(path)
			gz, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			tr := tar.NewReader(gz)
			for {
				h, err := tr.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				files[h.Name] = h.Mode
			}
			f.Close()
		}
		if files[p.Exe()] != 0o755 || files["README.md"] != 0o644 || files["CHANGELOG.md"] != 0o644 || len(files) != 3 {
			t.Errorf("%s: entries (name: mode) %v", path, files)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeChecksums(out); err != nil {
		t.Fatal(err)
	}
	sums, _ := os.ReadFile(filepath.Join(out, "checksums.txt"))
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	if len(lines) != 2 {
		t.Fatalf("checksums.txt:\n%s\nwant two archives (not notes.txt)", sums)
	}
	for i, l := range lines {
		sum, name, _ := strings.Cut(l, "  ")
		b, _ := os.ReadFile(filepath.Join(out, name))
		h := sha256.Sum256(b)
		if hex.EncodeToString(h[:]) != sum {
			t.Errorf("checksum line %d %q does not match the file", i, l)
		}
	}
	if err := writeChecksums(t.TempDir()); err == nil {
		t.Errorf("checksums of an empty folder: no error")
	}
}

func TestChangelogSection(t *testing.T) {
	cl := "# Changelog\n\n## v0.2.0\n\n- two\n\n## v0.1.0 — 2026-01-01\n\n- one\n- more\n\n## v0.0.9\n- old\n"
	title, got, err := changelogSection(cl, "v0.1.0")
	if err != nil || got != "- one\n- more\n" || title != "v0.1.0 — 2026-01-01" {
		t.Errorf("v0.1.0: %q %q, %v", title, got, err)
	}
	if _, got, err := changelogSection(cl, "v0.2.0"); err != nil || got != "- two\n" {
		t.Errorf("v0.2.0: %q, %v", got, err)
	}
	if _, _, err := changelogSection(cl, "v0.1"); err == nil {
		t.Errorf("v0.1 matched a section")
	}
	if _, _, err := changelogSection(cl, "v0.3.0"); err == nil {
		t.Errorf("missing section: no error")
	}
	b, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	if _, s, err := changelogSection(string(b), "v0.1.0"); err != nil || !strings.Contains(s, "npm") {
		t.Errorf("CHANGELOG.md must define v0.1.0: %q, %v", s, err)
	}
	// The release refuses a section still marked unreleased.
	unrel := filepath.Join(t.TempDir(), "CHANGELOG.md")
	os.WriteFile(unrel, []byte("## v1.0.0 — unreleased\n- x\n"), 0o644)
	if err := notesCmd([]string{"v1.0.0", unrel}); err == nil || !strings.Contains(err.Error(), "unreleased") {
		t.Errorf("notes of an unreleased section: %v", err)
	}
}

// TestReleaseMatrix: the release workflow builds exactly the platforms of
// the table, each on a native runner.
func TestReleaseMatrix(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, ".github/workflows/release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if _, v, ok := strings.Cut(l, "- platform: "); ok {
			got[strings.TrimSpace(v)] = true
		}
	}
	for _, p := range Platforms {
		if !got[p.NPM] {
			t.Errorf("release.yml matrix has no platform %s", p.NPM)
		}
		delete(got, p.NPM)
	}
	for p := range got {
		t.Errorf("release.yml matrix has unknown platform %s", p)
	}
}

func TestStampRoot(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "package.json"), b, 0o644)
	if err := checkRoot(dir, "v1.2.3"); err == nil {
		t.Errorf("checkRoot accepts an unstamped package.json")
	}
	if err := stampRoot(dir, "v1.2.3"); err != nil {
		t.Fatal(err)
	}
	if err := checkRoot(dir, "v1.2.3"); err != nil {
		t.Errorf("after stamping: %v", err)
	}
	if err := checkRoot(dir, "v1.2.4"); err == nil {
		t.Errorf("checkRoot accepts another version")
	}
	pj := readJSON(t, filepath.Join(dir, "package.json"))
	if pj["version"] != "1.2.3" || pj["dependencies"].(map[string]any)["nestlint"] != "1.2.3" || pj["bin"].(map[string]any)["nestlint"] != "npm/pre-commit/nestlint.js" {
		t.Errorf("stamped package.json: %v", pj)
	}
	if err := stampRoot(dir, "latest"); err == nil {
		t.Errorf("stampRoot accepts latest")
	}
}
