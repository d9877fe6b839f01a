package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"runtime"

	"github.com/nestlint/nestlint/internal/lsp"
	"github.com/nestlint/nestlint/internal/pipeline"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

// lspCmd runs the language server over stdin and stdout:
// `nestlint lsp [--config FILE] [--scope server|all] [--no-cache]
// [--cache-location DIR] [-j N]`. The server logs to stderr. It exits 0
// after shutdown and exit, 1 when the client leaves without shutdown.
func lspCmd(ctx context.Context, args []string, all []*lint.Rule, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lsp", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	opts := lsp.Options{Rules: all, CacheVersion: pipeline.CacheVersion(buildVersion()), Version: buildVersion(), MaxFileSize: parser.DefaultMaxFileSize}
	fs.StringVar(&opts.ConfigPath, "config", "", "configuration file")
	fs.StringVar(&opts.Scope, "scope", "", "server or all")
	fs.BoolVar(&opts.NoCache, "no-cache", false, "no facts cache")
	fs.StringVar(&opts.CacheLocation, "cache-location", "", "cache folder")
	fs.IntVar(&opts.Jobs, "j", runtime.NumCPU(), "parse workers")
	fs.Bool("stdio", true, "talk over stdin/stdout (the only transport; editors pass it)")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "lsp: %v", err)
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "lsp takes no arguments (got %q)", fs.Arg(0))
	}
	if opts.Scope != "" && opts.Scope != lint.ScopeServer && opts.Scope != lint.ScopeAll {
		return usageError(stderr, "lsp: unknown scope %q (want server or all)", opts.Scope)
	}
	if opts.Jobs < 1 {
		return usageError(stderr, "lsp: -j must be at least 1, not %d", opts.Jobs)
	}
	err := lsp.NewServer(opts, stdin, stdout, stderr).Run(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, lsp.ErrExitWithoutShutdown):
		return exitFindings // LSP: exit code 1 without shutdown
	case ctx.Err() != nil:
		return exitInterrupted
	}
	io.WriteString(stderr, "nestlint lsp: "+err.Error()+"\n")
	return exitInternal
}

// lspStdin is the server's input; tests replace it.
var lspStdin io.Reader = os.Stdin
