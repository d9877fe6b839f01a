package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/lint"
)

// sortedRules returns the rules sorted by public id.
func sortedRules(all []*lint.Rule) []*lint.Rule {
	rs := slices.Clone(all)
	slices.SortFunc(rs, func(a, b *lint.Rule) int { return strings.Compare(a.ID, b.ID) })
	return rs
}

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

// suggest returns the id of the rule closest to name by edit distance,
// comparing with the id, the id without its category ("sync-io") and the
// Go name ("syncio"), or "" when none is close enough to be a typo.
func suggest(name string, all []*lint.Rule) string {
	name = strings.ToLower(name)
	best, bestDist := "", -1
	for _, r := range all {
		_, short, _ := strings.Cut(r.ID, "/")
		for _, cand := range []string{r.ID, short, r.Name} {
			if cand == "" {
				continue
			}
			d := editDistance(name, strings.ToLower(cand))
			if bestDist < 0 || d < bestDist {
				best, bestDist = r.ID, d
			}
		}
	}
	if bestDist < 0 || bestDist > max(2, len([]rune(name))/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// graphCmd prints the project model: `nestlint graph [--format text|dot|mermaid] [path]`.
// It runs the same pipeline as linting (discovery, programs, config) up to
// the model.
func graphCmd(ctx context.Context, args []string, all []*lint.Rule, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "text, dot or mermaid")
	o := &options{quiet: true}
	fs.StringVar(&o.config, "config", "", "configuration file")
	fs.IntVar(&o.jobs, "j", runtime.NumCPU(), "workers")
	fs.StringVar(&o.scope, "scope", "", "server or all")
	module := fs.String("module", "", "only the module `NAME` and its neighbourhood")
	depth := fs.Int("depth", -1, "import steps around --module (default 1), or from the root modules")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "graph: %v", err)
	}
	if !slices.Contains(rules.GraphFormats, *format) {
		return usageError(stderr, "graph: unknown format %q (want %s)", *format, strings.Join(rules.GraphFormats, ", "))
	}
	if o.jobs < 1 {
		return usageError(stderr, "graph: -j must be at least 1, not %d", o.jobs)
	}
	o.paths = fs.Args()
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	if code, ok := loadConfig(o, all, stderr); !ok {
		return code
	}
	d, err := parser.Discover(o.paths)
	if err != nil {
		return usageError(stderr, "%v", err)
	}
	if _, code, ok := selectRunRules(o, all, d.Files, stderr); !ok {
		return code
	}
	req := make(request, len(o.paths))
	for i, p := range o.paths {
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
	for _, p := range programs(req, d, discoverAll) {
		if p.err != nil {
			n := programNotice(names.name(p.root), p.err)
			fmt.Fprintf(stderr, "nestlint: %s: %s\n", n.File, n.Message)
		}
		settings := o.programSettings(p.root, p.files)
		err := rules.WriteGraphFiltered(ctx, stdout, p.files, p.extra, settings, o.jobs, *format, *module, *depth, names.name)
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
