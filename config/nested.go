package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/rules/lint"
)

// Nested configurations (docs/config.md): the configuration that applies
// to a file is the nearest nestlint.json at or above the file's folder,
// merged over the nestlint.json files of the folders above it, up to the
// repository root (the first folder holding .git) or to a file that says
// "root": true. Merge semantics, nearer file over farther file:
//
//   - rules: merged per rule id (family wildcards are expanded first); of
//     one rule, the nearer severity wins and the nearer options win, each
//     only when the nearer file sets it;
//   - ignore and offline: concatenated, each glob relative to the folder
//     of the file that holds it;
//   - entryPoints: concatenated (duplicates dropped);
//   - scope (a scalar): the nearer file's value when it sets one.

// Resolver finds and merges the configurations of folders. It caches
// every folder it has seen and every file it has read; it is not safe
// for concurrent use.
type Resolver struct {
	all    []*lint.Rule
	name   func(abs string) string // how errors name a file
	byDir  map[string]*Config      // merged configuration of a folder; nil when none applies
	files  map[string]*Config      // each file read, by absolute path; nil when it failed
	errs   Errors
	failed map[string]bool
}

// NewResolver returns a resolver checking rule ids against all; name
// (optional) gives the name errors use for an absolute path.
func NewResolver(all []*lint.Rule, name func(abs string) string) *Resolver {
	if name == nil {
		name = func(abs string) string { return abs }
	}
	return &Resolver{all: all, name: name, byDir: map[string]*Config{}, files: map[string]*Config{}, failed: map[string]bool{}}
}

// ForFile returns the merged configuration of the file at abs (absolute),
// or nil when no nestlint.json applies.
func (r *Resolver) ForFile(abs string) *Config {
	return r.ForDir(filepath.Dir(abs))
}

// ForDir returns the merged configuration of the folder dir (absolute), or
// nil when no nestlint.json applies. A file with errors counts as absent;
// Err reports it.
func (r *Resolver) ForDir(dir string) *Config {
	dir = filepath.Clean(dir)
	if c, ok := r.byDir[dir]; ok {
		return c
	}
	var c *Config
	own := r.load(filepath.Join(dir, FileName))
	atTop := exists(filepath.Join(dir, ".git")) || filepath.Dir(dir) == dir
	var parent *Config
	if !atTop && (own == nil || !own.Root) {
		parent = r.ForDir(filepath.Dir(dir))
	}
	switch {
	case own == nil:
		c = parent
	case parent == nil:
		c = Merge(nil, own)
	default:
		c = Merge(parent, own)
	}
	r.byDir[dir] = c
	return c
}

// load reads one file; nil when it does not exist or has errors.
func (r *Resolver) load(path string) *Config {
	if c, ok := r.files[path]; ok {
		return c
	}
	r.files[path] = nil
	if fsrec.Absent(path) {
		return nil // the walk saw none in its folder
	}
	info, err := os.Stat(path)
	if err != nil || info.IsDir() {
		return nil
	}
	c, err := Load(path, r.name(path), r.all)
	if err != nil {
		r.failed[path] = true
		r.errs.add(err)
		return nil
	}
	r.files[path] = c
	return c
}

// Err returns every error of every file read so far, or nil.
func (r *Resolver) Err() error { return r.errs.err() }

// Loaded returns the files read without error, sorted by path.
func (r *Resolver) Loaded() []*Config {
	var out []*Config
	for _, c := range r.files {
		if c != nil {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *Config) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// Merge returns child merged over parent (either may be nil; both nil gives
// nil). The result's Dir is the parent's folder (the farthest file's), so
// that the child's globs are rebased onto it by prefixing the child's
// folder; Path is the child's file and Files lists every file merged,
// farthest first.
func Merge(parent, child *Config) *Config {
	switch {
	case child == nil && parent == nil:
		return nil
	case child == nil:
		return parent
	}
	out := &Config{Path: child.Path, Dir: child.Dir, Rules: map[string]lint.RuleConfig{}, Scope: child.Scope, Root: child.Root}
	prefix := ""
	if parent != nil {
		out.Dir = parent.Dir
		out.Files = append(out.Files, parent.files()...)
		for id, rc := range parent.Rules {
			out.Rules[id] = rc
		}
		out.Ignore = append(out.Ignore, parent.Ignore...)
		out.Offline = append(out.Offline, parent.Offline...)
		out.EntryPoints = append(out.EntryPoints, parent.EntryPoints...)
		if out.Scope == "" {
			out.Scope = parent.Scope
		}
		if rel, ok := under(parent.Dir, child.Dir); ok {
			prefix = escapeGlob(rel) + "/"
		}
	}
	out.Files = append(out.Files, child.files()...)
	for id, rc := range child.Rules {
		merged := out.Rules[id]
		if rc.Severity != nil {
			merged.Severity = rc.Severity
		}
		if rc.Options != nil {
			merged.Options = rc.Options
		}
		out.Rules[id] = merged
	}
	for _, g := range child.Ignore {
		out.Ignore = append(out.Ignore, prefix+g)
	}
	for _, g := range child.Offline {
		out.Offline = append(out.Offline, prefix+g)
	}
	for _, e := range child.EntryPoints {
		if !slices.Contains(out.EntryPoints, e) {
			out.EntryPoints = append(out.EntryPoints, e)
		}
	}
	return out
}

// files returns the files c was made of.
func (c *Config) files() []string {
	if len(c.Files) > 0 {
		return c.Files
	}
	if c.Path != "" {
		return []string{c.Path}
	}
	return nil
}

// SourceFiles returns the configuration files c was merged from, farthest
// first (the one file of a configuration that was not merged).
func (c *Config) SourceFiles() []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.files())
}

// escapeGlob escapes the glob metacharacters of a literal path.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]{}\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Severity returns the severity a configuration gives rule r, after the
// checker's rule: a finding at the rule's default severity (or above)
// takes the configured one; a less severe finding (a warning for an
// unknown context) is capped at it. Off means the finding is dropped. A
// nil configuration, or one that does not set the rule's severity, keeps
// sev.
func (c *Config) Severity(r *lint.Rule, sev lint.Severity) lint.Severity {
	if c == nil {
		return sev
	}
	rc, ok := c.Rules[r.ID]
	if !ok || rc.Severity == nil {
		return sev
	}
	conf := *rc.Severity
	switch {
	case conf == lint.Off:
		return lint.Off
	case sev >= r.Severity, sev > conf:
		return conf
	}
	return sev
}

// Off reports whether c turns rule id off.
func (c *Config) Off(id string) bool {
	if c == nil {
		return false
	}
	rc, ok := c.Rules[id]
	return ok && rc.Severity != nil && *rc.Severity == lint.Off
}

// exists reports whether p exists (not following a symlink), with no
// system call when the walk of this run saw none in its folder.
func exists(p string) bool {
	if fsrec.Absent(p) {
		return false
	}
	_, err := os.Lstat(p)
	return err == nil
}
