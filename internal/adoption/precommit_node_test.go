package adoption_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

// snapshotRepo copies the working tree's tracked and untracked (not
// ignored) files into a new git repository, lets mutate change it, and
// commits: a hook repository for `pre-commit try-repo`. Files for which
// leave returns true are left out.
func snapshotRepo(t *testing.T, root string, gitc func(dir string, args ...string), leave func(rel string) bool, mutate func(dir string)) string {
	t.Helper()
	git := need(t, "git", "apt-get install git")
	dst := filepath.Join(t.TempDir(), "nestlint")
	r := run(t, time.Minute, root, nil, git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if r.code != 0 {
		t.Fatalf("git ls-files: %s", r.stderr)
	}
	for _, f := range strings.Split(strings.TrimRight(r.stdout, "\x00"), "\x00") {
		if leave != nil && leave(f) {
			continue
		}
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
	// pack of the whole tree. Stored without compression and delta search,
	// making and reading that pack costs a third of the CPU; the repository
	// is thrown away anyway.
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
	testmain.SkipUnderRace(t, "pre-commit, git, npm and the nestlint binary do the work")
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
	// The node hook compiles nothing: the two generated grammar sources
	// (17.5 MB of C, four fifths of the tree) would only be copied,
	// committed, packed, fetched and checked out for nothing.
	generatedGrammar := func(rel string) bool {
		return strings.HasPrefix(rel, "parser/grammar/") && strings.HasSuffix(rel, "/parser.c")
	}
	hookRepo := snapshotRepo(t, root, gitc, generatedGrammar, func(dir string) {
		r := run(t, 5*time.Minute, dir, nil, distBin(t), "precommit", "v"+registryVersion)
		if r.code != 0 {
			t.Fatalf("dist precommit: %s", r.stderr)
		}
	})

	// One try-repo, on an app with one bad controller: it shows the hook
	// installs from the registry, runs, and blocks the commit with the
	// finding. (Passing on a clean app is the same binary and the same
	// pre-commit exit-code mapping as the Go hook's, which TestPreCommit
	// checks both ways; each node try-repo installs from scratch.)
	app := filepath.Join(t.TempDir(), "app")
	copyTree(t, filepath.Join(root, "testdata", "apps", "clean"), app)
	bad := filepath.Join(app, "src", "files", "files.controller.ts")
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(badController), 0o644); err != nil {
		t.Fatal(err)
	}
	gitc(app, "init", "-q")
	gitc(app, "add", "-A")
	gitc(app, "commit", "-q", "-m", "app with a bad controller")

	env := append(registryEnv(t, reg), "PRE_COMMIT_HOME="+t.TempDir(), "PRE_COMMIT_COLOR=never")
	r := run(t, 10*time.Minute, app, env, pc, "try-repo", hookRepo, "nestlint-node", "--all-files", "--color", "never")
	t.Logf("pre-commit try-repo nestlint-node (empty cache): exit %d in %v", r.code, r.took.Round(time.Millisecond))
	out := r.stdout + r.stderr
	if r.code == 0 || !regexp.MustCompile(`(?m)^nestlint\.+Failed$`).MatchString(r.stdout) ||
		!strings.Contains(out, "src/files/files.controller.ts:8:12: error: ") || !strings.Contains(out, "[event-loop/sync-io]") {
		t.Errorf("bad controller: exit %d, want a failure naming event-loop/sync-io at src/files/files.controller.ts:8:12\n%s", r.code, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if m := hookLine.FindStringSubmatch(l); m != nil && m[1] != "src/files/files.controller.ts" {
			t.Errorf("a finding in the clean app's files: %s", l)
		}
	}
	if tb := strings.Join(reg.tarballs(), " "); !strings.Contains(tb, "nestlint-cli-"+hostNPMPlatform()+"-") {
		t.Errorf("pre-commit did not install the binary package from the registry (downloaded: %s)", tb)
	}
}
