package pipeline

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// Before the filters: the checker drops what link decided is not NestJS
// server code (--scope server), because only the model knows it; --only
// and --skip choose the rules that run at all (selectRunRules); and the
// converter keeps the findings whose primary location is in a requested
// file (the rest of a program is linted for cross-file rules, not
// reported). After the filters, --fix applies the fixes of what is left
// and lints again, and the writer applies the SARIF caps (results per run,
// locations per result): they depend on the format and report themselves
// as notices, so they stay in the writer (report/sarif.go).

// filterPlan is the ordered list of steps between the collected findings
// and the formatters, and what the caller needs after applying it.
type filterPlan struct {
	filters []report.Filter
	// baseline is the baseline step, nil without --baseline or
	// --write-baseline; its Fixed count is reported after the run.
	baseline *report.BaselineFilter
	// usageErr is set when a step failed for a reason the user can fix
	// (--write-baseline could not write its file, --changed-since could not
	// list the changed files): a usage error, not an internal one.
	usageErr error
	// warnings is the number of warnings --max-warnings counts, set by the
	// max-warnings step.
	warnings int
}

// errUsage marks the error a step returns after setting usageErr.
var errUsage = errors.New("usage error")

// filters builds the filter list of a run, in ONE place. Every ordering
// constraint is stated where its step is added.
func (c *collector) filters(o *options, all []*lint.Rule, r *report.Run, stdout, stderr io.Writer) *filterPlan {
	a := &o.Adopt
	p := &filterPlan{}
	add := func(f report.Filter) { p.filters = append(p.filters, f) }

	// 1. Per-file severities (nested configurations, rules.severity): the
	// configuration of each finding's file sets its severity, and a rule
	// that is off there drops it (unless --only named the rule). First,
	// because every later step compares, counts or records severities.
	add(report.FuncFilter{FilterName: "file-config", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
		return c.applyFileConfig(o, all, ds), nil
	}})
	// 2. Config ignores and --ignore-pattern (not with --no-ignore): an
	// ignored file is as if it were not linted, so none of its findings
	// may be suppressed, baselined or counted. (Its parse notices are
	// dropped before the run is built: dropIgnoredNotices.)
	if ignored := c.ignoredBy(o); ignored != nil {
		add(report.FuncFilter{FilterName: "ignores", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
			return slices.DeleteFunc(ds, func(d report.Diagnostic) bool { return ignored(d.Location.File) }), nil
		}})
	}
	// 3. Sort, then 4. dedupe: the same finding reported by two programs
	// that share a file counts once before the suppressions and the
	// baseline look at it (a copy would be a "new" finding next to the
	// baselined one). On sorted input, dedupe keeps the first of equal
	// findings, the most severe. Both come after step 1, which changes
	// severities.
	add(report.SortFilter{})
	add(report.DedupeFilter{})

	// 5. Suppressions (nestlint-disable comments): a suppressed finding is
	// never baselined, fixed or counted, and the nestlint/unused-disable
	// findings the step adds must go through the later steps like any
	// other finding. Every rule id is known; a directive naming a rule
	// that is off (for its file) is accepted silently (nested_cli.go).
	reportUnused := false
	for _, rule := range r.Rules {
		reportUnused = reportUnused || rule.ID == report.UnusedDisableID
	}
	off, unusedSev := c.suppressorHooks(o, all)
	sup := &report.Suppressor{Comments: c.adopt.comments, Source: r.Source, Rules: allIDs(all), ReportUnused: reportUnused,
		Off: off, FileSeverity: unusedSev}
	for _, rule := range r.Rules {
		if rule.ID == report.UnusedDisableID {
			sup.Severity = rule.Severity
		}
	}
	add(sup)

	if a.writeBaseline != "" || a.base != nil {
		// The baseline comes after the suppressions because it records
		// and matches unsuppressed findings only.
		p.baseline = &report.BaselineFilter{Baseline: a.base, Source: r.Source, InScope: c.inScope}
	}
	if a.writeBaseline != "" {
		// 6. --write-baseline records what the suppressions left (deduped
		// again: the unused-disable findings were just added), then the
		// baseline step reads that baseline, so the run reports nothing
		// new. Before --changed-since (the flags exclude each other).
		add(report.FuncFilter{FilterName: "write-baseline", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
			rec, err := report.DedupeFilter{}.Apply(slices.Clone(ds))
			if err != nil {
				return ds, err
			}
			a.base = report.NewBaseline(rec, r.Source)
			if old := c.previousBaseline(a.writeBaseline); old != nil {
				a.base.KeepOutside(old, c.inScope)
			}
			if err := a.basePlan.write(stdout, stderr, a.base.Write); err != nil {
				p.usageErr = err
				return ds, errUsage
			}
			fmt.Fprintf(stderr, "nestlint: wrote %d findings to %s\n", len(a.base.Findings), a.writeBaseline)
			p.baseline.Baseline = a.base
			return ds, nil
		}})
	}
	if p.baseline != nil {
		// 7. The baseline marks findings "unchanged" or "new" and counts
		// the baselined findings that are gone (Fixed).
		add(p.baseline)
	}
	if a.changedSince != "" {
		// 8. --changed-since after the baseline, which must see the
		// findings of every file: otherwise those of unchanged files would
		// count as fixed.
		add(report.FuncFilter{FilterName: "changed-since", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
			keep, err := c.changedFiles(a.changedSince)
			if err != nil {
				p.usageErr = fmt.Errorf("--changed-since %s: %v", a.changedSince, err)
				return ds, errUsage
			}
			r.ChangedSince = true
			counted := map[string]bool{}
			for _, name := range c.lintedNames {
				if keep[name] && !counted[name] {
					counted[name] = true
					r.ChangedFiles++
				}
			}
			return onlyFiles(keep).Apply(ds)
		}})
	}
	// 9. Dedupe after the steps that mark findings, so that of two copies
	// the one kept is the most informative (most severe, unsuppressed); it
	// does not need sorted input.
	add(report.DedupeFilter{})
	// 10. Sort: the earlier steps append findings, and --fix, every
	// formatter and the SARIF caps need the final order.
	add(report.SortFilter{})

	if a.fix {
		// --fix applies the fixes of the findings steps 1-10 left, then
		// lints again (LintRun): the output-only steps below belong to
		// that second run.
		return p
	}
	if o.Format != "sarif" {
		// 11. Only SARIF carries baselined findings (baselineState
		// "unchanged"); the other formats show new findings only.
		add(report.FuncFilter{FilterName: "baselined", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
			return slices.DeleteFunc(ds, func(d report.Diagnostic) bool { return d.BaselineState == "unchanged" }), nil
		}})
	}
	// 12. --max-warnings counts the warnings that are neither suppressed
	// nor baselined, then --quiet keeps errors only: counted before --quiet
	// drops them, so that both flags can be combined in CI. Last, as both
	// are about what is reported.
	add(report.FuncFilter{FilterName: "max-warnings", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
		p.warnings = countWarnings(ds)
		return ds, nil
	}})
	if o.ES.errorsOnly {
		add(report.FuncFilter{FilterName: "quiet", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
			return slices.DeleteFunc(ds, func(d report.Diagnostic) bool { return d.Severity < lint.Error }), nil
		}})
	}
	return p
}
