package workspace

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// tree writes files (path -> content) under a temp folder and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func pkgDirs(w *Workspace) []string {
	var out []string
	for _, p := range w.Packages {
		out = append(out, relSlash(w.Root, p.Dir)+"="+p.Name)
	}
	return out
}

func TestLoadFormats(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		files map[string]string
		kinds []string
		want  []string
	}{
		{
			name: "npm array with exclusion",
			files: map[string]string{
				"package.json":               `{"name":"root","workspaces":["apps/*","packages/*","!apps/electron"]}`,
				"apps/api/package.json":      `{"name":"@acme/api"}`,
				"apps/electron/package.json": `{"name":"@acme/electron"}`,
				"apps/notes/README.md":       `no package.json: not a package`,
				"packages/core/package.json": `{"name":"@acme/core"}`,
			},
			kinds: []string{"npm"},
			want:  []string{".=root", "apps/api=@acme/api", "packages/core=@acme/core"},
		},
		{
			name: "yarn object form with nohoist",
			files: map[string]string{
				"package.json":          `{"private":true,"workspaces":{"packages":["libs/**"],"nohoist":["**/x"]}}`,
				"libs/a/package.json":   `{"name":"a"}`,
				"libs/b/c/package.json": `{"name":"c"}`,
			},
			kinds: []string{"npm"},
			want:  []string{".=", "libs/a=a", "libs/b/c=c"},
		},
		{
			name: "pnpm with comments, quotes and exclusions; turbo",
			files: map[string]string{
				"pnpm-workspace.yaml":    "# the packages\npackages:\n  - 'apps/*'   # apps\n  - \"libs/*\"\n  - '!**/test/**'\ncatalog:\n  - not/this\n",
				"turbo.json":             `{}`,
				"apps/api/package.json":  `{"name":"api"}`,
				"libs/db/package.json":   `{"name":"@x/db"}`,
				"libs/test/package.json": `{"name":"excluded"}`,
				"not/this/package.json":  `{"name":"nope"}`,
			},
			kinds: []string{"pnpm", "turbo"},
			want:  []string{"apps/api=api", "libs/db=@x/db"},
		},
		{
			name: "lerna default packages",
			files: map[string]string{
				"lerna.json":              `{"version":"1.0.0"}`,
				"packages/x/package.json": `{"name":"x"}`,
			},
			kinds: []string{"lerna"},
			want:  []string{"packages/x=x"},
		},
		{
			name: "nx integrated: project.json without package.json",
			files: map[string]string{
				"nx.json":                     `{}`,
				"package.json":                `{"name":"acme","dependencies":{"@nestjs/core":"10","@angular/core":"17"}}`,
				"apps/api/project.json":       `{"name":"api","targets":{"build":{"options":{"tsConfig":"apps/api/tsconfig.app.json"}}}}`,
				"apps/admin/project.json":     `{"name":"admin"}`,
				"node_modules/x/project.json": `{"name":"ignored"}`,
			},
			kinds: []string{"nx"},
			want:  []string{".=acme", "apps/admin=admin", "apps/api=api"},
		},
		{
			name: "nx workspace.json",
			files: map[string]string{
				"workspace.json":     `{"version":2,"projects":{"api":"apps/api","web":{"root":"apps/web"}}}`,
				"apps/api/main.ts":   ``,
				"apps/web/index.tsx": ``,
			},
			kinds: []string{"nx"},
			want:  []string{"apps/api=api", "apps/web=web"},
		},
		{
			name: "nest-cli monorepo",
			files: map[string]string{
				"nest-cli.json":            `{"monorepo":true,"root":"apps/gw","projects":{"gw":{"type":"application","root":"apps/gw","compilerOptions":{"tsConfigPath":"apps/gw/tsconfig.app.json"}},"common":{"type":"library","root":"libs/common"}}}`,
				"apps/gw/src/main.ts":      ``,
				"libs/common/src/index.ts": ``,
			},
			kinds: []string{"nest-cli"},
			want:  []string{"apps/gw=gw", "libs/common=common"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			root := tree(t, tc.files)
			if !IsWorkspaceRoot(root) {
				t.Errorf("IsWorkspaceRoot = false")
			}
			w := Load(root)
			if got := pkgDirs(w); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("packages = %q, want %q", got, tc.want)
			}
			if !reflect.DeepEqual(w.Kinds, tc.kinds) {
				t.Errorf("kinds = %q, want %q", w.Kinds, tc.kinds)
			}
			if len(w.Problems) > 0 {
				t.Errorf("problems: %q", w.Problems)
			}
		})
	}
}

