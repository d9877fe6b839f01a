package report

import (
	"fmt"
	"slices"
)

// Filter is one step of the pipeline between the checker's findings and the
// formatters: it may mark, drop, add or reorder diagnostics.
type Filter interface {
	Name() string
	Apply([]Diagnostic) ([]Diagnostic, error)
}

// ApplyFilters runs fs in order. The error names the filter that failed.
func ApplyFilters(ds []Diagnostic, fs []Filter) ([]Diagnostic, error) {
	for _, f := range fs {
		var err error
		if ds, err = f.Apply(ds); err != nil {
			return ds, fmt.Errorf("%s: %w", f.Name(), err)
		}
	}
	return ds, nil
}

// SortFilter sorts diagnostics (see Sort).
type SortFilter struct{}

// Name implements Filter.
func (SortFilter) Name() string { return "sort" }

// Apply implements Filter.
func (SortFilter) Apply(ds []Diagnostic) ([]Diagnostic, error) {
	Sort(ds)
	return ds, nil
}

// DedupeFilter drops diagnostics that repeat another one with the same rule,
// file, byte range and message, keeping the one Sort would put first (the
// most severe, unsuppressed). Unlike Dedupe it does not need sorted input,
// and it keeps the order of the diagnostics it keeps.
type DedupeFilter struct{}

// Name implements Filter.
func (DedupeFilter) Name() string { return "dedupe" }

type dedupeKey struct {
	file       string
	start, end int
	rule, msg  string
}

// Apply implements Filter.
func (DedupeFilter) Apply(ds []Diagnostic) ([]Diagnostic, error) {
	best := map[dedupeKey]int{}
	for i, d := range ds {
		k := dedupeKey{d.File, d.Start, d.End, d.RuleID, d.Message}
		if j, ok := best[k]; !ok || compareDiagnostics(d, ds[j]) < 0 {
			best[k] = i
		}
	}
	if len(best) == len(ds) {
		return ds, nil
	}
	keep := make([]bool, len(ds))
	for _, i := range best {
		keep[i] = true
	}
	out := make([]Diagnostic, 0, len(best))
	for i, d := range ds {
		if keep[i] {
			out = append(out, d)
		}
	}
	return slices.Clip(out), nil
}

// FuncFilter adapts a function to Filter.
type FuncFilter struct {
	FilterName string
	Func       func([]Diagnostic) ([]Diagnostic, error)
}

// Name implements Filter.
func (f FuncFilter) Name() string { return f.FilterName }

// Apply implements Filter.
func (f FuncFilter) Apply(ds []Diagnostic) ([]Diagnostic, error) { return f.Func(ds) }
