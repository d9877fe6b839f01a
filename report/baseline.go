package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is the content of a baseline file (nestlint --write-baseline):
// the findings a project accepted, each by a fingerprint that survives
// edits elsewhere in the file.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry identifies one finding: its rule, its file, the hash of its
// line's text with whitespace normalized, and its index among the findings
// of the same rule, file and line hash (in file order). The line number is
// left out on purpose: it changes whenever a line is added above.
type BaselineEntry struct {
	RuleID     string `json:"ruleId"`
	File       string `json:"file"`
	LineHash   string `json:"lineHash"`
	Occurrence int    `json:"occurrence"`
}

func compareEntries(a, b BaselineEntry) int {
	return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.RuleID, b.RuleID),
		strings.Compare(a.LineHash, b.LineHash), cmp.Compare(a.Occurrence, b.Occurrence))
}

// normalizedLineHash hashes the text of the line holding off, with runs of
// whitespace collapsed and the ends trimmed.
func normalizedLineHash(src []byte, lines *Lines, off int) string {
	line := lines.Line(off)
	start := lines.LineStart(line)
	end := len(src)
	if line < lines.Count() {
		end = lines.LineStart(line + 1)
	}
	text := strings.Join(strings.Fields(string(src[start:end])), " ")
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// BaselineKeys returns the baseline entry of each of ds (in ds's order).
// Occurrences count in file order, so ds need not be sorted; diagnostics
// that repeat another one's rule, file and byte range share its entry.
func BaselineKeys(ds []Diagnostic, source func(string) ([]byte, bool)) []BaselineEntry {
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return compareKey(ds[i], ds[j]) })
	lines := map[string]*Lines{}
	out := make([]BaselineEntry, len(ds))
	seen := map[BaselineEntry]int{} // key with Occurrence 0 -> count so far
	for n, i := range order {
		d := &ds[i]
		if n > 0 {
			if p := &ds[order[n-1]]; p.File == d.File && p.Start == d.Start && p.End == d.End && p.RuleID == d.RuleID {
				out[i] = out[order[n-1]]
				continue
			}
		}
		src, _ := source(d.File)
		l := lines[d.File]
		if l == nil {
			l = NewLines(src)
			lines[d.File] = l
		}
		key := BaselineEntry{RuleID: d.RuleID, File: d.File, LineHash: normalizedLineHash(src, l, d.Start)}
		e := key
		e.Occurrence = seen[key]
		seen[key]++
		out[i] = e
	}
	return out
}

// NewBaseline records the unsuppressed diagnostics of ds.
func NewBaseline(ds []Diagnostic, source func(string) ([]byte, bool)) *Baseline {
	var keep []Diagnostic
	for _, d := range ds {
		if !d.Suppressed {
			keep = append(keep, d)
		}
	}
	entries := BaselineKeys(keep, source)
	slices.SortFunc(entries, compareEntries)
	entries = slices.Compact(entries)
	if entries == nil {
		entries = []BaselineEntry{}
	}
	return &Baseline{Version: BaselineVersion, Findings: entries}
}

// KeepOutside adds to b the entries of old whose file is not in scope: a
// baseline written for part of a repository keeps the rest.
func (b *Baseline) KeepOutside(old *Baseline, inScope func(string) bool) {
	for _, e := range old.Findings {
		if !inScope(e.File) {
			b.Findings = append(b.Findings, e)
		}
	}
	slices.SortFunc(b.Findings, compareEntries)
	b.Findings = slices.Compact(b.Findings)
}

// Write writes b as indented JSON, entries sorted.
func (b *Baseline) Write(w io.Writer) error {
	c := *b
	c.Findings = slices.Clone(b.Findings)
	slices.SortFunc(c.Findings, compareEntries)
	if c.Findings == nil {
		c.Findings = []BaselineEntry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&c)
}

// ReadBaseline parses a baseline file.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a nestlint baseline: %w", err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("unsupported baseline version %d (want %d)", b.Version, BaselineVersion)
	}
	return &b, nil
}

// BaselineFilter sets BaselineState on every unsuppressed diagnostic:
// "unchanged" when the baseline holds it, else "new". After Apply, Fixed is
// the number of baseline entries that matched no diagnostic.
type BaselineFilter struct {
	Baseline *Baseline
	Source   func(string) ([]byte, bool)
	// InScope, when set, tells which files the run covers: entries of
	// other files were not looked for, so they never count as fixed.
	InScope func(file string) bool
	Fixed   int
}

// Name implements Filter.
func (f *BaselineFilter) Name() string { return "baseline" }

// Apply implements Filter.
func (f *BaselineFilter) Apply(ds []Diagnostic) ([]Diagnostic, error) {
	var idx []int
	var live []Diagnostic
	for i, d := range ds {
		if !d.Suppressed {
			idx = append(idx, i)
			live = append(live, d)
		}
	}
	want := map[BaselineEntry]bool{}
	for _, e := range f.Baseline.Findings {
		if f.InScope == nil || f.InScope(e.File) {
			want[e] = true
		}
	}
	matched := map[BaselineEntry]bool{}
	for n, e := range BaselineKeys(live, f.Source) {
		d := &ds[idx[n]]
		if want[e] {
			d.BaselineState = "unchanged"
			matched[e] = true
		} else {
			d.BaselineState = "new"
		}
	}
	f.Fixed = len(want) - len(matched)
	return ds, nil
}
