package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNamer(t *testing.T) {
	t.Parallel()
	root := filepath.FromSlash("/repo")
	n := namer{root: root, alt: filepath.FromSlash("/elsewhere/app")}
	tests := []struct{ name, in, want string }{
		{"under root", "/repo/src/a.ts", "src/a.ts"},
		{"root file", "/repo/a.ts", "a.ts"},
		{"root prefix is not a parent", "/repository/a.ts", "repository/a.ts"},
		{"outside root, under first path", "/elsewhere/app/src/b.ts", "src/b.ts"},
		{"outside both", "/other/c.ts", "other/c.ts"},
		{"space and accent", "/repo/my app/é.ts", "my app/é.ts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := n.name(filepath.FromSlash(tc.in))
			if got != tc.want {
				t.Errorf("name(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if strings.Contains(got, "..") || strings.Contains(got, `\`) || strings.HasPrefix(got, "/") {
				t.Errorf("name(%q) = %q is not a clean relative path", tc.in, got)
			}
		})
	}
}

func TestProjectRoots(t *testing.T) {
	t.Parallel()
	dir, err := resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"repo/.git/HEAD":                   "ref: refs/heads/main\n",
		"repo/apps/api/package.json":       "{}",
		"repo/apps/api/src/a.ts":           "",
		"repo/apps/api/src/deep/b.ts":      "",
		"repo/apps/web/nest-cli.json":      "{}",
		"repo/apps/web/src/c.ts":           "",
		"repo/scripts/d.ts":                "",
		"loose/x/e.ts":                     "",
		"loose/f.ts":                       "",
		"repo/apps/api/tsconfig.json/g.ts": "", // a folder named tsconfig.json is no marker
		// a monorepo: the root package.json makes the whole repository one program
		"mono/.git/HEAD":               "ref: refs/heads/main\n",
		"mono/package.json":            `{"name": "acme", "workspaces": ["apps/*"]}`,
		"mono/apps/api/package.json":   "{}",
		"mono/apps/api/src/main.ts":    "",
		"mono/libs/core/src/index.ts":  "",
		"mono/vendor/sub/.git/HEAD":    "ref: refs/heads/main\n", // a nested repository stays apart
		"mono/vendor/sub/package.json": "{}",
		"mono/vendor/sub/src/x.ts":     "",
		// a root package.json without workspaces: sample apps stay apart
		"samples/.git/HEAD":                   "ref: refs/heads/main\n",
		"samples/package.json":                `{"name": "framework"}`,
		"samples/sample/01-cats/package.json": "{}",
		"samples/sample/01-cats/src/main.ts":  "",
		"samples/tools/build.ts":              "",
		// no git: the outermost workspace root wins over nearer markers
		"ws/pnpm-workspace.yaml":   "packages:\n  - apps/*\n",
		"ws/apps/api/package.json": "{}",
		"ws/apps/api/src/main.ts":  "",
	})
	p := newProjects([]string{filepath.Join(dir, "loose")})
	tests := []struct{ file, want string }{
		{"repo/apps/api/src/a.ts", "repo/apps/api"},
		{"repo/apps/api/src/deep/b.ts", "repo/apps/api"},
		{"repo/apps/web/src/c.ts", "repo/apps/web"},
		{"repo/scripts/d.ts", "repo"}, // no marker: the git top
		{"loose/x/e.ts", "loose"},     // no marker, no git: the requested folder
		{"repo/apps/api/tsconfig.json/g.ts", "repo/apps/api"},
		{"mono/apps/api/src/main.ts", "mono"},
		{"mono/libs/core/src/index.ts", "mono"},
		{"mono/vendor/sub/src/x.ts", "mono/vendor/sub"},
		{"ws/apps/api/src/main.ts", "ws"},
		{"samples/sample/01-cats/src/main.ts", "samples/sample/01-cats"},
		{"samples/tools/build.ts", "samples"},
	}
	for _, tc := range tests {
		got := p.rootOf(filepath.Join(dir, filepath.FromSlash(tc.file)))
		if want := filepath.Join(dir, filepath.FromSlash(tc.want)); got != want {
			t.Errorf("rootOf(%s) = %s, want %s", tc.file, got, want)
		}
	}
	// A file given alone, outside any marker, git or requested folder.
	if got := newProjects(nil).rootOf(filepath.Join(dir, "loose", "f.ts")); got != filepath.Join(dir, "loose") {
		t.Errorf("lone file: %s", got)
	}
}

