package ormsynchronize

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// TestCond pins how conditions and values are judged in production.
func TestCond(t *testing.T) {
	dir := t.TempDir()
	src := `export const isProd = process.env.NODE_ENV === 'production';
export const env = process.env.NODE_ENV;
export const SYNC = true;
`
	if err := os.WriteFile(filepath.Join(dir, "flags.ts"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res := parser.Parse(context.Background(), d.Files, parser.Options{Jobs: 1})
	m := nest.Build(res.Files, nest.Options{Root: dir})
	e := &evaluator{m: m}
	tests := []struct {
		in   string
		want tri
	}{
		{"true", on},
		{"false", off},
		{"process.env.NODE_ENV === 'production'", on},
		{"process.env.NODE_ENV !== 'production'", off},
		{"process.env.NODE_ENV === 'development'", off},
		{"process.env.NODE_ENV != 'test'", on},
		{"'production' === process.env.NODE_ENV", on},
		{"config.get('NODE_ENV') !== 'development'", on},
		{"env === 'development'", off},
		{"isProd", on},
		{"!isProd", off},
		{"(!isProd)", off},
		{"isDev", off},
		{"this.config.isDevelopment", off},
		{"SYNC", on},
		{"isProd ? false : true", off},
		{"isProd ? SYNC : false", on},
		{"isProd && SYNC", on},
		{"!isProd && SYNC", off},
		{"isProd || SYNC", on},
		{"process.env.DB_SYNC === 'true'", unknown},
		{"config.get('DB_SYNC')", unknown},
		{"someFlag", unknown},
		{"a ?? b", unknown},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := e.cond(0, tc.in, 0); got != tc.want {
				t.Errorf("cond(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}
