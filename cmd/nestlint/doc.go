// Command nestlint finds code in NestJS TypeScript projects that blocks the
// event loop, breaks dependency injection or slows V8 down.
//
// Usage:
//
//	nestlint [flags] [path ...]
//	nestlint rules
//	nestlint explain <rule-id>
//	nestlint init
//	nestlint graph [flags] [path ...]
//	nestlint help [command]
//	nestlint lsp [--config FILE] [--scope server|all] [--no-cache]
//
// docs/cli.md describes every flag with its eslint equivalent; the list
// below is the core.
//
// "nestlint lsp" is a language server over stdio, with the whole project in
// memory (docs/editor.md).
//
// With no path, nestlint lints the current folder. Paths may be folders or
// files, and flags may come before or after them ("--" ends the flags).
// A path only narrows what is reported: nestlint analyses the whole project
// around it (the nearest folder above it holding package.json, nest-cli.json
// or tsconfig.json, not above the repository root), so "nestlint a.ts" gives
// the same findings for a.ts as "nestlint ." does, cross-file findings
// included. Splitting a file list over several runs gives the union of the
// findings, without duplicates.
//
// Flags:
//
//	-f, --format FORMAT               text, json, sarif, github, stylish, junit, checkstyle,
//	                                  gitlab or html (default: stylish on a terminal, else
//	                                  text; docs/formats.md)
//	-o, --output FILE                 write the output to FILE (atomically: a temporary
//	                                  file in the same folder, then a rename, keeping
//	                                  the mode); the folder must exist; devices and
//	                                  FIFOs are written through (docs/security.md)
//	-j N                              parse with N workers (default: number of CPUs)
//	--fail-level error|warning|note|none
//	                                  lowest severity that makes the exit code 1
//	                                  (default warning; none never fails on findings)
//	--exit-zero                       exit 0 even with findings (tool errors still exit 3),
//	                                  so that a CI step can upload the SARIF
//	--max-file-size BYTES             skip larger files with a notice (default 5 MiB)
//	--repo-root DIR                   root that every file name in the output is relative
//	                                  to (default: the git top-level above the first path,
//	                                  else the current folder)
//	--sarif-category X                SARIF automationDetails.id "X/" (absent by default)
//	--quiet                           report errors only (as in eslint)
//	--silent                          no notices or progress on stderr (the summary line stays)
//	--max-warnings N                  exit 1 with more than N warnings
//	--only ID, --skip ID              run only / skip the rules matching ID (globs: event-loop/*)
//	--ignore-pattern GLOB, --no-ignore
//	                                  gitignore-style ignores; disable every ignore setting
//	--print-config FILE               the configuration that applies to FILE, as JSON
//	--color, --no-color               force colour on or off (else FORCE_COLOR, NO_COLOR,
//	                                  CLICOLOR_FORCE, then stdout a terminal)
//	--version                         print "nestlint <version>", then the commit, the Go
//	                                  version and the tree-sitter grammars, and exit
//
// File names in every output are relative to the repository root, with '/',
// and never contain "..": a file outside the root is named relative to the
// first path's folder instead. The output is deterministic: the same input
// gives byte-identical output whatever -j is and wherever the checkout lives.
//
// Findings go to stdout (or --output). Notices (skipped files, syntax
// errors, rule failures) and the summary line go to stderr.
//
// Exit codes:
//
//	0  nothing at or above --fail-level (or --exit-zero, or no files to lint)
//	1  findings at or above --fail-level
//	2  usage, configuration or input error: an unknown flag, format or fail
//	   level, a path that does not exist, an output folder that does not exist
//	3  internal error: a rule panicked or failed (a tool error); the output is
//	   still written, and SARIF marks the run as not successful. Also when
//	   the analysis process dies (out of memory, a Go fatal error): the
//	   analysis runs in a child process, see docs/security.md
//	130 interrupted (Ctrl-C): nothing is written; a second Ctrl-C exits at
//	   once
//
// "nestlint rules" lists every rule (id, default severity, title), sorted by
// id. "nestlint explain <rule-id>" prints a rule's help; an unknown id exits
// 2 with a suggestion.
package main
