package nest

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/workspace"
)

// ScopeGroup is a package or folder of the program none of whose files (or
// only some) are NestJS server code: what the default scope leaves out.
type ScopeGroup struct {
	// Dir is the package's absolute folder (the program root for files
	// outside every package).
	Dir string
	// Reason says what the code is: "browser app (@angular/core)", "CLI
	// (bin in package.json)", "build tooling (vite)", "non-Nest server
	// (express)", "test helpers (imported only by tests)", or "not imported
	// by Nest code".
	Reason string
	// Files is the number of its files outside the scope, offline ones
	// (specs, seeds) included.
	Files int
	// Offline is set when the reason makes the code offline (CLIs, build
	// tooling, test helpers: code that runs once, by hand or in CI): with
	// --scope all, rules judge it as offline code. Browser apps and
	// non-Nest servers run in production, so --scope all judges them in
	// unknown context (no Nest entry point reaches them).
	Offline bool
}

// Notice is the one-line notice the CLI prints for the group, after the
// folder's name.
func (g ScopeGroup) Notice() string {
	noun := "files"
	if g.Files == 1 {
		noun = "file"
	}
	return fmt.Sprintf("%s, %d %s not linted; use --scope all to lint it", g.Reason, g.Files, noun)
}

// nestRootImport reports whether an import source makes a file a Nest
// root: any @nestjs/* package except the testing harness.
func nestRootImport(src string) bool {
	return strings.HasPrefix(src, "@nestjs/") && src != "@nestjs/testing" && !strings.HasPrefix(src, "@nestjs/testing/")
}

// bootMethods are the calls that start a Nest process.
var bootMethods = map[string]bool{"create": true, "createMicroservice": true, "createApplicationContext": true}

// isNestRoot reports whether file fi roots a Nest program: it bootstraps
// Nest (NestFactory.create*, CommandFactory.run) or imports @nestjs/*.
func (m *Model) isNestRoot(fi FileID) bool {
	f := m.Files[fi].Facts
	for _, im := range f.Imports {
		if !im.TypeOnly && nestRootImport(im.Source) {
			return true
		}
	}
	for _, c := range f.Calls {
		if len(c.Path) == 2 && (c.Path[0] == "NestFactory" && bootMethods[c.Path[1]] ||
			c.Path[0] == "CommandFactory" && (c.Path[1] == "run" || c.Path[1] == "runWithoutClosing" || c.Path[1] == "createWithoutRunning")) {
			return true
		}
	}
	return false
}

