// Package parser turns source files into facts, the only view of the code
// that rules see.
//
// Discover walks the inputs and lists the TypeScript files of a project.
// Parse reads them in parallel, parses each with the vendored tree-sitter
// grammars (see grammar/), copies the syntax tree into plain Go memory
// (Tree, a flat array of Nodes) and extracts its Facts: imports, exports,
// classes, decorators, functions, calls, assignments, regexps, loops and
// the rest of facts.go. No tree-sitter object outlives the call that made
// it, and rules never import tree-sitter. Files that cannot be analysed
// (too big, binary, a syntax error) become Problems, not failures.
//
// The package also reads the non-TypeScript inputs rules ask about, before
// the rules run (Result.ParseInputs): Dockerfiles and PM2 ecosystem files
// (ParseDockerfile, ParseEcosystem) and the shell script a Dockerfile's CMD
// or ENTRYPOINT runs (Input.Script, ParseShell).
//
// Analyzer is the root of the analyzer graph: its result, a *Result with
// every parsed file, is computed by the checker before any rule runs.
package parser
