package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nestlint/nestlint/internal/cache"
	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/gctune"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/lint"
	"golang.org/x/tools/go/analysis"
)

// programResult is what one program's run leaves for the report, with
// absolute paths and nothing filtered by the request: the request and the
// output names are applied by addResult, so that a result stored by one
// run serves the next whatever it asks for. Both a fresh run and a cached
// result go through addResult, so their output is the same by
// construction.
type programResult struct {
	Files    []resultFile
	Problems []parser.Problem
	HasScope bool
	Groups   []lint.ScopeGroup
	Notices  []lint.Notice
	Errors   []lint.ToolError
	Findings []resultFinding
}

type resultFile struct {
	Path       string
	OutOfScope bool
	Comments   []report.Comment
}

// resultFinding is a converted finding whose locations name absolute
// paths; Abs is its primary file ("" for a finding without a position,
// which is kept as Notice).
type resultFinding struct {
	Abs    string
	Diag   report.Diagnostic
	Notice report.Notice
}

// newProgramResult converts a checker result.
func newProgramResult(res *checker.Result, rules []*lint.Rule) *programResult {
	pr := &programResult{Problems: res.Parse.Problems, Notices: res.Notices, Errors: res.Errors}
	var out map[string]bool
	if res.Scope != nil {
		pr.HasScope = true
		pr.Groups = res.Scope.Groups
		out = res.Scope.OutOfScope
	}
	for _, f := range res.Parse.Files {
		rf := resultFile{Path: f.Path, OutOfScope: out[f.Path]}
		if f.Facts != nil {
			for _, cm := range f.Facts.Comments {
				rf.Comments = append(rf.Comments, report.Comment{Text: cm.Text, Start: int(cm.Start), End: int(cm.End)})
			}
		}
		pr.Files = append(pr.Files, rf)
	}
	// The converter, on a scratch collector that names files by their
	// absolute paths and keeps every finding.
	scratch := newCollector(namer{abs: true}, nil, rules)
	scratch.keepAll = true
	conv := converter{fset: res.Parse.Fset, c: scratch}
	for _, f := range res.Findings {
		nd, nn := len(scratch.diags), len(scratch.notices)
		conv.finding(f)
		switch {
		case len(scratch.diags) > nd:
			d := scratch.diags[nd]
			pr.Findings = append(pr.Findings, resultFinding{Abs: d.File, Diag: d})
		case len(scratch.notices) > nn:
			pr.Findings = append(pr.Findings, resultFinding{Notice: scratch.notices[nn]})
		}
	}
	return pr
}

// addResult adds one program's result to what the run reports.
func (c *collector) addResult(pr *programResult) {
	if pr.HasScope && c.serverScope {
		for _, g := range pr.Groups {
			// One notice per package left out that the request covers (or
			// that holds a requested path).
			if c.req.has(g.Dir) || c.req.within(g.Dir) {
				c.notices = append(c.notices, report.Notice{Level: lint.Note, File: c.names.name(g.Dir), Start: -1, Message: g.Message})
			}
		}
	}
	for _, f := range pr.Files {
		name := c.names.name(f.Path)
		if _, ok := c.srcs[name]; !ok {
			c.srcs[name] = nil // read again when the report needs it
		}
		c.paths[name] = f.Path
		if c.req.has(f.Path) {
			c.addCommentList(name, f.Comments)
			if !c.serverScope || !pr.HasScope || !f.OutOfScope {
				c.linted++
				c.lintedNames = append(c.lintedNames, name)
			}
		}
	}
	for _, p := range pr.Problems {
		if c.req.has(p.Path) {
			c.problem(p)
		}
	}
	c.addNotices(pr.Notices)
	for _, te := range pr.Errors {
		if c.seenErr[te] {
			continue
		}
		c.seenErr[te] = true
		c.toolError(te)
	}
	for _, f := range pr.Findings {
		if f.Abs == "" {
			c.notices = append(c.notices, f.Notice)
			continue
		}
		if !c.req.has(f.Abs) {
			continue
		}
		d := f.Diag
		d.Location = c.rename(d.Location)
		d.Related = c.renameAll(d.Related)
		d.Path = c.renameAll(d.Path)
		if d.Fixes != nil {
			fixes := make([]report.Fix, len(d.Fixes))
			for i, fx := range d.Fixes {
				fixes[i] = report.Fix{Message: fx.Message, Edits: make([]report.Edit, len(fx.Edits))}
				for j, e := range fx.Edits {
					e.File = c.rename(report.Location{File: e.File}).File
					fixes[i].Edits[j] = e
				}
			}
			d.Fixes = fixes
		}
		c.diags = append(c.diags, d)
	}
}

// rename turns a location's absolute path into its output name, as the
// converter does.
func (c *collector) rename(l report.Location) report.Location {
	abs := l.File
	l.File = c.names.name(abs)
	if _, held := c.paths[l.File]; !held {
		c.paths[l.File] = abs
	}
	return l
}