// twoFileApp has a cross-file finding: the controller in one file reaches
// readFileSync in a service in another.
var twoFileApp = map[string]string{
	"package.json": `{"name": "app"}`,
	"src/cats.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { CatsService } from './cats.service';

@Controller('cats')
export class CatsController {
  constructor(private readonly cats: CatsService) {}

  @Get()
  findAll() {
    return this.cats.load();
  }
}
`,
	"src/cats.service.ts": `import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';

@Injectable()
export class CatsService {
  load() {
    return readFileSync('/etc/cats.json', 'utf8');
  }
}
`,
	"src/dogs.controller.ts": requestOnlyTS,
}

// TestFileArgumentsNarrowReporting is checklist P4: naming one file gives
// the same findings for it as linting the whole folder, cross-file ones
// included, and splitting the file list gives the union without
// duplicates.
func TestFileArgumentsNarrowReporting(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, twoFileApp)
	t.Chdir(dir)
	whole := runSync(t, "src")
	lines := strings.Split(strings.TrimSuffix(whole.stdout, "\n"), "\n")
	if whole.code != exitFindings || len(lines) != 2 {
		t.Fatalf("whole project:\n%s", whole)
	}
	if !strings.Contains(whole.stdout, "src/cats.service.ts:7:12: error:") || !strings.Contains(whole.stdout, "via CatsController.findAll -> CatsService.load") {
		t.Fatalf("cross-file finding missing:\n%s", whole)
	}

	service := runSync(t, "src/cats.service.ts")
	if service.stdout != lines[0]+"\n" || service.code != exitFindings || !strings.Contains(service.stderr, "in 1 file") {
		t.Errorf("service alone:\n%s\nwant %s", service, lines[0])
	}
	controller := runSync(t, "src/cats.controller.ts")
	if controller.stdout != "" || controller.code != exitOK {
		t.Errorf("controller alone: findings of other files leak:\n%s", controller)
	}

	a := runSync(t, "src/cats.controller.ts", "src/dogs.controller.ts")
	b := runSync(t, "src/cats.service.ts")
	union := strings.Split(strings.TrimSuffix(a.stdout+b.stdout, "\n"), "\n")
	slices.Sort(union)
	if !slices.Equal(union, lines) {
		t.Errorf("split runs give %q, want %q", union, lines)
	}
	// Naming a file twice, or a file and its folder, reports it once.
	twice := runSync(t, "src/cats.service.ts", "./src/cats.service.ts", "src")
	if twice.stdout != whole.stdout {
		t.Errorf("repeated paths:\n%s", twice)
	}
}

// TestURIsRelativeToRepoRoot is checklist S6: run from a subfolder of a
// repository, on a path with a space and an accent.
func TestURIsRelativeToRepoRoot(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	app := filepath.Join(repo, "my apps", "café")
	writeFiles(t, app, twoFileApp)
	writeFiles(t, repo, map[string]string{".git/HEAD": "ref: refs/heads/main\n"})

	t.Chdir(filepath.Join(app, "src"))
	r := runSync(t, "--format", "sarif", ".")
	uris := sarifURIs(t, r.stdout)
	want := []string{"my%20apps/caf%C3%A9/src/cats.service.ts", "my%20apps/caf%C3%A9/src/dogs.controller.ts"}
	if !slices.Equal(uris, want) {
		t.Errorf("uris = %q, want %q", uris, want)
	}
	for _, bad := range []string{"file://", base, `"./`, "../"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("SARIF contains %q", bad)
		}
	}

	text := runSync(t, "cats.service.ts")
	if !strings.HasPrefix(text.stdout, "my apps/café/src/cats.service.ts:7:12: error:") {
		t.Errorf("text name:\n%s", text)
	}
	// --repo-root overrides the git top-level.
	rr := runSync(t, "--repo-root", "..", "cats.service.ts")
	if !strings.HasPrefix(rr.stdout, "src/cats.service.ts:7:12:") {
		t.Errorf("--repo-root ..:\n%s", rr)
	}
	// A file outside --repo-root is named from the first path's folder.
	out := runSync(t, "--repo-root", t.TempDir(), app)
	if out.code != exitFindings || strings.Contains(out.stdout, "..") || !strings.HasPrefix(out.stdout, "src/cats.service.ts:7:12:") {
		t.Errorf("outside root:\n%s", out)
	}
}

// sarifURIs returns the result URIs of a SARIF log.
func sarifURIs(t *testing.T, sarif string) []string {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil {
		t.Fatalf("bad SARIF: %v", err)
	}
	var uris []string
	for _, r := range log.Runs[0].Results {
		uris = append(uris, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	return uris
}

func TestRepoRootDefault(t *testing.T) {
	base, err := resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, base, map[string]string{"repo/.git": "gitdir: /elsewhere\n", "repo/a/b.ts": ""})
	got, err := repoRoot("", filepath.Join(base, "repo", "a", "b.ts"))
	if err != nil || got != filepath.Join(base, "repo") {
		t.Errorf("repoRoot = %q, %v; want the folder with a .git file", got, err)
	}
	t.Chdir(base)
	got, err = repoRoot("", filepath.Join(base, "repo", "..", "x"))
	if err != nil || got != base {
		t.Errorf("repoRoot without git = %q, %v; want the current folder", got, err)
	}
	if _, err := repoRoot(filepath.Join(base, "repo", "a", "b.ts"), base); err == nil {
		t.Error("--repo-root naming a file is accepted")
	}
}

// TestMayHoldMarker: the listing that lets grouping skip the exact checks
// says yes for every name they look for, in any case, and no only for a
// folder that holds none.
func TestMayHoldMarker(t *testing.T) {
	t.Parallel()
	for name := range markerNames {
		for _, n := range []string{name, strings.ToUpper(name)} {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "a.service.ts"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(filepath.Join(dir, n), 0o755); err != nil {
				t.Fatal(err)
			}
			if !mayHoldMarker(dir) {
				t.Errorf("%s: skipped", n)
			}
		}
	}
	dir := t.TempDir()
	for _, n := range []string{"a.service.ts", "package.json.bak", "tsconfig.build.json", "src"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if mayHoldMarker(dir) {
		t.Error("a folder without markers was not skipped")
	}
	if !mayHoldMarker(filepath.Join(dir, "missing")) {
		t.Error("a folder that cannot be listed skipped the exact checks")
	}
}
