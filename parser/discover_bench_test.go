package parser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
)

// BenchmarkDiscoverWorkspace walks a generated monorepo (-workspace, 200
// modules: 36 .gitignore files, a 300-line root one).
//
//	go test -run '^$' -bench DiscoverWorkspace ./parser/
func BenchmarkDiscoverWorkspace(b *testing.B) {
	dir := b.TempDir()
	if _, err := genproject.GenerateWorkspace(dir, 200, 1); err != nil {
		b.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Discover([]string{dir}); err != nil {
			b.Fatal(err)
		}
	}
}