func (c *collector) renameAll(ls []report.Location) []report.Location {
	if ls == nil {
		return nil
	}
	out := make([]report.Location, len(ls))
	for i, l := range ls {
		out[i] = c.rename(l)
	}
	return out
}

// addCommentList keeps the directive comments of a requested file.
func (c *collector) addCommentList(name string, cms []report.Comment) {
	if len(cms) == 0 {
		return
	}
	if c.adopt.comments == nil {
		c.adopt.comments = map[string][]report.Comment{}
	}
	if len(c.adopt.comments[name]) > 0 {
		return // the same file seen by two projects
	}
	c.adopt.comments[name] = cms
}

// lintPrograms lints the programs of the run. A program whose inputs are
// all as the run that stored its results saw them takes those results;
// the files of the others are parsed by one pool of workers, whatever
// program they belong to, and each program's rules then run over its own
// files. What is reported is added in the order of the programs.
func (c *collector) lintPrograms(ctx context.Context, o *options, progs []program) error {
	analyzers := make([]*analysis.Analyzer, len(c.rules))
	for i, r := range c.rules {
		analyzers[i] = r.Analyzer
	}
	if err := analysis.Validate(analyzers); err != nil {
		return fmt.Errorf("invalid analyzer graph: %w", err)
	}
	type job struct {
		p        program
		settings *lint.Settings
		fc       *cache.Dir
		counted  *countingCache // fc, counting this program's misses
		key      string
		result   *programResult
	}
	jobs := make([]*job, len(progs))
	// Programs sharing a cache folder (--cache-location) share one
	// *cache.Dir, written once after the parse with the entries of them all.
	dirs := map[string]*cache.Dir{}
	var order []*cache.Dir
	defer func() {
		for _, d := range order {
			c.closeCache(d)
		}
	}()
	html := o.Format == "html"
	var extra []*analysis.Analyzer
	if html {
		extra = rules.ModelAnalyzers // the module graph (formats.go)
	}
	var files []string
	cacheOf := map[string]parser.Cache{}
	known := map[string]string{}
	for i, p := range progs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.err != nil {
			c.notices = append(c.notices, programNotice(c.names.name(p.root), p.err))
		}
		j := &job{p: p, settings: o.programSettings(p.root, p.files)}
		jobs[i] = j
		if j.settings.Jobs == 0 {
			j.settings.Jobs = o.Jobs
		}
		folder := o.CacheLocation
		if folder == "" {
			folder = p.root
		}
		if d, ok := dirs[folder]; ok {
			j.fc = d
		} else if j.fc = c.openCache(o, p.root); j.fc != nil {
			dirs[folder] = j.fc
			order = append(order, j.fc)
		}
		if j.fc != nil && !html { // the HTML report needs the model: no stored result
			began := time.Now()
			var trusted map[string]string
			j.key, trusted = c.resultKey(o, p, j.settings, j.fc)
			for f, k := range trusted {
				known[f] = k // unchanged since hashed: its facts by key, the file not read
			}
			var pr programResult
			if j.key != "" && j.fc.Result(p.root, j.key, &pr) {
				c.times.add("results (cached)", time.Since(began))
				c.resultHits++
				j.result = &pr
				continue
			}
			c.times.add("results (lookup)", time.Since(began))
		}
		if j.fc != nil {
			j.fc.Preload() // the program is parsed: decode its pack while the files are read
			j.counted = &countingCache{KeyedCache: j.fc}
			for _, f := range p.files {
				cacheOf[f] = j.counted
			}
		}
		files = append(files, p.files...)
	}
	if len(files) > 0 && len(known)*10 >= len(files)*9 {
		// Nine in ten files unchanged: their facts come from the packs,
		// and collections before the heap holds them all find little.
		gctune.Warm()
	}
	if len(files) > 0 {
		began := time.Now()
		all := parser.Parse(ctx, sortedUnique(files), parser.Options{Jobs: o.Jobs, MaxFileSize: o.MaxFileSize,
			Progress: o.Prog.callback(), CacheOf: func(path string) parser.Cache { return cacheOf[path] },
			Known: func(path string) (string, bool) { k, ok := known[path]; return k, ok }})
		c.times.add("parse", time.Since(began))
		gctune.Settle() // the model and the rules make garbage on the facts of every file
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, f := range all.Files {
			if cacheOf[f.Path] == nil {
				c.cacheMisses++ // no cache: parsed (the cache counts its own misses)
			}
		}
		// The facts packs are written now, beside the models and rules
		// (the model build leaves a core idle for part of its time): the
		// pack is encoded chunk by chunk, from the facts the rules read
		// anyway, so it adds little to the peak memory. The run waits for
		// it before the caches close.
		packDone := make(chan time.Duration, 1)
		go func(began time.Time) {
			for _, d := range order {
				d.Flush() // a failed write is among the cache's notices
			}
			packDone <- time.Since(began)
		}(time.Now())
		defer func() { c.times.add("facts pack", <-packDone) }()
		subs := make([]*parser.Result, len(jobs))
		for i, j := range jobs {
			if j.result == nil {
				subs[i] = all.Subset(j.p.files)
				subs[i].Extra = j.p.extra
			}
		}
		all = nil // each program's files are released once its rules ran
		for i, j := range jobs {
			if j.result != nil {
				continue
			}
			parsed := int64(len(subs[i].Files))
			if j.counted != nil {
				parsed = j.counted.misses.Load()
			}
			c.noteParsed(j.p, parsed)
			var stop func() []fsrec.Op
			if j.key != "" {
				stop = fsrec.Start()
			}
			checker.ParseInputs(subs[i], j.settings) // inside the recording: the inputs are read here
			res, err := checker.RunParsed(ctx, subs[i], c.rules, j.settings, extra...)
			if err == nil {
				c.heap.atPeak(len(subs[i].Files)) // the facts and the model are alive
				for _, f := range subs[i].Files {
					if !f.Read() {
						c.unread++ // facts from the cache by key, and no rule asked for its text
					}
				}
			}
			subs[i] = nil
			var ops []fsrec.Op
			if stop != nil {
				ops = stop()
			}
			if err != nil {
				return err
			}
			c.times.addRun(res.Timings)
			if html {
				c.graph = rules.MergeGraphs(c.graph, rules.ModuleGraphOf(res, c.names.name))
			}
			j.result = newProgramResult(res, c.rules)
			if j.key != "" && len(j.result.Errors) == 0 {
				// A tool error may not happen again: never cached.
				j.fc.StoreResult(j.p.root, j.key, ops, j.result) // a failed write is among the cache's notices
			}
		}
	}
	for _, j := range jobs {
		c.addResult(j.result)
	}
	return nil
}

