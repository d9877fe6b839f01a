package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"

	"github.com/nestlint/nestlint/rules/lint"
)

// GitLab writes findings as a GitLab Code Quality report (the
// artifacts:reports:codequality of a CI job), which GitLab shows in the
// merge request widget, the pipeline's Code Quality tab and the diff:
//
//	[
//	  {
//	    "description": "readFileSync blocks the event loop (via UsersController.findAll -> UsersService.load)",
//	    "check_name": "event-loop/sync-io",
//	    "fingerprint": "6f1c…",
//	    "severity": "critical",
//	    "location": {"path": "src/users/users.service.ts", "lines": {"begin": 9}}
//	  }
//	]
//
// One object per unsuppressed finding, in the order of r.Diagnostics; the
// document is always an array (empty without findings), because GitLab
// rejects anything else. These are the fields GitLab documents as required
// (description, check_name, fingerprint, severity, location.path,
// location.lines.begin); report/schema/gitlab-codequality.json is the
// schema the tests validate against.
//
// severity: error is "critical", warning "major", note "info"; an error of
// a security rule whose security severity is 9.0 or more (CVSS "critical")
// is "blocker". "minor" is not used.
//
// fingerprint is what GitLab compares between the source and the target
// branch to tell new findings from fixed ones, so it must not change when
// lines are added above a finding. It is the SHA-256, in hex, of the rule
// id, the file and the finding's baseline key (see BaselineKeys: a hash of
// the text of the finding's line with whitespace normalized, and the
// finding's index among those of the same rule, file and line text). It is
// therefore the same identity as a baseline entry: stable across edits
// elsewhere in the file, including the neighbouring lines (GitHub's rolling
// primaryLocationLineHash, see LineHashes, covers the next lines too), and
// distinct for two findings of one rule on one line.
type GitLab struct{}

var _ Formatter = GitLab{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// Format writes r's unsuppressed diagnostics as a Code Quality report.
func (GitLab) Format(w io.Writer, r *Run) error {
	src := newSources(r.Source)
	read := func(file string) ([]byte, bool) { f := src.file(file); return f.src, f.ok }
	var shown []Diagnostic
	for _, d := range r.Diagnostics {
		if !d.Suppressed {
			shown = append(shown, d)
		}
	}
	keys := BaselineKeys(shown, read) // as NewBaseline counts occurrences
	security := map[string]float64{}
	for _, rule := range r.Rules {
		if v, err := strconv.ParseFloat(rule.SecuritySeverity, 64); err == nil && rule.Security() {
			security[rule.ID] = v
		}
	}
	out := make([]gitlabIssue, 0, len(shown))
	for i := range shown {
		d := &shown[i]
		sp := src.span(d.File, d.Start, d.End)
		k := keys[i]
		sum := sha256.Sum256([]byte(strings.Join([]string{k.RuleID, k.File, k.LineHash, strconv.Itoa(k.Occurrence)}, "\x00")))
		lines := gitlabLines{Begin: sp.StartLine}
		if sp.EndLine > sp.StartLine {
			lines.End = sp.EndLine
		}
		desc := safeLine(d.Message + viaSuffix(d.Path))
		if strings.TrimSpace(desc) == "" { // GitLab requires a description
			desc = d.RuleID
		}
		out = append(out, gitlabIssue{
			Description: desc,
			CheckName:   d.RuleID,
			Fingerprint: hex.EncodeToString(sum[:]),
			Severity:    gitlabSeverity(d.Severity, security[d.RuleID]),
			Location:    gitlabLocation{Path: d.File, Lines: lines},
		})
	}
	return encodeJSON(w, out)
}

func gitlabSeverity(s lint.Severity, security float64) string {
	switch {
	case s == lint.Error && security >= 9:
		return "blocker"
	case s == lint.Error:
		return "critical"
	case s == lint.Warning:
		return "major"
	}
	return "info"
}