func TestNotAWorkspace(t *testing.T) {
	t.Parallel()
	root := tree(t, map[string]string{"package.json": `{"name":"app"}`, "nest-cli.json": `{"sourceRoot":"src"}`})
	if IsWorkspaceRoot(root) {
		t.Error("a single app is not a workspace root")
	}
	w := Load(root)
	if got := pkgDirs(w); !reflect.DeepEqual(got, []string{".=app"}) {
		t.Errorf("packages = %q", got)
	}
}

func TestBrokenManifestIsAProblem(t *testing.T) {
	t.Parallel()
	root := tree(t, map[string]string{
		"package.json":        `{"workspaces":["p/*"]}`,
		"p/bad/package.json":  `{"name": `,
		"p/deep/package.json": strings.Repeat("[", 5000),
		"p/good/package.json": `{"name":"good"}`,
	})
	w := Load(root)
	if len(w.Problems) != 2 {
		t.Fatalf("problems = %q, want the two broken manifests", w.Problems)
	}
	for _, p := range w.Problems {
		if !strings.Contains(p, "package.json") {
			t.Errorf("problem %q does not name the file", p)
		}
	}
	if w.ByName("good") == nil {
		t.Error("the good package is lost")
	}
}

func TestNxTsConfigPaths(t *testing.T) {
	t.Parallel()
	root := tree(t, map[string]string{
		"nx.json":                    `{}`,
		"apps/api/project.json":      `{"name":"api","targets":{"build":{"options":{"tsConfig":"{projectRoot}/tsconfig.app.json"}}}}`,
		"apps/api/tsconfig.app.json": `{}`,
	})
	w := Load(root)
	w.ResolveTsConfigPaths()
	p := w.PackageOf(filepath.Join(root, "apps/api/src/main.ts"))
	if p == nil || p.TsConfig != filepath.Join(root, "apps/api/tsconfig.app.json") {
		t.Fatalf("TsConfig = %+v", p)
	}
}

func TestPnpmPackages(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want []string
	}{
		{"packages:\n  - a/*\n  - b\n", []string{"a/*", "b"}},
		{"packages: ['a/*', \"b/*\"]\n", []string{"a/*", "b/*"}},
		{"onlyBuiltDependencies:\n  - esbuild\npackages:\n- x/*   # c\n", []string{"x/*"}},
		{"packages:\r\n  - 'a#b'\r\n", []string{"a#b"}},
		{"nothing: here\n", nil},
	}
	for _, tc := range cases {
		if got := PnpmPackages([]byte(tc.in)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("PnpmPackages(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitSpecifier(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]string{
		"@acme/core":         {"@acme/core", ""},
		"@acme/core/users/x": {"@acme/core", "users/x"},
		"lodash":             {"lodash", ""},
		"lodash/fp":          {"lodash/fp"[:6], "fp"},
		"@scope":             {"@scope", ""},
	} {
		n, s := SplitSpecifier(in)
		if n != want[0] || s != want[1] {
			t.Errorf("SplitSpecifier(%q) = %q, %q; want %q", in, n, s, want)
		}
	}
}

func TestExportsTargets(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, exports, key string
		want               []string
	}{
		{"string", `"./dist/index.js"`, ".", []string{"./dist/index.js"}},
		{"string, subpath misses", `"./dist/index.js"`, "./x", nil},
		{"conditions in order", `{"types":"./dist/index.d.ts","import":"./dist/index.mjs","browser":"./b.js","default":"./dist/index.js"}`, ".",
			[]string{"./dist/index.d.ts", "./dist/index.mjs", "./dist/index.js"}},
		{"subpath map", `{".":{"require":"./dist/index.js"},"./users":{"import":{"types":"./dist/users.d.ts"}}}`, "./users", []string{"./dist/users.d.ts"}},
		{"pattern", `{".":"./dist/index.js","./features/*":"./dist/features/*.js","./features/private/*":null}`, "./features/billing", []string{"./dist/features/billing.js"}},
		{"longest pattern wins", `{"./*":"./dist/*.js","./features/*":"./lib/f/*.js"}`, "./features/a", []string{"./lib/f/a.js"}},
		{"null excludes", `{"./internal/*":null}`, "./internal/x", nil},
		{"array fallbacks", `{".":["./a.js","./b.js"]}`, ".", []string{"./a.js", "./b.js"}},
		{"legacy folder", `{"./sub/":"./dist/sub/"}`, "./sub/x.js", []string{"./dist/sub/x.js"}},
		{"bad json", `{"x":`, ".", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ExportsTargets(json.RawMessage(tc.exports), tc.key)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	root := tree(t, map[string]string{
		"package.json": `{"workspaces":["libs/*"]}`,
		// main into build output, mapped by the tsconfig's outDir -> rootDir
		"libs/generic/package.json":          `{"name":"@acme/application-generic","main":"build/main/index.js","types":"build/main/index.d.ts"}`,
		"libs/generic/src/index.ts":          `export * from './usecases';`,
		"libs/generic/src/usecases/index.ts": ``,
		// main into dist, no tsconfig: the conventional swap
		"libs/core/package.json": `{"name":"@acme/core","main":"dist/index.js"}`,
		"libs/core/src/index.ts": ``,
		"libs/core/src/users.ts": ``,
		// exports with conditions and subpath patterns
		"libs/dal/package.json":             `{"name":"@acme/dal","exports":{".":{"types":"./dist/index.d.ts","default":"./dist/index.js"},"./repositories/*":{"import":"./dist/repositories/*.js"}}}`,
		"libs/dal/src/index.ts":             ``,
		"libs/dal/src/repositories/user.ts": ``,
		// exports straight to a TS source
		"libs/shared/package.json": `{"name":"shared","exports":"./index.ts"}`,
		"libs/shared/index.ts":     ``,
		// nothing but src/index.ts
		"libs/bare/package.json": `{"name":"bare"}`,
		"libs/bare/src/index.ts": ``,
	})
	w := Load(root)
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil && isTS(p) }
	outs := func(pkgDir string) []OutDir {
		if filepath.Base(pkgDir) == "generic" {
			return []OutDir{{Out: filepath.Join(pkgDir, "build/main"), Root: filepath.Join(pkgDir, "src")}}
		}
		return nil
	}
	cases := map[string]string{
		"@acme/application-generic":   "libs/generic/src/index.ts",
		"@acme/core":                  "libs/core/src/index.ts",
		"@acme/core/src/users":        "libs/core/src/users.ts",
		"@acme/core/dist/users":       "libs/core/src/users.ts",
		"@acme/dal":                   "libs/dal/src/index.ts",
		"@acme/dal/repositories/user": "libs/dal/src/repositories/user.ts",
		"shared":                      "libs/shared/index.ts",
		"bare":                        "libs/bare/src/index.ts",
		"@nestjs/common":              "",
		"@acme/missing":               "",
	}
	var keys []string
	for k := range cases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, spec := range keys {
		got, ok := w.Resolve(spec, outs, exists)
		want := cases[spec]
		if want == "" {
			if ok {
				t.Errorf("Resolve(%q) = %q, want not resolved", spec, got)
			}
			continue
		}
		if !ok || relSlash(root, got) != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", spec, got, ok, want)
		}
	}
}

