package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/nestlint/nestlint/rules/lint"
)

// Text writes one line per unsuppressed finding, in the order of
// r.Diagnostics, in the form compilers and editors understand:
//
//	src/cats/cats.service.ts:4:14: warning: provider CatsService is not in any module [di/orphan-provider]
//	src/users/users.controller.ts:9:5: error: readFileSync blocks the event loop (via UsersController.findAll -> UsersService.load) [event-loop/sync-io]
//
// The column is 1-based and counts UTF-16 code units, as SARIF, VS Code and
// ESLint do (see Lines). When the finding has a request path, the step
// labels follow the message as "(via A -> B)". Related locations are not
// printed; a rule that wants them seen names them in its message.
// Suppressed findings are left out, and line breaks inside a message are
// printed as spaces so that every finding stays on one line.
//
// Color adds ANSI colours. The caller decides (a terminal, NO_COLOR).
type Text struct {
	Color bool
}

var _ Formatter = Text{}

// ANSI escape sequences used when Text.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// Format writes r's unsuppressed diagnostics.
func (t Text) Format(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	src := newSources(r.Source)
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if d.Suppressed {
			continue
		}
		line, col := src.pos(d.File, d.Start)
		where := fmt.Sprintf("%s:%d:%d:", EscapeControls(d.File), line, col)
		sev := d.Severity.String()
		msg := safeLine(d.Message + viaSuffix(d.Path))
		rule := "[" + EscapeControls(d.RuleID) + "]"
		if t.Color {
			where = ansiBold + where + ansiReset
			sev = severityColor(d.Severity) + sev + ansiReset
			rule = ansiDim + rule + ansiReset
		}
		fmt.Fprintf(bw, "%s %s: %s %s\n", where, sev, msg, rule)
	}
	return bw.Flush()
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ansiBold + ansiRed
	case lint.Warning:
		return ansiBold + ansiYellow
	}
	return ansiBold + ansiCyan
}

// viaSuffix renders a request path as " (via A -> B -> C)", or "" when
// there is none. A step without a label is shown as file:offset.
func viaSuffix(path []Location) string {
	if len(path) == 0 {
		return ""
	}
	labels := make([]string, len(path))
	for i, p := range path {
		labels[i] = stepLabel(p)
	}
	return " (via " + strings.Join(labels, " -> ") + ")"
}

func stepLabel(p Location) string {
	if l := oneLine(p.Message); l != "" {
		return l
	}
	return p.File
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func oneLine(s string) string { return lineBreaks.Replace(s) }

// WriteNotices writes tool notices, one a line, for stderr:
//
//	src/broken.ts:3:7: error: cannot parse file [nestlint/parse-error]
//	src/big.ts: warning: skipped: larger than 1 MiB
//	nestlint: notice: SARIF: kept 25000 of 30002 results
//
// The level is "error", "warning" or "notice" (for lint.Note). source reads
// a file to turn Notice.Start into line:col; it may be nil, and a notice
// whose Start is negative or whose file cannot be read prints without a
// position. A notice without a file is prefixed "nestlint:". The rule id,
// when set, follows in brackets.
func WriteNotices(w io.Writer, notices []Notice, source func(file string) ([]byte, bool)) error {
	bw := bufio.NewWriter(w)
	src := newSources(source)
	for _, n := range notices {
		where := "nestlint:"
		if n.File != "" {
			where = EscapeControls(n.File) + ":"
			if n.Start >= 0 && src.file(n.File).ok {
				line, col := src.pos(n.File, n.Start)
				where = fmt.Sprintf("%s:%d:%d:", EscapeControls(n.File), line, col)
			}
		}
		fmt.Fprintf(bw, "%s %s: %s", where, noticeLevel(n.Level), safeLine(n.Message))
		if n.RuleID != "" {
			fmt.Fprintf(bw, " [%s]", EscapeControls(n.RuleID))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func noticeLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// Summary returns the one-line summary the CLI writes to stderr after the
// findings: "3 errors, 2 warnings in 12 files", "1 note in 1 file" or
// "no problems in 12 files", followed by " (4 suppressed)" when inline
// directives silenced findings. Only unsuppressed findings are counted.
// With --changed-since (Run.ChangedSince) the file count reads "; 3
// changed files reported, 856 linted for context".
func Summary(r *Run) string {
	var errs, warns, notes, suppressed int
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		switch {
		case d.Suppressed:
			suppressed++
		case d.Severity == lint.Error:
			errs++
		case d.Severity == lint.Warning:
			warns++
		default:
			notes++
		}
	}
	var parts []string
	for _, c := range []struct {
		n    int
		noun string
	}{{errs, "error"}, {warns, "warning"}, {notes, "note"}} {
		if c.n > 0 {
			parts = append(parts, plural(c.n, c.noun))
		}
	}
	s := "no problems"
	if len(parts) > 0 {
		s = strings.Join(parts, ", ")
	}
	if r.ChangedSince {
		s += fmt.Sprintf("; %s reported, %d linted for context", plural(r.ChangedFiles, "changed file"), r.FilesLinted)
	} else {
		s += " in " + plural(r.FilesLinted, "file")
	}
	if suppressed > 0 {
		s += fmt.Sprintf(" (%d suppressed)", suppressed)
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
