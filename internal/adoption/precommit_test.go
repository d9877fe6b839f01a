package adoption_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

const badController = `import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'fs';

@Controller('files')
export class FilesController {
  @Get()
  read(): string {
    return readFileSync('/etc/hostname', 'utf8');
  }
}
`

// hookLine is nestlint's hook-mode (text) output: path:line:col: severity: message [rule-id].
var hookLine = regexp.MustCompile(`^([^\s:][^:]*):(\d+):(\d+): (error|warning|note): .+ \[[a-z0-9-]+/[a-z0-9-]+\]$`)

// TestPreCommit runs the hook the way users do (checklist P3, P5):
// `pre-commit try-repo <nestlint checkout> nestlint --all-files` inside a
// throwaway git repo made from testdata/apps/clean. pre-commit builds the
// hook with `go install ./...` from a clone of the checkout (cgo included).
func TestPreCommit(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "pre-commit, git, go install and the nestlint binary do the work")
	if testing.Short() {
		t.Skip("skipping in -short mode: builds the hook with go install")
	}
	root := repoRoot(t)
	git := need(t, "git", "apt-get install git")
	pc := need(t, "pre-commit", "apt-get install pre-commit")
	gobin := need(t, "go", "the Go toolchain")

	gitc := func(dir string, args ...string) {
		t.Helper()
		base := []string{"-c", "user.email=adoption@nestlint.test", "-c", "user.name=adoption test",
			"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}
		r := run(t, time.Minute, dir, nil, git, append(base, args...)...)
		if r.code != 0 {
			t.Fatalf("git %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}

	// The hook repo: the checkout itself when .pre-commit-hooks.yaml is
	// committed (try-repo adds uncommitted tracked changes on its own);
	// otherwise a committed snapshot of the working tree, so that new,
	// still untracked files are part of what gets installed.
	hookRepo := root
	if r := run(t, time.Minute, root, nil, git, "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"); r.code != 0 {
		hookRepo = filepath.Join(t.TempDir(), "nestlint")
		r := run(t, time.Minute, root, nil, git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
		if r.code != 0 {
			t.Fatalf("git ls-files: %s", r.stderr)
		}
		for _, f := range strings.Split(strings.TrimRight(r.stdout, "\x00"), "\x00") {
			src := filepath.Join(root, f)
			fi, err := os.Lstat(src)
			if err != nil || !fi.Mode().IsRegular() {
				continue // deleted in the working tree, or a symlink
			}
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join(hookRepo, f)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, b, fi.Mode().Perm()); err != nil {
				t.Fatal(err)
			}
		}
		gitc(hookRepo, "init", "-q")
		gitc(hookRepo, "add", "-A")
		gitc(hookRepo, "commit", "-q", "-m", "snapshot of the working tree")
		t.Logf(".pre-commit-hooks.yaml is not committed yet: using a committed snapshot of the working tree at %s", hookRepo)
	}

	// Two apps, a clean one and one with a bad controller, each its own
	// git repository; the two try-repos run at once (each installs the
	// hook into a store of its own, and both mostly wait on git and go).
	app := filepath.Join(t.TempDir(), "app")
	copyTree(t, filepath.Join(root, "testdata", "apps", "clean"), app)
	gitc(app, "init", "-q")
	gitc(app, "add", "-A")
	gitc(app, "commit", "-q", "-m", "clean app")
	badApp := filepath.Join(t.TempDir(), "app")
	copyTree(t, filepath.Join(root, "testdata", "apps", "clean"), badApp)
	bad := filepath.Join(badApp, "src", "files", "files.controller.ts")
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(badController), 0o644); err != nil {
		t.Fatal(err)
	}
	gitc(badApp, "init", "-q")
	gitc(badApp, "add", "-A")
	gitc(badApp, "commit", "-q", "-m", "app with a bad controller")

	// Reuse the host's module cache (pre-commit points GOPATH into its own
	// store, which would otherwise download every module again). And build
	// with -trimpath: every try-repo clones the hook into a new temporary
	// folder with a new store, and without -trimpath the folder is part of
	// each package's build cache key, so both runs would compile all of
	// nestlint again, the cgo TypeScript grammars included (a minute of
	// CPU). With it, only the links are left to do, and -ldflags=-w makes
	// them cheaper: go install ./... links every main package of the
	// module, and leaving out DWARF saves a third of that CPU (the hook's
	// behaviour does not depend on debug information).
	modcache, err := exec.Command(gobin, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	env := []string{
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GOMODCACHE=" + strings.TrimSpace(string(modcache)),
		"GOFLAGS=-modcacherw -trimpath -ldflags=-w",
		"CGO_ENABLED=1",
		"PRE_COMMIT_COLOR=never",
		"NO_COLOR=1",
	}
	tryRepo := func(t *testing.T, dir string) result {
		t.Helper()
		r := run(t, 15*time.Minute, dir, env, pc, "try-repo", hookRepo, "nestlint", "--all-files", "--color", "never")
		t.Logf("pre-commit try-repo: exit %d in %v", r.code, r.took.Round(time.Millisecond))
		return r
	}
	t.Run("clean app passes", func(t *testing.T) {
		t.Parallel()
		r := tryRepo(t, app)
		if r.code != 0 {
			t.Fatalf("clean app: pre-commit exit %d, want 0\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		if !regexp.MustCompile(`(?m)^nestlint\.+Passed$`).MatchString(r.stdout) {
			t.Errorf("clean app: no \"nestlint....Passed\" line:\n%s", r.stdout)
		}
	})
	t.Run("bad controller fails", func(t *testing.T) {
		t.Parallel()
		checkBadControllerRun(t, tryRepo(t, badApp))
	})
}

// checkBadControllerRun checks the try-repo on the app with the bad
// controller: the commit is blocked with nestlint's exit code 1 and a
// hook-mode line for the finding.
func checkBadControllerRun(t *testing.T, r result) {
	t.Helper()
	if r.code == 0 {
		t.Fatalf("bad controller: pre-commit exit 0, want non-zero\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	out := r.stdout + r.stderr
	t.Logf("pre-commit output:\n%s", out)
	if !strings.Contains(out, "event-loop/sync-io") {
		t.Fatalf("bad controller: output does not name event-loop/sync-io:\n%s", out)
	}
	if !strings.Contains(out, "- exit code: 1") {
		t.Errorf("bad controller: want nestlint's exit code 1 (findings), output:\n%s", out)
	}
	var found []string
	for _, l := range strings.Split(out, "\n") {
		if m := hookLine.FindStringSubmatch(l); m != nil {
			found = append(found, l)
			if filepath.IsAbs(m[1]) || strings.Contains(m[1], "..") || strings.Contains(m[1], `\`) {
				t.Errorf("hook output path %q is not repo-root-relative with '/'", m[1])
			}
		}
	}
	want := "src/files/files.controller.ts:8:12: error: "
	ok := false
	for _, l := range found {
		if strings.HasPrefix(l, want) && strings.HasSuffix(l, "[event-loop/sync-io]") {
			ok = true
		}
	}
	if !ok {
		t.Errorf("no hook-mode line %q...[event-loop/sync-io]; lines matching path:line:col: severity: message [rule-id]:\n%s\nfull output:\n%s",
			want, strings.Join(found, "\n"), out)
	}
}
