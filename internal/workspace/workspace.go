// Package workspace finds the packages of a JavaScript monorepo the way its
// package manager and build tools do: npm, yarn and bun `workspaces` in
// package.json (array and object forms), pnpm-workspace.yaml, lerna.json, Nx
// (nx.json with project.json files, or workspace.json), Turborepo (which uses
// the package manager's list) and nest-cli.json monorepo projects. nestlint
// links every package of a workspace into one program, so that dependency
// injection, module imports and the request path cross packages; bare
// imports of workspace packages (`@acme/core`, `@acme/core/sub`) resolve to
// their sources through package.json `exports`, `types`, `module` and
// `main` (see Resolve).
//
// The package reads only small JSON and YAML files with a size cap and
// never follows symlinked folders.
package workspace

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/tailscale/hujson"
)

// maxManifest caps the size of the JSON and YAML files read here.
const maxManifest = 4 << 20

// Package is one package or project of a workspace.
type Package struct {
	// Dir is the package's absolute folder.
	Dir string
	// Name is the package.json name, or the Nx / nest-cli project name when
	// the project has no package.json.
	Name string
	// Manifest is the package's package.json, nil when it has none (Nx
	// integrated projects, nest-cli projects).
	Manifest *Manifest
	// Via names the declaration that made it a package: "package.json
	// workspaces", "pnpm-workspace.yaml", "lerna.json", "nx project.json",
	// "nx workspace.json", "nest-cli.json projects" or "root".
	Via string
	// TsConfig is the build target's tsconfig named by the project
	// (project.json build options.tsConfig or nest-cli.json
	// compilerOptions.tsConfigPath), absolute, or "".
	TsConfig string
}

// Manifest is the part of a package.json nestlint reads.
type Manifest struct {
	Path    string // absolute path of the package.json
	Name    string
	Main    string
	Module  string
	Types   string // types, else typings
	Exports json.RawMessage
	// Bin is set when the package declares executables (a CLI).
	Bin bool
	// Deps holds every dependency name: dependencies, devDependencies,
	// peerDependencies and optionalDependencies.
	Deps map[string]bool
	// Workspaces are the globs of the workspaces field (array or
	// {packages: [...]} form), nil when absent.
	Workspaces []string
}

// Workspace is a workspace root and its packages.
type Workspace struct {
	// Root is the absolute workspace root.
	Root string
	// Kinds names the declarations found, sorted: "lerna", "nest-cli",
	// "npm", "nx", "pnpm", "turbo".
	Kinds []string
	// Packages are sorted by Dir. The root package (the root package.json)
	// is included when it exists.
	Packages []*Package
	// Problems are files that could not be read or parsed, as messages
	// naming the file.
	Problems []string

	byName map[string]*Package
	byDir  map[string]*Package
}

// IsWorkspaceRoot reports whether dir declares a workspace: a package.json
// with workspaces, pnpm-workspace.yaml, lerna.json, nx.json, workspace.json
// or a nest-cli.json with "monorepo": true.
func IsWorkspaceRoot(dir string) bool {
	for _, n := range []string{"pnpm-workspace.yaml", "pnpm-workspace.yml", "lerna.json", "nx.json", "workspace.json"} {
		if isFile(filepath.Join(dir, n)) {
			return true
		}
	}
	if m, err := ReadManifest(filepath.Join(dir, "package.json")); err == nil && m.Workspaces != nil {
		return true
	}
	if obj, err := readJSON(filepath.Join(dir, "nest-cli.json")); err == nil {
		var mono bool
		if json.Unmarshal(obj["monorepo"], &mono) == nil && mono {
			return true
		}
	}
	return false
}

