package tsconfig

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// writeTree creates files (slash-separated paths relative to root) with
// the given contents.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func j(root string, parts ...string) string {
	return filepath.Join(append([]string{root}, parts...)...)
}

func TestExtendsChainJSONC(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.json": `{
  // the app config
  "extends": "./configs/tsconfig.app", /* no .json */
  "compilerOptions": {
    "useDefineForClassFields": false,
  },
}`,
		"configs/tsconfig.app.json": `{
  "extends": "../tsconfig.base.json",
  "compilerOptions": {
    /* paths declared here: relative to this file when no baseUrl */
    "paths": { "@app/*": ["app/*",], },
    "target": "es2022", // overrides base
  },
}`,
		"tsconfig.base.json": `// base
{
  "compilerOptions": {
    "target": "ES2017",
    "paths": { "@old/*": ["old/*"] },
    "useDefineForClassFields": true,
  },
}
`,
		"src/app.module.ts": "",
	})
	l := NewLoader(root)
	cfg, err := l.ForFile(j(root, "src", "app.module.ts"))
	if err != nil {
		t.Fatal(err)
	}
	wantChain := []string{j(root, "tsconfig.json"), j(root, "configs", "tsconfig.app.json"), j(root, "tsconfig.base.json")}
	if !reflect.DeepEqual(cfg.Chain, wantChain) {
		t.Errorf("Chain = %v, want %v", cfg.Chain, wantChain)
	}
	if cfg.Path != j(root, "tsconfig.json") {
		t.Errorf("Path = %q", cfg.Path)
	}
	if cfg.Target != "ES2022" || cfg.TargetSource != j(root, "configs", "tsconfig.app.json") {
		t.Errorf("Target = %q from %q", cfg.Target, cfg.TargetSource)
	}
	if cfg.UseDefineForClassFields == nil || *cfg.UseDefineForClassFields {
		t.Errorf("UseDefineForClassFields = %v, want false", cfg.UseDefineForClassFields)
	}
	if want := map[string][]string{"@app/*": {"app/*"}}; !reflect.DeepEqual(cfg.Paths, want) {
		t.Errorf("Paths = %v, want %v (replaced wholesale)", cfg.Paths, want)
	}
	if cfg.PathsBase != j(root, "configs") {
		t.Errorf("PathsBase = %q", cfg.PathsBase)
	}
	if cfg.BaseURL != "" || len(cfg.Missing) != 0 {
		t.Errorf("BaseURL = %q, Missing = %v", cfg.BaseURL, cfg.Missing)
	}
	def, why := cfg.DefineSemantics()
	if def || why != "useDefineForClassFields: false in tsconfig.json" {
		t.Errorf("DefineSemantics = %v, %q", def, why)
	}
	// Same directory tree shares the cached config.
	again, _ := l.ForFile(j(root, "src", "main.ts"))
	if again != cfg {
		t.Error("config not cached per directory")
	}
}

func TestExtendsArrayAndPackages(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"node_modules/@tsconfig/node20/tsconfig.json": `{"compilerOptions": {"target": "es2022", "baseUrl": "."}}`,
		"node_modules/@tsconfig/node16/package.json":  `{"name": "@tsconfig/node16", "tsconfig": "base.json"}`,
		"node_modules/@tsconfig/node16/base.json":     `{"compilerOptions": {"target": "es2021"}}`,
		"a.json":                        `{"compilerOptions": {"target": "es2019", "useDefineForClassFields": true}}`,
		"b.json":                        `{"compilerOptions": {"target": "es2020"}}`,
		"array/tsconfig.json":           `{"extends": ["../a.json", "../b"], "compilerOptions": {}}`,
		"pkgfile/tsconfig.json":         `{"extends": "@tsconfig/node20/tsconfig.json"}`,
		"pkgdir/tsconfig.json":          `{"extends": ["@tsconfig/missing", "@tsconfig/node20"]}`,
		"pkgjson/tsconfig.json":         `{"extends": "@tsconfig/node16"}`,
		"pkgnoext/tsconfig.json":        `{"extends": "@tsconfig/node20/tsconfig"}`,
		"pkgdir/nested/tsconfig.json":   `{"extends": ["../tsconfig.json", "./missing.json"], "compilerOptions": {"baseUrl": "src"}}`,
		"pkgdir/nested/src/x.module.ts": "",
	})
	tests := []struct {
		dir       string
		target    string
		targetSrc string
		useDefine string // "", "true", "false"
		baseURL   string
		missing   []string
		chain     []string
	}{
		{"array", "ES2020", "b.json", "true", "", nil, []string{"array/tsconfig.json", "a.json", "b.json"}},
		{"pkgfile", "ES2022", "node_modules/@tsconfig/node20/tsconfig.json", "", "node_modules/@tsconfig/node20", nil,
			[]string{"pkgfile/tsconfig.json", "node_modules/@tsconfig/node20/tsconfig.json"}},
		{"pkgdir", "ES2022", "node_modules/@tsconfig/node20/tsconfig.json", "", "node_modules/@tsconfig/node20", []string{"@tsconfig/missing"},
			[]string{"pkgdir/tsconfig.json", "node_modules/@tsconfig/node20/tsconfig.json"}},
		{"pkgjson", "ES2021", "node_modules/@tsconfig/node16/base.json", "", "", nil,
			[]string{"pkgjson/tsconfig.json", "node_modules/@tsconfig/node16/base.json"}},
		{"pkgnoext", "ES2022", "node_modules/@tsconfig/node20/tsconfig.json", "", "node_modules/@tsconfig/node20", nil,
			[]string{"pkgnoext/tsconfig.json", "node_modules/@tsconfig/node20/tsconfig.json"}},
		{"pkgdir/nested/src", "ES2022", "node_modules/@tsconfig/node20/tsconfig.json", "", "pkgdir/nested/src",
			[]string{"@tsconfig/missing", "./missing.json"},
			[]string{"pkgdir/nested/tsconfig.json", "pkgdir/tsconfig.json", "node_modules/@tsconfig/node20/tsconfig.json"}},
	}
	l := NewLoader(root)
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			cfg, err := l.ForFile(j(root, filepath.FromSlash(tc.dir), "file.ts"))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Target != tc.target || cfg.TargetSource != j(root, filepath.FromSlash(tc.targetSrc)) {
				t.Errorf("Target = %q from %q, want %q from %q", cfg.Target, cfg.TargetSource, tc.target, tc.targetSrc)
			}
			got := ""
			if cfg.UseDefineForClassFields != nil {
				got = fmt.Sprint(*cfg.UseDefineForClassFields)
			}
			if got != tc.useDefine {
				t.Errorf("UseDefineForClassFields = %q, want %q", got, tc.useDefine)
			}
			wantBase := ""
			if tc.baseURL != "" {
				wantBase = j(root, filepath.FromSlash(tc.baseURL))
			}
			if cfg.BaseURL != wantBase {
				t.Errorf("BaseURL = %q, want %q", cfg.BaseURL, wantBase)
			}
			if !reflect.DeepEqual(cfg.Missing, tc.missing) {
				t.Errorf("Missing = %q, want %q", cfg.Missing, tc.missing)
			}
			var chain []string
			for _, c := range tc.chain {
				chain = append(chain, j(root, filepath.FromSlash(c)))
			}
			if !reflect.DeepEqual(cfg.Chain, chain) {
				t.Errorf("Chain = %v, want %v", cfg.Chain, chain)
			}
		})
	}
}

func TestDefineSemantics(t *testing.T) {
	tests := []struct {
		name   string
		base   string // compilerOptions of tsconfig.base.json
		child  string // compilerOptions of tsconfig.json (extends the base)
		define bool
		reason string
	}{
		{"es2021", `"target": "ES2021"`, ``, false, "target ES2021 in tsconfig.base.json erases declared fields"},
		{"es2022", ``, `"target": "es2022"`, true, "target ES2022 in tsconfig.json keeps declared fields"},
		{"es2021 explicit true", `"target": "ES2021"`, `"useDefineForClassFields": true`, true, "useDefineForClassFields: true in tsconfig.json"},
		{"no target", ``, ``, false, "no target (ES5) in tsconfig.json erases declared fields"},
		{"esnext", `"target": "ESNext"`, ``, true, "target ESNEXT in tsconfig.base.json keeps declared fields"},
		{"es2024", `"target": "es2024"`, ``, true, "target ES2024 in tsconfig.base.json keeps declared fields"},
		{"es6", `"target": "es6"`, ``, false, "target ES6 in tsconfig.base.json erases declared fields"},
		{"explicit false es2022", `"useDefineForClassFields": false`, `"target": "ES2022"`, false, "useDefineForClassFields: false in tsconfig.base.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, map[string]string{
				"tsconfig.base.json": `{"compilerOptions": {` + tc.base + `}}`,
				"tsconfig.json":      `{"extends": "./tsconfig.base.json", "compilerOptions": {` + tc.child + `}}`,
			})
			cfg, err := NewLoader(root).ForFile(j(root, "src", "a.ts"))
			if err != nil {
				t.Fatal(err)
			}
			define, reason := cfg.DefineSemantics()
			if define != tc.define || reason != tc.reason {
				t.Errorf("DefineSemantics() = %v, %q; want %v, %q", define, reason, tc.define, tc.reason)
			}
		})
	}
	t.Run("nil config", func(t *testing.T) {
		var c *Config
		if define, reason := c.DefineSemantics(); define || !strings.Contains(reason, "ES5") {
			t.Errorf("nil DefineSemantics() = %v, %q", define, reason)
		}
	})
	t.Run("reason relative to root", func(t *testing.T) {
		root := t.TempDir()
		writeTree(t, root, map[string]string{"apps/api/tsconfig.json": `{"compilerOptions": {"target": "es2021"}}`})
		cfg, err := NewLoader(root).ForFile(j(root, "apps", "api", "src", "main.ts"))
		if err != nil {
			t.Fatal(err)
		}
		if _, reason := cfg.DefineSemantics(); reason != "target ES2021 in apps/api/tsconfig.json erases declared fields" {
			t.Errorf("reason = %q", reason)
		}
	})
}

func TestNoConfigAndRootLimit(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.json":          `{"compilerOptions": {"target": "es2022"}}`,
		"project/src/a.ts":       "",
		"project/nest-cli.json":  `{}`,
		"project/src/sub/b.ts":   "",
		"other/tsconfig.json":    `{}`,
		"other/deeper/file.ts":   "",
		"other/nest-cli.json":    `{"compilerOptions": {"builder": "tsc"}}`,
		"project/sub2/readme.md": "",
	})
	limited := NewLoader(j(root, "project"))
	cfg, err := limited.ForFile(j(root, "project", "src", "a.ts"))
	if err != nil || cfg != nil {
		t.Errorf("ForFile with root limit = %v, %v; want nil, nil", cfg, err)
	}
	cfg, err = NewLoader("").ForFile(j(root, "project", "src", "a.ts"))
	if err != nil || cfg == nil || cfg.Path != j(root, "tsconfig.json") {
		t.Errorf("ForFile without limit = %+v, %v", cfg, err)
	}
	cfg, _ = NewLoader(root).ForFile(j(root, "other", "deeper", "file.ts"))
	if cfg == nil || cfg.Path != j(root, "other", "tsconfig.json") {
		t.Errorf("nearest tsconfig not chosen: %+v", cfg)
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name  string
		file  string // relative path of the malformed file
		body  string
		line  int
		extra map[string]string
	}{
		{"missing comma", "tsconfig.json", "{\n  // ok\n  \"compilerOptions\": {\n    \"target\": \"es2022\"\n    \"strict\": true\n  }\n}\n", 5, nil},
		{"unterminated comment", "tsconfig.json", "{\n  \"compilerOptions\": {}\n  /* never closed\n}\n", 3, nil},
		{"truncated", "tsconfig.json", "{\n  \"compilerOptions\": {\n    \"target\": \"es2022\",\n", 3, nil},
		{"not an object", "tsconfig.json", "\n[1, 2]\n", 2, nil},
		{"in extended file", "base.json", "{\n\n  \"compilerOptions\": { \"target\": es2022 }\n}", 3,
			map[string]string{"tsconfig.json": `{"extends": "./base.json"}`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			files := map[string]string{tc.file: tc.body}
			for k, v := range tc.extra {
				files[k] = v
			}
			writeTree(t, root, files)
			_, err := NewLoader(root).ForFile(j(root, "a.ts"))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.Path != j(root, tc.file) || pe.Line != tc.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", pe.Path, pe.Line, j(root, tc.file), tc.line, err)
			}
			if want := fmt.Sprintf("%s:%d:", j(root, tc.file), tc.line); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want prefix %q", err.Error(), want)
			}
		})
	}
}

func TestExtendsCycle(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.json":      `{"extends": "./a.json", "compilerOptions": {"baseUrl": "."}}`,
		"a.json":             `{"extends": "./b.json", "compilerOptions": {"target": "es2021"}}`,
		"b.json":             `{"extends": ["./a.json", "./tsconfig.json", "./b.json"], "compilerOptions": {"target": "es2015", "useDefineForClassFields": true}}`,
		"self/tsconfig.json": `{"extends": "./tsconfig.json", "compilerOptions": {"target": "esnext"}}`,
	})
	l := NewLoader(root)
	cfg, err := l.ForFile(j(root, "x.ts"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{j(root, "tsconfig.json"), j(root, "a.json"), j(root, "b.json")}; !reflect.DeepEqual(cfg.Chain, want) {
		t.Errorf("Chain = %v, want %v", cfg.Chain, want)
	}
	if cfg.Target != "ES2021" || cfg.UseDefineForClassFields == nil || !*cfg.UseDefineForClassFields {
		t.Errorf("merged options wrong: %+v", cfg)
	}
	self, err := l.ForFile(j(root, "self", "x.ts"))
	if err != nil || self.Target != "ESNEXT" || len(self.Chain) != 1 {
		t.Errorf("self-extends = %+v, %v", self, err)
	}
}

func TestConfigDirTemplate(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"shared/tsconfig.base.json": `{"compilerOptions": {"baseUrl": "${configDir}/src", "paths": {"@lib": ["${configDir}/lib/index.ts"]}}}`,
		"app/tsconfig.json":         `{"extends": "../shared/tsconfig.base.json"}`,
	})
	cfg, err := NewLoader(root).ForFile(j(root, "app", "main.ts"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != j(root, "app", "src") || cfg.PathsBase != cfg.BaseURL {
		t.Errorf("BaseURL = %q, PathsBase = %q", cfg.BaseURL, cfg.PathsBase)
	}
	if got := cfg.Paths["@lib"]; len(got) != 1 || got[0] != j(root, "app", "lib", "index.ts") {
		t.Errorf("Paths = %v", cfg.Paths)
	}
}

func TestNestCLI(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"str/nest-cli.json": `{
  "$schema": "https://json.schemastore.org/nest-cli",
  "collection": "@nestjs/schematics",
  "sourceRoot": "src",
  "compilerOptions": { "builder": "swc", "deleteOutDir": true, }, // JSONC
}`,
		"obj/nest-cli.json":    `{"compilerOptions": {"builder": {"type": "SWC", "options": {"swcrcPath": ".swcrc"}}, "typeCheck": true}}`,
		"legacy/nest-cli.json": `{"compilerOptions": {"webpack": true}}`,
		"none/.nestcli.json":   `{"sourceRoot": "lib"}`,
		"mono/nest-cli.json": `{
  "sourceRoot": "apps/api/src",
  "monorepo": true,
  "root": "apps/api",
  "compilerOptions": { "webpack": true, "tsConfigPath": "apps/api/tsconfig.app.json" },
  "projects": {
    "api": { "type": "application", "root": "apps/api", "sourceRoot": "apps/api/src",
             "compilerOptions": { "tsConfigPath": "apps/api/tsconfig.app.json" } },
    "worker": { "type": "application", "root": "apps/worker", "sourceRoot": "apps/worker/src",
                "compilerOptions": { "builder": { "type": "swc" }, "tsConfigPath": "apps/worker/tsconfig.app.json" } },
    "shared": { "type": "library", "root": "libs/shared", "sourceRoot": "libs/shared/src",
                "compilerOptions": { "builder": "tsc", "tsConfigPath": "libs/shared/tsconfig.lib.json" } }
  }
}`,
		"bad/nest-cli.json": "{\n  \"compilerOptions\": {\n    \"builder\": swc\n  }\n}",
	})
	l := NewLoader(root)
	tests := []struct {
		file    string
		builder string // BuilderFor(file)
		cliPath string // "" for none
	}{
		{"str/src/main.ts", "swc", "str/nest-cli.json"},
		{"obj/src/app/app.module.ts", "swc", "obj/nest-cli.json"},
		{"legacy/src/main.ts", "webpack", "legacy/nest-cli.json"},
		{"none/lib/x.ts", "", "none/.nestcli.json"},
		{"mono/apps/api/src/main.ts", "webpack", "mono/nest-cli.json"},
		{"mono/apps/worker/src/main.ts", "swc", "mono/nest-cli.json"},
		{"mono/apps/workerish/src/main.ts", "webpack", "mono/nest-cli.json"},
		{"mono/libs/shared/src/index.ts", "tsc", "mono/nest-cli.json"},
		{"elsewhere/main.ts", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			abs := j(root, filepath.FromSlash(tc.file))
			cli, err := l.NestCLIFor(abs)
			if err != nil {
				t.Fatal(err)
			}
			if tc.cliPath == "" {
				if cli != nil {
					t.Fatalf("NestCLIFor = %+v, want nil", cli)
				}
			} else if cli == nil || cli.Path != j(root, filepath.FromSlash(tc.cliPath)) {
				t.Fatalf("NestCLIFor = %+v, want %s", cli, tc.cliPath)
			}
			if got := cli.BuilderFor(abs); got != tc.builder {
				t.Errorf("BuilderFor = %q, want %q", got, tc.builder)
			}
		})
	}

	cli, _ := l.NestCLIFor(j(root, "mono", "apps", "api", "src", "main.ts"))
	want := map[string]NestProject{
		"api":    {Type: "application", Root: j(root, "mono", "apps", "api"), SourceRoot: j(root, "mono", "apps", "api", "src"), TsConfigPath: j(root, "mono", "apps", "api", "tsconfig.app.json")},
		"worker": {Type: "application", Root: j(root, "mono", "apps", "worker"), SourceRoot: j(root, "mono", "apps", "worker", "src"), TsConfigPath: j(root, "mono", "apps", "worker", "tsconfig.app.json"), Builder: "swc"},
		"shared": {Type: "library", Root: j(root, "mono", "libs", "shared"), SourceRoot: j(root, "mono", "libs", "shared", "src"), TsConfigPath: j(root, "mono", "libs", "shared", "tsconfig.lib.json"), Builder: "tsc"},
	}
	if !reflect.DeepEqual(cli.Projects, want) {
		t.Errorf("Projects = %+v\nwant %+v", cli.Projects, want)
	}
	if !cli.Monorepo || cli.Builder != "webpack" || cli.SourceRoot != j(root, "mono", "apps", "api", "src") || cli.TsConfigPath != j(root, "mono", "apps", "api", "tsconfig.app.json") {
		t.Errorf("top level = %+v", cli)
	}
	if str, _ := l.NestCLIFor(j(root, "str", "x.ts")); str.SourceRoot != j(root, "str", "src") {
		t.Errorf("SourceRoot = %q", str.SourceRoot)
	}

	_, err := l.NestCLIFor(j(root, "bad", "src", "main.ts"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Path != j(root, "bad", "nest-cli.json") || pe.Line != 3 {
		t.Errorf("malformed nest-cli.json: %v", err)
	}
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"tsconfig.json": `{
  "compilerOptions": {
    "baseUrl": "./",
    "paths": {
      "@app/*": ["src/*"],
      "@app/config/*": ["config/*", "src/config/*"],
      "@org/lib": ["libs/lib/src/index.ts"],
      "@org/ui": ["libs/ui/src"],
      "~/*": ["nope/*", "src/*"],
      "*.svg": ["assets/icons/*.svg"],
    },
  },
}`,
		"src/users/index.ts":               "",
		"src/users/users.service.ts":       "",
		"src/users/dto/create-user.dto.ts": "",
		"src/app.module.ts":                "",
		"src/main.ts":                      "",
		"src/view.tsx":                     "",
		"src/esm.mts":                      "",
		"src/cjs.cts":                      "",
		"src/types.d.ts":                   "",
		"src/data.json":                    "",
		"src/config/app.config.ts":         "",
		"src/config/db.config.ts":          "",
		"config/db.config.ts":              "",
		"libs/lib/src/index.ts":            "",
		"libs/ui/src/index.tsx":            "",
		"shared/util.ts":                   "",
		"assets/icons/logo.svg":            "",
		// A nested project with baseUrl only.
		"apps/api/tsconfig.json":       `{"compilerOptions": {"baseUrl": "src"}}`,
		"apps/api/src/main.ts":         "",
		"apps/api/src/health/index.ts": "",
		"apps/api/src/common/guard.ts": "",
	}
	writeTree(t, root, files)
	known := map[string]bool{}
	for name := range files {
		known[j(root, filepath.FromSlash(name))] = true
	}
	var mu sync.Mutex
	var asked int
	exists := func(p string) bool {
		mu.Lock()
		asked++
		mu.Unlock()
		return known[p]
	}
	r := NewResolver(NewLoader(root), exists)
	main := j(root, "src", "main.ts")
	tests := []struct {
		name     string
		from     string
		spec     string
		want     string // slash path relative to root; "" for unresolved
		external bool
	}{
		{"relative barrel", main, "./users", "src/users/index.ts", false},
		{"relative barrel trailing slash", main, "./users/", "src/users/index.ts", false},
		{"relative file", main, "./app.module", "src/app.module.ts", false},
		{"parent dir", j(root, "src", "users", "users.service.ts"), "../app.module", "src/app.module.ts", false},
		{"dotted name", j(root, "src", "users", "index.ts"), "./dto/create-user.dto", "src/users/dto/create-user.dto.ts", false},
		{".js to .ts", main, "./users/users.service.js", "src/users/users.service.ts", false},
		{".jsx to .tsx", main, "./view.jsx", "src/view.tsx", false},
		{".mjs to .mts", main, "./esm.mjs", "src/esm.mts", false},
		{".cjs to .cts", main, "./cjs.cjs", "src/cjs.cts", false},
		{"explicit .ts", main, "./app.module.ts", "src/app.module.ts", false},
		{"tsx appended", main, "./view", "src/view.tsx", false},
		{"d.ts appended", main, "./types", "src/types.d.ts", false},
		{"json as written", main, "./data.json", "src/data.json", false},
		{"dot is index", j(root, "src", "users", "dto", "create-user.dto.ts"), "..", "src/users/index.ts", false},
		{"relative missing", main, "./nope", "", false},
		{"alias wildcard", main, "@app/users", "src/users/index.ts", false},
		{"alias wildcard file", main, "@app/users/users.service", "src/users/users.service.ts", false},
		{"longest prefix wins", main, "@app/config/app.config", "src/config/app.config.ts", false},
		{"longest prefix first substitution", main, "@app/config/db.config", "config/db.config.ts", false},
		{"second substitution", main, "~/app.module", "src/app.module.ts", false},
		{"exact nx library", main, "@org/lib", "libs/lib/src/index.ts", false},
		{"exact to directory", main, "@org/ui", "libs/ui/src/index.tsx", false},
		{"exact does not match subpath", main, "@org/lib/sub", "@org/lib/sub", true},
		{"suffix pattern", main, "logo.svg", "assets/icons/logo.svg", false},
		{"baseUrl fallback", main, "shared/util", "shared/util.ts", false},
		{"alias matched but missing", main, "@app/missing", "@app/missing", true},
		{"bare package external", main, "@nestjs/common", "@nestjs/common", true},
		{"node builtin external", main, "node:fs", "node:fs", true},
		{"baseUrl only", j(root, "apps", "api", "src", "main.ts"), "health", "apps/api/src/health/index.ts", false},
		{"baseUrl only file", j(root, "apps", "api", "src", "health", "index.ts"), "common/guard", "apps/api/src/common/guard.ts", false},
		{"baseUrl only no paths from parent", j(root, "apps", "api", "src", "main.ts"), "@app/users", "@app/users", true},
		{"baseUrl only external", j(root, "apps", "api", "src", "main.ts"), "rxjs", "rxjs", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ext := r.Resolve(tc.from, tc.spec)
			want := tc.want
			if want != "" && !tc.external {
				want = j(root, filepath.FromSlash(tc.want))
			}
			if got != want || ext != tc.external {
				t.Errorf("Resolve(%s, %q) = %q, %v; want %q, %v", tc.from, tc.spec, got, ext, want, tc.external)
			}
		})
	}

	// Answers are cached per (directory, specifier).
	mu.Lock()
	before := asked
	mu.Unlock()
	if got, _ := r.Resolve(j(root, "src", "app.module.ts"), "@app/users"); got != j(root, "src", "users", "index.ts") {
		t.Errorf("cached Resolve = %q", got)
	}
	mu.Lock()
	after := asked
	mu.Unlock()
	if after != before {
		t.Errorf("cached Resolve called exists %d more times", after-before)
	}
}

func TestResolveDefaultExists(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.json":    `{"compilerOptions": {"paths": {"@app/*": ["./src/*"]}}}`,
		"src/a.ts":         "",
		"src/dir.ts/x.txt": "", // a directory named like a file must not match
		"src/b/index.ts":   "",
	})
	r := NewResolver(nil, nil)
	from := j(root, "src", "main.ts")
	if got, ext := r.Resolve(from, "@app/a"); got != j(root, "src", "a.ts") || ext {
		t.Errorf("Resolve(@app/a) = %q, %v", got, ext)
	}
	if got, _ := r.Resolve(from, "./dir.ts"); got != "" {
		t.Errorf("Resolve(./dir.ts) = %q, want unresolved", got)
	}
	if got, _ := r.Resolve(from, "./b"); got != j(root, "src", "b", "index.ts") {
		t.Errorf("Resolve(./b) = %q", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.base.json": `{"compilerOptions": {"target": "es2021", "paths": {"@app/*": ["src/*"]}}}`,
		"tsconfig.json":      `{"extends": "./tsconfig.base.json"}`,
		"nest-cli.json":      `{"compilerOptions": {"builder": "swc"}}`,
		"src/a/x.ts":         "",
		"src/b/y.ts":         "",
	})
	l := NewLoader(root)
	r := NewResolver(l, nil)
	var wg sync.WaitGroup
	configs := make([]*Config, 16)
	for i := range configs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			file := j(root, "src", []string{"a", "b"}[i%2], "f.ts")
			cfg, err := l.ForFile(file)
			if err != nil {
				t.Error(err)
				return
			}
			configs[i] = cfg
			if cli, err := l.NestCLIFor(file); err != nil || cli.BuilderFor(file) != "swc" {
				t.Errorf("NestCLIFor = %+v, %v", cli, err)
			}
			if got, ext := r.Resolve(file, "@app/a/x"); ext || got != j(root, "src", "a", "x.ts") {
				t.Errorf("Resolve = %q, %v", got, ext)
			}
		}()
	}
	wg.Wait()
	for _, c := range configs {
		if c != configs[0] {
			t.Fatal("concurrent ForFile returned different configs for one tsconfig")
		}
	}
}

func TestBOMAndEmptyFile(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"tsconfig.json":      "\xEF\xBB\xBF{\"extends\": \"./empty.json\", \"compilerOptions\": {\"target\": \"es2023\"}}",
		"empty.json":         "\n",
		"bad/tsconfig.json":  "{\n  /* open\n",
		"bad/placeholder.ts": "",
	})
	l := NewLoader(root)
	cfg, err := l.ForFile(j(root, "a.ts"))
	if err != nil || cfg.Target != "ES2023" || len(cfg.Chain) != 2 {
		t.Fatalf("ForFile = %+v, %v", cfg, err)
	}
	_, err = l.ForFile(j(root, "bad", "placeholder.ts"))
	t.Logf("sample error: %v", err)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 {
		t.Errorf("err = %v, want line 2", err)
	}
}
