package adoption_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// snapshotRepo copies the working tree's tracked and untracked (not
// ignored) files into a new git repository, lets mutate change it, and
// commits: a hook repository for `pre-commit try-repo`.
func snapshotRepo(t *testing.T, root string, gitc func(dir string, args ...string), mutate func(dir string)) string {
	t.Helper()
	git := need(t, "git", "apt-get install git")
	dst := filepath.Join(t.TempDir(), "nestlint")
	r := run(t, time.Minute, root, nil, git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if r.code != 0 {
		t.Fatalf("git ls-files: %s", r.stderr)
	}
	for _, f := range strings.Split(strings.TrimRight(r.stdout, "\x00"), "\x00") {
		src := filepath.Join(root, f)
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, fi.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	if mutate != nil {
		mutate(dst)
	}
	gitc(dst, "init", "-q")
	// Each try-repo fetches the snapshot (pre-commit's shallow clone): a
	// pack of the whole tree, 21 MB of it the grammars' C sources. Stored
	// without compression and delta search, making and reading that pack
	// costs a third of the CPU; the repository is thrown away anyway.
	gitc(dst, "config", "core.compression", "0")
	gitc(dst, "config", "pack.window", "0")
	gitc(dst, "add", "-A")
	gitc(dst, "commit", "-q", "-m", "snapshot of the working tree")
	return dst
}

// TestPreCommitNode runs the nestlint-node hook (language: node) with
// `pre-commit try-repo` and an empty pre-commit cache: pre-commit installs
// the repository's root package.json, stamped for the release as the
// release does, which pulls nestlint and this machine's binary package from
// a local npm registry. Nothing is compiled.
func TestPreCommitNode(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("skipping in -short mode: pre-commit and npm install")
	}
	root := repoRoot(t)
	git := need(t, "git", "apt-get install git")
	pc := need(t, "pre-commit", "apt-get install pre-commit")
	npm := need(t, "npm", "apt-get install npm")
	need(t, "node", "apt-get install nodejs")
	gobin := need(t, "go", "the Go toolchain")
	if hostNPMPlatform() == "" {
		t.Skip("no prebuilt package for this machine")
	}
	gitc := func(dir string, args ...string) {
		t.Helper()
		base := []string{"-c", "user.email=adoption@nestlint.test", "-c", "user.name=adoption test",
			"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}
		if r := run(t, time.Minute, dir, nil, git, append(base, args...)...); r.code != 0 {
			t.Fatalf("git %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	reg := sharedNpmRegistry(t, npm, gobin).client()
	hookRepo := snapshotRepo(t, root, gitc, func(dir string) {
		r := run(t, 5*time.Minute, dir, nil, distBin(t), "precommit", "v"+registryVersion)
		if r.code != 0 {
			t.Fatalf("dist precommit: %s", r.stderr)
		}
	})

	app := filepath.Join(t.TempDir(), "app")
	copyTree(t, filepath.Join(root, "testdata", "apps", "clean"), app)
	gitc(app, "init", "-q")
	gitc(app, "add", "-A")
	gitc(app, "commit", "-q", "-m", "clean app")

	env := append(registryEnv(t, reg), "PRE_COMMIT_HOME="+t.TempDir(), "PRE_COMMIT_COLOR=never")
	r := run(t, 10*time.Minute, app, env, pc, "try-repo", hookRepo, "nestlint-node", "--all-files", "--color", "never")
	t.Logf("pre-commit try-repo nestlint-node (empty cache): exit %d in %v", r.code, r.took.Round(time.Millisecond))
	if r.code != 0 || !regexp.MustCompile(`(?m)^nestlint\.+Passed$`).MatchString(r.stdout) {
		t.Fatalf("clean app: exit %d, want 0 and Passed\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if tb := strings.Join(reg.tarballs(), " "); !strings.Contains(tb, "nestlint-cli-"+hostNPMPlatform()+"-") {
		t.Errorf("pre-commit did not install the binary package from the registry (downloaded: %s)", tb)
	}

	bad := filepath.Join(app, "src", "files", "files.controller.ts")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	if err := os.WriteFile(bad, []byte(badController), 0o644); err != nil {
		t.Fatal(err)
	}
	gitc(app, "add", "src/files/files.controller.ts")
	r = run(t, 10*time.Minute, app, env, pc, "try-repo", hookRepo, "nestlint-node", "--all-files", "--color", "never")
	out := r.stdout + r.stderr
	if r.code == 0 || !strings.Contains(out, "src/files/files.controller.ts:8:12: error: ") || !strings.Contains(out, "[event-loop/sync-io]") {
		t.Errorf("bad controller: exit %d, want a failure naming event-loop/sync-io at src/files/files.controller.ts:8:12\n%s", r.code, out)
	}
}
