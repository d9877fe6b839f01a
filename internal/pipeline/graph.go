package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/lint"
)

// GraphOptions are the flags of nestlint graph that are not lint options.
type GraphOptions struct {
	Format string // text, dot or mermaid (rules.GraphFormats)
	Module string // --module NAME: only that module and its neighbourhood
	Depth  int    // --depth N; -1 for the default
}

// Graph prints the project model of o.Paths (nestlint graph): the same
// pipeline as linting (config, discovery, rule selection, programs) up to
// the model.
func Graph(ctx context.Context, o *Options, all []*lint.Rule, g GraphOptions, stdout, stderr io.Writer) int {
	if code, ok := loadConfig(o, all, stderr); !ok {
		return code
	}
	d, err := parser.Discover(o.Paths)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	if _, code, ok := selectRunRules(o, all, d.Files, stderr); !ok {
		return code
	}
	req := make(request, len(o.Paths))
	for i, p := range o.Paths {
		if req[i], err = resolve(p); err != nil {
			return usageError(stderr, "%s: %v", p, err)
		}
	}
	root, err := repoRoot("", req[0])
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	names := namer{root: root, alt: dirOf(req[0])}
	var missing error // --module names no module of a program
	found := false
	for _, p := range programs(req, d, discoverAll, false) {
		if p.err != nil {
			n := programNotice(names.name(p.root), p.err)
			fmt.Fprintf(stderr, "nestlint: %s: %s\n", n.File, n.Message)
		}
		settings := o.programSettings(p.root, p.files)
		err := rules.WriteGraphFiltered(ctx, stdout, p.files, p.extra, settings, o.Jobs, g.Format, g.Module, g.Depth, names.name)
		switch {
		case errors.Is(err, rules.ErrNoModule):
			missing = err
			continue
		case err != nil:
			fmt.Fprintf(stderr, "nestlint: %v\n", err)
			return exitInternal
		}
		found = true
	}
	if missing != nil && !found {
		return usageError(stderr, "graph: %v", missing)
	}
	return exitOK
}
