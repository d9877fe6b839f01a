package rules

import (
	"context"
	"io"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// GraphFormats are the formats of WriteGraph.
var GraphFormats = nest.GraphFormats

// WriteGraph parses files, builds the project model and writes what
// nestlint understood of the project (modules, providers with scopes and
// why, entry points, bootstrap sites) in format text, dot or mermaid. rel
// turns an absolute path into the name to print.
func WriteGraph(ctx context.Context, w io.Writer, files []string, root, format string, jobs int, rel func(string) string) error {
	pr := parser.Parse(ctx, files, parser.Options{Jobs: jobs})
	m := nest.Build(pr.Files, nest.Options{Root: root})
	return m.WriteGraph(w, format, rel)
}
