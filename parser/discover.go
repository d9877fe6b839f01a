package parser

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/nestlint/nestlint/internal/safeio"
)

// skippedDirs are never descended into.
var skippedDirs = map[string]bool{
	"node_modules": true, "dist": true, "build": true, "coverage": true, ".git": true,
}

// IsSource reports whether a file name is a TypeScript source nestlint lints.
func IsSource(name string) bool {
	if strings.HasSuffix(name, ".d.ts") || strings.HasSuffix(name, ".d.mts") || strings.HasSuffix(name, ".d.cts") {
		return false
	}
	switch filepath.Ext(name) {
	case ".ts", ".tsx", ".mts", ".cts":
		return true
	}
	return false
}

// Problem is an input problem found while discovering or parsing: the file
// is skipped or only partly understood, and the run goes on.
type Problem struct {
	Path    string // absolute path
	Offset  int    // byte offset, or -1
	Message string
	Skipped bool // the file was not linted at all
}

// Discovery is the result of Discover.
type Discovery struct {
	Files    []string  // absolute, cleaned, sorted TypeScript files
	Extra    []string  // other inputs some rules read (Dockerfiles, PM2 ecosystem files), sorted
	Problems []Problem // unreadable folders and the like
	// Ignored counts the TypeScript files and folders that .gitignore
	// files left out, by the .gitignore that decided (absolute path), so
	// that a run with nothing to lint can say why.
	Ignored map[string]int
	// Listed has every folder the walk listed (real paths), when
	// DiscoverOptions.Names was set: true when the folder holds an entry
	// whose name, in lower case, is one of Names. Callers that look for
	// marker files in folders use it instead of listing them again.
	Listed map[string]bool
}

// ErrNotExist is returned for a path argument that does not exist.
var ErrNotExist = errors.New("no such file or directory")

// DiscoverOptions tunes DiscoverWith.
type DiscoverOptions struct {
	// OnFile, when set, receives each TypeScript file (extra false) and
	// each other input rules read (extra true) as soon as the walk finds
	// it, once per file and before DiscoverWith returns, so that parsing
	// can start while the walk goes on. It is called from the walking
	// goroutines, possibly at the same time: it must be safe for
	// concurrent use (sending to a channel is).
	OnFile func(path string, extra bool)
	// Jobs bounds the goroutines reading folders; 0 picks a default
	// (reading folders waits on the file system more than on the CPU).
	Jobs int
	// Skip names folders (absolute and clean) not to enter, such as the
	// folders an earlier walk of the run already covered.
	Skip []string
	// Names, when set, fills Discovery.Listed: lower-case names to look
	// for in every folder walked.
	Names map[string]bool
}

// Discover finds the files to lint under the given paths. Folders are walked
// without following symlinked folders, skipping node_modules, dist, build,
// coverage, .git and hidden folders, and honouring .gitignore files found
// from the walk's start down. A path given explicitly is always linted.
func Discover(paths []string) (*Discovery, error) {
	return DiscoverWith(context.Background(), paths, DiscoverOptions{})
}

