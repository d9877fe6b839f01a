// Package report turns nestlint's findings into bytes: text, JSON, SARIF and
// GitHub workflow commands. It knows rules only by their metadata
// (lint.Rule). Positions arrive as byte offsets; only this package turns
// them into lines, UTF-16 columns and fingerprints.
package report

import (
	"io"

	"github.com/nestlint/nestlint/rules/lint"
)

// Location is a byte range in one file.
type Location struct {
	File       string // path relative to the repository root, with '/'
	Start, End int    // byte offsets, End exclusive
	Message    string // for related locations and path steps
}

// Edit replaces [Start, End) of File with NewText.
type Edit struct {
	File       string
	Start, End int
	NewText    string
}

// Fix is a suggested fix: a message and non-overlapping edits.
type Fix struct {
	Message string
	Edits   []Edit
}

// Diagnostic is one finding, ready to print.
type Diagnostic struct {
	RuleID   string
	Severity lint.Severity
	Message  string
	Location
	Related []Location // related locations (other files allowed)
	Path    []Location // request path, entry point first; Message is the step label
	Fixes   []Fix
	// Properties are extra facts the rule states about the finding (the
	// attack string of a ReDoS); SARIF writes them as result properties.
	Properties map[string]string
	// Suppressed is set when an inline directive silences the finding; the
	// justification is the text after "--".
	Suppressed    bool
	Justification string
	// BaselineState is "", "new" or "unchanged".
	BaselineState string
}

// Notice is a tool notification: a file that could not be read or parsed,
// a rule that panicked, a limit that was hit.
type Notice struct {
	Level   lint.Severity // Error for tool errors, Warning for skipped input, Note for information
	Message string
	File    string // optional, relative like Location.File
	Start   int    // optional byte offset (-1 when none)
	RuleID  string // optional: the rule a tool error comes from
}

// Run is everything a formatter needs.
type Run struct {
	Tool        string       // "nestlint"
	Version     string       // semantic version of the build
	Rules       []*lint.Rule // enabled rules, sorted by ID
	Diagnostics []Diagnostic // sorted (see Sort)
	Notices     []Notice
	// Source returns the content of a file named as in Location.File. It is
	// used for line/column conversion and fingerprints.
	Source func(file string) ([]byte, bool)
	// Category, when set, becomes SARIF automationDetails.id ("X/").
	Category string
	// Successful is false when a tool error happened (SARIF executionSuccessful).
	Successful bool
	// FilesLinted is the number of files analysed, for Summary.
	FilesLinted int
	// ChangedSince is set when only the findings of changed files are
	// reported (--changed-since); ChangedFiles is then the number of
	// linted files that changed, for Summary.
	ChangedSince bool
	ChangedFiles int
	// Graph, when set, is the project's module graph, for the HTML report.
	Graph *ModuleGraph
}

// Formatter writes a Run in one output format.
type Formatter interface {
	Format(w io.Writer, r *Run) error
}
