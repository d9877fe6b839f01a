package genproject

import (
	"bytes"
	"path"
	"strings"
	"testing"
)

func generateWorkspace(t *testing.T, modules int, seed int64) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := GenerateWorkspace(dir, modules, seed); err != nil {
		t.Fatalf("GenerateWorkspace(%d, %d): %v", modules, seed, err)
	}
	return readTree(t, dir)
}

func TestWorkspaceShape(t *testing.T) {
	t.Parallel()
	files := generateWorkspace(t, 40, 1)
	packages, gitignores := 0, 0
	for p := range files {
		switch path.Base(p) {
		case "package.json":
			if p != "package.json" {
				packages++
				if _, ok := files[path.Dir(p)+"/tsconfig.json"]; !ok {
					t.Errorf("%s has no tsconfig.json beside it", p)
				}
			}
		case ".gitignore":
			if p != ".gitignore" {
				gitignores++
			}
		}
	}
	if packages < 30 || packages > 40 {
		t.Errorf("%d packages, want 30-40", packages)
	}
	if gitignores < 20 {
		t.Errorf("%d nested .gitignore files, want 20 or more", gitignores)
	}
	patterns := 0
	for _, line := range strings.Split(string(files[".gitignore"]), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			patterns++
		}
	}
	if patterns < 250 {
		t.Errorf("root .gitignore has %d patterns, want a few hundred", patterns)
	}
	for _, p := range []string{"pnpm-workspace.yaml", "apps/api/src/main.ts", "apps/api/src/app.module.ts",
		"apps/web/src/App.tsx", "apps/web/vite.config.ts", "packages/cli/src/main.ts",
		"packages/graphql-types/src/generated/graphql.ts"} {
		if len(files[p]) == 0 {
			t.Errorf("missing or empty %s", p)
		}
	}
	if !bytes.Contains(files["package.json"], []byte(`"workspaces"`)) {
		t.Error("root package.json declares no workspaces")
	}
	if !bytes.Contains(files["packages/cli/package.json"], []byte(`"bin"`)) {
		t.Error("the CLI package has no bin")
	}
}

func TestWorkspacePlanted(t *testing.T) {
	t.Parallel()
	files := generateWorkspace(t, 45, 3)
	planted := PlantedSyncIOWorkspace(45)
	if len(planted) != len(PlantedSyncIO(45)) || len(planted) == 0 {
		t.Fatalf("planted = %v", planted)
	}
	want := map[string]bool{}
	for _, p := range planted {
		want[p] = true
		if !strings.HasPrefix(p, "packages/") {
			t.Errorf("planted outside a server package: %s", p)
		}
	}
	for p, content := range files {
		// the ignored scratch files hold a readFileSync on purpose
		if strings.Contains(p, "/out-tsc/") || strings.Contains(p, "/tmp/") || strings.Contains(p, "/uploads/") ||
			strings.HasSuffix(p, ".local.ts") {
			continue
		}
		has := bytes.Contains(content, []byte("readFileSync"))
		switch {
		case want[p] && !has:
			t.Errorf("%s: planted but has no readFileSync", p)
		case !want[p] && has && !strings.HasPrefix(p, "packages/cli/"):
			t.Errorf("%s: readFileSync where none is planted", p)
		}
	}
}

func TestWorkspaceDeterministic(t *testing.T) {
	t.Parallel()
	a, b := generateWorkspace(t, 5, 7), generateWorkspace(t, 5, 7)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

func TestCodegenSize(t *testing.T) {
	t.Parallel()
	size := codegenSize(1000)
	if size < 1_000_000 || size > 2_000_000 {
		t.Fatalf("codegen size %d for N=1000, want 1-2 MB", size)
	}
	for _, kind := range []string{"schema", "operations"} {
		src := codegenFile(size, 1, kind)
		if len(src) < size || len(src) > size+10_000 {
			t.Errorf("%s: %d bytes, want about %d", kind, len(src), size)
		}
	}
	if small := codegenSize(2); small >= size {
		t.Errorf("a 2-module workspace gets %d bytes of codegen", small)
	}
}
