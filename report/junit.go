package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit writes findings as a JUnit XML test report, which GitLab (the
// merge request's test summary), Jenkins, Azure Pipelines, CircleCI and
// Buildkite display without a plugin:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<testsuites name="nestlint" tests="3" failures="2" skipped="1">
//	  <testsuite name="src/users/users.service.ts" tests="2" failures="1" skipped="1">
//	    <testcase name="event-loop/sync-io at 9:5" classname="src/users/users.service.ts">
//	      <failure message="readFileSync blocks the event loop" type="error">error: ...</failure>
//	    </testcase>
//	    ...
//
// There is one <testsuite> per file and one <testcase> per finding, named
// by rule and position, with classname the file. One suite per file (as
// eslint's junit formatter does) is what these systems display best: they
// list failed test cases as "classname › name", so a failure reads as the
// file and the rule to fix, and GitLab groups the list by suite, that is
// by file, which is where the fix happens. (A suite per rule would put
// the file in the test name, where GitLab and Jenkins truncate it.) Every
// finding is a <failure> whose type is its severity; the body repeats the
// message with its full request path, one step a line. Suppressed findings
// are <skipped> test cases, with the justification. A run without
// findings has one passing test case named "nestlint", so that the CI
// shows a passed check instead of "no tests". Control characters are
// written as visible escapes (XML 1.0 cannot carry them).
type JUnit struct{}

var _ Formatter = JUnit{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Format writes r as JUnit XML.
func (JUnit) Format(w io.Writer, r *Run) error {
	src := newSources(r.Source)
	out := junitSuites{Name: toolName(r)}
	index := map[string]int{}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		n, ok := index[d.File]
		if !ok {
			n = len(out.Suites)
			index[d.File] = n
			out.Suites = append(out.Suites, junitSuite{Name: xmlText(d.File, false)})
		}
		s := &out.Suites[n]
		line, col := src.pos(d.File, d.Start)
		c := junitCase{Name: xmlText(fmt.Sprintf("%s at %d:%d", d.RuleID, line, col), false), ClassName: xmlText(d.File, false)}
		if d.Suppressed {
			msg := "suppressed"
			if d.Justification != "" {
				msg += ": " + d.Justification
			}
			c.Skipped = &junitSkipped{Message: xmlText(msg, false)}
			s.Skipped++
		} else {
			var body strings.Builder
			fmt.Fprintf(&body, "%s:%d:%d: %s: %s [%s]\n", d.File, line, col, d.Severity, d.Message, d.RuleID)
			for k, p := range d.Path {
				pl, pc := src.pos(p.File, p.Start)
				fmt.Fprintf(&body, "  %d. %s (%s:%d:%d)\n", k+1, stepLabel(p), p.File, pl, pc)
			}
			c.Failure = &junitFailure{Message: xmlText(d.Message, false), Type: d.Severity.String(), Body: xmlText(body.String(), true)}
			s.Failures++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}
	if len(out.Suites) == 0 {
		name := toolName(r)
		out.Suites = []junitSuite{{Name: name, Tests: 1, Cases: []junitCase{{Name: name, ClassName: name}}}}
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
	}
	return writeXML(w, out)
}
