package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// LintRun lints o.Paths with the given rules and writes the report. It
// returns the exit code.
func LintRun(ctx context.Context, o *options, all []*lint.Rule, stdout, stderr io.Writer) int {
	if o.Output != "" {
		if err := checkOutput(o.Output); err != nil {
			return usageError(stderr, "%v", err)
		}
	}
	heap := &heapProfile{path: o.MemProfile, files: -1}
	stopProfiles, err := profiles(o.CPUProfile, heap)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	defer func() {
		err := stopProfiles()
		if err == nil {
			err = heap.err
		}
		if err != nil {
			fmt.Fprintf(stderr, "nestlint: profile: %v\n", err)
		}
	}()
	began := time.Now()
	var disc *parser.Discovery
	err = interruptible(ctx, func() (err error) {
		// Names: grouping files into programs (paths.go) looks for
		// marker files only in the folders the walk saw holding one.
		disc, err = parser.DiscoverWith(context.Background(), o.Paths, parser.DiscoverOptions{Names: markerNames})
		return err
	})
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "nestlint: interrupted")
		return exitInterrupted
	}
	if err != nil {
		// Discover names the path: "<path>: no such file or directory".
		return usageError(stderr, "%v", err)
	}
	// The folders the walk listed, and whether they hold a marker: most
	// lookups of tsconfig.json, package.json, nestlint.json and .git then
	// need no system call (fsrec.SetAbsent).
	setAbsent(disc.Listed)
	defer fsrec.SetAbsent(nil, nil)
	req := make(request, len(o.Paths))
	for i, p := range o.Paths {
		if req[i], err = resolve(p); err != nil {
			return usageError(stderr, "%s: %v", p, err)
		}
	}
	root, err := repoRoot(o.RepoRoot, req[0])
	if err != nil {
		return usageError(stderr, "--repo-root: %v", err)
	}
	names := namer{root: root, alt: dirOf(req[0])}
	if code, ok := planOutputs(o, root, stderr); !ok {
		return code
	}

	if code, ok := loadConfig(o, all, stderr); !ok {
		return code
	}
	enabled, code, ok := selectRunRules(o, all, disc.Files, stderr)
	if !ok {
		return code
	}
	if err := checkNotInput("-o", o.Output, o, disc, req); err != nil {
		return usageError(stderr, "%v", err)
	}
	if err := checkNotInput("--write-baseline", o.Adopt.writeBaseline, o, disc, req); err != nil {
		return usageError(stderr, "%v", err)
	}

	c := newCollector(names, req, enabled)
	c.heap = heap
	c.times.add("discover", time.Since(began))
	c.serverScope = o.EffectiveScope() == lint.ScopeServer
	c.maxRead = o.MaxFileSize
	for _, p := range disc.Problems {
		c.problem(p)
	}
	if err := c.lintInterruptible(ctx, o, disc); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "nestlint: interrupted")
			return exitInterrupted
		}
		fmt.Fprintf(stderr, "nestlint: internal error: %v\n", err)
		return exitInternal
	}
	o.Prog.clear()
	if code, ok := c.checkInputs(o, disc, stderr); !ok {
		return code
	}
	if c.linted == 0 && !o.AllowEmpty {
		// Nothing to lint is an input error, as eslint says of a pattern
		// that matches no file: an empty SARIF uploaded by CI would close
		// every open alert of its category.
		if !o.Quiet {
			slices.SortFunc(c.notices, compareNotices)
			report.WriteNotices(stderr, c.notices, func(string) ([]byte, bool) { return nil, false })
		}
		return usageError(stderr, "nothing to lint: %s (use --allow-empty to exit 0)", c.emptyReason(disc, o))
	}
	dropIgnoredNotices(c, o)
	r := c.finish(o.Version, o.Category)
	r.Graph = c.graph
	warnings, code, done := c.adoptRun(ctx, o, all, r, stdout, stderr)
	if done {
		return code
	}

	began = time.Now()
	capped, err := writeOutput(o, r, stdout, stderr)
	c.times.add("report", time.Since(began))
	if o.Timing {
		defer c.times.write(stderr, c.cacheMisses, c.cacheHits, c.unread)
	}
	if err != nil {
		var fe formatError
		if errors.As(err, &fe) {
			fmt.Fprintf(stderr, "nestlint: internal error: %v\n", err)
			return exitInternal
		}
		return usageError(stderr, "%v", err)
	}
	if !o.Quiet {
		report.WriteNotices(stderr, append(slices.Clip(r.Notices), capped...), r.Source)
		for _, t := range c.traces {
			fmt.Fprintln(stderr, t)
		}
		for _, n := range c.parseNotes {
			fmt.Fprintln(stderr, n)
		}
	}
	switch {
	case len(disc.Files) == 0:
		fmt.Fprintln(stderr, "nestlint: no files to lint")
	case o.Format != "github" && !stylishSummarized(o, r): // these outputs end with the summary themselves
		fmt.Fprintf(stderr, "nestlint: %s\n", report.Summary(r))
	}
	return o.ES.exit(exitCode(r, o), warnings, o, stderr)
}

