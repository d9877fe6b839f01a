// Command gen writes a synthetic NestJS project for nestlint benchmarks and scale tests.
//
// Usage:
//
//	go run ./internal/gen -modules 200 -out /tmp/nest200 [-seed 1] [-workspace]
//
// -workspace writes a pnpm workspace of 30-40 packages (a Nest app, Nest library packages holding the
// modules, a browser app, a CLI, GraphQL codegen output, realistic .gitignore files) instead of one
// flat project.
//
// The same flags always give byte-identical output. See package genproject for what is generated.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/nestlint/nestlint/internal/gen/genproject"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modules := fs.Int("modules", 20, "number of feature modules to generate")
	out := fs.String("out", "", "directory to write the project into (required)")
	seed := fs.Int64("seed", 1, "seed for the variations between modules")
	ws := fs.Bool("workspace", false, "write a monorepo workspace (packages, browser app, CLI, .gitignore files)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gen -modules N -out DIR [-seed S] [-workspace]")
		return 2
	}
	generate, planted := genproject.Generate, genproject.PlantedSyncIO
	if *ws {
		generate, planted = genproject.GenerateWorkspace, genproject.PlantedSyncIOWorkspace
	}
	st, err := generate(*out, *modules, *seed)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files, %d lines, %d bytes to %s (%d planted sync-io findings)\n",
		st.Files, st.Lines, st.Bytes, *out, len(planted(*modules)))
	return 0
}
