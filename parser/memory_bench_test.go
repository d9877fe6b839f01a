package parser

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
)

// BenchmarkParseLiveHeap parses a generated project (flat, 100 modules by
// default; NESTLINT_BENCH_MODULES sets it) and reports the live heap the
// parse result keeps: the facts, line tables and what each file keeps of
// its source, which every later phase holds to the end of a run. The
// memory target of issue 15 is a peak RSS (scripts/bench.sh measures it);
// this isolates the part the parse owns, per file and per source byte:
//
//	NESTLINT_BENCH_MODULES=4000 go test -run '^$' -bench ParseLiveHeap -benchtime 1x ./parser/
func BenchmarkParseLiveHeap(b *testing.B) {
	modules := 100
	if v, err := strconv.Atoi(os.Getenv("NESTLINT_BENCH_MODULES")); err == nil && v > 0 {
		modules = v
	}
	dir := b.TempDir()
	st, err := genproject.Generate(dir, modules, 1)
	if err != nil {
		b.Fatal(err)
	}
	d, err := Discover([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	for b.Loop() {
		base := liveHeap()
		r := Parse(context.Background(), d.Files, Options{Jobs: 2})
		live := liveHeap() - base
		b.ReportMetric(float64(live)/(1<<20), "live-MB")
		b.ReportMetric(float64(live)/float64(len(r.Files)), "live-B/file")
		b.ReportMetric(float64(live)/float64(st.Bytes), "live-B/src-B")
		runtime.KeepAlive(r)
	}
}

// liveHeap is the heap's live bytes after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
