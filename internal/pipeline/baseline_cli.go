package pipeline

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"slices"

	"github.com/nestlint/nestlint/internal/safeio"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// AdoptOptions are the flags that help a project adopt nestlint: a
// baseline, --changed-since and --fix.
type AdoptOptions struct {
	baseline      string // --baseline FILE
	writeBaseline string // --write-baseline FILE
	changedSince  string // --changed-since REV
	fix           bool   // --fix
	dryRun        bool   // --dry-run (with --fix)

	base     *report.Baseline // read from baseline
	basePlan *outputPlan      // how writeBaseline is written (output.go)
}

// Register adds the adoption flags to fs.
func (a *AdoptOptions) Register(fs *flag.FlagSet) {
	fs.StringVar(&a.baseline, "baseline", "", "report only findings that are not in the baseline `FILE`")
	fs.StringVar(&a.writeBaseline, "write-baseline", "", "record today's findings in the baseline `FILE`")
	fs.StringVar(&a.changedSince, "changed-since", "", "report only findings in files changed since git `REV`")
	fs.BoolVar(&a.fix, "fix", false, "apply the suggested fixes of the findings")
	fs.BoolVar(&a.dryRun, "dry-run", false, "with --fix: print a unified diff instead of writing files")
}

// Check validates the adoption flags and reads the baseline.
func (a *AdoptOptions) Check() error {
	if a.dryRun && !a.fix {
		return errors.New("--dry-run needs --fix")
	}
	if a.writeBaseline != "" && a.changedSince != "" {
		return errors.New("--write-baseline records every finding of the project: it cannot be combined with --changed-since")
	}
	if a.writeBaseline != "" {
		if err := checkOutput(a.writeBaseline); err != nil {
			return fmt.Errorf("--write-baseline: %v", err)
		}
		return nil
	}
	if a.baseline != "" {
		data, err := safeio.ReadFile(a.baseline, safeio.MaxBaselineSize)
		if err != nil {
			return fmt.Errorf("--baseline: %s: %v", a.baseline, errText(err))
		}
		if a.base, err = report.ReadBaseline(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("--baseline %s: %v", a.baseline, err)
		}
	}
	return nil
}

// adoptState is what the collector gathers for the adoption filters.
type adoptState struct {
	comments map[string][]report.Comment // requested file -> directive comments
}

// adoptRun runs the filters over r's diagnostics and handles
// --write-baseline, --changed-since and --fix. When done is true the run is
// over and code is its exit code; otherwise the caller writes r.
func (c *collector) adoptRun(ctx context.Context, o *options, all []*lint.Rule, r *report.Run, stdout, stderr io.Writer) (code int, done bool) {
	a := &o.Adopt
	reportUnused := false
	for _, rule := range r.Rules {
		reportUnused = reportUnused || rule.ID == report.UnusedDisableID
	}
	// Every rule id is known; a directive naming a rule that is off (for
	// its file) is accepted silently (nested_cli.go).
	off, unusedSev := c.suppressorHooks(o, all)
	sup := &report.Suppressor{Comments: c.adopt.comments, Source: r.Source, Rules: allIDs(all), ReportUnused: reportUnused,
		Off: off, FileSeverity: unusedSev}
	for _, rule := range r.Rules {
		if rule.ID == report.UnusedDisableID {
			sup.Severity = rule.Severity
		}
	}
	// Suppressions come first: a suppressed finding is never baselined,
	// fixed or counted, and the nestlint/unused-disable findings the step
	// adds must go through the later steps like any other finding.
	filters := []report.Filter{sup}

	if a.writeBaseline != "" {
		// Record what the suppressions left; the run then reads its own
		// baseline, so it reports nothing new.
		ds, err := report.ApplyFilters(slices.Clone(r.Diagnostics), []report.Filter{sup, report.DedupeFilter{}})
		if err != nil {
			fmt.Fprintf(stderr, "nestlint: internal error: %v\n", err)
			return exitInternal, true
		}
		// The suppressor ran on a copy; run it again on r below.
		a.base = report.NewBaseline(ds, r.Source)
		if old := c.previousBaseline(a.writeBaseline); old != nil {
			a.base.KeepOutside(old, c.inScope)
		}
		if err := a.basePlan.write(stdout, stderr, a.base.Write); err != nil {
			return usageError(stderr, "%v", err), true
		}
		fmt.Fprintf(stderr, "nestlint: wrote %d findings to %s\n", len(a.base.Findings), a.writeBaseline)
	}
	var bf *report.BaselineFilter
	if a.base != nil {
		// The baseline comes after the suppressions because it records and
		// matches unsuppressed findings only.
		bf = &report.BaselineFilter{Baseline: a.base, Source: r.Source, InScope: c.inScope}
		filters = append(filters, bf)
	}
	if a.changedSince != "" {
		keep, err := c.changedFiles(a.changedSince)
		if err != nil {
			return usageError(stderr, "--changed-since %s: %v", a.changedSince, err), true
		}
		// After the baseline, which must see the findings of every file:
		// otherwise those of unchanged files would count as fixed.
		filters = append(filters, onlyFiles(keep))
		r.ChangedSince = true
		counted := map[string]bool{}
		for _, name := range c.lintedNames {
			if keep[name] && !counted[name] {
				counted[name] = true
				r.ChangedFiles++
			}
		}
	}
	// Dedupe after the steps that mark findings, so that of two copies the
	// one kept is the most informative (most severe, unsuppressed); it does
	// not need sorted input.
	filters = append(filters, report.DedupeFilter{})
	// Sort last: the earlier steps append findings, and every formatter and
	// the SARIF caps need the final order.
	filters = append(filters, report.SortFilter{})

	ds, err := report.ApplyFilters(r.Diagnostics, filters)
	if err != nil {
		fmt.Fprintf(stderr, "nestlint: internal error: %v\n", err)
		return exitInternal, true
	}
	if ds == nil {
		ds = []report.Diagnostic{}
	}
	r.Diagnostics = ds
	if bf != nil && bf.Fixed > 0 && a.writeBaseline == "" {
		fmt.Fprintf(stderr, "nestlint: %s fixed; run --write-baseline to update\n", pluralFindings(bf.Fixed))
	}
	if a.fix {
		if code, done := c.fix(o, r, stdout, stderr); done {
			return code, true
		}
		again := *o
		again.Adopt.fix = false
		again.Adopt.writeBaseline = ""
		return LintRun(ctx, &again, all, stdout, stderr), true
	}
	if o.Format != "sarif" {
		// Only SARIF carries baselined findings (baselineState
		// "unchanged"); the other formats show new findings only.
		r.Diagnostics = slices.DeleteFunc(r.Diagnostics, func(d report.Diagnostic) bool { return d.BaselineState == "unchanged" })
	}
	return 0, false
}

func pluralFindings(n int) string {
	if n == 1 {
		return "1 baselined finding is"
	}
	return fmt.Sprintf("%d baselined findings are", n)
}
