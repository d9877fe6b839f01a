package lsp

// adapter.go is the language server's one contact with nestlint's lint
// machinery: discovery, programs, configuration, the facts cache, the
// checker, and the conversion of findings (suppressions, ignore globs). It
// keeps its own incremental path (programs bounded by the editor's folder,
// files re-linted on change); what it shares with the command's run comes
// from internal/pipeline (project markers; the cache version key is
// pipeline.CacheVersion, set by cmd/nestlint).

import (
	"context"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/internal/cache"
	"github.com/nestlint/nestlint/internal/pipeline"
	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/nestlint/nestlint/internal/workspace"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/lint"
)

// Options configure the server's lint runs; cmd/nestlint fills them from
// the command line of `nestlint lsp`.
type Options struct {
	Rules         []*lint.Rule // every known rule (the registry)
	ConfigPath    string       // --config: one file for every folder; "" finds nestlint.json per folder
	Scope         string       // --scope: "server", "all", or "" for the config's choice
	Jobs          int          // parse workers of the initial load (0: the number of CPUs)
	MaxFileSize   int64        // 0: parser.DefaultMaxFileSize
	NoCache       bool         // do not read or write the facts cache
	CacheLocation string       // the cache folder ("" for the user cache folder, per program)
	CacheVersion  string       // the cache's version key (pipeline.CacheVersion)
	Version       string       // nestlint's version, for serverInfo
	// Debounce is how long the server waits after a change before linting
	// (0: DefaultDebounce; negative: no wait).
	Debounce int64 // nanoseconds, to keep time out of the adapter's callers
}

// program is one program of the workspace, kept parsed in memory: the unit
// the checker links and lints as a whole.
type program struct {
	root     string
	folder   string
	cfg      *config.Config
	enabled  []*lint.Rule
	settings *lint.Settings
	files    map[string]*parser.File    // absolute path -> parsed file (absent when skipped)
	problems map[string]*parser.Problem // absolute path -> skip or syntax error
	extra    []string
	// assembled is the last lint's program: the next one keeps the
	// positions of the files that did not change (parser.Reassemble).
	assembled *parser.Result
	paths     []string // the keys of files, sorted, as of the last lint
}

// model is the workspace: its programs and the rules that apply.
type model struct {
	opts     Options
	folders  []string
	progs    []*program
	byID     map[string]*lint.Rule
	messages []string // load problems (a bad nestlint.json), for the client's log
}

func newModel(opts Options) *model {
	m := &model{opts: opts, byID: map[string]*lint.Rule{}}
	for _, r := range opts.Rules {
		m.byID[r.ID] = r
	}
	return m
}

// load discovers and parses every program of the folders. overlay holds
// the buffers of open documents, which replace the disk's content.
func (m *model) load(ctx context.Context, folders []string, overlay map[string][]byte) {
	m.folders = folders
	m.progs = nil
	m.messages = nil
	for _, folder := range folders {
		cfg, err := m.loadConfig(folder)
		if err != nil {
			m.messages = append(m.messages, err.Error())
		}
		disc, err := parser.Discover([]string{folder})
		if err != nil {
			m.messages = append(m.messages, err.Error())
			continue
		}
		for _, p := range disc.Problems {
			m.messages = append(m.messages, p.Path+": "+p.Message)
		}
		byRoot := map[string]*program{}
		var roots []string
		rt := newRooter(folder)
		group := func(f string) *program {
			root := rt.rootOf(f)
			p := byRoot[root]
			if p == nil {
				p = m.newProgram(folder, root, cfg)
				byRoot[root] = p
				roots = append(roots, root)
			}
			return p
		}
		paths := map[*program][]string{}
		for _, f := range disc.Files {
			p := group(f)
			paths[p] = append(paths[p], f)
		}
		for _, f := range disc.Extra {
			if p := byRoot[rt.rootOf(f)]; p != nil {
				p.extra = append(p.extra, f)
			}
		}
		slices.Sort(roots)
		for _, root := range roots {
			p := byRoot[root]
			m.parseAll(ctx, p, paths[p], overlay)
			m.progs = append(m.progs, p)
		}
	}
}

func (m *model) loadConfig(folder string) (*config.Config, error) {
	path := m.opts.ConfigPath
	if path == "" {
		if path = config.Find(folder); path == "" {
			return nil, nil
		}
	}
	return config.Load(path, path, m.opts.Rules)
}

