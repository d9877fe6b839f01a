package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/lint"
)

// version is the build version, set with
// -ldflags "-X main.version=v0.3.0". When empty, the main module's version
// from the build info is used (go install module@version), else devVersion.
var version string

const devVersion = "0.1.0-dev"

// Exit codes; doc.go has the table.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitInternal = 3
	// exitInterrupted is 128+SIGINT, as shells report a process killed
	// by Ctrl-C.
	exitInterrupted = 130
)

func main() {
	if !inWorker() {
		if code, ok := runSupervised(os.Args[1:]); ok {
			os.Exit(code)
		}
	}
	if inWorker() {
		startTrace()
		limitMemory()
	}
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, interruptSignals...)
	go handleSignals(sigs, cancel, os.Stderr, os.Exit)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	signal.Stop(sigs)
	if inWorker() {
		code = workerExit(code)
	}
	os.Exit(code)
}

// buildVersion returns the version nestlint reports everywhere.
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return v
		}
	}
	return devVersion
}

// options are the parsed command line of a lint run.
type options struct {
	format        string
	output        string
	jobs          int
	failLevel     lint.Severity // Off means "none": findings never fail the run
	exitZero      bool
	maxFileSize   int64
	repoRoot      string
	category      string
	quiet         bool // --silent (formerly --quiet): no notices or progress
	noColor       bool
	config        string           // --config FILE
	cfg           *config.Config   // the nestlint.json of the current folder (merged), nil without one
	nested        *config.Resolver // nested configurations; nil with --config (nested_cli.go)
	es            eslintOptions    // the flags eslint users know (flags_eslint.go)
	prog          *progress        // the progress line, nil without one
	paths         []string
	scope         string       // --scope: "server", "all", or "" for the config's choice
	allowEmpty    bool         // --allow-empty: a run with nothing to lint exits 0
	noCache       bool         // --no-cache
	cacheLocation string       // --cache-location DIR
	timing        bool         // --timing: per-phase times on stderr
	cpuProfile    string       // --cpuprofile FILE
	memProfile    string       // --memprofile FILE
	adopt         adoptOptions // --baseline, --write-baseline, --changed-since, --fix (baseline_cli.go)
	outPlan       *outputPlan  // how -o is written (output.go)
}

// formats are the accepted --format values.
var formats = []string{"text", "json", "sarif", "github", "stylish", "junit", "checkstyle", "gitlab", "html"}

// run is the whole command; main only adds os.Exit. Tests call it
// in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, rules.All(), stdout, stderr)
}

// runWith is run with the given rules instead of the registry's.
func runWith(ctx context.Context, args []string, all []*lint.Rule, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if code, done := subcommandHelp(args, stdout, stderr); done {
			return code
		}
		switch args[0] {
		case "rules":
			return listRules(args[1:], all, stdout, stderr)
		case "explain":
			return explainRule(args[1:], all, stdout, stderr)
		case "init":
			return initCmd(args[1:], all, stdout, stderr)
		case "graph":
			return graphCmd(ctx, args[1:], all, stdout, stderr)
		case "lsp":
			return lspCmd(ctx, args[1:], all, lspStdin, stdout, stderr)
		}
	}
	o, code, ok := parseFlags(args, stdout, stderr)
	if !ok {
		return code
	}
	if o.es.printConfig != "" {
		return printConfig(o, all, stdout, stderr)
	}
	return lintRun(ctx, o, all, stdout, stderr)
}

// usageError prints one line naming the problem and returns exitUsage.
func usageError(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "nestlint: "+format+"\n", a...)
	return exitUsage
}

const usageText = `usage: nestlint [flags] [path ...]
       nestlint rules                      list the rules
       nestlint explain <rule-id>          print a rule's documentation
       nestlint init                       write a starter nestlint.json
       nestlint graph [flags] [path ...]   print the project model (modules, providers, entry points)
       nestlint lsp                        a language server over stdio (docs/editor.md)
       nestlint help [command]             print this text or a command's help (also: nestlint COMMAND --help)

Lints NestJS TypeScript projects (default path: the current folder). docs/cli.md lists the eslint
equivalent of each flag.

Flags:
  -f, --format FORMAT                 text, json, sarif, github, stylish, junit, checkstyle, gitlab or html
                                      (default: stylish on a terminal, else text; see docs/formats.md)
  -o, --output FILE                   write the output to FILE, atomically (never a source file or an input)
  -j N                                parse with N workers (default: number of CPUs)
  --fail-level error|warning|note|none
                                      lowest severity that makes the exit code 1 (default warning;
                                      error when --max-warnings is given)
  --max-warnings N                    exit 1 when there are more than N warnings
  --exit-zero                         exit 0 even with findings (tool errors still exit 3)
  --quiet                             report errors only (no warnings or notes)
  --silent                            no notices or progress on stderr
  --only ID, --skip ID                run only / do not run the rules matching ID, a rule id or glob
                                      (event-loop/*); repeatable
  --ignore-pattern GLOB               do not report files matching GLOB (gitignore syntax, relative to the
                                      current folder); repeatable
  --no-ignore                         disable the config's ignore globs and --ignore-pattern (.gitignore
                                      still applies)
  -c, --config FILE                   use only FILE (default: the nestlint.json files from each file's
                                      folder up to the repository root, merged; see docs/config.md)
  --print-config FILE                 print the configuration that applies to FILE as JSON and exit
  --max-file-size BYTES               skip larger files (default 5242880)
  --repo-root DIR                     output paths are relative to DIR (default: git top-level)
  --sarif-category X                  SARIF automationDetails.id "X/"
  --scope server|all                  server (default): only NestJS server code, the import closure of the
                                      Nest roots across the workspace; all: every file (see docs/scope.md)
  --allow-empty                       exit 0 instead of 2 when there is nothing to lint
  --no-cache                          neither read nor write the per-file facts cache (on by default)
  --cache-location DIR                keep the cache in DIR (default: the user cache folder, per program)
  --timing                            print the time of each phase (discover, parse, link, each rule, report)
  --cpuprofile FILE, --memprofile FILE
                                      write pprof CPU and heap profiles (for maintainers)
  --color, --no-color                 force colour on or off in text output (else FORCE_COLOR, NO_COLOR,
                                      CLICOLOR_FORCE, then colour on a terminal)
  --version                           print the version, commit and grammar versions and exit
  --baseline FILE                     report only findings that are not in the baseline FILE
  --write-baseline FILE               record today's findings in FILE (see docs/adoption.md)
  --changed-since REV                 report only findings in files changed since git REV
  --fix                               apply the suggested fixes, then report what remains
  --dry-run                           with --fix: print a unified diff instead of writing

Exit codes: 0 no findings at or above --fail-level, 1 findings (or more than --max-warnings
warnings), 2 usage or input error, 3 internal error, 130 interrupted.
`