// computeScope decides which files are NestJS server code: the import
// closure (value imports and re-exports, not type-only imports) of the
// Nest roots that are not offline, plus every non-offline file of a
// package that holds such a root (a Nest app's own helpers). Files of other
// packages that the closure never reaches are grouped by package with the
// reason they are not server code.
func (m *Model) computeScope() {
	n := len(m.Files)
	m.inScope = make([]bool, n)
	pkgOf := make([]string, n)
	rootPkgs := map[string]bool{}
	var queue []FileID
	isRoot := make([]bool, n) // every import and call of every file: in parallel
	m.parallel(n, func(i int) { isRoot[i] = !m.offline[i] && m.isNestRoot(FileID(i)) })
	for fi := range m.AllFiles() {
		pkgOf[fi] = m.packageDir(fi)
		if isRoot[fi] {
			rootPkgs[pkgOf[fi]] = true
			m.inScope[fi] = true
			queue = append(queue, fi)
		}
	}
	for fi := range m.AllFiles() {
		if !m.inScope[fi] && !m.offline[fi] && rootPkgs[pkgOf[fi]] {
			m.inScope[fi] = true
			queue = append(queue, fi)
		}
	}
	for len(queue) > 0 {
		fi := queue[0]
		queue = queue[1:]
		for _, t := range m.valueDeps(fi) {
			if !m.inScope[t] {
				m.inScope[t] = true
				queue = append(queue, t)
			}
		}
	}
	// Offline files of a Nest package (its tests, migrations, scripts) are
	// judged too, as offline code; the closure is not followed from them,
	// so a testing library that only tests import stays out.
	for fi := range m.AllFiles() {
		if m.offline[fi] && rootPkgs[pkgOf[fi]] {
			m.inScope[fi] = true
		}
	}
	// Files reached only from offline code (test helpers): the closure of
	// the offline files' imports, through the re-exports of a testing
	// library's barrel, outside the scope.
	fromTests := make([]bool, n)
	var tq []FileID
	for fi := range m.AllFiles() {
		if m.offline[fi] {
			tq = append(tq, fi)
		}
	}
	for len(tq) > 0 {
		fi := tq[0]
		tq = tq[1:]
		for _, t := range m.valueDeps(fi) {
			if !fromTests[t] && !m.inScope[t] && !m.offline[t] {
				fromTests[t] = true
				tq = append(tq, t)
			}
		}
	}
	groups := map[string]*ScopeGroup{}
	evidence := map[string][]FileID{}
	partial := map[string]bool{}
	for fi := range m.AllFiles() {
		if m.inScope[fi] {
			partial[pkgOf[fi]] = true
			continue
		}
		if m.offline[fi] {
			continue
		}
		g := groups[pkgOf[fi]]
		if g == nil {
			g = &ScopeGroup{Dir: pkgOf[fi]}
			groups[pkgOf[fi]] = g
		}
		g.Files++
		evidence[pkgOf[fi]] = append(evidence[pkgOf[fi]], fi)
	}
	// The offline files of a package left out (its specs, seeds) are not
	// linted either: count them in its notice.
	for fi := range m.AllFiles() {
		if !m.inScope[fi] && m.offline[fi] {
			if g := groups[pkgOf[fi]]; g != nil {
				g.Files++
			}
		}
	}
	dirs := make([]string, 0, len(groups))
	for d := range groups {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	m.outOfScope = make([]bool, n)
	for _, d := range dirs {
		g := groups[d]
		files := evidence[d]
		if partial[d] {
			g.Reason = "not imported by Nest code"
		} else {
			g.Reason, g.Offline = m.classify(d, files, fromTests)
		}
		for _, fi := range files {
			if g.Offline {
				m.offline[fi] = true
			}
		}
		if d == m.root || m.Workspace != nil && d == m.Workspace.Root {
			// The workspace root's own package holds everything no other
			// package claims (tools/, a generator): name the folder that
			// holds these files rather than the whole repository.
			g.Dir = m.commonDir(files)
		}
		m.ScopeGroups = append(m.ScopeGroups, *g)
	}
	sort.SliceStable(m.ScopeGroups, func(i, j int) bool { return m.ScopeGroups[i].Dir < m.ScopeGroups[j].Dir })
	for fi := range m.AllFiles() {
		m.outOfScope[fi] = !m.inScope[fi]
	}
}

// sameScopeInputs reports whether what computeScope reads of the changed
// files, beyond their surface, is what it read of them in p: whether each
// bootstraps Nest (isNestRoot) and starts with a shebang (classify).
func (m *Model) sameScopeInputs(p *Model) bool {
	for i, ch := range m.changed {
		if !ch {
			continue
		}
		fi := FileID(i)
		if m.isNestRoot(fi) != p.isNestRoot(fi) ||
			m.Files[fi].Shebang() != p.Files[fi].Shebang() {
			return false
		}
	}
	return true
}

// commonDir returns the innermost folder holding every file of files.
func (m *Model) commonDir(files []FileID) string {
	dir := ""
	for _, fi := range files {
		d := filepath.Dir(m.Files[fi].Path)
		if dir == "" {
			dir = d
			continue
		}
		for dir != d && !strings.HasPrefix(d, dir+string(filepath.Separator)) {
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return dir
}

// valueDeps returns the files fi imports for their values or re-exports.
func (m *Model) valueDeps(fi FileID) []FileID {
	s := m.syms[fi]
	f := m.Files[fi].Facts
	var out []FileID
	for i, im := range f.Imports {
		if im.TypeOnly || s == nil || i >= len(s.resolved) {
			continue
		}
		if t := s.resolved[i]; t >= 0 {
			out = append(out, t)
		}
	}
	if s != nil {
		for _, t := range s.exportTo {
			if t >= 0 {
				out = append(out, t)
			}
		}
	}
	return out
}

// packageDir returns the folder of the package holding file fi: the
// innermost workspace package, or folder with a package.json or an Nx
// project.json, at or above the file; the program root (or "") when none.
func (m *Model) packageDir(fi FileID) string {
	return m.pkgDirOf(filepath.Dir(m.Files[fi].Path))
}

func (m *Model) pkgDirOf(dir string) string {
	if v, ok := m.pkgDirs[dir]; ok {
		return v
	}
	res := ""
	if m.Workspace != nil {
		if p := m.Workspace.PackageOf(dir); p != nil && p.Dir == dir {
			res = dir
		}
	}
	if res == "" && (isRegular(filepath.Join(dir, "package.json")) || isRegular(filepath.Join(dir, "project.json"))) {
		res = dir
	}
	if res == "" {
		parent := filepath.Dir(dir)
		if dir == m.root || parent == dir {
			res = m.root
		} else {
			res = m.pkgDirOf(parent)
		}
	}
	m.pkgDirs[dir] = res
	return res
}

func isRegular(p string) bool {
	st, err := fsrec.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// Evidence tables for classify: import sources (or package prefixes) and
// what they say about the code.
var (
	browserLibs = []string{"@angular/core", "react", "react-dom", "vue", "svelte", "solid-js", "next", "preact", "lit", "@remix-run/react", "react-native", "@tauri-apps/api", "@builder.io/qwik"}
	cliLibs     = []string{"commander", "yargs", "@oclif/core", "oclif", "cac", "meow", "clipanion", "inquirer", "@inquirer/prompts", "prompts", "enquirer"}
	toolLibs    = []string{"vite", "webpack", "rollup", "esbuild", "@nx/devkit", "@nrwl/devkit", "ts-morph", "@angular-devkit/schematics", "plop", "@graphql-codegen/cli", "typescript", "@swc/core", "tsup", "jest", "vitest"}
	serverLibs  = []string{"express", "fastify", "hono", "koa", "ws", "http", "node:http", "@hapi/hapi", "socket.io", "uWebSockets.js"}
)

// classify tells what a package that the Nest closure never reaches is,
// from its package.json and the imports of its files.
func (m *Model) classify(dir string, files []FileID, fromTests []bool) (string, bool) {
	var man *workspace.Manifest
	if dir != "" {
		man, _ = workspace.ReadManifest(filepath.Join(dir, "package.json"))
	}
	imports := map[string]bool{}
	shebang, jsx := false, false
	for _, fi := range files {
		for _, im := range m.Files[fi].Facts.Imports {
			if !im.TypeOnly {
				imports[im.Source] = true
			}
		}
		if m.Files[fi].Shebang() {
			shebang = true
		}
		if strings.HasSuffix(m.Files[fi].Path, ".tsx") {
			jsx = true
		}
	}
	// What the files import decides first; the package.json dependencies
	// only when the imports say nothing. A workspace root's package.json
	// (one Nx package.json for every app) lists Angular and Nest at once,
	// so its dependencies would call a code generator a browser app.
	imported := func(libs []string) string {
		for _, l := range libs {
			if imports[l] {
				return l
			}
			for src := range imports {
				if strings.HasPrefix(src, l+"/") {
					return l
				}
			}
		}
		return ""
	}
	depends := func(libs []string) string {
		for _, l := range libs {
			if man != nil && man.Deps[l] {
				return l
			}
		}
		return ""
	}
	if l := imported(browserLibs); l != "" {
		return "browser app (" + l + ")", false
	}
	if jsx {
		return "browser app (JSX)", false
	}
	if man != nil && man.Bin {
		return "CLI (bin in package.json)", true
	}
	if l := imported(cliLibs); l != "" {
		return "CLI (" + l + ")", true
	}
	if shebang {
		return "CLI (#!/usr/bin/env node)", true
	}
	if l := imported(serverLibs); l != "" {
		return "non-Nest server (" + l + ")", false
	}
	if l := imported(toolLibs); l != "" {
		return "build tooling (" + l + ")", true
	}
	if l := depends(browserLibs); l != "" {
		return "browser app (" + l + ")", false
	}
	if l := depends(cliLibs); l != "" {
		return "CLI (" + l + ")", true
	}
	if l := depends(serverLibs); l != "" {
		return "non-Nest server (" + l + ")", false
	}
	tests := true
	for _, fi := range files {
		if !fromTests[fi] {
			tests = false
			break
		}
	}
	if tests {
		return "test helpers (imported only by tests)", true
	}
	if l := depends(toolLibs); l != "" {
		return "build tooling (" + l + ")", true
	}
	return "not imported by Nest code", false
}

// InScope reports whether file fi is NestJS server code (see
// computeScope). Out-of-scope files are linted only with --scope all.
func (m *Model) InScope(fi FileID) bool { return m.inScope == nil || m.inScope[fi] }
