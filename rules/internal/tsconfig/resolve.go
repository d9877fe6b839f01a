package tsconfig

import (
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/nestlint/nestlint/internal/workspace"
)

// Resolver resolves import specifiers to project files the way TypeScript's
// module resolution does for a NestJS project: relative paths with
// extension and index-file rules, then the governing tsconfig's paths and
// baseUrl. It is safe for concurrent use and caches each answer per
// (directory, specifier).
type Resolver struct {
	loader *Loader
	exists func(absPath string) bool
	ws     *workspace.Workspace

	mu    sync.Mutex
	cache map[resolveKey]resolveResult
	bare  map[bareKey]resolveResult
}

type resolveKey struct{ dir, spec string }

type bareKey struct {
	cfg  *Config
	spec string
}

type resolveResult struct {
	path     string
	external bool
}

// NewResolver returns a Resolver that reads tsconfig files through l (a
// nil l means a fresh NewLoader("")) and asks exists whether a candidate
// absolute path is a file. Callers that know every project file should pass
// a lookup in that set; a nil exists checks the filesystem for a regular
// file.
func NewResolver(l *Loader, exists func(absPath string) bool) *Resolver {
	if l == nil {
		l = NewLoader("")
	}
	if exists == nil {
		exists = isFile
	}
	return &Resolver{loader: l, exists: exists, cache: map[resolveKey]resolveResult{}, bare: map[bareKey]resolveResult{}}
}

// Resolve resolves specifier as imported from the file fromFile (an
// absolute path).
//
// A relative ("./x", "../x") or absolute specifier is tried as a file: as
// written when it has a TypeScript extension, with a JavaScript extension
// swapped for its TypeScript one ("./x.js" → "./x.ts", ".mjs" → ".mts",
// ".cjs" → ".cts", ".jsx" → ".tsx"), with ".ts", ".tsx" or ".d.ts"
// appended, as written, and finally as a directory holding index.ts,
// index.tsx or index.d.ts. It returns the file and false, or "" and false
// when no file matches.
//
// Any other specifier goes through the governing tsconfig's paths (an exact
// pattern wins, else the "*" pattern with the longest matching prefix; its
// substitutions are tried in order) and then baseUrl, each candidate with
// the same file rules. When none matches it is an external package and
// Resolve returns the specifier unchanged and true.
func (r *Resolver) Resolve(fromFile, specifier string) (absPath string, external bool) {
	return r.ResolveIn(filepath.Dir(filepath.Clean(fromFile)), specifier)
}

// ResolveIn is Resolve for a file of folder dir (absolute and clean): the
// model resolves every import of a file with the folder taken once.
func (r *Resolver) ResolveIn(dir, specifier string) (absPath string, external bool) {
	key := resolveKey{dir, specifier}
	r.mu.Lock()
	res, ok := r.cache[key]
	r.mu.Unlock()
	if ok {
		return res.path, res.external
	}
	res = r.resolve(dir, specifier)
	r.mu.Lock()
	r.cache[key] = res
	r.mu.Unlock()
	return res.path, res.external
}

func (r *Resolver) resolve(dir, spec string) resolveResult {
	if spec == "" {
		return resolveResult{}
	}
	if isRelative(spec) || filepath.IsAbs(spec) {
		p := filepath.FromSlash(spec)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		return resolveResult{path: r.tryPath(p, strings.HasSuffix(spec, "/"))}
	}
	if strings.HasPrefix(spec, "node:") {
		return resolveResult{path: spec, external: true}
	}
	// Errors are ignored here: a broken tsconfig is reported by whoever
	// asks the Loader directly, and resolution falls back to no settings.
	cfg, _ := r.loader.forDir(dir)
	// What follows depends on the folder only through its tsconfig: the
	// answer is kept per (tsconfig, specifier), as a package imported
	// from every folder of a program is resolved once.
	bk := bareKey{cfg, spec}
	r.mu.Lock()
	res, ok := r.bare[bk]
	r.mu.Unlock()
	if ok {
		return res
	}
	res = r.resolveBare(cfg, spec)
	r.mu.Lock()
	r.bare[bk] = res
	r.mu.Unlock()
	return res
}

// resolveBare resolves a specifier that is neither relative nor absolute
// under the tsconfig cfg (nil: none).
func (r *Resolver) resolveBare(cfg *Config, spec string) resolveResult {
	if cfg != nil {
		if subs, star, ok := matchPaths(cfg.Paths, spec); ok {
			for _, sub := range subs {
				sub = strings.Replace(sub, "*", star, 1)
				p := filepath.FromSlash(sub)
				if !filepath.IsAbs(p) {
					p = filepath.Join(cfg.PathsBase, p)
				}
				if f := r.tryPath(p, strings.HasSuffix(sub, "/")); f != "" {
					return resolveResult{path: f}
				}
			}
		}
		if cfg.BaseURL != "" {
			if f := r.tryPath(filepath.Join(cfg.BaseURL, filepath.FromSlash(spec)), strings.HasSuffix(spec, "/")); f != "" {
				return resolveResult{path: f}
			}
		}
	}
	if r.ws != nil {
		if f, ok := r.ws.Resolve(spec, r.outDirs, r.exists); ok {
			return resolveResult{path: f}
		}
	}
	return resolveResult{path: spec, external: true}
}