// parseFlags parses a lint command line. Flags may follow paths; "--" ends
// the flags. When ok is false the command is over and code is its exit
// code (0 for -h and --version).
func parseFlags(args []string, stdout, stderr io.Writer) (o *options, code int, ok bool) {
	o = &options{}
	fs := flag.NewFlagSet("nestlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var failLevel string
	var showVersion bool
	fs.StringVar(&o.format, "format", "text", "output format: text, json, sarif or github")
	fs.StringVar(&o.output, "o", "", "write the output to `FILE`")
	fs.StringVar(&o.output, "output", "", "write the output to `FILE`")
	fs.IntVar(&o.jobs, "j", runtime.NumCPU(), "parse with `N` workers")
	fs.StringVar(&failLevel, "fail-level", "warning", "lowest severity that fails the run: error, warning, note or none")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even with findings")
	fs.Int64Var(&o.maxFileSize, "max-file-size", parser.DefaultMaxFileSize, "skip files larger than `BYTES`")
	fs.StringVar(&o.repoRoot, "repo-root", "", "make output paths relative to `DIR`")
	fs.StringVar(&o.category, "sarif-category", "", "SARIF automationDetails category")
	fs.BoolVar(&o.quiet, "silent", false, "no notices or progress on stderr")
	fs.StringVar(&o.config, "config", "", "read the configuration from `FILE`")
	fs.BoolVar(&o.noColor, "no-color", false, "no colour in text output")
	fs.StringVar(&o.scope, "scope", "", "what to lint: server (NestJS server code, the default) or all")
	fs.BoolVar(&o.allowEmpty, "allow-empty", false, "exit 0 when there is nothing to lint")
	fs.BoolVar(&o.noCache, "no-cache", false, "do not read or write the facts cache")
	fs.StringVar(&o.cacheLocation, "cache-location", "", "keep the facts cache in `DIR`")
	fs.BoolVar(&o.timing, "timing", false, "print the time of each phase on stderr")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile to `FILE`")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a heap profile to `FILE`")
	cacheOn := fs.Bool("cache", true, "keep per-file facts in a cache (default on; --no-cache turns it off)")
	fs.BoolVar(&showVersion, "version", false, "print the version and exit")
	o.adopt.register(fs)
	o.es.register(fs, o)

	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				io.WriteString(stdout, usageText)
				return nil, exitOK, false
			}
			return nil, usageError(stderr, "%v (see nestlint -h)", err), false
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if n := len(rest) - len(left); n > 0 && rest[n-1] == "--" {
			o.paths = append(o.paths, left...)
			break
		}
		o.paths = append(o.paths, left[0])
		rest = left[1:]
	}
	if !*cacheOn {
		o.noCache = true
	}
	if showVersion {
		printVersion(stdout)
		return nil, exitOK, false
	}
	if !validFormat(o.format) {
		return nil, usageError(stderr, "unknown format %q (want %s)", o.format, strings.Join(formats, ", ")), false
	}
	autoFormat(fs, o, stdout)
	switch failLevel {
	case "error":
		o.failLevel = lint.Error
	case "warning":
		o.failLevel = lint.Warning
	case "note":
		o.failLevel = lint.Note
	case "none":
		o.failLevel = lint.Off
	default:
		return nil, usageError(stderr, "unknown fail level %q (want error, warning, note or none)", failLevel), false
	}
	if o.scope != "" && o.scope != lint.ScopeServer && o.scope != lint.ScopeAll {
		return nil, usageError(stderr, "unknown scope %q (want server or all)", o.scope), false
	}
	if o.jobs < 1 {
		return nil, usageError(stderr, "-j must be at least 1, not %d", o.jobs), false
	}
	if o.maxFileSize < 1 {
		return nil, usageError(stderr, "--max-file-size must be a positive number of bytes, not %d", o.maxFileSize), false
	}
	if err := o.adopt.check(); err != nil {
		return nil, usageError(stderr, "%v", err), false
	}
	if err := o.es.check(fs, o); err != nil {
		return nil, usageError(stderr, "%v", err), false
	}
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	return o, exitOK, true
}

func validFormat(f string) bool {
	for _, g := range formats {
		if f == g {
			return true
		}
	}
	return false
}

// useColor reports whether text output to w gets colours: w is a terminal,
// NO_COLOR is unset or empty (https://no-color.org), and --no-color is off.
func useColor(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// effectiveScope is --scope, else the config's scope, else server.
func (o *options) effectiveScope() string {
	switch {
	case o.scope != "":
		return o.scope
	case o.cfg != nil && o.cfg.Scope != "":
		return o.cfg.Scope
	}
	return lint.ScopeServer
}
