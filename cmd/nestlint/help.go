package main

import (
	"io"
	"slices"
	"strings"
)

// subcommands are the commands besides linting, with their help.
var subcommands = []struct {
	name, summary, help string
}{
	{"rules", "list the rules: id, default severity and title", `usage: nestlint rules

Lists every rule: its id, default severity and title.
`},
	{"explain", "print a rule's documentation", `usage: nestlint explain <rule-id>

Prints the documentation of a rule, named by its id (event-loop/sync-io),
its id without the family (sync-io) or its Go name (syncio). An unknown
name gets a suggestion.
`},
	{"init", "write a commented starter nestlint.json in the current folder", `usage: nestlint init

Writes a commented starter nestlint.json in the current folder. It never
overwrites an existing one. See docs/config.md.
`},
	{"graph", "print the project model: modules, providers, entry points", `usage: nestlint graph [flags] [path ...]

Prints the project model (modules, providers and their scopes, entry
points) that the rules see, without linting.

Flags:
  --format text|dot|mermaid   output format (default text)
  --config FILE               configuration file (default: nested nestlint.json files, see docs/config.md)
  -j N                        parse with N workers (default: number of CPUs)
  --scope server|all          what to model (default: the config's, else server)
  --module NAME               only module NAME and its neighbourhood (--depth import steps around it)
  --depth N                   import steps around --module (default 1), or from the root modules

The dot format draws one cluster per module with its providers
(docs/formats.md).
`},
	{"lsp", "run the language server over stdio (editors start it)", `usage: nestlint lsp [flags]

A Language Server Protocol server over stdin and stdout, with the whole
project in memory: diagnostics for every file a change affects, quick fixes,
"disable for this line" and "explain" code actions. Editors start it; see
docs/editor.md.

Flags:
  --config FILE               configuration file (default: nested nestlint.json files)
  --scope server|all          what to lint (default: the config's, else server)
  --no-cache                  do not read or write the facts cache
  --cache-location DIR        the cache folder (default: the user cache folder)
  -j N                        parse with N workers (default: number of CPUs)
`},
	{"help", "print this text, or a command's help", `usage: nestlint help [command]

Prints the usage of nestlint, or of one command (rules, explain, init,
graph, lsp).
`},
}

// isHelpFlag reports whether s asks for help.
func isHelpFlag(s string) bool {
	return s == "-h" || s == "--help" || s == "-help"
}

// subcommandHelp handles `nestlint help [cmd]` and `nestlint CMD --help`
// (or -h, before a "--"). done is false when args are not a help request.
func subcommandHelp(args []string, stdout, stderr io.Writer) (code int, done bool) {
	if args[0] == "help" {
		switch len(args) {
		case 1:
			io.WriteString(stdout, usageText)
			return exitOK, true
		case 2:
			name := args[1]
			if isHelpFlag(name) {
				name = "help"
			}
			if h, ok := commandHelp(name); ok {
				io.WriteString(stdout, h)
				return exitOK, true
			}
			return usageError(stderr, "help: unknown command %q (want %s)", args[1], strings.Join(commandNames(), ", ")), true
		}
		return usageError(stderr, "usage: nestlint help [command]"), true
	}
	h, ok := commandHelp(args[0])
	if !ok {
		return 0, false
	}
	rest := args[1:]
	if i := slices.Index(rest, "--"); i >= 0 {
		rest = rest[:i]
	}
	if slices.ContainsFunc(rest, isHelpFlag) {
		io.WriteString(stdout, h)
		return exitOK, true
	}
	return 0, false
}

// commandHelp returns the help of a subcommand; "lint" is the main usage.
func commandHelp(name string) (string, bool) {
	if name == "lint" {
		return usageText, true
	}
	for _, c := range subcommands {
		if c.name == name {
			return c.help, true
		}
	}
	return "", false
}

func commandNames() []string {
	var names []string
	for _, c := range subcommands {
		names = append(names, c.name)
	}
	return names
}