// exitCode is 3 after a tool error, else 1 when an unsuppressed finding is
// at or above the fail level (never for "none"), else 0. --exit-zero turns
// 1 into 0.
func exitCode(r *report.Run, o *options) int {
	if !r.Successful {
		return exitInternal
	}
	if o.ExitZero || o.FailLevel == lint.Off {
		return exitOK
	}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if !d.Suppressed && d.BaselineState != "unchanged" && d.Severity >= o.FailLevel {
			return exitFindings
		}
	}
	return exitOK
}

// collector runs the checker over each project the requested files belong
// to and gathers what is reported for the requested paths.
type collector struct {
	heap                   *heapProfile // --memprofile
	names                  namer
	req                    request
	rules                  []*lint.Rule
	byName                 map[string]*lint.Rule // Analyzer.Name -> rule
	diags                  []report.Diagnostic
	notices                []report.Notice
	traces                 []string                // stacks of tool errors, for stderr
	srcs                   map[string][]byte       // output name -> content of parsed files (nil: read when needed)
	paths                  map[string]string       // output name -> absolute path
	linted                 int                     // requested TypeScript files that were parsed
	failed                 bool                    // a tool error happened
	seenErr                map[lint.ToolError]bool // a tool error reported by two projects counts once
	cacheHits, cacheMisses int64                   // facts taken from the cache, files parsed (with or without a cache)
	unread                 int64                   // files whose facts came from the cache and which were never read
	times                  timings
	// serverScope is set for the default scope: out-of-scope packages get
	// a notice and their files do not count as linted.
	serverScope bool
	adopt       adoptState // directive comments (baseline_cli.go)
	// keepAll keeps findings outside the request (results.go), and
	// resultHits counts programs whose results came from the cache.
	keepAll     bool
	resultHits  int
	maxRead     int64               // --max-file-size: a parsed file is read again for the report
	parseNotes  []string            // how much a single-file run parsed (results.go), for stderr
	lintedNames []string            // the files counted in linted, for --changed-since
	graph       *report.ModuleGraph // with --format html
}

func newCollector(names namer, req request, enabled []*lint.Rule) *collector {
	c := &collector{names: names, req: req, rules: enabled, byName: map[string]*lint.Rule{},
		srcs: map[string][]byte{}, paths: map[string]string{}, seenErr: map[lint.ToolError]bool{}}
	for _, r := range enabled {
		c.byName[r.Analyzer.Name] = r
	}
	return c
}

// program is one program of the run: its root and every file of it.
type program struct {
	root         string
	files, extra []string
	// err is why the rest of the program could not be listed (only the
	// requested files were linted); nil when it was.
	err error
}

