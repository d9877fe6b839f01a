package pipeline

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/workspace"
)

// resolve returns p as an absolute, symlink-resolved path, the way
// parser.Discover names the files it finds.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs, nil
}

// isDir reports whether p is a folder (following symlinks).
func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// exists reports whether p exists (a symlink counts even when dangling).
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// dirOf returns p when it is a folder, else the folder holding it.
func dirOf(p string) string {
	if isDir(p) {
		return p
	}
	return filepath.Dir(p)
}

// gitTop returns the first folder at or above dir that holds a .git entry
// (a folder, or a file in worktrees and submodules), or "".
func gitTop(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if exists(filepath.Join(d, ".git")) {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// repoRoot returns the folder every output path is relative to: flagRoot
// when set (it must be a folder), else the git top-level above first
// (an absolute, resolved path), else the current folder.
func repoRoot(flagRoot, first string) (string, error) {
	if flagRoot != "" {
		r, err := resolve(flagRoot)
		if err != nil {
			return "", err
		}
		if !isDir(r) {
			return "", fmt.Errorf("%s: no such folder", flagRoot)
		}
		return r, nil
	}
	if top := gitTop(dirOf(first)); top != "" {
		return top, nil
	}
	return resolve(".")
}

// namer turns absolute paths into the names the output uses: relative to
// the repository root with '/', never containing "..".
type namer struct {
	root string // the repository root
	alt  string // the first path's folder, for files outside root
	abs  bool   // names are the absolute paths (results.go)
}

// name returns the output name of the absolute path abs.
func (n namer) name(abs string) string {
	if n.abs {
		return abs
	}
	if r, ok := relUnder(n.root, abs); ok {
		return r
	}
	if r, ok := relUnder(n.alt, abs); ok {
		return r
	}
	// Outside both: keep what follows the shared ancestor, which still
	// names the file without its absolute location.
	r, err := filepath.Rel(n.alt, abs)
	if err != nil {
		return filepath.ToSlash(filepath.Base(abs))
	}
	r = filepath.ToSlash(r)
	for strings.HasPrefix(r, "../") {
		r = r[3:]
	}
	return r
}

// relUnder returns abs relative to dir with '/', when abs is dir or lies
// under it.
func relUnder(dir, abs string) (string, bool) {
	r, err := filepath.Rel(dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// ProjectMarkers are the files whose folder is a project root (the
// language server uses them too, through HasMarker).
var ProjectMarkers = []string{"package.json", "nest-cli.json", "tsconfig.json"}

// projects assigns files to the program they belong to. One analysis
// Pass covers one program, because DI, module imports and the request
// path cross files and the packages of a workspace. A file's program is
// the outermost folder above it, up to the repository's top (a nested
// repository, a folder with its own .git, is a program of its own), that
// declares a workspace (workspaces in package.json, pnpm-workspace.yaml,
// lerna.json, nx.json or workspace.json, a nest-cli.json monorepo); else
// the nearest folder with a project marker; else the repository's top
// folder, else the outermost requested folder holding the file, else the
// file's own folder.
type projects struct {
	requestedDirs []string          // absolute, resolved
	found         map[string]string // folder -> program root, or ""
	facts         map[string]dirFacts
	// listed is parser.Discovery.Listed for markerNames: the folders the
	// walk listed, and whether they hold one of those names.
	listed map[string]bool
	// absent: listed feeds fsrec's oracle (the command line's run).
	absent bool
}

type dirFacts struct{ marker, workspace, git bool }

func newProjects(requestedDirs []string) *projects {
	dirs := append([]string(nil), requestedDirs...)
	sort.Slice(dirs, func(i, j int) bool {
		return len(dirs[i]) < len(dirs[j]) || len(dirs[i]) == len(dirs[j]) && dirs[i] < dirs[j]
	})
	return &projects{requestedDirs: dirs, found: map[string]string{}, facts: map[string]dirFacts{}}
}

// rootOf returns the program root of the file at abs.
func (p *projects) rootOf(abs string) string {
	dir := filepath.Dir(abs)
	if f := p.search(dir); f != "" {
		return f
	}
	for _, d := range p.requestedDirs { // shortest first: the outermost
		if _, ok := relUnder(d, abs); ok {
			return d
		}
	}
	return dir
}

func (p *projects) factsOf(dir string) dirFacts {
	if f, ok := p.facts[dir]; ok {
		return f
	}
	var f dirFacts
	holds, listed := p.listed[dir]
	if listed && holds || !listed && mayHoldMarker(dir) {
		f = dirFacts{marker: HasMarker(dir), git: exists(filepath.Join(dir, ".git"))}
		f.workspace = workspace.IsWorkspaceRoot(dir)
		f.marker = f.marker || f.workspace
	}
	p.facts[dir] = f
	return f
}

// markerNames are the names, in lower case, that factsOf looks for, and
// those that the lookups climbing from each file's folder ask for in
// every folder (nestlint.json, an Nx project.json): the walk notes which
// folders hold one, and the others are never asked (setAbsent).
var markerNames = map[string]bool{"package.json": true, "nest-cli.json": true, "tsconfig.json": true, ".git": true,
	"pnpm-workspace.yaml": true, "pnpm-workspace.yml": true, "lerna.json": true, "nx.json": true, "workspace.json": true,
	"nestlint.json": true, "project.json": true}

// setAbsent tells fsrec which folders the walks of this run listed
// without a marker name in them: a stat of such a name there fails
// without a system call.
func setAbsent(listed map[string]bool) {
	fsrec.SetAbsent(markerNames, func(dir string) (bool, bool) {
		holds, ok := listed[dir]
		return holds, ok
	})
}

// mayHoldMarker lists dir once (a few syscalls) to skip the dozen stats
// and reads of the exact checks in the folders that hold none of the
// names they look for, which are nearly all of them. The names are
// compared in lower case, so that a case-insensitive file system still
// gets the exact checks; a folder that cannot be listed gets them too.
func mayHoldMarker(dir string) bool {
	fh, err := os.Open(dir)
	if err != nil {
		return true
	}
	defer fh.Close()
	for {
		names, err := fh.Readdirnames(256)
		for _, n := range names {
			if markerNames[strings.ToLower(n)] {
				return true
			}
		}
		if err == io.EOF {
			return false
		}
		if err != nil {
			return true
		}
	}
}

func (p *projects) search(dir string) string {
	if f, ok := p.found[dir]; ok {
		return f
	}
	var chain []string // dir and its parents, up to the repository top
	top := ""
	for d := dir; ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if p.factsOf(d).git {
			top = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	// The outermost workspace root in the chain makes one program of all
	// its packages; without one, the nearest marker (a single app, or a
	// folder with a package.json of its own beside others, such as the
	// sample apps of a framework repository); without a marker, the
	// repository's top.
	res := ""
	for _, d := range chain {
		if p.factsOf(d).workspace {
			res = d // the last one seen is the outermost
		}
	}
	if res == "" {
		for _, d := range chain {
			if p.factsOf(d).marker {
				res = d
				break
			}
		}
	}
	if res == "" {
		res = top
	}
	p.found[dir] = res
	return res
}

// request is the set of paths given on the command line: findings and
// notices are reported only for files at or under them.
type request []string // absolute, resolved

func (r request) has(abs string) bool {
	for _, p := range r {
		if _, ok := relUnder(p, abs); ok {
			return true
		}
	}
	return false
}

// HasMarker reports whether dir holds a project marker file.
func HasMarker(dir string) bool {
	for _, m := range ProjectMarkers {
		if info, err := os.Stat(filepath.Join(dir, m)); err == nil && !info.IsDir() {
			return true
		}
	}
	return false
}

// within reports whether dir holds one of the requested paths.
func (r request) within(dir string) bool {
	for _, p := range r {
		if _, ok := relUnder(dir, p); ok {
			return true
		}
	}
	return false
}