// DiscoverWith is Discover with options: one walk, parallel over folders,
// that can stream the files it finds. The Discovery it returns is the
// same whatever the number of goroutines (lists sorted).
func DiscoverWith(ctx context.Context, paths []string, opt DiscoverOptions) (*Discovery, error) {
	d := &Discovery{}
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = max(4, 2*runtime.GOMAXPROCS(0))
	}
	s := &walkState{ctx: ctx, d: d, seen: map[string]bool{}, onFile: opt.OnFile,
		sem: make(chan struct{}, jobs-1), skip: map[string]bool{}, names: opt.Names}
	if opt.Names != nil {
		d.Listed = map[string]bool{}
	}
	for _, p := range opt.Skip {
		s.skip[filepath.Clean(p)] = true
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		info, err := os.Stat(abs)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: %w", p, ErrNotExist)
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		link := abs
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		if !info.IsDir() {
			if abs != link && (IsSource(link) || isExtraInput(filepath.Base(link))) {
				if b := Boundary(filepath.Dir(link)); !within(b, abs) {
					d.Problems = append(d.Problems, outsideProblem(link, b))
					continue
				}
			}
			if IsSource(abs) {
				s.add(abs, false)
			} else if isExtraInput(filepath.Base(abs)) {
				s.add(abs, true)
			}
			continue
		}
		repo := repoOf(abs)
		w := &walker{s: s, boundary: Boundary(abs), repo: repo}
		rel := strings.Join(domain(abs, repo), "/")
		w.dir(abs, rel, explicitRoot(rel, parentIgnores(abs, repo, s)))
		s.wg.Wait()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sort.Strings(d.Files)
	sort.Strings(d.Extra)
	sort.SliceStable(d.Problems, func(i, j int) bool {
		a, b := d.Problems[i], d.Problems[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Message < b.Message
	})
	return d, nil
}

// walkState is what the goroutines of one DiscoverWith share.
type walkState struct {
	ctx    context.Context
	mu     sync.Mutex // guards d and seen
	d      *Discovery
	seen   map[string]bool
	onFile func(string, bool)
	sem    chan struct{} // a token per extra goroutine
	wg     sync.WaitGroup
	skip   map[string]bool
	names  map[string]bool // DiscoverOptions.Names
}

// add records a file once and streams it.
func (s *walkState) add(path string, extra bool) {
	s.mu.Lock()
	if s.seen[path] {
		s.mu.Unlock()
		return
	}
	s.seen[path] = true
	if extra {
		s.d.Extra = append(s.d.Extra, path)
	} else {
		s.d.Files = append(s.d.Files, path)
	}
	s.mu.Unlock()
	if s.onFile != nil {
		s.onFile(path, extra)
	}
}

func (s *walkState) problem(p Problem) {
	s.mu.Lock()
	s.d.Problems = append(s.d.Problems, p)
	s.mu.Unlock()
}

// ignored counts an entry left out by the .gitignore at path.
func (s *walkState) ignored(path string) {
	s.mu.Lock()
	if s.d.Ignored == nil {
		s.d.Ignored = map[string]int{}
	}
	s.d.Ignored[path]++
	s.mu.Unlock()
}

// isExtraInput names the non-TypeScript inputs rules read.
func isExtraInput(name string) bool {
	lower := strings.ToLower(name)
	return lower == "dockerfile" || strings.HasPrefix(lower, "dockerfile.") || strings.HasSuffix(lower, ".dockerfile") ||
		lower == "ecosystem.config.js" || lower == "ecosystem.config.cjs"
}

// Boundary returns the folder no symlinked file may point out of: the
// repository root (the first folder at or above dir holding .git), else
// dir itself.
func Boundary(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// within reports whether path is dir or lies under it.
func within(dir, path string) bool {
	r, err := filepath.Rel(dir, path)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

// Within reports whether path is dir or lies under it (both absolute and
// clean).
func Within(dir, path string) bool { return within(dir, path) }

func outsideProblem(link, boundary string) Problem {
	where := "the linted folder"
	if _, err := os.Lstat(filepath.Join(boundary, ".git")); err == nil {
		where = "the repository"
	}
	return Problem{Path: link, Offset: -1, Skipped: true,
		Message: "symlink to a file outside " + where + ": not read"}
}

// repoOf returns the repository root for pattern domains: the first folder
// with .git at or above dir, else dir itself.
func repoOf(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// parentIgnores reads the .gitignore files of the folders above dir, up to
// the repository root repo, so that running on a subfolder honours the
// ignores of the repo. Outside a repository (repo is dir) there are none.
func parentIgnores(dir, repo string, s *walkState) ignoreStack {
	if dir == repo {
		return nil
	}
	var chain []string
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if d == repo || filepath.Dir(d) == d {
			break
		}
	}
	var st ignoreStack
	for k := len(chain) - 1; k >= 0; k-- {
		f, err := readIgnore(chain[k], repo)
		if err != nil {
			s.problem(ignoreProblem(chain[k], err))
		}
		st = st.push(f)
	}
	return st
}

// ignoreProblem is the problem of dir's .gitignore that cannot be read.
func ignoreProblem(dir string, err error) Problem {
	return Problem{Path: filepath.Join(dir, ".gitignore"), Offset: -1,
		Message: "cannot read .gitignore: " + errText(err) + "; its patterns are not applied"}
}

func domain(dir, root string) []string {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}

// readIgnore reads and compiles dir's .gitignore. Both results are nil
// when there is none; a .gitignore that is not a regular file or is too
// large is an error.
func readIgnore(dir, repo string) (*ignoreFile, error) {
	path := filepath.Join(dir, ".gitignore")
	data, err := safeio.ReadFile(path, safeio.MaxConfigSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	base := strings.Join(domain(dir, repo), "/")
	if base != "" {
		base += "/"
	}
	return compileIgnore(path, base, parseIgnore(data)), nil
}

// walker walks the folders under one requested folder.
type walker struct {
	s        *walkState
	boundary string // symlinked files whose target lies outside are not read
	repo     string // the root of pattern domains
}

// spawn walks dir on a new goroutine when one is free, else on this one.
func (w *walker) spawn(dir, rel string, st ignoreStack) {
	select {
	case w.s.sem <- struct{}{}:
		w.s.wg.Add(1)
		go func() {
			defer func() {
				<-w.s.sem
				w.s.wg.Done()
			}()
			w.dir(dir, rel, st)
		}()
	default:
		w.dir(dir, rel, st)
	}
}

// dir walks folder dir, at rel ('/'-separated, "" for the repository
// root) under the repository, where the .gitignore files of st apply.
func (w *walker) dir(dir, rel string, st ignoreStack) {
	if w.s.ctx.Err() != nil {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		// What readIgnore would have said of a .gitignore in it comes
		// first, as when it was read before the folder.
		if _, ierr := readIgnore(dir, w.repo); ierr != nil {
			w.s.problem(ignoreProblem(dir, ierr))
		}
		w.s.problem(Problem{Path: dir, Offset: -1, Message: "cannot read folder: " + errText(err), Skipped: true})
		return
	}
	// The folder's .gitignore is read only when the listing has one (most
	// folders have none: an open that fails for each of them).
	for _, e := range entries {
		if e.Name() == ".gitignore" {
			f, err := readIgnore(dir, w.repo)
			if err != nil {
				w.s.problem(ignoreProblem(dir, err))
			}
			st = st.push(f)
			break
		}
	}
	if w.s.names != nil {
		holds := false
		for _, e := range entries {
			if w.s.names[strings.ToLower(e.Name())] {
				holds = true
				break
			}
		}
		w.s.mu.Lock()
		w.s.d.Listed[dir] = holds
		w.s.mu.Unlock()
	}
	prefix := rel
	if prefix != "" {
		prefix += "/"
	}
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(dir, name)
		typ := e.Type()
		link := typ&fs.ModeSymlink != 0
		if link {
			// Follow symlinked files, never symlinked folders (no loops).
			info, err := os.Stat(full)
			if err != nil || info.IsDir() {
				continue
			}
			typ = info.Mode().Type()
		}
		if typ.IsDir() {
			if skippedDirs[name] || strings.HasPrefix(name, ".") || w.s.skip[full] {
				continue
			}
			if by, ex := st.excluded(prefix+name, name, true); ex {
				w.s.ignored(by.path)
				continue
			}
			w.spawn(full, prefix+name, st)
			continue
		}
		// Only the files discovery keeps are matched against the ignores.
		source := IsSource(name)
		if !source && !isExtraInput(name) {
			continue
		}
		if !typ.IsRegular() {
			w.s.problem(Problem{Path: full, Offset: -1, Skipped: true,
				Message: "not a regular file (" + safeio.Kind(typ) + "): skipped"})
			continue
		}
		if by, ex := st.excluded(prefix+name, name, false); ex {
			if source {
				w.s.ignored(by.path)
			}
			continue
		}
		real := full
		if link {
			// The folders walked are real paths (the walk starts from
			// one and never enters a symlinked folder): only a
			// symlinked file can lead elsewhere.
			if r, err := filepath.EvalSymlinks(full); err == nil {
				real = r
			}
			if real != full && !within(w.boundary, real) {
				w.s.problem(outsideProblem(full, w.boundary))
				continue
			}
		}
		w.s.add(real, !source)
	}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// explicitRoot drops the inherited ignore patterns that exclude the walk's
// root (at rel under the repository) or a folder above it: a folder named
// on the command line is linted even when an enclosing repository ignores
// it (as ripgrep, eslint and biome do); patterns about what lies below
// root still apply.
func explicitRoot(rel string, inherited ignoreStack) ignoreStack {
	if rel == "" || len(inherited) == 0 {
		return inherited
	}
	parts := strings.Split(rel, "/")
	var out ignoreStack
	for _, f := range inherited {
		var kept []ignorePattern
		for i := range f.pats {
			p := &f.pats[i]
			drop := false
			for k := 1; k <= len(parts) && !p.neg; k++ {
				if f.matchOne(p, strings.Join(parts[:k], "/"), parts[k-1], true) {
					drop = true
					break
				}
			}
			if !drop {
				kept = append(kept, *p)
			}
		}
		if len(kept) == len(f.pats) {
			out = out.push(f)
		} else {
			out = out.push(compileIgnore(f.path, f.base, kept))
		}
	}
	return out
}