// SetWorkspace makes bare imports of the workspace's packages resolve to
// their sources (see workspace.Workspace.Resolve). Call it before the
// first Resolve.
func (r *Resolver) SetWorkspace(w *workspace.Workspace) { r.ws = w }

// outDirs returns the outDir -> rootDir pairs of the tsconfig files that
// build a package: the one its project names, tsconfig.build.json,
// tsconfig.lib.json and tsconfig.json. A config without rootDir maps to
// the package's src folder when there is one, else to the package folder.
func (r *Resolver) outDirs(pkgDir string) []workspace.OutDir {
	var cands []string
	if p := r.ws.PackageOf(pkgDir); p != nil && p.TsConfig != "" {
		cands = append(cands, p.TsConfig)
	}
	for _, n := range []string{"tsconfig.build.json", "tsconfig.lib.json", "tsconfig.json"} {
		cands = append(cands, filepath.Join(pkgDir, n))
	}
	var out []workspace.OutDir
	seen := map[string]bool{}
	for _, c := range cands {
		if seen[c] || !isFile(c) {
			continue
		}
		seen[c] = true
		cfg, err := r.loader.Load(c)
		if err != nil || cfg == nil || cfg.OutDir == "" {
			continue
		}
		root := cfg.RootDir
		if root == "" {
			root = pkgDir
			if isDir(filepath.Join(pkgDir, "src")) {
				root = filepath.Join(pkgDir, "src")
			}
		}
		out = append(out, workspace.OutDir{Out: cfg.OutDir, Root: root})
	}
	return out
}

// jsToTS maps a JavaScript extension written in an import to the
// TypeScript extensions that may stand behind it, in TypeScript's order.
var jsToTS = map[string][]string{
	".js":  {".ts", ".tsx", ".d.ts"},
	".jsx": {".tsx", ".ts", ".d.ts"},
	".mjs": {".mts", ".d.mts"},
	".cjs": {".cts", ".d.cts"},
}

// hasTSExt reports whether p ends in a TypeScript source or declaration
// extension.
func hasTSExt(p string) bool {
	for _, e := range []string{".ts", ".tsx", ".mts", ".cts"} {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}

// tryPath applies the file and directory rules to the absolute candidate
// p; dirOnly is set when the specifier ended in "/".
func (r *Resolver) tryPath(p string, dirOnly bool) string {
	if !dirOnly {
		if hasTSExt(p) && r.exists(p) {
			return p
		}
		ext := filepath.Ext(p)
		if subs, ok := jsToTS[ext]; ok {
			stem := strings.TrimSuffix(p, ext)
			for _, e := range subs {
				if r.exists(stem + e) {
					return stem + e
				}
			}
		}
		for _, e := range []string{".ts", ".tsx", ".d.ts"} {
			if r.exists(p + e) {
				return p + e
			}
		}
		if r.exists(p) {
			return p
		}
	}
	for _, n := range []string{"index.ts", "index.tsx", "index.d.ts"} {
		if f := filepath.Join(p, n); r.exists(f) {
			return f
		}
	}
	return ""
}

// matchPaths finds the paths entry for spec as TypeScript does: a pattern
// without "*" equal to spec wins; otherwise, among patterns with exactly
// one "*" whose prefix and suffix surround spec, the one with the longest
// prefix (then the longest suffix, then the first in sorted order). It
// returns the substitutions and the text the "*" matched.
func matchPaths(paths map[string][]string, spec string) ([]string, string, bool) {
	if subs, ok := paths[spec]; ok && !strings.Contains(spec, "*") {
		return subs, "", true
	}
	keys := make([]string, 0, len(paths))
	for k := range paths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, bestPre, bestSuf, star := "", -1, -1, ""
	for _, k := range keys {
		if strings.Count(k, "*") != 1 {
			continue
		}
		pre, suf, _ := strings.Cut(k, "*")
		if len(spec) < len(pre)+len(suf) || !strings.HasPrefix(spec, pre) || !strings.HasSuffix(spec, suf) {
			continue
		}
		if len(pre) > bestPre || (len(pre) == bestPre && len(suf) > bestSuf) {
			best, bestPre, bestSuf = k, len(pre), len(suf)
			star = spec[len(pre) : len(spec)-len(suf)]
		}
	}
	if bestPre < 0 {
		return nil, "", false
	}
	return paths[best], star, true
}
