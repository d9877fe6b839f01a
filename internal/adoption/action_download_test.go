package adoption_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

// runnerOSArch is this machine as GitHub's RUNNER_OS and RUNNER_ARCH.
func runnerOSArch() (string, string) {
	osName := map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS]
	arch := map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
	return osName, arch
}

// releaseServer serves a fake GitHub releases page from dir on 127.0.0.1:
// /releases/download/<tag>/<file> from dir/<tag>/<file>, and
// /releases/latest redirecting to /releases/tag/<latest>. It records the
// paths asked for.
type releaseServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits []string
}

func newReleaseServer(t *testing.T, dir, latest string) *releaseServer {
	rs := &releaseServer{}
	rs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.hits = append(rs.hits, r.URL.Path)
		rs.mu.Unlock()
		switch {
		case r.URL.Path == "/releases/latest" && latest == "":
			// GitHub, when a repository has no release yet.
			http.Redirect(w, r, "/releases", http.StatusFound)
		case r.URL.Path == "/releases":
			w.Write([]byte("releases\n"))
		case r.URL.Path == "/releases/latest":
			http.Redirect(w, r, "/releases/tag/"+latest, http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/releases/tag/"):
			w.Write([]byte("release page\n"))
		case strings.HasPrefix(r.URL.Path, "/releases/download/"):
			rel := strings.TrimPrefix(r.URL.Path, "/releases/download/")
			if strings.Contains(rel, "..") {
				http.NotFound(w, r)
				return
			}
			http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(rel)))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(rs.Close)
	return rs
}

func (rs *releaseServer) took() []string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	h := rs.hits
	rs.hits = nil
	return h
}

