package parser

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestDiscoverListed: with Names, every folder walked is in Listed, true
// exactly when it holds one of the names (in any case); ignored and
// skipped folders are not listed; without Names, Listed is nil.
func TestDiscoverListed(t *testing.T) {
	t.Parallel()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"package.json":                      "{}",
		".gitignore":                        "tmp/\n",
		"src/app.module.ts":                 "export class AppModule {}\n",
		"src/cats/cats.service.ts":          "export class CatsService {}\n",
		"libs/core/TSCONFIG.json":           "{}",
		"libs/core/src/core.ts":             "export const core = 1;\n",
		"tmp/scratch.ts":                    "export const x = 1;\n",
		"node_modules/dep/package.json":     "{}",
		"src/cats/package.json.bak":         "{}",
		"src/cats/dto/create-cat.dto.ts":    "export class CreateCatDto {}\n",
		"libs/core/src/nested/pnpm-lock.ts": "export {};\n",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names := map[string]bool{"package.json": true, "tsconfig.json": true}
	d, err := DiscoverWith(context.Background(), []string{root}, DiscoverOptions{Names: names})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"":                     true,
		"src":                  false,
		"src/cats":             false,
		"src/cats/dto":         false,
		"libs":                 false,
		"libs/core":            true,
		"libs/core/src":        false,
		"libs/core/src/nested": false,
	}
	for rel, holds := range want {
		dir := filepath.Join(root, filepath.FromSlash(rel))
		got, ok := d.Listed[dir]
		if !ok {
			t.Errorf("%q not listed", rel)
		} else if got != holds {
			t.Errorf("%q: holds = %v, want %v", rel, got, holds)
		}
	}
	if len(d.Listed) != len(want) {
		t.Errorf("listed %d folders, want %d: %v", len(d.Listed), len(want), d.Listed)
	}
	plain, err := Discover([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Listed != nil {
		t.Errorf("Listed without Names: %v", plain.Listed)
	}
}
