package report

import (
	"encoding/xml"
	"io"
)

// Checkstyle writes findings in Checkstyle's XML report format, which
// Jenkins (warnings-ng), reviewdog, SonarQube and many CI dashboards read:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<checkstyle version="4.3">
//	  <file name="src/users/users.service.ts">
//	    <error line="9" column="5" severity="error" message="readFileSync blocks the event loop" source="nestlint.event-loop/sync-io"></error>
//	  </file>
//	</checkstyle>
//
// One <file> per file with unsuppressed findings, in the order of
// r.Diagnostics; one <error> per finding. severity is error, warning or
// info (for notes); column is the 1-based UTF-16 column; source is
// "nestlint." and the rule id, as eslint writes "eslint.rules.<id>". The
// message carries the request path as "(via A -> B)". Control characters
// in paths and messages, which XML 1.0 cannot carry, are written as
// visible escapes (\x1b); line breaks in messages become spaces.
type Checkstyle struct{}

var _ Formatter = Checkstyle{}

type checkstyleLog struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Format writes r's unsuppressed diagnostics as Checkstyle XML.
func (Checkstyle) Format(w io.Writer, r *Run) error {
	src := newSources(r.Source)
	out := checkstyleLog{Version: "4.3"}
	index := map[string]int{}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		if d.Suppressed {
			continue
		}
		n, ok := index[d.File]
		if !ok {
			n = len(out.Files)
			index[d.File] = n
			out.Files = append(out.Files, checkstyleFile{Name: xmlText(d.File, false)})
		}
		line, col := src.pos(d.File, d.Start)
		out.Files[n].Errors = append(out.Files[n].Errors, checkstyleError{
			Line: line, Column: col, Severity: checkstyleSeverity(d),
			Message: xmlText(d.Message+viaSuffix(d.Path), false),
			Source:  xmlText(toolName(r)+"."+d.RuleID, false),
		})
	}
	return writeXML(w, out)
}

func checkstyleSeverity(d *Diagnostic) string {
	if i := sevIndex(d.Severity); i < 2 {
		return d.Severity.String()
	}
	return "info"
}