// TestPackageOfInnermost checks PackageOf's walk up the folders against the
// definition it replaces: of the packages whose folder holds the path, the
// one with the longest folder (nested packages, a root package, files,
// folders, unclean paths, paths outside the workspace).
func TestPackageOfInnermost(t *testing.T) {
	t.Parallel()
	root := tree(t, map[string]string{
		"package.json":                         `{"name":"root","workspaces":["apps/*","packages/*","packages/*/plugins/*"]}`,
		"apps/api/package.json":                `{"name":"api"}`,
		"apps/api-gateway/package.json":        `{"name":"api-gateway"}`,
		"packages/core/package.json":           `{"name":"core"}`,
		"packages/core/plugins/x/package.json": `{"name":"x"}`,
		"tools/gen.ts":                         ``,
	})
	w := Load(root)
	if len(w.Packages) != 5 {
		t.Fatalf("packages = %q", pkgDirs(w))
	}
	linear := func(abs string) *Package {
		var best *Package
		for _, p := range w.Packages {
			if within(p.Dir, abs) && (best == nil || len(p.Dir) > len(best.Dir)) {
				best = p
			}
		}
		return best
	}
	j := func(s string) string { return root + string(filepath.Separator) + filepath.FromSlash(s) }
	for _, abs := range []string{
		root, j("apps"), j("apps/api"), j("apps/api/src/main.ts"), j("apps/api-gateway/src/main.ts"),
		j("apps/api-gateway"), j("apps/api/../api-gateway/x.ts"), j("apps/api/"), j("packages/core/plugins/x/src/i.ts"),
		j("packages/core/plugins/y/src/i.ts"), j("packages/core/plugins"), j("tools/gen.ts"),
		filepath.Dir(root), filepath.Join(filepath.Dir(root), "elsewhere", "a.ts"), "relative/a.ts",
	} {
		want, got := linear(abs), w.PackageOf(abs)
		if got != want {
			t.Errorf("PackageOf(%q) = %v, want %v", abs, got, want)
		}
	}
	if p := w.PackageOf(j("apps/api-gateway/src/main.ts")); p == nil || p.Name != "api-gateway" {
		t.Errorf("api-gateway's file is in %+v", p)
	}
}
