package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nestlint/nestlint/rules/lint"
)

// Stylish writes findings grouped by file, the way eslint's default
// "stylish" formatter does, then a table of counts per rule and a total:
//
//	src/users/users.service.ts
//	   9:5   error    readFileSync blocks the event loop (via UsersController.findAll -> UsersService.load)  event-loop/sync-io
//	  14:12  warning  provider AuditService is request-scoped                                                 di/scope-leak
//
//	rule                  errors  warnings  notes
//	event-loop/sync-io         1         0      0
//	di/scope-leak              0         1      0
//
//	✖ 2 problems (1 error, 1 warning) in 12 files
//
// The last line, like Summary, ends with " (N suppressed)" when inline
// directives silenced findings; the CLI then leaves out its own summary.
// Files come in the order of r.Diagnostics (sorted by file, then
// position); columns are 1-based UTF-16 columns, as in Text. Suppressed
// findings are left out, line breaks in messages become spaces and other
// control characters are escaped. The table lists each rule that has an
// unsuppressed finding, most findings first. A run without findings
// prints nothing at all, as eslint does.
//
// Color underlines file names, colours severities and dims rule ids.
type Stylish struct {
	Color bool
}

var _ Formatter = Stylish{}

type stylishRow struct {
	pos, sev, msg, rule string
	severity            lint.Severity
}

// Format writes r's unsuppressed diagnostics grouped by file.
func (s Stylish) Format(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	src := newSources(r.Source)
	type group struct {
		file string
		rows []stylishRow
	}
	var groups []*group
	byFile := map[string]*group{}
	counts := map[string]*[3]int{} // rule -> errors, warnings, notes
	var total [3]int
	suppressed := 0
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if d.Suppressed {
			suppressed++
			continue
		}
		g := byFile[d.File]
		if g == nil {
			g = &group{file: d.File}
			byFile[d.File] = g
			groups = append(groups, g)
		}
		line, col := src.pos(d.File, d.Start)
		g.rows = append(g.rows, stylishRow{
			pos: strconv.Itoa(line) + ":" + strconv.Itoa(col), sev: d.Severity.String(),
			msg: safeLine(d.Message + viaSuffix(d.Path)), rule: EscapeControls(d.RuleID), severity: d.Severity,
		})
		c := counts[d.RuleID]
		if c == nil {
			c = new([3]int)
			counts[d.RuleID] = c
		}
		c[sevIndex(d.Severity)]++
		total[sevIndex(d.Severity)]++
	}
	if len(groups) == 0 {
		return bw.Flush()
	}
	// Columns line up across the whole output, as in eslint.
	var wPos, wSev, wMsg int
	for _, g := range groups {
		for _, row := range g.rows {
			wPos = max(wPos, width(row.pos))
			wSev = max(wSev, width(row.sev))
			wMsg = max(wMsg, width(row.msg))
		}
	}
	for _, g := range groups {
		name := EscapeControls(g.file)
		if s.Color {
			name = "\x1b[4m" + name + ansiReset
		}
		fmt.Fprintf(bw, "%s\n", name)
		for _, row := range g.rows {
			sev := pad(row.sev, wSev)
			rule := row.rule
			if s.Color {
				sev = severityColor(row.severity) + row.sev + ansiReset + strings.Repeat(" ", wSev-width(row.sev))
				rule = ansiDim + rule + ansiReset
			}
			fmt.Fprintf(bw, "  %s%s  %s  %s  %s\n", strings.Repeat(" ", wPos-width(row.pos)), row.pos, sev, pad(row.msg, wMsg), rule)
		}
		bw.WriteByte('\n')
	}

	rules := make([]string, 0, len(counts))
	for id := range counts {
		rules = append(rules, id)
	}
	slices.SortFunc(rules, func(a, b string) int {
		ca, cb := counts[a], counts[b]
		if na, nb := ca[0]+ca[1]+ca[2], cb[0]+cb[1]+cb[2]; na != nb {
			return nb - na
		}
		return strings.Compare(a, b)
	})
	table := [][]string{{"rule", "errors", "warnings", "notes"}}
	for _, id := range rules {
		c := counts[id]
		table = append(table, []string{EscapeControls(id), strconv.Itoa(c[0]), strconv.Itoa(c[1]), strconv.Itoa(c[2])})
	}
	widths := make([]int, 4)
	for _, row := range table {
		for i, cell := range row {
			widths[i] = max(widths[i], width(cell))
		}
	}
	for n, row := range table {
		line := pad(row[0], widths[0])
		for i := 1; i < 4; i++ {
			line += "  " + strings.Repeat(" ", widths[i]-width(row[i])) + row[i]
		}
		if n == 0 && s.Color {
			line = ansiBold + line + ansiReset
		}
		fmt.Fprintln(bw, line)
	}
	bw.WriteByte('\n')

	problems := total[0] + total[1] + total[2]
	var parts []string
	for i, noun := range []string{"error", "warning", "note"} {
		if total[i] > 0 {
			parts = append(parts, plural(total[i], noun))
		}
	}
	summary := fmt.Sprintf("✖ %s (%s) in %s", plural(problems, "problem"), strings.Join(parts, ", "), plural(r.FilesLinted, "file"))
	if suppressed > 0 {
		summary += fmt.Sprintf(" (%d suppressed)", suppressed)
	}
	if s.Color {
		color := ansiBold + ansiYellow
		if total[0] > 0 {
			color = ansiBold + ansiRed
		}
		summary = color + summary + ansiReset
	}
	fmt.Fprintln(bw, summary)
	return bw.Flush()
}

// sevIndex is 0 for errors, 1 for warnings, 2 for notes.
func sevIndex(s lint.Severity) int {
	switch s {
	case lint.Error:
		return 0
	case lint.Warning:
		return 1
	}
	return 2
}

// width is the number of runes of s, a good enough display width for
// alignment (file names and messages are mostly ASCII).
func width(s string) int { return utf8.RuneCountInString(s) }

// pad right-pads s with spaces to n runes.
func pad(s string, n int) string {
	if w := width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
