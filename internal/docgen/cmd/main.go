//go:build ignore

// Command docgen writes docs/rules from the rule metadata. Run it with
// `go generate ./...` from the repository root.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/nestlint/nestlint/internal/docgen"
	"github.com/nestlint/nestlint/rules"
)

func main() {
	dir := "docs/rules"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files := docgen.Files(rules.All())
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "docgen:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "docgen:", err)
			os.Exit(1)
		}
	}
}
