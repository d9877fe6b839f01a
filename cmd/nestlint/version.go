package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/nestlint/nestlint/parser"
)

// commit is the source commit, set with -ldflags "-X main.commit=<sha>" by
// the release build. When empty, the VCS revision that `go build` records
// in a git checkout is used, else "unknown".
var commit string

// buildCommit returns the commit nestlint was built from, with
// "(modified)" when the build info says the tree was dirty.
func buildCommit() string {
	if commit != "" {
		return commit
	}
	rev, dirty := "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if rev == "" {
		return "unknown"
	}
	if dirty {
		rev += " (modified)"
	}
	return rev
}

// printVersion writes the --version text: the first line is
// "nestlint <version>" (scripts read it), then the commit, the Go toolchain
// and platform, and the tree-sitter grammars compiled in.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "nestlint %s\n", buildVersion())
	fmt.Fprintf(w, "commit:   %s\n", buildCommit())
	fmt.Fprintf(w, "go:       %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	gs := make([]string, len(parser.Grammars))
	for i, g := range parser.Grammars {
		gs[i] = fmt.Sprintf("%s %s (%s)", g.Name, g.Version, g.Langs)
	}
	fmt.Fprintf(w, "grammars: %s; tree-sitter ABI %d\n", strings.Join(gs, ", "), parser.RuntimeABI)
}
