// Package checker is nestlint's engine: it parses a project's files once,
// runs the analyzers of the enabled rules over the whole project in
// Requires order, and collects their diagnostics. It neither reads flags
// nor prints.
package checker

import (
	"context"
	"fmt"
	"go/types"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

// Options configure a run.
type Options struct {
	// Analyzers are building blocks to run even when no enabled rule
	// requires them (nestlint graph runs the model alone); their results
	// are in Result.Results.
	Analyzers   []*analysis.Analyzer
	Jobs        int
	MaxFileSize int64
	// Cache, when set, holds the facts of files parsed by earlier runs.
	Cache    parser.Cache
	Settings *lint.Settings
	Progress func(done, total int)
}

// Finding is one diagnostic of one rule.
type Finding struct {
	Rule       *lint.Rule
	Severity   lint.Severity // after the configured severity
	Diagnostic analysis.Diagnostic
	// Path is the request path from an entry point (lint.WithPath).
	Path []lint.Step
	// Properties are the result properties (lint.WithProperty).
	Properties []lint.Property
}

// Result is the outcome of a run.
type Result struct {
	Parse    *parser.Result
	Findings []Finding
	Errors   []lint.ToolError
	// Scope is the scope link decided (nil when no rule needed the model).
	Scope *lint.ScopeResult
	// Results holds the result of every analyzer that ran.
	Results map[*analysis.Analyzer]any
	// Timings are the phases in the order they ran (for --timing).
	Timings []Timing
	Notices []lint.Notice // input problems rules met (a malformed tsconfig.json, a budget hit)
}

// Run parses files and runs rules over them.
func Run(ctx context.Context, files []string, extra []string, rules []*lint.Rule, opts Options) (*Result, error) {
	analyzers := make([]*analysis.Analyzer, 0, len(rules))
	for _, r := range rules {
		analyzers = append(analyzers, r.Analyzer)
	}
	if err := analysis.Validate(analyzers); err != nil {
		return nil, fmt.Errorf("invalid analyzer graph: %w", err)
	}
	start := time.Now()
	pr := parser.Parse(ctx, files, parser.Options{Jobs: opts.Jobs, MaxFileSize: opts.MaxFileSize, Progress: opts.Progress, Cache: opts.Cache})
	pr.Extra = extra
	ParseInputs(pr, opts.Settings)
	parseTime := time.Since(start)
	if opts.Settings != nil && opts.Settings.Jobs == 0 {
		s := *opts.Settings
		s.Jobs = opts.Jobs
		opts.Settings = &s
	}
	res, err := RunParsed(ctx, pr, rules, opts.Settings, opts.Analyzers...)
	if res != nil {
		res.Timings = append([]Timing{{Name: "parse", Duration: parseTime}}, res.Timings...)
	}
	return res, err
}

// ParseInputs parses a program's non-TypeScript inputs into pr, before
// the rules run: the discovered ones (pr.Extra) and the Dockerfiles above
// the program root. The reads go through fsrec, so that a stored result
// is trusted only while they are unchanged.
func ParseInputs(pr *parser.Result, settings *lint.Settings) {
	inputs := pr.Extra
	if settings != nil {
		inputs = append(slices.Clip(pr.Extra), parser.UpwardDockerfiles(settings.Root)...)
	}
	pr.ParseInputs(inputs)
}

// Timing is how long one phase of a run took: "parse", or an analyzer's
// name.
type Timing struct {
	Name     string
	Duration time.Duration
}

// RunParsed runs rules (and the building-block analyzers given) over an
// already parsed project.
func RunParsed(ctx context.Context, pr *parser.Result, rules []*lint.Rule, settings *lint.Settings, analyzers ...*analysis.Analyzer) (*Result, error) {
	env := lint.NewEnv(settings)
	env.Ctx = ctx
	byAnalyzer := map[*analysis.Analyzer]*lint.Rule{}
	var roots []*analysis.Analyzer
	for _, r := range rules {
		byAnalyzer[r.Analyzer] = r
		roots = append(roots, r.Analyzer)
	}
	roots = append(roots, analyzers...)
	order := topo(roots)
	results := map[*analysis.Analyzer]any{
		parser.Analyzer:  pr,
		lint.EnvAnalyzer: env,
	}
	res := &Result{Parse: pr}
	pkg := types.NewPackage("nestlint/project", "project")
	// The analyzers run concurrently, each once everything it requires has
	// finished (as x/tools' checker does); findings and timings are kept per
	// analyzer and joined in the deterministic topo order, so output does
	// not depend on scheduling.
	type slot struct {
		findings []Finding
		timing   Timing
		out      any
		ran      bool
		failed   bool
		done     chan struct{}
	}
	slots := map[*analysis.Analyzer]*slot{}
	for _, a := range order {
		if _, ok := results[a]; !ok {
			slots[a] = &slot{done: make(chan struct{})}
		}
	}
	jobs := 0
	if settings != nil {
		jobs = settings.Jobs
	}
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	sem := make(chan struct{}, jobs)
	base := maps.Clone(results) // the goroutines read this; results grows below
	run := func(a *analysis.Analyzer, sl *slot) {
		defer close(sl.done)
		for _, req := range a.Requires {
			if rs := slots[req]; rs != nil {
				<-rs.done
				if rs.failed {
					sl.failed = true
				}
			}
		}
		if ctx.Err() != nil {
			sl.failed = true
			return
		}
		if sl.failed {
			env.AddError(lint.ToolError{Analyzer: a.Name, Message: "skipped: an analyzer it requires failed"})
			return
		}
		sem <- struct{}{}
		defer func() { <-sem }()
		rule := byAnalyzer[a]
		pass := &analysis.Pass{
			Analyzer:          a,
			Fset:              pr.Fset,
			Pkg:               pkg,
			TypesInfo:         &types.Info{},
			TypesSizes:        types.SizesFor("gc", "amd64"),
			ResultOf:          map[*analysis.Analyzer]any{},
			ReadFile:          readRegular,
			Module:            &analysis.Module{Path: "project"},
			OtherFiles:        pr.Extra,
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		for _, req := range a.Requires {
			if rs := slots[req]; rs != nil {
				pass.ResultOf[req] = rs.out
			} else {
				pass.ResultOf[req] = base[req]
			}
		}
		// Rules report through lint.Report, which hands the finding with
		// its typed fields to this reporter; a bare pass.Report (a
		// diagnostic without them) gets the rule's severity.
		reporter := lint.Reporter(func(f lint.Finding) {
			if rule == nil {
				return // building-block analyzers do not report
			}
			sev := adjust(rule, f.Severity, settings)
			if sev == lint.Off {
				return
			}
			sl.findings = append(sl.findings, Finding{Rule: rule, Severity: sev, Diagnostic: f.Diagnostic, Path: f.Path, Properties: f.Properties})
		})
		pass.ResultOf[lint.ReporterAnalyzer] = reporter
		pass.Report = func(d analysis.Diagnostic) {
			if rule != nil {
				reporter(lint.Finding{Diagnostic: d, Severity: rule.Severity})
			}
		}
		began := time.Now()
		out, err := runGuarded(pass)
		sl.ran = true
		sl.timing = Timing{Name: a.Name, Duration: time.Since(began)}
		if err != nil {
			sl.failed = true
			env.AddError(lint.ToolError{Analyzer: a.Name, Message: err.Error()})
			return
		}
		sl.out = out
	}
	for _, a := range order {
		if sl := slots[a]; sl != nil {
			go run(a, sl)
		}
	}
	for _, a := range order {
		sl := slots[a]
		if sl == nil {
			continue
		}
		<-sl.done
		if sl.ran {
			res.Timings = append(res.Timings, sl.timing)
		}
		if !sl.failed && sl.ran {
			results[a] = sl.out
			res.Findings = append(res.Findings, sl.findings...)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Errors = env.Errors()
	res.Scope = env.Scope()
	res.Results = results
	if settings != nil && settings.Scope == lint.ScopeServer && res.Scope != nil {
		// Server scope: what is not NestJS server code is not reported.
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if tf := pr.Fset.File(f.Diagnostic.Pos); tf != nil && res.Scope.OutOfScope[tf.Name()] {
				continue
			}
			kept = append(kept, f)
		}
		res.Findings = kept
	}
	res.Notices = env.Notices()
	sort.SliceStable(res.Errors, func(i, j int) bool {
		a, b := res.Errors[i], res.Errors[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Analyzer < b.Analyzer
	})
	return res, nil
}

// adjust applies the configured severity: a finding at the rule's default
// severity takes the configured one; a less severe finding (e.g. warning
// for unknown context) is capped at it.
func adjust(r *lint.Rule, sev lint.Severity, s *lint.Settings) lint.Severity {
	if s == nil {
		return sev
	}
	rc, ok := s.Rules[r.ID]
	if !ok || rc.Severity == nil {
		return sev
	}
	conf := *rc.Severity
	if conf == lint.Off {
		return lint.Off
	}
	if sev >= r.Severity {
		return conf
	}
	if sev > conf {
		return conf
	}
	return sev
}

func runGuarded(pass *analysis.Pass) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			stack := strings.Split(string(debug.Stack()), "\n")
			if len(stack) > 14 {
				stack = stack[:14]
			}
			err = fmt.Errorf("panic: %v\n%s", r, strings.Join(stack, "\n"))
		}
	}()
	return pass.Analyzer.Run(pass)
}

// topo returns the analyzers reachable from roots, dependencies first, in a
// deterministic order.
func topo(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var order []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	sorted := append([]*analysis.Analyzer(nil), roots...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, a := range sorted {
		visit(a)
	}
	return order
}

// readRegular is the ReadFile of every pass: regular files only, capped, so
// that a rule never blocks on a FIFO or reads /dev/zero.
func readRegular(path string) ([]byte, error) { return fsrec.SafeRead(path, safeio.MaxConfigSize) }
