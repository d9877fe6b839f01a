package parser

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generated returns about size bytes of generated data, the shape of the
// issue's 5 MB file (518 MB of memory, 100 times its size).
func generated(size int) string {
	var b strings.Builder
	b.WriteString("export const data = [\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  { id: %d, name: 'item%d', tags: ['a', 'b', 'c'], nested: { x: %d, y: fn(%d) } },\n", i, i, i, i)
	}
	b.WriteString("];\n")
	return b.String()
}

// TestMemoryCap (issue 13 item 11): a file whose analysis would take more
// than 20 times its size (and more than the 256 MiB floor) is skipped with
// a notice before it is parsed; ordinary files, large or small, are not.
func TestMemoryCap(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"gen.ts":   generated(3 << 20),
		"deep.ts":  "export const v = f(" + strings.Repeat("g(", 100_000) + "1" + strings.Repeat(")", 100_000) + ");\n",
		"small.ts": "export const a = [1, 2, 3];\n",
		// 256 KiB of the same shape: about 34 MiB, more than 20 times its
		// size but within the floor (checked below); a bigger file would
		// only cost the test a longer parse.
		"mid.ts": generated(256 << 10),
	}
	if est, size := EstimateMemory([]byte(files["mid.ts"])), len(files["mid.ts"]); est <= 20*size || est >= MemoryFloor {
		t.Fatalf("mid.ts: estimate %d for %d bytes; want more than 20 times its size and less than the floor", est, size)
	}
	var paths []string
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	r := Parse(context.Background(), paths, Options{Jobs: 1, MaxFileSize: 64 << 20})
	skipped := map[string]string{}
	for _, p := range r.Problems {
		if p.Skipped {
			skipped[filepath.Base(p.Path)] = p.Message
		}
	}
	for _, name := range []string{"gen.ts", "deep.ts"} {
		if !strings.Contains(skipped[name], "more than 20 times its size and 256 MiB): skipped") {
			t.Errorf("%s: %q", name, skipped[name])
		}
	}
	for _, name := range []string{"small.ts", "mid.ts"} {
		if msg, ok := skipped[name]; ok {
			t.Errorf("%s skipped: %s", name, msg)
		}
	}
}

// TestEstimateMemory pins the estimate's inputs: tokens and nesting.
func TestEstimateMemory(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]int{
		"a":                       bytesPerToken,
		"foo.bar(1)":              6*bytesPerToken + bytesPerLevel,
		"'a b (c'":                bytesPerToken,
		"x = `t ${y}`":            3 * bytesPerToken,
		"((()))":                  6*bytesPerToken + 3*bytesPerLevel,
		"const café = \"x\\\"y\"": 4 * bytesPerToken,
	} {
		if got := EstimateMemory([]byte(src)); got != want {
			t.Errorf("EstimateMemory(%q) = %d, want %d", src, got, want)
		}
	}
}

// TestTooCostlySkipsOnlyWhatCannotBeOver: below the size TooCostly does
// not scan, even the costliest content (every byte a bracket: a token and
// a level) is within the cap; one byte more of it is over.
func TestTooCostlySkipsOnlyWhatCannotBeOver(t *testing.T) {
	t.Parallel()
	n := MemoryFloor / (bytesPerToken + bytesPerLevel)
	worst := bytes.Repeat([]byte("("), n)
	if est := EstimateMemory(worst); est > MemoryCap(len(worst)) {
		t.Fatalf("%d brackets: estimate %d over the cap %d", n, est, MemoryCap(len(worst)))
	}
	if _, over := TooCostly(worst); over {
		t.Error("within the cap, but too costly")
	}
	worst = append(worst, '(')
	if est, over := TooCostly(worst); !over || est != EstimateMemory(worst) {
		t.Errorf("%d brackets: over = %v, estimate %d", len(worst), over, est)
	}
}
