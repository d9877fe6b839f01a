package main

import (
	"context"
	"io"
	"testing"
)

// BenchmarkSingleFile measures the pre-commit path (P6): nestlint given one
// file of the example app, which lints that file's whole project and
// reports only on the file.
//
//	go test -run '^$' -bench SingleFile ./cmd/nestlint/
func BenchmarkSingleFile(b *testing.B) {
	args := []string{"--silent", "../../testdata/apps/shop/src/common/pdf/pdf.renderer.ts"}
	for i := 0; i < b.N; i++ {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != exitFindings {
			b.Fatalf("exit %d, want %d", code, exitFindings)
		}
	}
}