func (m *model) newProgram(folder, root string, cfg *config.Config) *program {
	p := &program{root: root, folder: folder, cfg: cfg, files: map[string]*parser.File{}, problems: map[string]*parser.Problem{}}
	p.enabled = cfg.Enabled(m.opts.Rules)
	p.settings = cfg.Settings(root)
	switch {
	case m.opts.Scope != "":
		p.settings.Scope = m.opts.Scope
	case cfg != nil && cfg.Scope != "":
		p.settings.Scope = cfg.Scope
	default:
		p.settings.Scope = lint.ScopeServer
	}
	p.settings.Jobs = m.opts.Jobs // the model indexes files in parallel
	// Each relint of the program re-indexes only the files whose facts
	// changed; a reload (a config file changed) makes a new program.
	p.settings.Memo = &lint.Memo{}
	return p
}

// parseAll parses a program's files, through the facts cache.
func (m *model) parseAll(ctx context.Context, p *program, paths []string, overlay map[string][]byte) {
	var dc *cache.Dir
	if !m.opts.NoCache {
		root := m.opts.CacheLocation
		var err error
		if root == "" {
			root, err = cache.DefaultRoot(p.root)
		}
		if err == nil {
			dc, err = cache.Open(root, m.opts.CacheVersion)
		}
		if err != nil {
			m.messages = append(m.messages, "cache: "+err.Error()+": running without a cache")
			dc = nil
		}
	}
	var fromDisk []string
	for _, f := range paths {
		if _, open := overlay[f]; !open {
			fromDisk = append(fromDisk, f)
		}
	}
	opts := parser.Options{Jobs: m.opts.Jobs, MaxFileSize: m.opts.MaxFileSize}
	if dc != nil {
		opts.Cache = dc
	}
	pr := parser.Parse(ctx, fromDisk, opts)
	for _, f := range pr.Files {
		p.files[f.Path] = f
	}
	for i := range pr.Problems {
		p.problems[pr.Problems[i].Path] = &pr.Problems[i]
	}
	for _, f := range paths {
		if src, open := overlay[f]; open {
			m.setFile(p, f, src)
		}
	}
	if dc != nil {
		dc.Close()
		m.messages = append(m.messages, dc.Notices()...)
	}
}

// rooter finds the program root of files within a workspace folder: the
// outermost folder up to the workspace folder that declares a workspace
// (npm/pnpm/yarn workspaces, nx, a Nest monorepo), else the nearest folder
// with a project marker, else the workspace folder. This is the pipeline's
// rule (internal/pipeline/paths.go) bounded by the editor's folder. It remembers what it read per
// folder: a workspace has thousands of files in hundreds of folders.
type rooter struct {
	folder string
	roots  map[string]string // folder of a file -> program root
	facts  map[string]uint8  // folder -> isWorkspace|hasMarker
}

const (
	isWorkspace = 1 << iota
	hasMarker
)

func newRooter(folder string) *rooter {
	return &rooter{folder: folder, roots: map[string]string{}, facts: map[string]uint8{}}
}

func (r *rooter) factsOf(dir string) uint8 {
	if f, ok := r.facts[dir]; ok {
		return f
	}
	var f uint8
	if workspace.IsWorkspaceRoot(dir) {
		f |= isWorkspace
	}
	if pipeline.HasMarker(dir) {
		f |= hasMarker
	}
	r.facts[dir] = f
	return f
}

func (r *rooter) rootOf(abs string) string {
	dir := filepath.Dir(abs)
	if root, ok := r.roots[dir]; ok {
		return root
	}
	var chain []string
	for d := dir; ; d = filepath.Dir(d) {
		chain = append(chain, d)
		if d == r.folder || filepath.Dir(d) == d || !within(r.folder, d) {
			break
		}
	}
	res := ""
	for _, d := range chain {
		if r.factsOf(d)&isWorkspace != 0 {
			res = d // the last one seen is the outermost
		}
	}
	if res == "" {
		for _, d := range chain {
			if r.factsOf(d)&hasMarker != 0 {
				res = d
				break
			}
		}
	}
	if res == "" {
		res = r.folder
	}
	r.roots[dir] = res
	return res
}