// TestActionDownload runs the action's resolve, install and lint steps
// against a local release server holding a real archive and checksums.txt
// made by internal/dist: the download path users get by default.
func TestActionDownload(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "the action's bash steps, curl and the release binary do the work")
	root := repoRoot(t)
	bash := need(t, "bash", "the action's steps are bash scripts")
	need(t, "curl", "apt-get install curl")
	gobin := need(t, "go", "the Go toolchain")
	runnerOS, runnerArch := runnerOSArch()
	if runnerOS == "" || runnerArch == "" || runnerOS == "Windows" {
		t.Skipf("the download test runs on Linux and macOS, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	plat := hostNPMPlatform()
	a := parseAction(t, filepath.Join(root, "action.yml"))
	resolve, install, lint := stepByID(t, a, "resolve"), stepByID(t, a, "install"), stepByID(t, a, "lint")

	// The shared stamped binary, packed as the release packs it.
	const tag = stampTag
	work := t.TempDir()
	_, bin := nestlintBin(t)
	releases := filepath.Join(work, "releases")
	bad := filepath.Join(releases, "v0.0.0-bad.1")
	good := filepath.Join(releases, tag)
	if r := run(t, 5*time.Minute, root, nil, distBin(t), "archive", "-version", tag,
		"-platform", plat, "-bin", bin, "-out", good); r.code != 0 {
		t.Fatalf("dist archive: %s", r.stderr)
	}
	// A zip named for Windows, holding this machine's binary as
	// nestlint.exe: the install step's zip path, runnable here.
	if r := run(t, 5*time.Minute, root, nil, distBin(t), "archive", "-version", tag,
		"-platform", "win32-x64", "-bin", bin, "-out", good); r.code != 0 {
		t.Fatalf("dist archive: %s", r.stderr)
	}
	// The bad release's archive is the good one's bytes under the bad
	// version's name (compressing the binary again takes seconds; the
	// install must stop at the checksum, before it looks inside).
	archives, _ := filepath.Glob(filepath.Join(good, "nestlint_"+strings.TrimPrefix(tag, "v")+"_*.tar.gz"))
	if len(archives) != 1 {
		t.Fatalf("dist archive made %v, want one .tar.gz", archives)
	}
	data, err := os.ReadFile(archives[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	badName := strings.Replace(filepath.Base(archives[0]), strings.TrimPrefix(tag, "v"), "0.0.0-bad.1", 1)
	if err := os.WriteFile(filepath.Join(bad, badName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{good, bad} {
		if r := run(t, 5*time.Minute, root, nil, distBin(t), "checksums", dir); r.code != 0 {
			t.Fatalf("dist checksums: %s", r.stderr)
		}
	}
	// The bad release's archive does not match its checksums.txt.
	sums, err := os.ReadFile(filepath.Join(bad, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "checksums.txt"), []byte("0000"+string(sums[4:])), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := newReleaseServer(t, releases, tag)

	// PATH without a nestlint: what runs must be what the action installed.
	cleanPath := ""
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(d, "nestlint")); err != nil {
			cleanPath += d + string(os.PathListSeparator)
		}
	}
	runnerEnv := func(t *testing.T) []string {
		return []string{
			"PATH=" + cleanPath, "RUNNER_OS=" + runnerOS, "RUNNER_ARCH=" + runnerArch,
			"RUNNER_TEMP=" + t.TempDir(), "RUNNER_TOOL_CACHE=" + filepath.Join(work, "toolcache"),
			"GITHUB_PATH=" + filepath.Join(t.TempDir(), "github_path"),
			"NESTLINT_RELEASES_URL=" + srv.URL + "/releases",
		}
	}
	withInputs := func(over map[string]string) map[string]string {
		in := map[string]string{}
		for k, v := range a.Inputs {
			in[k] = v
		}
		for k, v := range over {
			in[k] = v
		}
		return in
	}

	t.Run("resolve", func(t *testing.T) {
		cases := []struct {
			name, version, ref, path string
			wantMode, wantVersion    string
			wantCode                 int
		}{
			{"explicit tag", tag, "main", "/a/_actions/nestlint/nestlint/main", "download", tag, 0},
			{"action's own tag", "", tag, "/a/_actions/nestlint/nestlint/" + tag, "download", tag, 0},
			{"action_ref empty: the action's folder", "", "", "/a/_actions/nestlint/nestlint/" + tag, "download", tag, 0},
			{"major tag: latest release", "", "v0", "/a/_actions/nestlint/nestlint/v0", "download", tag, 0},
			{"latest", "latest", "main", "/a/_actions/nestlint/nestlint/main", "download", tag, 0},
			{"branch: source", "", "main", "/a/_actions/nestlint/nestlint/main", "source", "source", 0},
			{"commit: source", "", "0123456789abcdef0123456789abcdef01234567", "/x", "source", "source", 0},
			{"source", "source", tag, "/x", "source", "source", 0},
			{"bad version", "1.2", tag, "/x", "", "", 1},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				env := append(runnerEnv(t), "ACTION_REF="+tc.ref, "ACTION_PATH="+tc.path)
				r, out := runActionStep(t, bash, work, resolve, withInputs(map[string]string{"version": tc.version}), env...)
				if r.code != tc.wantCode || out["mode"] != tc.wantMode || out["version"] != tc.wantVersion {
					t.Errorf("exit %d, outputs %v; want exit %d, mode %q, version %q\n%s%s",
						r.code, out, tc.wantCode, tc.wantMode, tc.wantVersion, r.stdout, r.stderr)
				}
			})
		}
		srv.took()

		// No release yet: latest says so.
		empty := newReleaseServer(t, t.TempDir(), "")
		env := append(runnerEnv(t), "ACTION_REF=v0", "ACTION_PATH=/x", "NESTLINT_RELEASES_URL="+empty.URL+"/releases")
		r, out := runActionStep(t, bash, work, resolve, withInputs(nil), env...)
		if r.code == 0 || out["version"] != "" || !strings.Contains(r.stdout, "no nestlint release found") {
			t.Errorf("latest without releases: exit %d, outputs %v\n%s%s", r.code, out, r.stdout, r.stderr)
		}
	})

	var installed string
	t.Run("install downloads and verifies", func(t *testing.T) {
		env := append(runnerEnv(t), "MODE=download", "VERSION="+tag, "ACTION_PATH="+root)
		r, out := runActionStep(t, bash, work, install, a.Inputs, env...)
		if r.code != 0 {
			t.Fatalf("install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		installed = out["dir"]
		if !strings.Contains(r.stdout, "matches checksums.txt") || !strings.Contains(r.stdout, "nestlint "+tag+"\ncommit:   "+stampCommit) {
			t.Errorf("install output does not show the verified, downloaded binary:\n%s", r.stdout)
		}
		if !strings.HasPrefix(installed, filepath.Join(work, "toolcache", "nestlint", tag)) {
			t.Errorf("installed into %q, want the tool cache", installed)
		}
		gp, _ := os.ReadFile(envValue(env, "GITHUB_PATH"))
		if strings.TrimSpace(string(gp)) != installed {
			t.Errorf("GITHUB_PATH %q, want %q", gp, installed)
		}
		hits := strings.Join(srv.took(), " ")
		for _, f := range []string{"/releases/download/" + tag + "/nestlint_0.0.0-test.1_", "/releases/download/" + tag + "/checksums.txt"} {
			if !strings.Contains(hits, f) {
				t.Errorf("the server was not asked for %s (asked: %s)", f, hits)
			}
		}

		// Again: from the tool cache, without downloading.
		r, _ = runActionStep(t, bash, work, install, a.Inputs, env...)
		if r.code != 0 || !strings.Contains(r.stdout, "in the tool cache") {
			t.Errorf("second install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if hits := srv.took(); len(hits) != 0 {
			t.Errorf("second install downloaded again: %v", hits)
		}
	})

	t.Run("lint with the downloaded binary", func(t *testing.T) {
		if installed == "" {
			t.Skip("install failed")
		}
		ws := t.TempDir()
		copyTree(t, filepath.Join(root, "testdata", "apps", "shop"), filepath.Join(ws, "apps", "shop"))
		in := withInputs(map[string]string{"working-directory": "apps", "path": "shop", "sarif-file": "reports/nestlint.sarif"})
		r, out := runActionStep(t, bash, ws, lint, in, "PATH="+cleanPath, "NESTLINT_DIR="+installed)
		if r.code != 0 || out["exit-code"] != "1" || out["sarif-file"] != "reports/nestlint.sarif" {
			t.Fatalf("lint: exit %d, outputs %v; want exit-code 1 and sarif-file reports/nestlint.sarif\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		b, err := os.ReadFile(filepath.Join(ws, "reports", "nestlint.sarif"))
		if err != nil {
			t.Fatalf("the SARIF is not in the workspace: %v", err)
		}
		if !strings.Contains(string(b), `"version": "`+tag+`"`) {
			t.Errorf("the SARIF was not written by the downloaded %s binary", tag)
		}
		if !strings.Contains(string(b), `"uri": "apps/shop/src/`) && !strings.Contains(string(b), `"uri": "shop/src/`) {
			t.Errorf("SARIF file names are not relative:\n%.400s", b)
		}
		// A working-directory that does not exist: exit-code 2, no SARIF to upload.
		in["working-directory"] = "no-such-dir"
		r, out = runActionStep(t, bash, ws, lint, in, "PATH="+cleanPath, "NESTLINT_DIR="+installed)
		if r.code != 0 || out["exit-code"] != "2" || out["sarif-file"] != "" {
			t.Errorf("missing working-directory: exit %d, outputs %v; want exit-code 2 and no sarif-file\n%s", r.code, out, r.stdout)
		}
	})

	t.Run("install a zip (the Windows archive)", func(t *testing.T) {
		if _, err := exec.LookPath("unzip"); err != nil {
			t.Skip("no unzip")
		}
		env := append(runnerEnv(t), "RUNNER_OS=Windows", "RUNNER_ARCH=X64", "MODE=download", "VERSION="+tag, "ACTION_PATH="+root)
		r, out := runActionStep(t, bash, work, install, a.Inputs, env...)
		if r.code != 0 || !strings.Contains(r.stdout, "nestlint_0.0.0-test.1_windows_amd64.zip: sha256") ||
			!strings.Contains(r.stdout, "nestlint "+tag+"\n") {
			t.Fatalf("zip install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(out["dir"], "nestlint.exe")); err != nil || !strings.HasSuffix(out["dir"], "windows-amd64") {
			t.Errorf("installed into %q: %v", out["dir"], err)
		}
		srv.took()
	})

	t.Run("checksum mismatch fails", func(t *testing.T) {
		env := append(runnerEnv(t), "MODE=download", "VERSION=v0.0.0-bad.1", "ACTION_PATH="+root)
		r, out := runActionStep(t, bash, work, install, a.Inputs, env...)
		if r.code == 0 || !strings.Contains(r.stdout, "checksum mismatch for nestlint_0.0.0-bad.1_") {
			t.Errorf("tampered checksums.txt: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if out["dir"] != "" {
			t.Errorf("a failed install set dir=%s", out["dir"])
		}
		if m, _ := filepath.Glob(filepath.Join(work, "toolcache", "nestlint", "v0.0.0-bad.1", "*", ".complete")); len(m) > 0 {
			t.Errorf("a failed install was marked complete: %v", m)
		}
		srv.took()
	})

	t.Run("missing release fails", func(t *testing.T) {
		env := append(runnerEnv(t), "MODE=download", "VERSION=v9.9.9", "ACTION_PATH="+root)
		r, _ := runActionStep(t, bash, work, install, a.Inputs, env...)
		if r.code == 0 || !strings.Contains(r.stdout, "cannot download") || !strings.Contains(r.stdout, "is v9.9.9 a nestlint release?") {
			t.Errorf("missing release: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		srv.took()
	})

	t.Run("source build", func(t *testing.T) {
		// The step's go build links nestlint: without DWARF (-ldflags=-w
		// added to the user's GOFLAGS) that costs a third less CPU, and
		// the step does not depend on debug information.
		goflags, err := exec.Command(gobin, "env", "GOFLAGS").Output()
		if err != nil {
			t.Fatalf("go env GOFLAGS: %v", err)
		}
		env := append(runnerEnv(t), "MODE=source", "VERSION=source", "ACTION_PATH="+root,
			"PATH="+filepath.Dir(gobin)+string(os.PathListSeparator)+cleanPath, "CGO_ENABLED=1",
			"GOFLAGS="+strings.TrimSpace(strings.TrimSpace(string(goflags))+" -ldflags=-w"))
		r, out := runActionStep(t, bash, work, install, a.Inputs, env...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "nestlint ") || out["dir"] == "" {
			t.Fatalf("source build: exit %d, outputs %v\n%s%s", r.code, out, r.stdout, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(out["dir"], "nestlint")); err != nil {
			t.Errorf("no binary in %s: %v", out["dir"], err)
		}
		if hits := srv.took(); len(hits) != 0 {
			t.Errorf("a source build downloaded %v", hits)
		}
	})
}

// envValue returns KEY's value in a KEY=value list (the last one wins).
func envValue(env []string, key string) string {
	v := ""
	for _, e := range env {
		if k, val, ok := strings.Cut(e, "="); ok && k == key {
			v = val
		}
	}
	return v
}
