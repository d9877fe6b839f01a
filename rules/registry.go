//go:generate go run ../internal/docgen/cmd/main.go ../docs/rules

// Package rules lists every nestlint rule (All, the registry every command
// and the docs generator read) and writes the module graph nestlint builds
// of a program (WriteGraph, in graph.go: the model the rules see, for the
// graph command).
package rules

import (
	"sort"

	"github.com/nestlint/nestlint/rules/async/floatingpromise"
	"github.com/nestlint/nestlint/rules/async/handlerrejection"
	"github.com/nestlint/nestlint/rules/async/transactionawait"
	"github.com/nestlint/nestlint/rules/data/ormsynchronize"
	"github.com/nestlint/nestlint/rules/eventloop/busywait"
	"github.com/nestlint/nestlint/rules/eventloop/redos"
	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/hiddenclass/assignthis"
	"github.com/nestlint/nestlint/rules/hiddenclass/condshape"
	"github.com/nestlint/nestlint/rules/hiddenclass/delete"
	"github.com/nestlint/nestlint/rules/hiddenclass/grownobject"
	"github.com/nestlint/nestlint/rules/hiddenclass/latefield"
	"github.com/nestlint/nestlint/rules/io/outboundtimeout"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/nestlint/unuseddisable"
	"github.com/nestlint/nestlint/rules/provider/listenerleak"
	"github.com/nestlint/nestlint/rules/provider/modulestate"
	"github.com/nestlint/nestlint/rules/provider/queueretention"
	"github.com/nestlint/nestlint/rules/provider/requestscopeescalation"
	"github.com/nestlint/nestlint/rules/provider/requeststate"
	"github.com/nestlint/nestlint/rules/provider/unboundedcache"
	"github.com/nestlint/nestlint/rules/shutdown/containersignals"
	"github.com/nestlint/nestlint/rules/shutdown/hooksmissing"
	"github.com/nestlint/nestlint/rules/shutdown/processexit"
	"github.com/nestlint/nestlint/rules/shutdown/signalexit"
	"github.com/nestlint/nestlint/rules/shutdown/unclosedresource"
)

// All returns every rule, sorted by public id.
func All() []*lint.Rule {
	all := []*lint.Rule{
		assignthis.Rule,
		busywait.Rule,
		condshape.Rule,
		grownobject.Rule,
		delete.Rule,
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
