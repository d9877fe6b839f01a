// Package pipeline is the whole lint run behind cmd/nestlint, which only
// parses flags and calls it: LintRun for `nestlint [flags] [path ...]`
// (with --fix, --baseline, --print-config through PrintConfig) and Graph
// for `nestlint graph`.
//
// A run goes: one walk of the request (walk.go, paths.go, gitsafe.go)
// grouped into programs, configuration per program and nested config
// (config_cli.go, nested_cli.go), one parse pool and the per-program
// results cache (results.go, cache.go, sums.go), the rules, conversion of
// diagnostics to report findings (convert.go), then the ordered filters
// of the run (filters.go), the formatter (formats.go) and the atomic
// writer (output.go). --fix plans and applies edits (fix.go,
// fix_safety.go) and lints again. Options holds the parsed command line.
package pipeline