// programs groups the discovered files by program (see projects) and adds
// the rest of each program: files the request did not name, which
// cross-file rules still need. Files of nested programs stay out. The
// programs the request's walk did not cover are found by one more walk
// over all of them (walk.go), never one walk per program.
//
// absent: the listings of the walks feed fsrec's oracle (setAbsent), for
// the command line's run.
func programs(req request, disc *parser.Discovery, discover discoverFunc, absent bool) []program {
	var dirs []string
	for _, p := range req {
		if isDir(p) {
			dirs = append(dirs, p)
		}
	}
	pj := newProjects(dirs)
	pj.listed = disc.Listed
	pj.absent = absent
	byRoot := map[string]*program{}
	for _, f := range disc.Files {
		root := pj.rootOf(f)
		if byRoot[root] == nil {
			byRoot[root] = &program{root: root}
		}
		byRoot[root].files = append(byRoot[root].files, f)
	}
	for _, f := range disc.Extra {
		if p := byRoot[pj.rootOf(f)]; p != nil {
			p.extra = append(p.extra, f)
		}
	}
	roots := make([]string, 0, len(byRoot))
	for r := range byRoot {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	addRest(byRoot, roots, dirs, pj, discover)
	out := make([]program, 0, len(roots))
	for _, root := range roots {
		p := byRoot[root]
		p.files = sortedUnique(p.files)
		p.extra = sortedUnique(p.extra)
		out = append(out, *p)
	}
	return out
}

// lint runs the checker once per program, over every file of the
// program: requested files only narrow what is reported (checklist P4).
// The files of every program are parsed by one pool (results.go).
func (c *collector) lint(ctx context.Context, o *options, disc *parser.Discovery) error {
	return c.lintPrograms(ctx, o, programs(c.req, disc, c.discoverPrograms, true))
}

func sortedUnique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

// problem turns a discovery or parse problem into a notice: a skipped file
// is a warning, a file linted despite a syntax error a note.
func (c *collector) problem(p parser.Problem) {
	n := report.Notice{Level: lint.Note, Message: p.Message, File: c.names.name(p.Path), Start: p.Offset}
	if p.Skipped {
		n.Level = lint.Warning
	}
	if n.Start < 0 {
		n.Start = -1
	}
	c.notices = append(c.notices, n)
}

// toolError turns a rule failure into an error notice naming the rule and
// the file. The notice keeps the first line of the message (a panic's
// value); the stack goes to stderr only, since it holds absolute paths and
// goroutine numbers that would make the report differ between runs.
func (c *collector) toolError(te lint.ToolError) {
	c.failed = true
	n := report.Notice{Level: lint.Error, Start: -1, Message: firstLine(te.Message)}
	if r := c.byName[te.Analyzer]; r != nil {
		n.RuleID = r.ID
	} else {
		n.Message = te.Analyzer + ": " + n.Message
	}
	if te.File != "" {
		n.File = c.names.name(te.File)
	}
	c.notices = append(c.notices, n)
	if rest := strings.TrimPrefix(te.Message, firstLine(te.Message)); strings.TrimSpace(rest) != "" {
		c.traces = append(c.traces, fmt.Sprintf("nestlint: stack of the %s failure:%s", te.Analyzer, rest))
	}
}

// finish turns what was collected into a report.Run; the findings are
// sorted and deduplicated by the filters (filters.go), the notices here.
func (c *collector) finish(version, category string) *report.Run {
	if c.diags == nil {
		c.diags = []report.Diagnostic{}
	}
	slices.SortFunc(c.notices, compareNotices)
	c.notices = slices.CompactFunc(c.notices, func(a, b report.Notice) bool { return a == b })
	extra := map[string][]byte{}
	source := func(file string) ([]byte, bool) {
		if src, ok := c.srcs[file]; ok && src != nil {
			return src, true
		}
		// A file the parser did not hold (a Dockerfile a rule reported
		// on): read it once.
		if src, ok := extra[file]; ok {
			return src, src != nil
		}
		abs, ok := c.paths[file]
		if !ok {
			return nil, false
		}
		src, err := safeio.ReadFile(abs, max(safeio.MaxConfigSize, parser.DefaultMaxFileSize, c.maxRead))
		if err != nil {
			src = nil
		}
		extra[file] = src
		return src, src != nil
	}
	return &report.Run{
		Tool:        "nestlint",
		Version:     version,
		Rules:       c.rules,
		Diagnostics: c.diags,
		Notices:     c.notices,
		Source:      source,
		Category:    category,
		Successful:  !c.failed,
		FilesLinted: c.linted,
	}
}

func compareNotices(a, b report.Notice) int {
	switch {
	case a.File != b.File:
		return strings.Compare(a.File, b.File)
	case a.Start != b.Start:
		return a.Start - b.Start
	case a.Level != b.Level:
		return int(b.Level) - int(a.Level)
	case a.RuleID != b.RuleID:
		return strings.Compare(a.RuleID, b.RuleID)
	}
	return strings.Compare(a.Message, b.Message)
}

// formatError is a formatter's failure, as opposed to a failure to write
// the output file.
type formatError struct{ err error }

func (e formatError) Error() string { return e.err.Error() }
func (e formatError) Unwrap() error { return e.err }

// formatter returns the formatter of o.Format.
func formatter(o *options, stdout io.Writer) report.Formatter {
	switch o.Format {
	case "json":
		return report.JSON{}
	case "sarif":
		return report.SARIF{}
	case "github":
		return report.GitHub{}
	}
	if f := moreFormatter(o, stdout); f != nil {
		return f
	}
	return report.Text{Color: o.colorFor(stdout)}
}

// writeOutput formats r to stdout, or atomically to o.Output. It returns
// the notices of limits the SARIF writer applied, for stderr.
func writeOutput(o *options, r *report.Run, stdout, stderr io.Writer) (capped []report.Notice, err error) {
	f := formatter(o, stdout)
	format := func(w io.Writer) error {
		var err error
		if o.Format == "sarif" {
			capped, err = report.WriteSARIF(w, r)
		} else {
			err = f.Format(w, r)
		}
		if err != nil {
			return formatError{fmt.Errorf("%s output: %w", o.Format, err)}
		}
		return nil
	}
	if o.Output == "" {
		return capped, format(stdout)
	}
	return capped, o.OutPlan.write(stdout, stderr, format)
}

// emptyReason says why a run linted nothing.
func (c *collector) emptyReason(disc *parser.Discovery, o *options) string {
	where := strings.Join(o.Paths, ", ")
	switch {
	case len(disc.Files) == 0 && len(disc.Ignored) > 0:
		files := make([]string, 0, len(disc.Ignored))
		n := 0
		for f, k := range disc.Ignored {
			files = append(files, c.names.name(f))
			n += k
		}
		slices.Sort(files)
		return fmt.Sprintf("every TypeScript file or folder under %s is ignored (%d by %s)", where, n, strings.Join(files, ", "))
	case len(disc.Files) == 0:
		return fmt.Sprintf("no TypeScript files under %s", where)
	case c.serverScope:
		return fmt.Sprintf("no file under %s is NestJS server code (see the notices; use --scope all to lint every file)", where)
	}
	return fmt.Sprintf("no file under %s could be linted (see the notices)", where)
}

// coveredBy reports whether root is one of dirs or lies under one.
func coveredBy(dirs []string, root string) bool {
	for _, d := range dirs {
		if _, ok := relUnder(d, root); ok {
			return true
		}
	}
	return false
}

// noteOnce adds a run-level notice, once.
func (c *collector) noteOnce(msg string) {
	for _, n := range c.notices {
		if n.File == "" && n.Message == msg {
			return
		}
	}
	c.notices = append(c.notices, report.Notice{Level: lint.Note, Start: -1, Message: msg})
}