// resultKey hashes every input of a program's run that the rules do not
// read through fsrec: nestlint's version, the configuration, the enabled
// rules, the scope, the file lists and the content of every file parsed.
// It is "" when an input cannot be hashed (the result is then neither
// looked up nor stored).
func (c *collector) resultKey(o *options, p program, settings *lint.Settings, fc *cache.Dir) (string, map[string]string) {
	h := sha256.New()
	fmt.Fprintf(h, "results/1\x00%s\x00%s\x00%v\x00%d\x00", CacheVersion(o.Version), p.root, c.serverScope, o.MaxFileSize)
	if settings != nil {
		s := *settings
		s.Jobs = 0 // output is the same at every -j
		b, err := json.Marshal(s)
		if err != nil {
			return "", nil
		}
		h.Write(b)
	}
	for _, r := range c.rules {
		fmt.Fprintf(h, "\x00rule %s %s %d", r.ID, r.Analyzer.Name, r.Severity)
	}
	for _, f := range p.extra {
		fmt.Fprintf(h, "\x00extra %s", f)
	}
	sums, trusted := sumsOf(fc, p.root, p.files, o.MaxFileSize, o.Jobs, fc.Preload) // sums.go
	known := map[string]string{}
	for i, f := range p.files {
		fmt.Fprintf(h, "\x00file %s %s", f, sums[i])
		if trusted[i] {
			known[f] = sums[i]
		}
	}
	return hex.EncodeToString(h.Sum(nil)), known
}

// noteParsed says, when files were requested one by one, how many files
// of their program had to be parsed besides them (cross-file rules need
// the whole program): the price of a cold single-file run.
func (c *collector) noteParsed(p program, parsed int64) {
	requested := int64(0)
	for _, f := range p.files {
		if c.req.has(f) {
			requested++
		}
	}
	for _, r := range c.req {
		if isDir(r) && parser.Within(r, p.root) {
			return // the whole program was asked for: no surprise
		}
	}
	if parsed <= requested {
		return
	}
	files := "files"
	if requested == 1 {
		files = "file"
	}
	where := c.names.name(p.root)
	if where == ".." || strings.HasPrefix(where, "../") {
		where = p.root
	}
	// On stderr only, as progress is: the report stays the same with and
	// without the cache.
	c.parseNotes = append(c.parseNotes, fmt.Sprintf("nestlint: parsed %d files of the program at %s to see the request paths of the %d %s asked for; the cache makes the next run parse only what changed",
		parsed, where, requested, files))
}

// countingCache counts the misses of one program's files, in a cache its
// program may share with others.
type countingCache struct {
	parser.KeyedCache
	misses atomic.Int64
}

func (cc *countingCache) Get(tsx bool, src []byte) (*parser.Facts, bool) {
	f, ok := cc.KeyedCache.Get(tsx, src)
	if !ok {
		cc.misses.Add(1)
	}
	return f, ok
}
