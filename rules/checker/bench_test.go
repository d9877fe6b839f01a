// The benchmarks here are the end-to-end benchmarks of nestlint on a generated
// NestJS project: parse only, model only, and the whole run.
//
//	NESTLINT_BENCH_MODULES=1000 go test -run '^$' -bench . -benchtime 3x ./rules/checker/
//
// Speed targets are checked here, never by timed tests.
package checker_test

import (
	"context"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

var (
	once    sync.Once
	dir     string
	files   []string
	stats   genproject.Stats
	genErr  error
	modules = 100
)

func project(b *testing.B) []string {
	once.Do(func() {
		if v, err := strconv.Atoi(os.Getenv("NESTLINT_BENCH_MODULES")); err == nil && v > 0 {
			modules = v
		}
		dir, genErr = os.MkdirTemp("", "nestlint-bench")
		if genErr != nil {
			return
		}
		stats, genErr = genproject.Generate(dir, modules, 1)
		if genErr != nil {
			return
		}
		var d *parser.Discovery
		d, genErr = parser.Discover([]string{dir})
		if genErr == nil {
			files = d.Files
		}
	})
	if genErr != nil {
		b.Fatal(genErr)
	}
	b.SetBytes(stats.Bytes)
	b.ReportMetric(float64(stats.Lines), "lines")
	return files
}

func jobs() int {
	if v, err := strconv.Atoi(os.Getenv("NESTLINT_BENCH_JOBS")); err == nil && v > 0 {
		return v
	}
	return 0
}

// BenchmarkParse measures discovery-free parsing with fact extraction.
func BenchmarkParse(b *testing.B) {
	fs := project(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := parser.Parse(context.Background(), fs, parser.Options{Jobs: jobs()})
		if len(r.Files) != len(fs) {
			b.Fatalf("parsed %d of %d", len(r.Files), len(fs))
		}
	}
}

// BenchmarkModel measures building the project model alone.
func BenchmarkModel(b *testing.B) {
	fs := project(b)
	r := parser.Parse(context.Background(), fs, parser.Options{Jobs: jobs()})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nest.Build(r.Files, nest.Options{Root: dir})
	}
}

// BenchmarkRun measures the whole run: parse, model and every rule.
func BenchmarkRun(b *testing.B) {
	fs := project(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := checker.Run(context.Background(), fs, nil, rules.All(), checker.Options{Jobs: jobs(), Settings: &lint.Settings{Root: dir}}); err != nil {
			b.Fatal(err)
		}
	}
}
