package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
	"github.com/nestlint/nestlint/parser"
)

var findingLine = regexp.MustCompile(`(?m)^([^\s:]+):\d+:\d+: (error|warning|note): .*\[([a-z/-]+)\]$`)

// TestGeneratedWorkspace lints the benchmark workspace of internal/gen
// (-workspace): the planted findings of the server packages are found,
// and nothing of the browser app, the CLI or the gitignored files; with
// --scope all the browser app has findings (the scope test is not empty).
func TestGeneratedWorkspace(t *testing.T) {
	// 28 modules: the fewest that keep both planted findings (modules 7
	// and 27, in different packages); more only add analysis time.
	const modules = 28
	dir := t.TempDir()
	if _, err := genproject.GenerateWorkspace(dir, modules, 1); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--no-color", dir)
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d:\n%s", r.code, exitFindings, r)
	}
	var got []string
	for _, m := range findingLine.FindAllStringSubmatch(r.stdout, -1) {
		got = append(got, m[1]+" "+m[3])
	}
	var want []string
	for _, p := range genproject.PlantedSyncIOWorkspace(modules) {
		want = append(want, p+" event-loop/sync-io")
	}
	slices.Sort(got)
	if len(want) < 2 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s\noutput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), r)
	}
	for _, pkg := range []string{"apps/web", "packages/cli"} {
		if !strings.Contains(r.stderr, pkg+": notice:") {
			t.Errorf("no scope notice for %s:\n%s", pkg, r.stderr)
		}
	}

	all := runCLI(t, "--no-color", "--scope", "all", dir)
	web := 0
	for _, m := range findingLine.FindAllStringSubmatch(all.stdout, -1) {
		if strings.HasPrefix(m[1], "apps/web/") {
			web++
		}
		for _, ignored := range []string{"/out-tsc/", "/tmp/", "/uploads/", ".local.ts"} {
			if strings.Contains(m[1], ignored) {
				t.Errorf("finding in a gitignored file: %s", m[0])
			}
		}
	}
	if web == 0 {
		t.Errorf("--scope all: no finding in apps/web, so the default run's silence there proves nothing:\n%s", all)
	}
}

// TestGeneratedWorkspaceDiscovery checks discovery against git on the
// generated workspace: the TypeScript files found are the untracked files
// git does not ignore.
func TestGeneratedWorkspaceDiscovery(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if _, err := genproject.GenerateWorkspace(dir, 34, 2); err != nil {
		t.Fatal(err)
	}
	env := []string{"HOME=" + t.TempDir(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "PATH=" + os.Getenv("PATH")}
	cmd := exec.Command(git, "init", "-q", dir)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	cmd = exec.Command(git, "-c", "core.excludesFile=", "ls-files", "-o", "--exclude-standard", "-z")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	var want []string
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" && parser.IsSource(p) {
			want = append(want, filepath.Join(dir, filepath.FromSlash(p)))
		}
	}
	slices.Sort(want)
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 400 || strings.Join(d.Files, "\n") != strings.Join(want, "\n") {
		t.Errorf("Discover found %d files, git lists %d", len(d.Files), len(want))
	}
	if len(d.Ignored) < 20 {
		t.Errorf("ignored entries counted for %d .gitignore files, want the packages' and the root's", len(d.Ignored))
	}
}