// Load reads the workspace rooted at root. A folder that declares no
// workspace gives a Workspace with the root package alone (when it has a
// package.json). Problems with individual files are recorded, not
// returned as errors.
func Load(root string) *Workspace {
	root = filepath.Clean(root)
	w := &Workspace{Root: root, byName: map[string]*Package{}}
	kinds := map[string]bool{}
	var globs []string
	via := map[string]string{} // glob -> declaration

	addGlobs := func(gs []string, from string) {
		for _, g := range gs {
			globs = append(globs, g)
			if _, ok := via[g]; !ok {
				via[g] = from
			}
		}
	}
	rootManifest, err := ReadManifest(filepath.Join(root, "package.json"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.Problems = append(w.Problems, err.Error())
	}
	if rootManifest != nil && rootManifest.Workspaces != nil {
		kinds["npm"] = true
		addGlobs(rootManifest.Workspaces, "package.json workspaces")
	}
	for _, n := range []string{"pnpm-workspace.yaml", "pnpm-workspace.yml"} {
		data, err := readCapped(filepath.Join(root, n))
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				w.Problems = append(w.Problems, err.Error())
			}
			continue
		}
		kinds["pnpm"] = true
		addGlobs(PnpmPackages(data), "pnpm-workspace.yaml")
		break
	}
	if obj, err := readJSON(filepath.Join(root, "lerna.json")); err == nil {
		kinds["lerna"] = true
		var pk []string
		if json.Unmarshal(obj["packages"], &pk) != nil || len(pk) == 0 {
			if rootManifest == nil || rootManifest.Workspaces == nil {
				pk = []string{"packages/*"}
			}
		}
		addGlobs(pk, "lerna.json")
	} else if !errors.Is(err, fs.ErrNotExist) {
		w.Problems = append(w.Problems, err.Error())
	}
	if isFile(filepath.Join(root, "turbo.json")) {
		kinds["turbo"] = true
	}
	pkgs := map[string]*Package{}
	add := func(dir, via string) *Package {
		dir = filepath.Clean(dir)
		if p := pkgs[dir]; p != nil {
			return p
		}
		p := &Package{Dir: dir, Via: via}
		if m, err := ReadManifest(filepath.Join(dir, "package.json")); err == nil {
			p.Manifest, p.Name = m, m.Name
		} else if !errors.Is(err, fs.ErrNotExist) {
			w.Problems = append(w.Problems, err.Error())
		}
		pkgs[dir] = p
		return p
	}
	if len(globs) > 0 {
		for _, dir := range expandGlobs(root, globs) {
			if isFile(filepath.Join(dir, "package.json")) {
				add(dir, via[firstMatching(root, dir, globs)])
			}
		}
	}
	if isFile(filepath.Join(root, "nx.json")) {
		kinds["nx"] = true
		for _, pj := range findProjectJSON(root) {
			p := add(filepath.Dir(pj), "nx project.json")
			readProjectJSON(pj, p)
		}
	}
	if obj, err := readJSON(filepath.Join(root, "workspace.json")); err == nil {
		kinds["nx"] = true
		var projects map[string]json.RawMessage
		if json.Unmarshal(obj["projects"], &projects) == nil {
			for _, name := range sortedKeys(projects) {
				var dir string
				if json.Unmarshal(projects[name], &dir) != nil {
					var o struct {
						Root    string                     `json:"root"`
						Targets map[string]json.RawMessage `json:"targets"`
					}
					if json.Unmarshal(projects[name], &o) != nil {
						continue
					}
					dir = o.Root
				}
				if dir == "" || !isDir(filepath.Join(root, filepath.FromSlash(dir))) {
					continue
				}
				p := add(filepath.Join(root, filepath.FromSlash(dir)), "nx workspace.json")
				if p.Name == "" {
					p.Name = name
				}
				if pj := filepath.Join(p.Dir, "project.json"); isFile(pj) {
					readProjectJSON(pj, p)
				}
			}
		}
	}
	if obj, err := readJSON(filepath.Join(root, "nest-cli.json")); err == nil {
		var mono bool
		_ = json.Unmarshal(obj["monorepo"], &mono)
		var projects map[string]struct {
			Root            string `json:"root"`
			SourceRoot      string `json:"sourceRoot"`
			CompilerOptions struct {
				TsConfigPath string `json:"tsConfigPath"`
			} `json:"compilerOptions"`
		}
		if json.Unmarshal(obj["projects"], &projects) == nil && len(projects) > 0 {
			kinds["nest-cli"] = true
			names := make([]string, 0, len(projects))
			for n := range projects {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				pr := projects[n]
				if pr.Root == "" {
					continue
				}
				dir := filepath.Join(root, filepath.FromSlash(pr.Root))
				if !isDir(dir) {
					continue
				}
				p := add(dir, "nest-cli.json projects")
				if p.Name == "" {
					p.Name = n
				}
				if tc := pr.CompilerOptions.TsConfigPath; tc != "" && p.TsConfig == "" {
					p.TsConfig = filepath.Join(root, filepath.FromSlash(tc))
				}
			}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		w.Problems = append(w.Problems, err.Error())
	}
	if rootManifest != nil {
		p := add(root, "root")
		p.Manifest, p.Name = rootManifest, rootManifest.Name
	}
	w.byDir = make(map[string]*Package, len(pkgs))
	for _, p := range pkgs {
		w.Packages = append(w.Packages, p)
		w.byDir[p.Dir] = p
		if p.Manifest != nil && p.Manifest.Name != "" {
			if old, ok := w.byName[p.Manifest.Name]; !ok || len(p.Dir) < len(old.Dir) {
				w.byName[p.Manifest.Name] = p
			}
		}
	}
	sort.Slice(w.Packages, func(i, j int) bool { return w.Packages[i].Dir < w.Packages[j].Dir })
	for k := range kinds {
		w.Kinds = append(w.Kinds, k)
	}
	sort.Strings(w.Kinds)
	return w
}

