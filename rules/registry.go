//go:generate go run ../internal/docgen/cmd ../docs/rules

// Package rules lists every nestlint rule.
package rules

import (
	"github.com/nestlint/nestlint/rules/busywait"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/syncio"
)

// All returns every rule, sorted by public id.
func All() []*lint.Rule {
	return []*lint.Rule{
		busywait.Rule,
		syncio.Rule,
	}
}
