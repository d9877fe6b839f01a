// Package tsconfig reads the TypeScript and NestJS CLI project settings that
// change what a NestJS source file means, without running TypeScript.
//
// It finds the tsconfig.json that governs a file, follows its "extends"
// chain (relative files, arrays of bases and packages in node_modules), and
// merges the compiler options the linter cares about: target,
// useDefineForClassFields, baseUrl and paths. [Config.DefineSemantics] tells
// whether declared class fields are kept ([[Define]] semantics) or erased.
// It reads nest-cli.json to learn which builder (tsc, swc, webpack) compiles
// a file, and [Resolver] resolves import specifiers to project files the way
// TypeScript's module resolution does, using paths and baseUrl.
//
// Files are read with the os package through absolute paths. All lookups are
// cached and every type is safe for concurrent use.
package tsconfig

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/nestlint/nestlint/internal/fsrec"
)

// Config is the merged view of one tsconfig.json and everything it extends.
type Config struct {
	// Path is the absolute path of the tsconfig.json that governs the file.
	Path string
	// Target is compilerOptions.target upper-cased, e.g. "ES2021" or
	// "ESNEXT"; "" when no file in the chain sets it.
	Target string
	// TargetSource is the absolute path of the file that set Target.
	TargetSource string
	// UseDefineForClassFields is the explicit compilerOptions setting, nil
	// when no file in the chain sets it.
	UseDefineForClassFields *bool
	// UseDefineForClassFieldsSource is the absolute path of the file that
	// set UseDefineForClassFields.
	UseDefineForClassFieldsSource string
	// BaseURL is compilerOptions.baseUrl made absolute against the file
	// that declared it and cleaned; "" when unset.
	BaseURL string
	// Paths is compilerOptions.paths as written (the file nearest the child
	// that declares paths replaces any inherited map wholesale). Relative
	// substitutions are relative to PathsBase.
	Paths map[string][]string
	// PathsBase is the directory that Paths substitutions are relative to:
	// BaseURL when set, else the directory of the tsconfig that declared
	// paths.
	PathsBase string
	// Chain lists the absolute paths of the files read, the governing file
	// first, then each base depth-first in extends order.
	Chain []string
	// Missing lists "extends" specifiers, as written, that could not be
	// found; they are skipped, as if absent.
	Missing []string
	// OutDir and RootDir are compilerOptions.outDir and rootDir, absolute;
	// "" when unset.
	OutDir, RootDir string
	// Files, Include and Exclude are the top-level lists, inherited through
	// extends as TypeScript does and made absolute against the file that
	// declared them; the *Set flags tell an empty list from an absent one.
	Files, Include, Exclude          []string
	FilesSet, IncludeSet, ExcludeSet bool
	// References are the absolute paths of the project references' tsconfig
	// files (not inherited).
	References []string

	root string // the loader's root limit, used to shorten file names
}

// DefineSemantics reports whether class fields use [[Define]] semantics
// (declared fields without initializers are kept and initialised to
// undefined) and a human-readable reason naming the setting and the file
// that decided it. An explicit useDefineForClassFields wins; otherwise the
// answer is true for target ES2022 or later (including ESNext) and false for
// older targets or no target, which TypeScript treats as ES5. A nil Config
// (no tsconfig.json found) yields false.
func (c *Config) DefineSemantics() (bool, string) {
	if c == nil {
		return false, "no tsconfig.json (target ES5) erases declared fields"
	}
	if c.UseDefineForClassFields != nil {
		v := *c.UseDefineForClassFields
		return v, "useDefineForClassFields: " + strconv.FormatBool(v) + " in " + c.display(c.UseDefineForClassFieldsSource)
	}
	if c.Target == "" {
		return false, "no target (ES5) in " + c.display(c.Path) + " erases declared fields"
	}
	if targetDefines(c.Target) {
		return true, "target " + c.Target + " in " + c.display(c.TargetSource) + " keeps declared fields"
	}
	return false, "target " + c.Target + " in " + c.display(c.TargetSource) + " erases declared fields"
}

