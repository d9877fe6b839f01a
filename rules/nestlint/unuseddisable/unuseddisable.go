package unuseddisable

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

// ID is the rule's public id; report.UnusedDisableID repeats it.
const ID = "nestlint/unused-disable"

// Rule is nestlint/unused-disable. Its analyzer reports nothing: the
// findings are made by the suppression filter (report.Suppressor), which
// sees every directive and every finding. The rule exists so that those
// findings have metadata, documentation and a SARIF rule descriptor.
var Rule = lint.NewRule(lint.Meta{
	ID: ID, Name: "unuseddisable", SARIFName: "UnusedSuppressionDirective",
	Severity: lint.Warning, Tags: []string{"maintainability"}, Precision: lint.VeryHigh, Since: "v0.1.0",
}, doc, run)

// Analyzer runs the rule (it does nothing).
var Analyzer = Rule.Analyzer

func run(*analysis.Pass) (any, error) { return nil, nil }
