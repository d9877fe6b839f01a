package pipeline

import (
	"go/token"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/lint"
)

// converter turns the checker's findings of one project into
// report.Diagnostics: token positions become byte offsets in files named
// relative to the repository root.
type converter struct {
	fset *token.FileSet
	c    *collector
}

// span returns the file and byte range of [pos, end). An invalid end, or
// one in another file, makes an empty range at pos.
func (cv converter) span(pos, end token.Pos) (abs string, start, stop int, ok bool) {
	if !pos.IsValid() {
		return "", 0, 0, false
	}
	tf := cv.fset.File(pos)
	if tf == nil {
		return "", 0, 0, false
	}
	start = tf.Offset(pos)
	stop = start
	if end.IsValid() && cv.fset.File(end) == tf {
		stop = max(tf.Offset(end), start)
	}
	return tf.Name(), start, stop, true
}

func (cv converter) location(pos, end token.Pos, msg string) (report.Location, bool) {
	abs, start, stop, ok := cv.span(pos, end)
	if !ok {
		return report.Location{}, false
	}
	return cv.at(abs, start, stop, msg), true
}

func (cv converter) at(abs string, start, stop int, msg string) report.Location {
	name := cv.c.names.name(abs)
	if _, held := cv.c.paths[name]; !held {
		cv.c.paths[name] = abs
	}
	return report.Location{File: name, Start: start, End: stop, Message: msg}
}

// finding converts one finding, keeping it only when its primary location
// is in a requested file.
func (cv converter) finding(f checker.Finding) {
	d := f.Diagnostic
	abs, start, stop, ok := cv.span(d.Pos, d.End)
	if !ok {
		// A rule reported without a position: keep the message visible
		// rather than drop it.
		cv.c.notices = append(cv.c.notices, report.Notice{Level: lint.Warning, Start: -1, RuleID: f.Rule.ID,
			Message: d.Message + " (reported without a position)"})
		return
	}
	if !cv.c.keepAll && !cv.c.req.has(abs) {
		return
	}
	loc := cv.at(abs, start, stop, "")
	out := report.Diagnostic{RuleID: f.Rule.ID, Severity: f.Severity, Message: d.Message, Location: loc}
	for _, p := range f.Properties {
		if out.Properties == nil {
			out.Properties = map[string]string{}
		}
		out.Properties[p.Key] = p.Value
	}
	for _, s := range f.Path {
		if l, ok := cv.location(s.Pos, s.End, s.Label); ok {
			out.Path = append(out.Path, l)
		}
	}
	for _, ri := range d.Related {
		if l, ok := cv.location(ri.Pos, ri.End, ri.Message); ok {
			out.Related = append(out.Related, l)
		}
	}
	for _, sf := range d.SuggestedFixes {
		fix := report.Fix{Message: sf.Message}
		for _, te := range sf.TextEdits {
			l, ok := cv.location(te.Pos, te.End, "")
			if !ok {
				continue
			}
			fix.Edits = append(fix.Edits, report.Edit{File: l.File, Start: l.Start, End: l.End, NewText: string(te.NewText)})
		}
		if len(fix.Edits) > 0 {
			out.Fixes = append(out.Fixes, fix)
		}
	}
	cv.c.diags = append(cv.c.diags, out)
}
