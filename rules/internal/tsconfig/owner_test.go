package tsconfig

import (
	"path/filepath"
	"testing"
)

func TestOwnerSolutionStyle(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.base.json":                 `{"compilerOptions": {"target": "es2022"}}`,
		"apps/api/tsconfig.json":             `{"extends": "../../tsconfig.base.json", "files": [], "include": [], "references": [{"path": "./tsconfig.app.json"}, {"path": "./tsconfig.spec.json"}]}`,
		"apps/api/tsconfig.app.json":         `{"extends": "./tsconfig.json", "compilerOptions": {"target": "es2021", "outDir": "../../dist/apps/api"}, "include": ["src/**/*.ts"], "exclude": ["src/**/*.spec.ts"]}`,
		"apps/api/tsconfig.spec.json":        `{"extends": "./tsconfig.json", "compilerOptions": {"target": "es2023"}, "include": ["src/**/*.spec.ts"]}`,
		"apps/api/src/users.service.ts":      "",
		"apps/api/src/users.service.spec.ts": "",
	})
	l := NewLoader(root)
	cases := map[string]string{
		"apps/api/src/users.service.ts":      "apps/api/tsconfig.app.json",
		"apps/api/src/users.service.spec.ts": "apps/api/tsconfig.spec.json",
	}
	for file, want := range cases {
		cfg, err := l.ForFile(j(root, file))
		if err != nil || cfg == nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got, _ := filepath.Rel(root, cfg.Path); filepath.ToSlash(got) != want {
			t.Errorf("%s: owner %s, want %s", file, got, want)
		}
	}
	cfg, _ := l.ForFile(j(root, "apps/api/src/users.service.ts"))
	if d, why := cfg.DefineSemantics(); d || why != "target ES2021 in apps/api/tsconfig.app.json erases declared fields" {
		t.Errorf("DefineSemantics = %v, %q", d, why)
	}
}

func TestOwnerBuildTargets(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		// nest build uses tsconfig.build.json when nest-cli.json names none
		"svc/nest-cli.json":       `{"sourceRoot": "src"}`,
		"svc/tsconfig.json":       `{"compilerOptions": {"target": "es2022"}}`,
		"svc/tsconfig.build.json": `{"extends": "./tsconfig.json", "compilerOptions": {"target": "es2019"}, "exclude": ["node_modules", "test", "**/*spec.ts"]}`,
		"svc/src/a.ts":            "",
		"svc/src/a.spec.ts":       "",
		// nest-cli monorepo: the project's tsConfigPath
		"mono/nest-cli.json":             `{"monorepo": true, "projects": {"gw": {"root": "apps/gw", "compilerOptions": {"tsConfigPath": "apps/gw/tsconfig.app.json"}}}}`,
		"mono/tsconfig.json":             `{"compilerOptions": {"target": "es2022"}}`,
		"mono/apps/gw/tsconfig.app.json": `{"extends": "../../tsconfig.json", "compilerOptions": {"target": "es2017"}, "include": ["src/**/*"]}`,
		"mono/apps/gw/src/main.ts":       "",
		// hints from the workspace (Nx project.json)
		"nx/tsconfig.json":            `{"compilerOptions": {"target": "esnext"}}`,
		"nx/apps/a/tsconfig.lib.json": `{"extends": "../../tsconfig.json", "compilerOptions": {"target": "es2020"}}`,
		"nx/apps/a/src/x.ts":          "",
	})
	l := NewLoader(root)
	l.SetHints(func(abs string) []string {
		if _, ok := within(j(root, "nx/apps/a"), abs); ok {
			return []string{j(root, "nx/apps/a/tsconfig.lib.json")}
		}
		return nil
	})
	cases := map[string]string{
		"svc/src/a.ts":             "svc/tsconfig.build.json",
		"svc/src/a.spec.ts":        "svc/tsconfig.json", // excluded from the build config
		"mono/apps/gw/src/main.ts": "mono/apps/gw/tsconfig.app.json",
		"nx/apps/a/src/x.ts":       "nx/apps/a/tsconfig.lib.json",
	}
	for file, want := range cases {
		cfg, err := l.ForFile(j(root, file))
		if err != nil || cfg == nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got, _ := filepath.Rel(root, cfg.Path); filepath.ToSlash(got) != want {
			t.Errorf("%s: owner %s, want %s", file, got, want)
		}
	}
}

func TestOwns(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"base.json":     `{"include": ["src"], "exclude": ["src/generated"]}`,
		"tsconfig.json": `{"extends": "./base.json", "compilerOptions": {"outDir": "dist"}}`,
		"files.json":    `{"files": ["src/main.ts"]}`,
		"plain.json":    `{"compilerOptions": {"outDir": "out"}}`,
	})
	l := NewLoader(root)
	inherited, _ := l.Load(j(root, "tsconfig.json"))
	files, _ := l.Load(j(root, "files.json"))
	plain, _ := l.Load(j(root, "plain.json"))
	cases := []struct {
		cfg  *Config
		file string
		want bool
	}{
		{inherited, "src/a/b.ts", true},          // include inherited from the base, folder pattern
		{inherited, "src/generated/x.ts", false}, // exclude inherited
		{inherited, "test/a.ts", false},
		{files, "src/main.ts", true},
		{files, "src/other.ts", false},
		{plain, "anything/x.ts", true},
		{plain, "out/x.ts", false}, // outDir is excluded by default
		{plain, "node_modules/p/x.ts", false},
	}
	for _, tc := range cases {
		if got := tc.cfg.Owns(j(root, tc.file)); got != tc.want {
			t.Errorf("%s owns %s = %v, want %v", filepath.Base(tc.cfg.Path), tc.file, got, tc.want)
		}
	}
}
