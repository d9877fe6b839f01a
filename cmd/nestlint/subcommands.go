package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/nestlint/nestlint/internal/pipeline"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/lint"
)

// listRules prints the rule table: id, default severity and title.
func listRules(args []string, all []*lint.Rule, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageError(stderr, "rules takes no arguments (got %q)", args[0])
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tTITLE")
	for _, r := range sortedRules(all) {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Doc.Title)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "nestlint: %v\n", err)
		return exitInternal
	}
	return exitOK
}

// explainRule prints a rule's help. The rule is named by its public id (or
// its Go package name); an unknown name gets a suggestion.
func explainRule(args []string, all []*lint.Rule, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, "usage: nestlint explain <rule-id>")
	}
	id := args[0]
	all = sortedRules(all)
	for _, r := range all {
		if r.ID == id || r.Name == id {
			io.WriteString(stdout, r.Help())
			return exitOK
		}
	}
	if s := suggest(id, all); s != "" {
		return usageError(stderr, "unknown rule %q; did you mean %q?", id, s)
	}
	return usageError(stderr, "unknown rule %q (nestlint rules lists them)", id)
}

// graphCmd prints the project model: `nestlint graph [--format text|dot|mermaid] [path]`.
// pipeline.Graph runs the same pipeline as linting (discovery, programs,
// config) up to the model.
func graphCmd(ctx context.Context, args []string, all []*lint.Rule, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "text, dot or mermaid")
	o := &options{Quiet: true, Version: buildVersion()}
	fs.StringVar(&o.Config, "config", "", "configuration file")
	fs.IntVar(&o.Jobs, "j", runtime.NumCPU(), "workers")
	fs.StringVar(&o.Scope, "scope", "", "server or all")
	module := fs.String("module", "", "only the module `NAME` and its neighbourhood")
	depth := fs.Int("depth", -1, "import steps around --module (default 1), or from the root modules")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "graph: %v", err)
	}
	if !slices.Contains(rules.GraphFormats, *format) {
		return usageError(stderr, "graph: unknown format %q (want %s)", *format, strings.Join(rules.GraphFormats, ", "))
	}
	if o.Jobs < 1 {
		return usageError(stderr, "graph: -j must be at least 1, not %d", o.Jobs)
	}
	o.Paths = fs.Args()
	if len(o.Paths) == 0 {
		o.Paths = []string{"."}
	}
	return pipeline.Graph(ctx, o, all, pipeline.GraphOptions{Format: *format, Module: *module, Depth: *depth}, stdout, stderr)
}