// targetDefines reports whether an upper-cased target defaults
// useDefineForClassFields to true (ES2022 and later).
func targetDefines(t string) bool {
	if t == "ESNEXT" {
		return true
	}
	if y, ok := strings.CutPrefix(t, "ES"); ok {
		if n, err := strconv.Atoi(y); err == nil {
			return n >= 2022
		}
	}
	return false
}

// display shortens an absolute path for messages: relative to the loader's
// root when inside it, else the base name.
func (c *Config) display(p string) string {
	if p == "" {
		p = c.Path
	}
	if c.root != "" {
		if rel, ok := within(c.root, p); ok && rel != "." {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(p)
}

// within reports whether p is dir or inside it, with p relative to dir.
func within(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return rel, true
}

// Loader finds, parses and merges tsconfig.json and nest-cli.json files,
// caching results per directory and per file. It is safe for concurrent
// use; a Loader assumes the files do not change while it is in use.
type Loader struct {
	root    string
	display string // the folder names in reasons are relative to (SetDisplayRoot)

	mu      sync.Mutex
	dirs    map[string]string         // directory -> governing tsconfig.json ("" for none)
	configs map[string]*configResult  // tsconfig path -> merged result
	parsed  map[string]*parseResult   // any JSONC file -> parsed tsconfig
	nestDir map[string]string         // directory -> nest-cli.json ("" for none)
	nest    map[string]*nestResult    // nest-cli.json path -> parsed
	hints   func(abs string) []string // build-target configs per file (SetHints)
	hintDir map[string][]string       // directory -> hintsFor
	owners  map[string]*configResult  // source file -> owning config

	// Notify, when set, is called once per distinct problem with the
	// settings files: a malformed or unreadable tsconfig, an extends chain
	// over MaxExtendsDepth, an extends out of the repository. Set it before
	// the first lookup.
	Notify   func(file, msg string)
	notified map[string]bool
}

// MaxExtendsDepth caps the length of an extends chain: a longer one is an
// error (TypeScript users never need more than a handful).
const MaxExtendsDepth = 64

// notify calls Notify once per (file, msg).
func (l *Loader) notify(file, msg string) {
	if l.Notify == nil {
		return
	}
	l.mu.Lock()
	if l.notified == nil {
		l.notified = map[string]bool{}
	}
	key := file + "\x00" + msg
	seen := l.notified[key]
	l.notified[key] = true
	l.mu.Unlock()
	if !seen {
		l.Notify(file, msg)
	}
}

// notifyErr reports a failure to load the tsconfig at path.
func (l *Loader) notifyErr(path string, err error) {
	var pe *ParseError
	var ce *chainError
	var ps *fs.PathError
	switch {
	case errors.As(err, &pe):
		l.notify(pe.Path, fmt.Sprintf("malformed tsconfig (line %d, column %d: %s): its settings are not used", pe.Line, pe.Column, pe.Msg))
	case errors.As(err, &ce):
		l.notify(ce.path, ce.Error()+": its settings are not used")
	case errors.As(err, &ps):
		l.notify(ps.Path, "cannot read tsconfig ("+ps.Err.Error()+"): its settings are not used")
	default:
		l.notify(path, "cannot read tsconfig ("+err.Error()+"): its settings are not used")
	}
}

// chainError is an extends chain over MaxExtendsDepth.
type chainError struct{ path string }

func (e *chainError) Error() string {
	return fmt.Sprintf("extends chain longer than %d files", MaxExtendsDepth)
}

type configResult struct {
	cfg *Config
	err error
}

type parseResult struct {
	file *tsFile
	err  error
}

// NewLoader returns a Loader. When root is not empty, searches for
// tsconfig.json and nest-cli.json stop at that directory (it is still
// searched) and file names in reasons are given relative to it; when root
// is empty, searches go up to the filesystem root.
func NewLoader(root string) *Loader {
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
	}
	return &Loader{
		root:    root,
		dirs:    map[string]string{},
		configs: map[string]*configResult{},
		parsed:  map[string]*parseResult{},
		nestDir: map[string]string{},
		nest:    map[string]*nestResult{},
		owners:  map[string]*configResult{},
		hintDir: map[string][]string{},
	}
}

// ForFile returns the merged configuration that builds the file at
// absPath, chosen as tsc --build and the editor choose it (see owner): the
// build target's config when it includes the file, else the nearest
// tsconfig.json that includes it or a project reference of it that does,
// else the nearest tsconfig.json. It returns (nil, nil) when there is none,
// and an error (a *ParseError for malformed JSON) when the config or a file
// it extends cannot be read or parsed.
func (l *Loader) ForFile(absPath string) (*Config, error) {
	absPath = filepath.Clean(absPath)
	l.mu.Lock()
	r, ok := l.owners[absPath]
	l.mu.Unlock()
	if ok {
		return r.cfg, r.err
	}
	cfg, err := l.owner(absPath)
	l.mu.Lock()
	l.owners[absPath] = &configResult{cfg, err}
	l.mu.Unlock()
	return cfg, err
}

// forDir returns the configuration governing files in dir.
func (l *Loader) forDir(dir string) (*Config, error) {
	p := l.findUp(dir, l.dirs, []string{"tsconfig.json"})
	if p == "" {
		return nil, nil
	}
	return l.Load(p)
}

// Load returns the merged configuration of the tsconfig file at path (any
// name, e.g. tsconfig.app.json), following its extends chain. Results are
// cached.
func (l *Loader) Load(path string) (*Config, error) {
	path = filepath.Clean(path)
	l.mu.Lock()
	r, ok := l.configs[path]
	l.mu.Unlock()
	if ok {
		return r.cfg, r.err
	}
	cfg, err := l.build(path)
	if err != nil {
		l.notifyErr(path, err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.configs[path]; ok {
		return r.cfg, r.err
	}
	l.configs[path] = &configResult{cfg, err}
	return cfg, err
}

// findUp walks from dir towards the root limit (or the filesystem root)
// and returns the first file named one of names, caching the answer for
// every directory visited in cache.
func (l *Loader) findUp(dir string, cache map[string]string, names []string) string {
	var visited []string
	found := ""
	for d := dir; ; {
		l.mu.Lock()
		p, ok := cache[d]
		l.mu.Unlock()
		if ok {
			found = p
			break
		}
		visited = append(visited, d)
		f, special := firstFile(d, names)
		if f != "" {
			found = f
			break
		}
		for _, p := range special {
			l.notify(p, "not a regular file: ignored")
		}
		parent := filepath.Dir(d)
		if d == l.root || parent == d || isRepoRoot(d) {
			// Never above the repository: a tsconfig.json there is not
			// the project's (and may be anyone's).
			break
		}
		d = parent
	}
	l.mu.Lock()
	for _, d := range visited {
		cache[d] = found
	}
	l.mu.Unlock()
	return found
}

// firstFile returns dir/name for the first name that is a regular file,
// and the names before it that are neither a regular file nor a folder (a
// FIFO, a device), with one stat each.
func firstFile(dir string, names []string) (string, []string) {
	var special []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		st, err := fsrec.Stat(p)
		switch {
		case err != nil, st.IsDir():
		case st.Mode().IsRegular():
			return p, special
		default:
			special = append(special, p)
		}
	}
	return "", special
}

func isFile(p string) bool {
	st, err := fsrec.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isDir(p string) bool {
	st, err := fsrec.Stat(p)
	return err == nil && st.IsDir()
}

// tsFile is the part of one tsconfig file the loader uses.
type tsFile struct {
	path    string
	extends []string
	layer   layer
	// references are the absolute paths of the tsconfig files named by
	// "references" (a folder reference means its tsconfig.json). They are
	// not inherited through extends.
	references []string
}

// layer holds the compiler options one file (or a merged chain) sets.
type layer struct {
	target, targetFrom string
	useDefine          *bool
	useDefineFrom      string
	baseURL            string // as written; "" when unset
	baseURLDir         string // directory of the declaring file; "" when unset
	paths              map[string][]string
	pathsDir           string // directory of the declaring file; "" when unset
	outDir, rootDir    string // absolute; "" when unset
	// files, include and exclude are made absolute against the declaring
	// file; nil when unset (an empty list is set: "files": []).
	files, include, exclude []string
	filesSet, includeSet    bool
	excludeSet              bool
}

// overlay returns base with every option set in top replacing it.
func overlay(base, top layer) layer {
	if top.targetFrom != "" {
		base.target, base.targetFrom = top.target, top.targetFrom
	}
	if top.useDefineFrom != "" {
		base.useDefine, base.useDefineFrom = top.useDefine, top.useDefineFrom
	}
	if top.baseURLDir != "" {
		base.baseURL, base.baseURLDir = top.baseURL, top.baseURLDir
	}
	if top.pathsDir != "" {
		base.paths, base.pathsDir = top.paths, top.pathsDir
	}
	if top.outDir != "" {
		base.outDir = top.outDir
	}
	if top.rootDir != "" {
		base.rootDir = top.rootDir
	}
	if top.filesSet {
		base.files, base.filesSet = top.files, true
	}
	if top.includeSet {
		base.include, base.includeSet = top.include, true
	}
	if top.excludeSet {
		base.exclude, base.excludeSet = top.exclude, true
	}
	return base
}

// parse reads one tsconfig file, cached.
func (l *Loader) parse(path string) (*tsFile, error) {
	l.mu.Lock()
	r, ok := l.parsed[path]
	l.mu.Unlock()
	if ok {
		return r.file, r.err
	}
	f, err := parseTSFile(path)
	l.mu.Lock()
	l.parsed[path] = &parseResult{f, err}
	l.mu.Unlock()
	return f, err
}

func parseTSFile(path string) (*tsFile, error) {
	obj, err := readJSONC(path)
	if err != nil {
		return nil, err
	}
	return tsFileOf(path, obj), nil
}

// tsFileOf decodes the members of the tsconfig at path.
func tsFileOf(path string, obj map[string]json.RawMessage) *tsFile {
	f := &tsFile{path: path}
	if raw, ok := obj["extends"]; ok {
		if s, ok := decodeString(raw); ok {
			f.extends = []string{s}
		} else {
			var list []json.RawMessage
			if json.Unmarshal(raw, &list) == nil {
				for _, e := range list {
					if s, ok := decodeString(e); ok {
						f.extends = append(f.extends, s)
					}
				}
			}
		}
	}
	opts, _ := decodeObject(obj["compilerOptions"])
	dir := filepath.Dir(path)
	if s, ok := decodeString(opts["target"]); ok {
		f.layer.target, f.layer.targetFrom = strings.ToUpper(strings.TrimSpace(s)), path
	}
	if raw, ok := opts["useDefineForClassFields"]; ok {
		var b bool
		if json.Unmarshal(raw, &b) == nil && string(raw) != "null" {
			f.layer.useDefine, f.layer.useDefineFrom = &b, path
		}
	}
	if s, ok := decodeString(opts["baseUrl"]); ok {
		f.layer.baseURL, f.layer.baseURLDir = s, dir
	}
	if s, ok := decodeString(opts["outDir"]); ok && s != "" {
		f.layer.outDir = resolveConfigPath(s, dir, dir)
	}
	if s, ok := decodeString(opts["rootDir"]); ok && s != "" {
		f.layer.rootDir = resolveConfigPath(s, dir, dir)
	}
	f.layer.files, f.layer.filesSet = decodeList(obj["files"], dir)
	f.layer.include, f.layer.includeSet = decodeList(obj["include"], dir)
	f.layer.exclude, f.layer.excludeSet = decodeList(obj["exclude"], dir)
	var refs []struct {
		Path string `json:"path"`
	}
	if json.Unmarshal(obj["references"], &refs) == nil {
		for _, r := range refs {
			if r.Path == "" {
				continue
			}
			p := filepath.Join(dir, filepath.FromSlash(r.Path))
			if !strings.HasSuffix(p, ".json") {
				p = filepath.Join(p, "tsconfig.json")
			}
			f.references = append(f.references, p)
		}
	}
	if m, ok := decodeObject(opts["paths"]); ok {
		paths := make(map[string][]string, len(m))
		for k, raw := range m {
			var subs []json.RawMessage
			if json.Unmarshal(raw, &subs) != nil {
				continue
			}
			for _, sraw := range subs {
				if s, ok := decodeString(sraw); ok {
					paths[k] = append(paths[k], s)
				}
			}
		}
		f.layer.paths, f.layer.pathsDir = paths, dir
	}
	return f
}

// build reads path and its extends chain and merges them.
func (l *Loader) build(path string) (*Config, error) {
	cfg := &Config{Path: path, root: l.root}
	if l.display != "" {
		cfg.root = l.display
	}
	st := &mergeState{stack: map[string]bool{}, memo: map[string]layer{}, inChain: map[string]bool{},
		repo: repoOf(filepath.Dir(path))}
	lay, err := l.merge(path, st, cfg)
	if err != nil {
		return nil, err
	}
	topDir := filepath.Dir(path)
	cfg.Target, cfg.TargetSource = lay.target, lay.targetFrom
	cfg.OutDir, cfg.RootDir = lay.outDir, lay.rootDir
	cfg.Files, cfg.Include, cfg.Exclude = lay.files, lay.include, lay.exclude
	cfg.FilesSet, cfg.IncludeSet, cfg.ExcludeSet = lay.filesSet, lay.includeSet, lay.excludeSet
	if f, err := l.parse(path); err == nil {
		cfg.References = f.references
	}
	cfg.UseDefineForClassFields, cfg.UseDefineForClassFieldsSource = lay.useDefine, lay.useDefineFrom
	if lay.baseURLDir != "" {
		cfg.BaseURL = resolveConfigPath(lay.baseURL, lay.baseURLDir, topDir)
	}
	if lay.pathsDir != "" {
		cfg.Paths = make(map[string][]string, len(lay.paths))
		for k, subs := range lay.paths {
			out := make([]string, len(subs))
			for i, s := range subs {
				if strings.HasPrefix(s, "${configDir}") {
					s = resolveConfigPath(s, lay.pathsDir, topDir)
				}
				out[i] = s
			}
			cfg.Paths[k] = out
		}
		cfg.PathsBase = cfg.BaseURL
		if cfg.PathsBase == "" {
			cfg.PathsBase = lay.pathsDir
		}
	}
	return cfg, nil
}

// resolveConfigPath makes a path option absolute: "${configDir}" (TS 5.5)
// stands for the directory of the governing tsconfig, anything else is
// relative to the declaring file's directory.
func resolveConfigPath(p, declDir, topDir string) string {
	if rest, ok := strings.CutPrefix(p, "${configDir}"); ok {
		return filepath.Join(topDir, rest)
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(declDir, p)
}

// mergeState is the state of one build: the extends stack (cycles are
// skipped), the layer of every file merged so far (a base repeated across
// an extends graph is merged once: without it, files whose extends arrays
// repeat a base take exponential time), and the repository root bases
// must stay in.
type mergeState struct {
	stack   map[string]bool
	memo    map[string]layer
	inChain map[string]bool
	repo    string // "" outside a repository
}

// repoOf returns the first folder at or above dir holding .git, or "".
func repoOf(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := fsrec.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// isRepoRoot reports whether dir holds .git.
func isRepoRoot(dir string) bool {
	_, err := fsrec.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// inNodeModules reports whether p has a node_modules folder in its path.
func inNodeModules(p string) bool {
	for _, part := range strings.Split(filepath.ToSlash(p), "/") {
		if part == "node_modules" {
			return true
		}
	}
	return false
}

// merge returns the options of path over those of its bases, recording the
// files read and the missing bases in cfg. Bases already on the extends
// stack (cycles) are skipped; bases out of the repository (other than in
// node_modules) are not read.
func (l *Loader) merge(path string, st *mergeState, cfg *Config) (layer, error) {
	if lay, ok := st.memo[path]; ok {
		return lay, nil
	}
	if len(st.stack) >= MaxExtendsDepth {
		return layer{}, &chainError{path: path}
	}
	f, err := l.parse(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && len(st.stack) > 0 {
			cfg.Missing = append(cfg.Missing, path)
			return layer{}, nil
		}
		return layer{}, err
	}
	if !st.inChain[path] {
		st.inChain[path] = true
		cfg.Chain = append(cfg.Chain, path)
	}
	st.stack[path] = true
	defer delete(st.stack, path)
	var base layer
	for _, spec := range f.extends {
		p := resolveExtends(filepath.Dir(path), spec)
		if p == "" {
			cfg.Missing = append(cfg.Missing, spec)
			continue
		}
		if st.stack[p] {
			continue
		}
		if st.repo != "" && !inNodeModules(p) {
			if _, ok := within(st.repo, p); !ok {
				l.notify(path, fmt.Sprintf("extends %q resolves outside the repository: not read", spec))
				cfg.Missing = append(cfg.Missing, spec)
				continue
			}
		}
		sub, err := l.merge(p, st, cfg)
		if err != nil {
			return layer{}, err
		}
		base = overlay(base, sub)
	}
	lay := overlay(base, f.layer)
	st.memo[path] = lay
	return lay, nil
}

// resolveExtends finds the file an "extends" specifier names, or "" when
// it cannot be found. Relative and absolute specifiers are tried as written
// and then with ".json" appended; others are package specifiers looked up
// in node_modules directories from dir upwards.
func resolveExtends(dir, spec string) string {
	if spec == "" {
		return ""
	}
	if filepath.IsAbs(spec) || isRelative(spec) {
		p := spec
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, filepath.FromSlash(spec))
		}
		if isFile(p) {
			return p
		}
		if !strings.HasSuffix(p, ".json") && isFile(p+".json") {
			return p + ".json"
		}
		return ""
	}
	for d := dir; ; {
		if p := resolvePackageConfig(filepath.Join(d, "node_modules", filepath.FromSlash(spec))); p != "" {
			return p
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// resolvePackageConfig resolves a candidate below node_modules: the file
// itself, the file with ".json" appended, or, for a package directory, the
// file its package.json "tsconfig" field names, else its tsconfig.json.
func resolvePackageConfig(p string) string {
	if isFile(p) {
		return p
	}
	if !strings.HasSuffix(p, ".json") && isFile(p+".json") {
		return p + ".json"
	}
	if !isDir(p) {
		return ""
	}
	if pkg, err := readJSONC(filepath.Join(p, "package.json")); err == nil {
		if s, ok := decodeString(pkg["tsconfig"]); ok && s != "" {
			if f := filepath.Join(p, filepath.FromSlash(s)); isFile(f) {
				return f
			}
		}
	}
	if f := filepath.Join(p, "tsconfig.json"); isFile(f) {
		return f
	}
	return ""
}

// isRelative reports whether a specifier is written relative to its file
// ("./x", "../x", "." or "..").
func isRelative(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") ||
		strings.HasPrefix(spec, `.\`) || strings.HasPrefix(spec, `..\`)
}