// PackageOf returns the innermost package whose folder holds the file or
// folder at abs, or nil.
func (w *Workspace) PackageOf(abs string) *Package {
	if w.byDir != nil {
		// Load's packages by folder: the innermost one is the first folder
		// found walking up (called for every file and folder of a run).
		for d := filepath.Clean(abs); ; {
			if p := w.byDir[d]; p != nil {
				return p
			}
			parent := filepath.Dir(d)
			if parent == d {
				return nil
			}
			d = parent
		}
	}
	var best *Package
	for _, p := range w.Packages {
		if within(p.Dir, abs) && (best == nil || len(p.Dir) > len(best.Dir)) {
			best = p
		}
	}
	return best
}

// ByName returns the package named name, or nil.
func (w *Workspace) ByName(name string) *Package { return w.byName[name] }

// SplitSpecifier splits a bare import specifier into its package name and
// subpath: "@acme/core/users" gives ("@acme/core", "users"), "lodash" gives
// ("lodash", "").
func SplitSpecifier(spec string) (name, sub string) {
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") {
		if len(parts) < 2 {
			return spec, ""
		}
		name = parts[0] + "/" + parts[1]
		if len(parts) == 3 {
			sub = parts[2]
		}
		return name, sub
	}
	name = parts[0]
	if i := strings.IndexByte(spec, '/'); i >= 0 {
		sub = spec[i+1:]
	}
	return name, sub
}

// ReadManifest reads a package.json.
func ReadManifest(p string) (*Manifest, error) {
	obj, err := readJSON(p)
	if err != nil {
		return nil, err
	}
	m := &Manifest{Path: p, Deps: map[string]bool{}, Exports: obj["exports"]}
	str := func(k string) string {
		var s string
		_ = json.Unmarshal(obj[k], &s)
		return s
	}
	m.Name, m.Main, m.Module = str("name"), str("main"), str("module")
	if m.Types = str("types"); m.Types == "" {
		m.Types = str("typings")
	}
	if raw, ok := obj["bin"]; ok && string(raw) != "null" {
		m.Bin = true
	}
	for _, k := range []string{"dependencies", "devDependencies", "peerDependencies", "optionalDependencies"} {
		var deps map[string]json.RawMessage
		if json.Unmarshal(obj[k], &deps) == nil {
			for d := range deps {
				m.Deps[d] = true
			}
		}
	}
	if raw, ok := obj["workspaces"]; ok {
		var list []string
		if json.Unmarshal(raw, &list) == nil {
			m.Workspaces = append([]string{}, list...)
		} else {
			var o struct {
				Packages []string `json:"packages"`
			}
			if json.Unmarshal(raw, &o) == nil {
				m.Workspaces = append([]string{}, o.Packages...)
			}
		}
	}
	return m, nil
}

// readProjectJSON reads an Nx project.json into p: the project name and
// the build target's tsConfig option.
func readProjectJSON(pj string, p *Package) {
	obj, err := readJSON(pj)
	if err != nil {
		return
	}
	var name string
	if json.Unmarshal(obj["name"], &name) == nil && name != "" && p.Manifest == nil {
		p.Name = name
	}
	var targets map[string]struct {
		Options struct {
			TsConfig string `json:"tsConfig"`
		} `json:"options"`
	}
	if json.Unmarshal(obj["targets"], &targets) != nil {
		return
	}
	// The build target decides emit; other targets (test, lint) do not.
	for _, t := range []string{"build", "build-app", "compile"} {
		if tc := targets[t].Options.TsConfig; tc != "" {
			// Nx writes options relative to the workspace root; keep the
			// raw form and resolve it against the root when it exists there.
			p.TsConfig = tc
			return
		}
	}
}

