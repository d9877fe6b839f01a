package pipeline

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

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

// adoptRun runs the filters of the run (filters.go) over r's diagnostics
// and handles --fix. When done is true the run is over and code is its
// exit code; otherwise the caller writes r, and warnings is what
// --max-warnings counts.
func (c *collector) adoptRun(ctx context.Context, o *options, all []*lint.Rule, r *report.Run, stdout, stderr io.Writer) (warnings, code int, done bool) {
	a := &o.Adopt
	p := c.filters(o, all, r, stdout, stderr)
	ds, err := report.ApplyFilters(r.Diagnostics, p.filters)
	switch {
	case p.usageErr != nil:
		return 0, usageError(stderr, "%v", p.usageErr), true
	case err != nil:
		fmt.Fprintf(stderr, "nestlint: internal error: %v\n", err)
		return 0, exitInternal, true
	}
	if ds == nil {
		ds = []report.Diagnostic{}
	}
	r.Diagnostics = ds
	if bf := p.baseline; bf != nil && bf.Fixed > 0 && a.writeBaseline == "" {
		fmt.Fprintf(stderr, "nestlint: %s fixed; run --write-baseline to update\n", pluralFindings(bf.Fixed))
	}
	if a.fix {
		if code, done := c.fix(o, r, stdout, stderr); done {
			return 0, code, true
		}
		again := *o
		again.Adopt.fix = false
		again.Adopt.writeBaseline = ""
		return 0, LintRun(ctx, &again, all, stdout, stderr), true
	}
	return p.warnings, 0, false
}

func pluralFindings(n int) string {
	if n == 1 {
		return "1 baselined finding is"
	}
	return fmt.Sprintf("%d baselined findings are", n)
}
