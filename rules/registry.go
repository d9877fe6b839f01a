//go:generate go run ../internal/docgen/cmd ../docs/rules

// Package rules lists every nestlint rule (All, the registry every command
// and the docs generator read) and writes the module graph nestlint builds
// of a program (WriteGraph, in graph.go: the model the rules see, for the
// graph command).
package rules

import (
	"sort"

	"github.com/nestlint/nestlint/rules/assignthis"
	"github.com/nestlint/nestlint/rules/busywait"
	"github.com/nestlint/nestlint/rules/condshape"
	"github.com/nestlint/nestlint/rules/containersignals"
	"github.com/nestlint/nestlint/rules/floatingpromise"
	"github.com/nestlint/nestlint/rules/grownobject"
	"github.com/nestlint/nestlint/rules/handlerrejection"
	"github.com/nestlint/nestlint/rules/hcdelete"
	"github.com/nestlint/nestlint/rules/hooksmissing"
	"github.com/nestlint/nestlint/rules/latefield"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/listenerleak"
	"github.com/nestlint/nestlint/rules/modulestate"
	"github.com/nestlint/nestlint/rules/ormsynchronize"
	"github.com/nestlint/nestlint/rules/outboundtimeout"
	"github.com/nestlint/nestlint/rules/processexit"
	"github.com/nestlint/nestlint/rules/queueretention"
	"github.com/nestlint/nestlint/rules/redos"
	"github.com/nestlint/nestlint/rules/requestscopeescalation"
	"github.com/nestlint/nestlint/rules/requeststate"
	"github.com/nestlint/nestlint/rules/signalexit"
	"github.com/nestlint/nestlint/rules/syncio"
	"github.com/nestlint/nestlint/rules/transactionawait"
	"github.com/nestlint/nestlint/rules/unboundedcache"
	"github.com/nestlint/nestlint/rules/unclosedresource"
	"github.com/nestlint/nestlint/rules/unuseddisable"
)

// All returns every rule, sorted by public id.
func All() []*lint.Rule {
	all := []*lint.Rule{
		assignthis.Rule,
		busywait.Rule,
		condshape.Rule,
		grownobject.Rule,
		hcdelete.Rule,
		latefield.Rule,
		syncio.Rule,
		redos.Rule,
		unboundedcache.Rule,
		requeststate.Rule,
		modulestate.Rule,
		listenerleak.Rule,
		unclosedresource.Rule,
		signalexit.Rule,
		processexit.Rule,
		hooksmissing.Rule,
		containersignals.Rule,
		unuseddisable.Rule,
		floatingpromise.Rule,
		handlerrejection.Rule,
		transactionawait.Rule,
		outboundtimeout.Rule,
		queueretention.Rule,
		ormsynchronize.Rule,
		requestscopeescalation.Rule,
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}