// ResolveTsConfigPaths makes the TsConfig of Nx packages absolute: Nx
// writes them relative to the workspace root (sometimes with
// "{projectRoot}").
func (w *Workspace) ResolveTsConfigPaths() {
	for _, p := range w.Packages {
		if p.TsConfig == "" || filepath.IsAbs(p.TsConfig) {
			continue
		}
		tc := strings.ReplaceAll(p.TsConfig, "{projectRoot}", relSlash(w.Root, p.Dir))
		tc = strings.ReplaceAll(tc, "{workspaceRoot}/", "")
		cand := filepath.Join(w.Root, filepath.FromSlash(tc))
		if !isFile(cand) {
			if alt := filepath.Join(p.Dir, filepath.FromSlash(tc)); isFile(alt) {
				cand = alt
			}
		}
		p.TsConfig = cand
	}
}

// findProjectJSON finds the project.json files under root (not in
// node_modules, build output or hidden folders).
func findProjectJSON(root string) []string {
	var out []string
	walkDirs(root, 8, func(dir string) {
		if p := filepath.Join(dir, "project.json"); isFile(p) {
			out = append(out, p)
		}
	})
	sort.Strings(out)
	return out
}

// expandGlobs returns the folders under root that the workspace globs
// select (negated globs, "!x", remove folders), sorted.
func expandGlobs(root string, globs []string) []string {
	var inc, exc []string
	for _, g := range globs {
		g = strings.TrimSpace(g)
		if neg, ok := strings.CutPrefix(g, "!"); ok {
			exc = append(exc, cleanGlob(neg))
		} else if g != "" {
			inc = append(inc, cleanGlob(g))
		}
	}
	depth := 1
	for _, g := range inc {
		if strings.Contains(g, "**") {
			depth = 8
			break
		}
		if n := strings.Count(g, "/") + 1; n > depth {
			depth = n
		}
	}
	var out []string
	walkDirs(root, depth, func(dir string) {
		rel := relSlash(root, dir)
		if rel == "." {
			return
		}
		if !matchAny(inc, rel) || matchAny(exc, rel) {
			return
		}
		out = append(out, dir)
	})
	sort.Strings(out)
	return out
}

func firstMatching(root, dir string, globs []string) string {
	rel := relSlash(root, dir)
	for _, g := range globs {
		if !strings.HasPrefix(g, "!") && matchAny([]string{cleanGlob(g)}, rel) {
			return g
		}
	}
	return ""
}

func cleanGlob(g string) string {
	g = strings.TrimPrefix(strings.TrimSpace(g), "./")
	g = strings.TrimSuffix(g, "/")
	g = strings.TrimSuffix(g, "/package.json")
	return g
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		// "**/test/**" style exclusions also exclude the folder itself.
		if strings.HasSuffix(g, "/**") {
			if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/**"), rel); ok {
				return true
			}
		}
	}
	return false
}

// walkDirs calls fn for every folder under root (root included) down to
// depth levels, skipping node_modules, build output and hidden folders, and
// never following symlinked folders.
func walkDirs(root string, depth int, fn func(dir string)) {
	var rec func(dir string, d int)
	rec = func(dir string, d int) {
		fn(dir)
		if d >= depth {
			return
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() || e.Type()&fs.ModeSymlink != 0 || strings.HasPrefix(n, ".") || skipDir[n] {
				continue
			}
			rec(filepath.Join(dir, n), d+1)
		}
	}
	rec(root, 0)
}

var skipDir = map[string]bool{"node_modules": true, "dist": true, "build": true, "coverage": true, "tmp": true, "out": true}

func readCapped(p string) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", p)
	}
	if st.Size() > maxManifest {
		return nil, fmt.Errorf("%s: larger than %d bytes", p, maxManifest)
	}
	return os.ReadFile(p)
}

// readJSON reads a JSON (or JSONC) object.
func readJSON(p string) (map[string]json.RawMessage, error) {
	data, err := readCapped(p)
	if err != nil {
		return nil, err
	}
	if depthExceeds(data, 200) {
		return nil, fmt.Errorf("%s: nested too deeply", p)
	}
	std, err := hujson.Standardize(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", p, err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(std, &obj); err != nil {
		return nil, fmt.Errorf("%s: %v", p, err)
	}
	return obj, nil
}

// depthExceeds reports whether JSON text nests brackets deeper than max
// (strings are skipped), so that no parser recurses on hostile input.
func depthExceeds(data []byte, max int) bool {
	d, inStr, esc := 0, false, false
	for _, c := range data {
		switch {
		case inStr:
			if esc {
				esc = false
			} else if c == '\\' {
				esc = true
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '[' || c == '{':
			if d++; d > max {
				return true
			}
		case c == ']' || c == '}':
			d--
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func relSlash(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	return path.Clean(filepath.ToSlash(rel))
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
