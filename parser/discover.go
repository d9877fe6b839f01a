package parser

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

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
}

// ErrNotExist is returned for a path argument that does not exist.
var ErrNotExist = errors.New("no such file or directory")

// Discover finds the files to lint under the given paths. Folders are walked
// without following symlinked folders, skipping node_modules, dist, build,
// coverage, .git and hidden folders, and honouring .gitignore files found
// from the walk's start down. A path given explicitly is always linted.
func Discover(paths []string) (*Discovery, error) {
	d := &Discovery{}
	seen := map[string]bool{}
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
			if !seen[abs] {
				seen[abs] = true
				if IsSource(abs) {
					d.Files = append(d.Files, abs)
				} else if isExtraInput(filepath.Base(abs)) {
					d.Extra = append(d.Extra, abs)
				}
			}
			continue
		}
		w := walker{d: d, seen: seen, boundary: Boundary(abs)}
		w.walk(abs, explicitRoot(abs, parentIgnores(abs)))
	}
	sort.Strings(d.Files)
	sort.Strings(d.Extra)
	return d, nil
}

// isExtraInput names the non-TypeScript inputs rules read.
func isExtraInput(name string) bool {
	lower := strings.ToLower(name)
	return lower == "dockerfile" || strings.HasPrefix(lower, "dockerfile.") || strings.HasSuffix(lower, ".dockerfile") ||
		lower == "ecosystem.config.js" || lower == "ecosystem.config.cjs"
}

type walker struct {
	d        *Discovery
	seen     map[string]bool
	boundary string // symlinked files whose target lies outside are not read
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

// parentIgnores reads the .gitignore files of the folders above dir, up to
// the repository root (the first folder holding .git), so that running on
// a subfolder honours the ignores of the repo.
func parentIgnores(dir string) []gitignore.Pattern {
	var chain []string
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			break
		}
		if filepath.Dir(d) == d {
			return nil // not inside a repository: ignore nothing above
		}
	}
	var ps []gitignore.Pattern
	root := chain[len(chain)-1]
	for k := len(chain) - 1; k >= 0; k-- {
		more, _ := readIgnore(chain[k], root)
		ps = append(ps, more...)
	}
	return ps
}

func domain(dir, root string) []string {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}

// readIgnore reads dir's .gitignore. The error is nil when there is none;
// a .gitignore that is not a regular file or is too large is an error.
func readIgnore(dir, root string) ([]gitignore.Pattern, error) {
	data, err := safeio.ReadFile(filepath.Join(dir, ".gitignore"), safeio.MaxConfigSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	dom := domain(dir, root)
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, dom))
	}
	return ps, nil
}

func (w *walker) walk(root string, inherited []gitignore.Pattern) {
	// The repository root for pattern domains: the first folder with .git
	// at or above root, else root itself.
	repo := root
	for d := root; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			repo = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	w.dir(root, repo, inherited)
}

func (w *walker) dir(dir, repo string, patterns []gitignore.Pattern) {
	more, err := readIgnore(dir, repo)
	if err != nil {
		w.d.Problems = append(w.d.Problems, Problem{Path: filepath.Join(dir, ".gitignore"), Offset: -1,
			Message: "cannot read .gitignore: " + errText(err) + "; its patterns are not applied"})
	}
	patterns = append(patterns[:len(patterns):len(patterns)], more...)
	m := gitignore.NewMatcher(patterns)
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.d.Problems = append(w.d.Problems, Problem{Path: dir, Offset: -1, Message: "cannot read folder: " + errText(err), Skipped: true})
		return
	}
	base := domain(dir, repo)
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(dir, name)
		rel := append(base[:len(base):len(base)], name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			// Follow symlinked files, never symlinked folders (no loops).
			info, err := os.Stat(full)
			if err != nil || info.IsDir() {
				continue
			}
			typ = info.Mode().Type()
		}
		if typ.IsDir() {
			if skippedDirs[name] || strings.HasPrefix(name, ".") {
				continue
			}
			if m.Match(rel, true) {
				w.ignored(dir, repo)
				continue
			}
			w.dir(full, repo, patterns)
			continue
		}
		if !typ.IsRegular() && typ&fs.ModeSymlink == 0 {
			if IsSource(name) || isExtraInput(name) {
				w.d.Problems = append(w.d.Problems, Problem{Path: full, Offset: -1, Skipped: true,
					Message: "not a regular file (" + safeio.Kind(typ) + "): skipped"})
			}
			continue
		}
		if m.Match(rel, false) {
			if IsSource(name) {
				w.ignored(dir, repo)
			}
			continue
		}
		if IsSource(name) || isExtraInput(name) {
			real := full
			if r, err := filepath.EvalSymlinks(full); err == nil {
				real = r
			}
			if real != full && !within(w.boundary, real) {
				w.d.Problems = append(w.d.Problems, outsideProblem(full, w.boundary))
				continue
			}
			if w.seen[real] {
				continue
			}
			w.seen[real] = true
			if IsSource(name) {
				w.d.Files = append(w.d.Files, real)
			} else {
				w.d.Extra = append(w.d.Extra, real)
			}
		}
	}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// explicitRoot drops the inherited ignore patterns that exclude root itself
// or a folder above it: a folder named on the command line is linted even
// when an enclosing repository ignores it (as ripgrep, eslint and biome
// do); patterns about what lies below root still apply.
func explicitRoot(root string, inherited []gitignore.Pattern) []gitignore.Pattern {
	repo := ""
	for d := root; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			repo = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if repo == "" || len(inherited) == 0 {
		return inherited
	}
	parts := domain(root, repo)
	out := inherited[:0:0]
	for _, p := range inherited {
		drop := false
		for i := 1; i <= len(parts); i++ {
			if p.Match(parts[:i], true) == gitignore.Exclude {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, p)
		}
	}
	return out
}

// ignored records that an entry of folder dir was left out by a
// .gitignore: the nearest .gitignore at or above dir is named as the one
// that decided (the matcher does not say which pattern matched).
func (w *walker) ignored(dir, repo string) {
	if w.d.Ignored == nil {
		w.d.Ignored = map[string]int{}
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".gitignore")); err == nil {
			w.d.Ignored[filepath.Join(d, ".gitignore")]++
			return
		}
		if d == repo || filepath.Dir(d) == d {
			w.d.Ignored[filepath.Join(repo, ".gitignore")]++
			return
		}
	}
}