// within reports whether abs is dir or lies under it.
func within(dir, abs string) bool {
	r, err := filepath.Rel(dir, abs)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// programOf returns the program holding the file at abs, or the program a
// new file there would belong to, or nil outside every folder.
func (m *model) programOf(abs string) *program {
	for _, p := range m.progs {
		if _, ok := p.files[abs]; ok {
			return p
		}
		if _, ok := p.problems[abs]; ok {
			return p
		}
	}
	for _, folder := range m.folders {
		if !within(folder, abs) {
			continue
		}
		root := newRooter(folder).rootOf(abs)
		for _, p := range m.progs {
			if p.root == root {
				return p
			}
		}
	}
	return nil
}

// update re-parses one file from src (an editor buffer, or the disk's
// content again). It returns the program to lint again, or nil when the
// file belongs to none.
func (m *model) update(abs string, src []byte) *program {
	p := m.programOf(abs)
	if p == nil || !parser.IsSource(filepath.Base(abs)) {
		return nil
	}
	_, known := p.files[abs]
	if _, prob := p.problems[abs]; !known && !prob && !walked(p.folder, abs) {
		return nil // a file discovery leaves out (node_modules, dist, a hidden folder)
	}
	m.setFile(p, abs, src)
	return p
}

// walked reports whether discovery would walk into the folder of abs: no
// folder between the workspace folder and the file is one it skips. A new
// file in src/ joins its program; one opened from node_modules does not.
func walked(folder, abs string) bool {
	rel, err := filepath.Rel(folder, filepath.Dir(abs))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	if rel == "." {
		return true
	}
	for _, seg := range strings.Split(rel, string(filepath.Separator)) {
		switch {
		case strings.HasPrefix(seg, "."), seg == "node_modules", seg == "dist", seg == "build", seg == "coverage":
			return false
		}
	}
	return true
}

// remove forgets a deleted file.
func (m *model) remove(abs string) *program {
	p := m.programOf(abs)
	if p == nil {
		return nil
	}
	delete(p.files, abs)
	delete(p.problems, abs)
	return p
}

func (m *model) setFile(p *program, abs string, src []byte) {
	f, prob := parser.ParseFile(abs, src, m.opts.MaxFileSize, nil)
	if f != nil {
		p.files[abs] = f
	} else {
		delete(p.files, abs)
	}
	if prob != nil {
		p.problems[abs] = prob
	} else {
		delete(p.problems, abs)
	}
}

// source returns the content of a file of the model, or reads it (a
// Dockerfile a rule reported on).
func (m *model) source(abs string) ([]byte, bool) {
	for _, p := range m.progs {
		if f := p.files[abs]; f != nil {
			return f.Source(), true
		}
	}
	src, err := safeio.ReadFile(abs, safeio.MaxConfigSize)
	return src, err == nil
}

// outcome is what one lint of a program found, by absolute file path.
type outcome struct {
	diags    map[string][]report.Diagnostic // File and Edit paths are absolute
	messages []string                       // tool errors and notices, for the client's log
}

// lint links and lints a program from its parsed files. Suppressed
// findings and files the config ignores are left out.
func (m *model) lint(ctx context.Context, p *program) (*outcome, error) {
	// In path order (Assemble's): the order of the last lint, while the
	// edits keep the same files (sorting thousands of paths that share
	// their prefix costs more than the check).
	if !samePaths(p.paths, p.files) {
		p.paths = slices.Sorted(maps.Keys(p.files))
	}
	files := make([]*parser.File, 0, len(p.files))
	for _, path := range p.paths {
		files = append(files, p.files[path])
	}
	var problems []parser.Problem
	for _, pr := range p.problems {
		problems = append(problems, *pr)
	}
	slices.SortFunc(problems, func(a, b parser.Problem) int { return strings.Compare(a.Path, b.Path) })
	pr := parser.Reassemble(p.assembled, files, p.extra, problems)
	p.assembled = pr
	checker.ParseInputs(pr, p.settings) // Dockerfiles and PM2 files, read again each time
	res, err := checker.RunParsed(ctx, pr, p.enabled, p.settings)
	if err != nil {
		return nil, err
	}
	out := &outcome{diags: map[string][]report.Diagnostic{}}
	var ds []report.Diagnostic
	for _, f := range res.Findings {
		if d, ok := convert(pr.Fset, f); ok {
			ds = append(ds, d)
		} else {
			out.messages = append(out.messages, f.Rule.ID+": "+f.Diagnostic.Message+" (reported without a position)")
		}
	}
	comments := map[string][]report.Comment{}
	for _, f := range pr.Files {
		if f.Facts == nil {
			continue
		}
		for _, c := range f.Facts.Comments {
			comments[f.Path] = append(comments[f.Path], report.Comment{Text: c.Text, Start: int(c.Start), End: int(c.End)})
		}
	}
	ids := make([]string, 0, len(p.enabled))
	sup := &report.Suppressor{Comments: comments, Source: m.source}
	for _, r := range p.enabled {
		ids = append(ids, r.ID)
		if r.ID == report.UnusedDisableID {
			sup.ReportUnused, sup.Severity = true, r.Severity
		}
	}
	sup.Rules = ids
	ds, _ = sup.Apply(ds)
	report.Sort(ds)
	ds = report.Dedupe(ds)
	for _, d := range ds {
		if d.Suppressed || p.cfg.Ignored(d.File) {
			continue
		}
		out.diags[d.File] = append(out.diags[d.File], d)
	}
	for _, pb := range problems {
		if p.cfg.Ignored(pb.Path) {
			continue
		}
		d := report.Diagnostic{Severity: lint.Note, Message: pb.Message, Location: report.Location{File: pb.Path, Start: max(pb.Offset, 0), End: max(pb.Offset, 0)}}
		if pb.Skipped {
			d.Severity = lint.Warning
		}
		out.diags[pb.Path] = append(out.diags[pb.Path], d)
	}
	for _, te := range res.Errors {
		out.messages = append(out.messages, "internal error in "+te.Analyzer+": "+firstLine(te.Message)+" "+te.File)
	}
	for _, n := range res.Notices {
		out.messages = append(out.messages, n.File+": "+n.Message)
	}
	return out, nil
}

// samePaths reports whether paths are the keys of files.
func samePaths(paths []string, files map[string]*parser.File) bool {
	if len(paths) != len(files) {
		return false
	}
	for _, p := range paths {
		if _, ok := files[p]; !ok {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// convert turns a checker finding into a report.Diagnostic with absolute
// paths (as internal/pipeline/convert.go does with relative ones).
func convert(fset *token.FileSet, f checker.Finding) (report.Diagnostic, bool) {
	span := func(pos, end token.Pos) (string, int, int, bool) {
		if !pos.IsValid() {
			return "", 0, 0, false
		}
		tf := fset.File(pos)
		if tf == nil {
			return "", 0, 0, false
		}
		start := tf.Offset(pos)
		stop := start
		if end.IsValid() && fset.File(end) == tf {
			stop = max(tf.Offset(end), start)
		}
		return tf.Name(), start, stop, true
	}
	d := f.Diagnostic
	abs, start, stop, ok := span(d.Pos, d.End)
	if !ok {
		return report.Diagnostic{}, false
	}
	out := report.Diagnostic{RuleID: f.Rule.ID, Severity: f.Severity, Message: d.Message,
		Location: report.Location{File: abs, Start: start, End: stop}}
	for _, p := range f.Properties {
		if out.Properties == nil {
			out.Properties = map[string]string{}
		}
		out.Properties[p.Key] = p.Value
	}
	for _, st := range f.Path {
		if file, s, e, ok := span(st.Pos, st.End); ok {
			out.Path = append(out.Path, report.Location{File: file, Start: s, End: e, Message: st.Label})
		}
	}
	for _, ri := range d.Related {
		file, s, e, ok := span(ri.Pos, ri.End)
		if !ok {
			continue
		}
		out.Related = append(out.Related, report.Location{File: file, Start: s, End: e, Message: ri.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := report.Fix{Message: sf.Message}
		for _, te := range sf.TextEdits {
			file, s, e, ok := span(te.Pos, te.End)
			if !ok {
				continue
			}
			fix.Edits = append(fix.Edits, report.Edit{File: file, Start: s, End: e, NewText: string(te.NewText)})
		}
		if len(fix.Edits) > 0 {
			out.Fixes = append(out.Fixes, fix)
		}
	}
	return out, true
}
