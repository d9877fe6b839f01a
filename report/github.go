package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// GitHub writes findings as GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request and the run summary:
//
//	::error file=src/users.service.ts,line=9,endLine=9,col=5,endColumn=17,title=event-loop/sync-io::readFileSync blocks the event loop
//
// One command per unsuppressed finding: ::error, ::warning or ::notice (for
// notes). file is repository-relative; line, endLine, col and endColumn are
// 1-based, columns in UTF-16 code units with endColumn exclusive, as in the
// SARIF output. col and endColumn are left out when the finding spans
// several lines, because GitHub ignores or misplaces them there. title is
// the rule id. The message carries the request path as "(via A -> B)".
//
// Escaping follows the runner's rules: in property values '%', CR, LF, ':'
// and ',' become %25, %0D, %0A, %3A and %2C; in the message '%', CR and LF
// are escaped.
//
// GitHub shows at most 10 annotations of each kind (error, warning,
// notice) per step and 50 per job; the rest are dropped from the UI.
// nestlint prints every finding anyway, so the full list stays in the step
// log, and ends with one plain-text count line ("nestlint: 3 errors,
// 2 warnings in 12 files"), which the runner prints as ordinary output.
// Use the SARIF upload for the complete, navigable list.
type GitHub struct{}

var _ Formatter = GitHub{}

// Format writes r's unsuppressed diagnostics as workflow commands.
func (GitHub) Format(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	src := newSources(r.Source)
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if d.Suppressed {
			continue
		}
		sp := src.nonEmptySpan(d.File, d.Start, d.End)
		props := []string{
			"file=" + escapeProperty(d.File),
			fmt.Sprintf("line=%d", sp.StartLine),
			fmt.Sprintf("endLine=%d", sp.EndLine),
		}
		if sp.StartLine == sp.EndLine {
			props = append(props, fmt.Sprintf("col=%d", sp.StartColumn), fmt.Sprintf("endColumn=%d", sp.EndColumn))
		}
		props = append(props, "title="+escapeProperty(d.RuleID))
		fmt.Fprintf(bw, "::%s %s::%s\n", noticeLevel(d.Severity), strings.Join(props, ","), escapeData(d.Message+viaSuffix(d.Path)))
	}
	fmt.Fprintf(bw, "%s: %s\n", toolName(r), Summary(r))
	return bw.Flush()
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return escapeGitHubControls(dataEscaper.Replace(s)) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return escapeGitHubControls(propertyEscaper.Replace(s)) }

// escapeGitHubControls escapes the control characters the workflow
// command escapes leave (ESC would colour the log).
func escapeGitHubControls(s string) string { return EscapeControls(s) }
