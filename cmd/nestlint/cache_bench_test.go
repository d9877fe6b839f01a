package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
)

// The benchmarks here run the whole command on a generated NestJS project
// (internal/gen/genproject) with the cache: cold (no cache yet), warm with
// nothing changed, warm after editing 10 files, and one file warm (the
// pre-commit path). NESTLINT_BENCH_MODULES sets the project's size (100
// modules, about 700 files, by default):
//
//	NESTLINT_BENCH_MODULES=1000 go test -run '^$' -bench 'Cold|Warm' -benchtime 3x ./cmd/nestlint/
//
// Speed targets are checked here, never by timed tests.

func benchModules() int {
	if v, err := strconv.Atoi(os.Getenv("NESTLINT_BENCH_MODULES")); err == nil && v > 0 {
		return v
	}
	return 100
}

// benchProject generates a project of its own for one benchmark (the
// 10-file benchmark edits its files).
func benchProject(b *testing.B) string {
	b.Helper()
	tuneGC() // the GC target of the worker process that runs the analysis
	dir := b.TempDir()
	st, err := genproject.Generate(dir, benchModules(), 1)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	// Files last changed well before the runs, as in a checkout: a warm
	// run trusts the stat of those and does not read them again.
	age(b, dir)
	return dir
}

// lintOnce runs nestlint quietly and fails on anything but exit 0 or 1.
func lintOnce(b *testing.B, args ...string) {
	b.Helper()
	if code := run(context.Background(), append([]string{"--quiet"}, args...), io.Discard, io.Discard); code != exitOK && code != exitFindings {
		b.Fatalf("nestlint %v: exit %d", args, code)
	}
}

// BenchmarkCold: no cache yet (it is written).
func BenchmarkCold(b *testing.B) {
	dir := benchProject(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cache := filepath.Join(b.TempDir(), "cache")
		b.StartTimer()
		lintOnce(b, "--cache-location", cache, dir)
	}
}

// BenchmarkWarmNoChange: a second run over the same files.
func BenchmarkWarmNoChange(b *testing.B) {
	dir := benchProject(b)
	cache := filepath.Join(b.TempDir(), "cache")
	lintOnce(b, "--cache-location", cache, dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lintOnce(b, "--cache-location", cache, dir)
	}
}

// BenchmarkWarm10Files: ten services edited since the last run.
func BenchmarkWarm10Files(b *testing.B) {
	dir := benchProject(b)
	cache := filepath.Join(b.TempDir(), "cache")
	lintOnce(b, "--cache-location", cache, dir)
	edited, err := filepath.Glob(filepath.Join(dir, "src", "*", "*.service.ts"))
	if err != nil || len(edited) < 10 {
		b.Fatalf("%d services: %v", len(edited), err)
	}
	edited = edited[:10]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for _, f := range edited {
			fh, err := os.OpenFile(f, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(fh, "// edit %d\n", i)
			fh.Close()
		}
		b.StartTimer()
		lintOnce(b, "--cache-location", cache, dir)
	}
}

// BenchmarkSingleFileWarm: one service of the project, with the cache of
// an earlier run over the whole project.
func BenchmarkSingleFileWarm(b *testing.B) {
	dir := benchProject(b)
	cache := filepath.Join(b.TempDir(), "cache")
	lintOnce(b, "--cache-location", cache, dir)
	one, err := filepath.Glob(filepath.Join(dir, "src", "*", "*.service.ts"))
	if err != nil || len(one) == 0 {
		b.Fatalf("no service: %v", err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lintOnce(b, "--cache-location", cache, one[0])
	}
}
