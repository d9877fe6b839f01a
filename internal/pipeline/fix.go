package pipeline

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/nestlint/nestlint/report"
)

// plannedFixes are the fixes --fix applies, grouped by file.
type plannedFixes struct {
	edits   map[string][]report.Edit // file -> accepted edits
	applied int                      // fixes accepted
	skipped []string                 // messages for stderr
}

// overlaps reports whether two edits touch the same bytes; two insertions
// at the same offset overlap too, since their order would be arbitrary.
func overlaps(a, b report.Edit) bool {
	return a.File == b.File && (a.Start < b.End && b.Start < a.End || a.Start == b.Start)
}

// planFixes picks the first fix of every reported diagnostic (unsuppressed
// and not baselined), in file order, skipping a fix when one of its edits
// overlaps an edit of a fix picked earlier.
func planFixes(ds []report.Diagnostic, source func(string) ([]byte, bool)) plannedFixes {
	p := plannedFixes{edits: map[string][]report.Edit{}}
	for _, d := range ds {
		if d.Suppressed || d.BaselineState == "unchanged" || len(d.Fixes) == 0 {
			continue
		}
		fix := d.Fixes[0]
		clash := false
		for _, e := range fix.Edits {
			for _, prev := range p.edits[e.File] {
				clash = clash || overlaps(e, prev)
			}
		}
		if clash {
			line, col := 0, 0
			if src, ok := source(d.File); ok {
				line, _, col = report.NewLines(src).Position(d.Start)
			}
			p.skipped = append(p.skipped, fmt.Sprintf("%s:%d:%d: skipped the fix of %s (%s): it overlaps an earlier fix; run --fix again",
				report.EscapeControls(d.File), line, col, d.RuleID, report.EscapeControls(fix.Message)))
			continue
		}
		for _, e := range fix.Edits {
			p.edits[e.File] = append(p.edits[e.File], e)
		}
		p.applied++
	}
	return p
}

// applyEdits returns src with the non-overlapping edits applied.
func applyEdits(src []byte, edits []report.Edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b report.Edit) int { return a.Start - b.Start })
	var out []byte
	pos := 0
	for _, e := range edits {
		if e.Start < pos || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) out of range or overlapping", e.Start, e.End)
		}
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.NewText...)
		pos = e.End
	}
	return append(out, src[pos:]...), nil
}

// fix applies (or, with --dry-run, prints) the fixes of r's reported
// diagnostics. done is false when files were rewritten and the caller must
// lint again to report what remains.
func (c *collector) fix(o *options, r *report.Run, stdout, stderr io.Writer) (code int, done bool) {
	p := planFixes(c.fixable(r, stderr), r.Source)
	for _, s := range p.skipped {
		fmt.Fprintln(stderr, "nestlint: "+s)
	}
	files := make([]string, 0, len(p.edits))
	for f := range p.edits {
		files = append(files, f)
	}
	slices.Sort(files)
	type change struct {
		name, abs string
		old, new  []byte
	}
	var changes []change
	for _, name := range files {
		src, ok := r.Source(name)
		abs := c.paths[name]
		if !ok || abs == "" {
			fmt.Fprintf(stderr, "nestlint: %s: cannot read the file to fix\n", report.EscapeControls(name))
			continue
		}
		out, err := applyEdits(src, matchLineEndings(src, p.edits[name]))
		if err != nil {
			fmt.Fprintf(stderr, "nestlint: internal error: fix of %s: %v\n", name, err)
			return exitInternal, true
		}
		changes = append(changes, change{name, abs, src, out})
	}
	if o.Adopt.dryRun {
		for _, ch := range changes {
			io.WriteString(stdout, unifiedDiff(ch.name, ch.old, ch.new))
		}
		fmt.Fprintf(stderr, "nestlint: --dry-run: %d fixes would change %d files\n", p.applied, len(changes))
		return exitCode(r, o), true
	}
	for _, ch := range changes {
		if err := rewriteFile(ch.abs, ch.new); err != nil {
			fmt.Fprintf(stderr, "nestlint: %v\n", err)
			return exitUsage, true
		}
	}
	fmt.Fprintf(stderr, "nestlint: applied %d fixes to %d files\n", p.applied, len(changes))
	return 0, false
}

// rewriteFile replaces path's content atomically (a temporary file in the
// same folder and a rename), keeping its permission bits and owner.
func rewriteFile(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if err := writeAtomicAs(path, info.Mode().Perm(), info, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}); err != nil {
		return fmt.Errorf("fix: %w", err)
	}
	return nil
}

// splitLines splits s after each "\n", keeping the line breaks.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffOp is one line of a line diff: ' ' kept, '-' deleted, '+' inserted.
type diffOp struct {
	kind byte
	text string
}

// diffLines diffs two line lists: common prefix and suffix, then a longest
// common subsequence of the middle (fixes change little, so the middle is
// small; a huge middle is shown as a replacement).
func diffLines(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []diffOp
	for _, l := range a[:pre] {
		ops = append(ops, diffOp{' ', l})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if n*m > 4_000_000 {
		for _, l := range ma {
			ops = append(ops, diffOp{'-', l})
		}
		for _, l := range mb {
			ops = append(ops, diffOp{'+', l})
		}
	} else {
		// lcs[i][j] is the LCS length of ma[i:] and mb[j:].
		lcs := make([][]int, n+1)
		for i := range lcs {
			lcs[i] = make([]int, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && ma[i] == mb[j]:
				ops = append(ops, diffOp{' ', ma[i]})
				i++
				j++
			case j < m && (i == n || lcs[i][j+1] > lcs[i+1][j]):
				ops = append(ops, diffOp{'+', mb[j]})
				j++
			default:
				ops = append(ops, diffOp{'-', ma[i]})
				i++
			}
		}
	}
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, diffOp{' ', l})
	}
	return ops
}

const diffContext = 3

// unifiedDiff returns the unified diff of a file's old and new content
// with 3 lines of context, or "" when they are equal.
func unifiedDiff(name string, old, new []byte) string {
	ops := diffLines(splitLines(string(old)), splitLines(string(new)))
	var changed []int
	for i, op := range ops {
		if op.kind != ' ' {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return ""
	}
	var b strings.Builder
	name = report.EscapeControls(name)
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	for k := 0; k < len(changed); {
		first := changed[k]
		last := first
		for k++; k < len(changed) && changed[k]-last <= 2*diffContext+1; k++ {
			last = changed[k]
		}
		start, end := max(0, first-diffContext), min(len(ops), last+diffContext+1)
		oldLine, newLine := 1, 1
		for _, op := range ops[:start] {
			if op.kind != '+' {
				oldLine++
			}
			if op.kind != '-' {
				newLine++
			}
		}
		oldN, newN := 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				oldN++
			}
			if op.kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(oldLine, oldN), hunkRange(newLine, newN))
		for _, op := range ops[start:end] {
			b.WriteByte(op.kind)
			b.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return b.String()
}

func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprintf("%d", start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
