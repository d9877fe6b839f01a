package pipeline

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules/lint"
)

// Exit codes; cmd/nestlint/doc.go has the table.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	ExitInternal = 3
	// ExitInterrupted is 128+SIGINT, as shells report a process killed
	// by Ctrl-C.
	ExitInterrupted = 130
)

const (
	exitOK          = ExitOK
	exitFindings    = ExitFindings
	exitUsage       = ExitUsage
	exitInternal    = ExitInternal
	exitInterrupted = ExitInterrupted
)

// Options are the parsed command line of a lint run. cmd/nestlint fills
// them from its flags; the pipeline reads them.
type Options struct {
	Format        string
	Output        string
	Jobs          int
	FailLevel     lint.Severity // Off means "none": findings never fail the run
	ExitZero      bool
	MaxFileSize   int64
	RepoRoot      string
	Category      string
	Quiet         bool // --silent (formerly --quiet): no notices or progress
	NoColor       bool
	Config        string           // --config FILE
	Cfg           *config.Config   // the nestlint.json of the current folder (merged), nil without one
	Nested        *config.Resolver // nested configurations; nil with --config (nested_cli.go)
	ES            ESLintOptions    // the flags eslint users know (flags_eslint.go)
	Prog          *progress        // the progress line, nil without one
	Paths         []string
	Scope         string       // --scope: "server", "all", or "" for the config's choice
	AllowEmpty    bool         // --allow-empty: a run with nothing to lint exits 0
	NoCache       bool         // --no-cache
	CacheLocation string       // --cache-location DIR
	Timing        bool         // --timing: per-phase times on stderr
	CPUProfile    string       // --cpuprofile FILE
	MemProfile    string       // --memprofile FILE
	Adopt         AdoptOptions // --baseline, --write-baseline, --changed-since, --fix (baseline_cli.go)
	OutPlan       *outputPlan  // how -o is written (output.go)
	// Version is the version nestlint reports (SARIF tool.driver.version,
	// the cache key); cmd/nestlint sets it from its build.
	Version string
}

// options is the package's own name for Options.
type options = Options

// EffectiveScope is --scope, else the config's scope, else server.
func (o *Options) EffectiveScope() string {
	switch {
	case o.Scope != "":
		return o.Scope
	case o.Cfg != nil && o.Cfg.Scope != "":
		return o.Cfg.Scope
	}
	return lint.ScopeServer
}

// UsageError prints one line naming the problem and returns ExitUsage.
func UsageError(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "nestlint: "+format+"\n", a...)
	return exitUsage
}

func usageError(stderr io.Writer, format string, a ...any) int {
	return UsageError(stderr, format, a...)
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
