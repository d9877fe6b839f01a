package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

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
