package lint

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Finding is one finding as a rule reports it: the go/analysis diagnostic
// (position, message, related locations, suggested fixes) and the typed
// fields nestlint adds to it. The checker receives it whole through the
// pass's reporter (ReporterAnalyzer); no field travels encoded in the
// diagnostic's Category or in related-information messages.
type Finding struct {
	Diagnostic analysis.Diagnostic
	// Severity is the severity the rule chose (the checker then applies
	// the configured one).
	Severity Severity
	// Path is the request path from an entry point to the finding, entry
	// point first (SARIF codeFlows, "via A -> B" in text).
	Path []Step
	// Properties are result properties (SARIF result properties under
	// "nestlint/" + key), in the order they were added.
	Properties []Property
}

// Property is one result property of a finding.
type Property struct {
	Key, Value string
}

// Step is one step on a path from an entry point.
type Step struct {
	Pos, End token.Pos
	Label    string // e.g. "UsersController.findAll"
}

// Option configures a Report call.
type Option func(*Finding)

// WithPath attaches the request path (entry point first).
func WithPath(steps []Step) Option {
	return func(r *Finding) { r.Path = append(r.Path, steps...) }
}

// WithProperty attaches a result property, such as the attack string of a
// ReDoS finding. Keys are lowerCamelCase; the SARIF output puts them in the
// result's properties under "nestlint/" + key.
func WithProperty(key, value string) Option {
	return func(r *Finding) { r.Properties = append(r.Properties, Property{Key: key, Value: value}) }
}

// WithRelated attaches a related location with its message.
func WithRelated(pos, end token.Pos, msg string) Option {
	return func(r *Finding) {
		r.Diagnostic.Related = append(r.Diagnostic.Related, analysis.RelatedInformation{Pos: pos, End: end, Message: msg})
	}
}

// WithFix attaches a suggested fix.
func WithFix(f analysis.SuggestedFix) Option {
	return func(r *Finding) { r.Diagnostic.SuggestedFixes = append(r.Diagnostic.SuggestedFixes, f) }
}

// Reporter receives the findings of one pass with their typed fields.
type Reporter func(Finding)

// ReporterAnalyzer is the key under which a driver puts the pass's
// Reporter in Pass.ResultOf (the checker does, for every pass). It is
// never run and no analyzer requires it.
var ReporterAnalyzer = &analysis.Analyzer{
	Name: "nestlintreporter",
	Doc:  "key of the typed finding reporter in Pass.ResultOf (never run)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// Report reports a finding of severity sev at [pos, end) through the
// pass's Reporter. Under a driver that set none (a plain go/analysis
// driver), the diagnostic alone goes to pass.Report and the typed fields
// are lost.
func Report(pass *analysis.Pass, sev Severity, pos, end token.Pos, msg string, opts ...Option) {
	if sev == Off {
		return
	}
	r := Finding{Diagnostic: analysis.Diagnostic{Pos: pos, End: end, Message: msg}, Severity: sev}
	for _, o := range opts {
		o(&r)
	}
	if rep, ok := pass.ResultOf[ReporterAnalyzer].(Reporter); ok {
		rep(r)
		return
	}
	pass.Report(r.Diagnostic)
}
