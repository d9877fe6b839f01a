package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/nestlint/nestlint/internal/pipeline"
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
	exitOK          = pipeline.ExitOK
	exitFindings    = pipeline.ExitFindings
	exitUsage       = pipeline.ExitUsage
	exitInternal    = pipeline.ExitInternal
	exitInterrupted = pipeline.ExitInterrupted
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

// options are the parsed command line of a lint run (internal/pipeline).
type options = pipeline.Options

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
	if o.ES.PrintConfig != "" {
		return pipeline.PrintConfig(o, all, stdout, stderr)
	}
	return pipeline.LintRun(ctx, o, all, stdout, stderr)
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
	o = &options{Version: buildVersion()}
	fs := flag.NewFlagSet("nestlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var failLevel string
	var showVersion bool
	fs.StringVar(&o.Format, "format", "text", "output format: text, json, sarif or github")
	fs.StringVar(&o.Output, "o", "", "write the output to `FILE`")
	fs.StringVar(&o.Output, "output", "", "write the output to `FILE`")
	fs.IntVar(&o.Jobs, "j", runtime.NumCPU(), "parse with `N` workers")
	fs.StringVar(&failLevel, "fail-level", "warning", "lowest severity that fails the run: error, warning, note or none")
	fs.BoolVar(&o.ExitZero, "exit-zero", false, "exit 0 even with findings")
	fs.Int64Var(&o.MaxFileSize, "max-file-size", parser.DefaultMaxFileSize, "skip files larger than `BYTES`")
	fs.StringVar(&o.RepoRoot, "repo-root", "", "make output paths relative to `DIR`")
	fs.StringVar(&o.Category, "sarif-category", "", "SARIF automationDetails category")
	fs.BoolVar(&o.Quiet, "silent", false, "no notices or progress on stderr")
	fs.StringVar(&o.Config, "config", "", "read the configuration from `FILE`")
	fs.BoolVar(&o.NoColor, "no-color", false, "no colour in text output")
	fs.StringVar(&o.Scope, "scope", "", "what to lint: server (NestJS server code, the default) or all")
	fs.BoolVar(&o.AllowEmpty, "allow-empty", false, "exit 0 when there is nothing to lint")
	fs.BoolVar(&o.NoCache, "no-cache", false, "do not read or write the facts cache")
	fs.StringVar(&o.CacheLocation, "cache-location", "", "keep the facts cache in `DIR`")
	fs.BoolVar(&o.Timing, "timing", false, "print the time of each phase on stderr")
	fs.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile to `FILE`")
	fs.StringVar(&o.MemProfile, "memprofile", "", "write a heap profile to `FILE`")
	cacheOn := fs.Bool("cache", true, "keep per-file facts in a cache (default on; --no-cache turns it off)")
	fs.BoolVar(&showVersion, "version", false, "print the version and exit")
	o.Adopt.Register(fs)
	o.ES.Register(fs, o)

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
			o.Paths = append(o.Paths, left...)
			break
		}
		o.Paths = append(o.Paths, left[0])
		rest = left[1:]
	}
	if !*cacheOn {
		o.NoCache = true
	}
	if showVersion {
		printVersion(stdout)
		return nil, exitOK, false
	}
	if !validFormat(o.Format) {
		return nil, usageError(stderr, "unknown format %q (want %s)", o.Format, strings.Join(formats, ", ")), false
	}
	autoFormat(fs, o, stdout)
	switch failLevel {
	case "error":
		o.FailLevel = lint.Error
	case "warning":
		o.FailLevel = lint.Warning
	case "note":
		o.FailLevel = lint.Note
	case "none":
		o.FailLevel = lint.Off
	default:
		return nil, usageError(stderr, "unknown fail level %q (want error, warning, note or none)", failLevel), false
	}
	if o.Scope != "" && o.Scope != lint.ScopeServer && o.Scope != lint.ScopeAll {
		return nil, usageError(stderr, "unknown scope %q (want server or all)", o.Scope), false
	}
	if o.Jobs < 1 {
		return nil, usageError(stderr, "-j must be at least 1, not %d", o.Jobs), false
	}
	if o.MaxFileSize < 1 {
		return nil, usageError(stderr, "--max-file-size must be a positive number of bytes, not %d", o.MaxFileSize), false
	}
	if err := o.Adopt.Check(); err != nil {
		return nil, usageError(stderr, "%v", err), false
	}
	if err := o.ES.Check(fs, o); err != nil {
		return nil, usageError(stderr, "%v", err), false
	}
	if len(o.Paths) == 0 {
		o.Paths = []string{"."}
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
