package tsconfig

import (
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// decodeList decodes a "files"/"include"/"exclude" list and makes each
// entry absolute against dir. set reports that the key was present (an
// empty list counts).
func decodeList(raw json.RawMessage, dir string) (out []string, set bool) {
	if raw == nil {
		return nil, false
	}
	var list []string
	if json.Unmarshal(raw, &list) != nil {
		return nil, false
	}
	out = []string{}
	for _, e := range list {
		if e == "" {
			continue
		}
		out = append(out, resolveConfigPath(e, dir, dir))
	}
	return out, true
}

// Owns reports whether the configuration includes the source file abs, as
// tsc decides it: a file named in "files" is included; otherwise the file
// must match an "include" pattern (default "**/*" next to the config when
// neither files nor include is set) and no "exclude" pattern (default
// node_modules, bower_components, jspm_packages and outDir). A
// solution-style config ("files": [] with references) owns nothing.
func (c *Config) Owns(abs string) bool {
	if c == nil {
		return false
	}
	abs = filepath.Clean(abs)
	for _, f := range c.Files {
		if filepath.Clean(f) == abs {
			return true
		}
	}
	include := c.Include
	if !c.IncludeSet {
		if c.FilesSet {
			return false // files alone, and abs is not among them
		}
		include = []string{filepath.Join(filepath.Dir(c.Path), "**", "*")}
	}
	if !matchesAny(include, abs, true) {
		return false
	}
	exclude := c.Exclude
	if !c.ExcludeSet {
		dir := filepath.Dir(c.Path)
		exclude = []string{filepath.Join(dir, "node_modules"), filepath.Join(dir, "bower_components"), filepath.Join(dir, "jspm_packages")}
		if c.OutDir != "" {
			exclude = append(exclude, c.OutDir)
		}
	}
	return !matchesAny(exclude, abs, false)
}

// matchesAny matches abs against tsconfig patterns: "*" and "?" within one
// path segment, "**/" any folders; a pattern naming a folder (its last
// segment has no wildcard and no extension when including) covers
// everything under it.
func matchesAny(patterns []string, abs string, including bool) bool {
	s := filepath.ToSlash(abs)
	for _, p := range patterns {
		pat := filepath.ToSlash(filepath.Clean(p))
		if ok, _ := doublestar.Match(pat, s); ok {
			return true
		}
		last := pat[strings.LastIndexByte(pat, '/')+1:]
		folder := !strings.ContainsAny(last, "*?")
		if including && strings.Contains(last, ".") {
			folder = false
		}
		if folder || strings.HasSuffix(pat, "/**") {
			if strings.HasPrefix(s, strings.TrimSuffix(pat, "/**")+"/") {
				return true
			}
			if ok, _ := doublestar.Match(strings.TrimSuffix(pat, "/**")+"/**", s); ok {
				return true
			}
		}
	}
	return false
}

// owner finds the configuration that builds the file at abs, the way
// `tsc --build` and the editor do:
//
//  1. the build target's config named for the file's project (hints: Nx
//     project.json build options.tsConfig, nest-cli.json tsConfigPath, and
//     tsconfig.build.json beside a nest-cli.json, which `nest build` uses),
//     when it owns the file;
//  2. the nearest tsconfig.json at or above the file that owns it, or one
//     of its references (depth first) that does: solution-style configs
//     ("files": [] plus references) hand the file to tsconfig.app.json;
//  3. else the nearest tsconfig.json, as before.
func (l *Loader) owner(abs string) (*Config, error) {
	for _, h := range l.hintsFor(abs) {
		if cfg, err := l.Load(h); err == nil && cfg.Owns(abs) {
			return cfg, nil
		}
	}
	nearest := ""
	for d := filepath.Dir(abs); ; {
		p := l.findUp(d, l.dirs, []string{"tsconfig.json"})
		if p == "" {
			break
		}
		if nearest == "" {
			nearest = p
			if _, err := l.Load(p); err != nil {
				return nil, err // a broken nearest config is the user's to fix
			}
		}
		if cfg := l.ownerIn(p, abs, map[string]bool{}); cfg != nil {
			return cfg, nil
		}
		parent := filepath.Dir(filepath.Dir(p))
		if filepath.Dir(p) == l.root || parent == filepath.Dir(p) {
			break
		}
		d = parent
	}
	if nearest == "" {
		return nil, nil
	}
	return l.Load(nearest)
}

// ownerIn returns the config at p or the first of its references, depth
// first, that owns abs.
func (l *Loader) ownerIn(p, abs string, seen map[string]bool) *Config {
	if seen[p] || len(seen) > 64 {
		return nil
	}
	seen[p] = true
	cfg, err := l.Load(p)
	if err != nil || cfg == nil {
		return nil
	}
	if cfg.Owns(abs) {
		return cfg
	}
	for _, r := range cfg.References {
		if c := l.ownerIn(r, abs, seen); c != nil {
			return c
		}
	}
	return nil
}

// SetHints tells the loader which build-target configs the projects of the
// program name for a file (Nx project.json, nest-cli.json projects). The
// project of a file is that of its folder: h is asked about one file per
// folder. Call it before the first lookup.
func (l *Loader) SetHints(h func(abs string) []string) { l.hints = h }

// hintsFor returns the build-target configs to try first for abs. They
// depend on the file's folder only (the projects whose roots hold it), so
// they are computed once per folder.
func (l *Loader) hintsFor(abs string) []string {
	dir := filepath.Dir(abs)
	l.mu.Lock()
	out, ok := l.hintDir[dir]
	l.mu.Unlock()
	if ok {
		return out
	}
	out = l.hintsOf(abs)
	l.mu.Lock()
	l.hintDir[dir] = out
	l.mu.Unlock()
	return out
}

// hintsOf computes hintsFor.
func (l *Loader) hintsOf(abs string) []string {
	var out []string
	if l.hints != nil {
		out = append(out, l.hints(abs)...)
	}
	if cli, err := l.NestCLIFor(abs); err == nil && cli != nil {
		if tc := cli.TsConfigFor(abs); tc != "" {
			out = append(out, tc)
		} else if b := filepath.Join(filepath.Dir(cli.Path), "tsconfig.build.json"); isFile(b) {
			out = append(out, b)
		}
	}
	return out
}

// SetDisplayRoot makes reasons name config files relative to root (the
// program root) without limiting where configs are searched.
func (l *Loader) SetDisplayRoot(root string) { l.display = root }
