package rules

import (
	"context"
	"fmt"
	"io"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

// ErrNoModule is wrapped by WriteGraphFiltered's error for an unknown module.
var ErrNoModule = nest.ErrNoModule

// GraphFormats are the formats of WriteGraph.
var GraphFormats = nest.GraphFormats

// WriteGraph runs the pipeline of a lint run up to the model (parse, then
// link with the run's settings: config entry points, offline globs, scope,
// jobs) over one program's files and writes what nestlint understood of it
// (modules, providers with scopes and why, entry points, bootstrap sites)
// in format text, dot or mermaid. rel turns an absolute path into the name
// to print.
func WriteGraph(ctx context.Context, w io.Writer, files, extra []string, settings *lint.Settings, jobs int, format string, rel func(string) string) error {
	return WriteGraphFiltered(ctx, w, files, extra, settings, jobs, format, "", -1, rel)
}

// WriteGraphFiltered is WriteGraph keeping only the module named module
// and the modules within depth import steps of it (depth < 0: 1), or,
// without module, the modules within depth steps of the root modules
// (depth < 0: all). An unknown module is an error that lists the modules.
func WriteGraphFiltered(ctx context.Context, w io.Writer, files, extra []string, settings *lint.Settings, jobs int, format, module string, depth int, rel func(string) string) error {
	res, err := checker.Run(ctx, files, extra, nil, checker.Options{Jobs: jobs, Settings: settings, Analyzers: []*analysis.Analyzer{nest.Analyzer}})
	if err != nil {
		return err
	}
	for _, te := range res.Errors {
		return fmt.Errorf("%s: %s", te.Analyzer, te.Message)
	}
	m, ok := res.Results[nest.Analyzer].(*nest.Model)
	if !ok {
		return fmt.Errorf("the model was not built")
	}
	return m.WriteGraphWith(w, nest.GraphOptions{Format: format, Module: module, Depth: depth, Rel: rel})
}
