package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Sort orders diagnostics by file, start offset, end offset, rule id and
// message, which is (uri, startLine, startColumn, ruleId, message) order
// in every output. Ties on all of those (duplicates that differ only in
// severity, suppression, related locations, path or fixes) are broken by
// comparing the remaining fields, so the order never depends on the order
// in which parallel workers reported.
func Sort(ds []Diagnostic) {
	slices.SortFunc(ds, compareDiagnostics)
}

// Dedupe drops the diagnostics of a sorted slice that repeat an earlier one
// with the same rule, file, byte range and message (the same finding
// reported twice, for example by two passes that share a file). It keeps
// the first, which Sort makes the most severe, and reuses ds's storage.
func Dedupe(ds []Diagnostic) []Diagnostic {
	if len(ds) < 2 {
		return ds
	}
	out := ds[:1]
	for _, d := range ds[1:] {
		if compareKey(out[len(out)-1], d) != 0 {
			out = append(out, d)
		}
	}
	clear(ds[len(out):]) // let the dropped diagnostics be collected
	return out
}

func compareKey(a, b Diagnostic) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		strings.Compare(a.RuleID, b.RuleID),
		strings.Compare(a.Message, b.Message),
	)
}

func compareDiagnostics(a, b Diagnostic) int {
	if c := compareKey(a, b); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 { // most severe first
		return c
	}
	if a.Suppressed != b.Suppressed { // unsuppressed first
		if b.Suppressed {
			return -1
		}
		return 1
	}
	// Rare: the same finding with different details. Any total order will
	// do; this one is slow but only runs on such ties.
	return strings.Compare(fmt.Sprintf("%#v", a), fmt.Sprintf("%#v", b))
}

// severityRank orders diagnostics for capping: unsuppressed before
// suppressed, then most severe first.
func severityRank(d *Diagnostic) int {
	r := int(d.Severity)
	if !d.Suppressed {
		r += 100
	}
	return r
}
