package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLinesPosition(t *testing.T) {
	t.Parallel()
	type pos struct{ line, byteCol, utf16Col int }
	tests := []struct {
		name string
		src  string
		off  int
		want pos
	}{
		{"start", "abc", 0, pos{1, 1, 1}},
		{"end of file", "abc", 3, pos{1, 4, 4}},
		{"past end clamps", "abc", 99, pos{1, 4, 4}},
		{"negative clamps", "abc", -5, pos{1, 1, 1}},
		{"LF", "a\nbc", 3, pos{2, 2, 2}},
		{"CRLF", "a\r\nbc", 4, pos{2, 2, 2}},
		{"inside CRLF belongs to line 1", "a\r\nbc", 2, pos{1, 3, 3}},
		{"lone CR", "a\rbc", 3, pos{2, 2, 2}},
		{"CR CR LF is two breaks", "a\r\r\nb", 4, pos{3, 1, 1}},
		{"LF CR is two breaks", "a\n\rb", 3, pos{3, 1, 1}},
		// "한" is 3 bytes and 1 unit.
		{"korean", "const 한글 = 1", strings.Index("const 한글 = 1", "="), pos{1, 14, 10}},
		// "🐱" is 4 bytes and 2 units.
		{"emoji", "x🐱y", 5, pos{1, 6, 4}},
		{"BOM is one unit", "\uFEFFab", 4, pos{1, 5, 3}},
		{"invalid bytes count one each", "\xe2\x82x", 2, pos{1, 3, 3}},
		{"offset inside a character", "é!", 1, pos{1, 2, 2}},
		{"U+2028 is not a break", "a\u2028b", 4, pos{1, 5, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, b, u := NewLines([]byte(tc.src)).Position(tc.off)
			if got := (pos{l, b, u}); got != tc.want {
				t.Errorf("Position(%d) in %q = %+v, want %+v", tc.off, tc.src, got, tc.want)
			}
		})
	}
}

func TestLinesCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want int
	}{
		{"", 1},
		{"a", 1},
		{"a\n", 2},
		{"a\r\n", 2},
		{"a\r", 2},
		{"a\r\rb", 3},
		{"a\r \nb", 3},
	}
	for _, tc := range tests {
		if got := NewLines([]byte(tc.src)).Count(); got != tc.want {
			t.Errorf("Count(%q) = %d, want %d", tc.src, got, tc.want)
		}
	}
}

// TestLinesUnicodeFixture pins the checklist's S7 example: "wörld" on line
// 2 of unicode.ts is UTF-16 columns 35-40 (code points would give 34,
// bytes 38).
func TestLinesUnicodeFixture(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("testdata", "fingerprints", "unicode.ts"))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(src), "wörld")
	end := start + len("wörld")
	li := NewLines(src)
	l, b, u := li.Position(start)
	if l != 2 || u != 35 || b != 38 {
		t.Errorf("start = line %d byte %d utf16 %d, want line 2 byte 38 utf16 35", l, b, u)
	}
	if l, _, u := li.Position(end); l != 2 || u != 40 {
		t.Errorf("end = line %d utf16 %d, want line 2 utf16 40", l, u)
	}
}

// TestLinesCROnlyFixture: a file with only CR line breaks (classic Mac)
// numbers lines exactly as the fingerprints do.
func TestLinesCROnlyFixture(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("testdata", "lines", "cr-only.ts"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "\n") {
		t.Fatal("cr-only.ts contains LF: check .gitattributes (-text)")
	}
	li := NewLines(src)
	// Computed by a Node port of codeql-action's hash.
	want := []string{"47318d6876e3499c:1", "2f43baba88fd6816:1", "dca9d6efcd7f78c4:1", "944b8ea1fb4af46c:1", "c129715d7a2bc9a3:1"}
	if got := LineHashes(src); !slices.Equal(got, want) {
		t.Errorf("LineHashes = %q, want %q", got, want)
	}
	if li.Count() != len(want) {
		t.Fatalf("Lines.Count = %d, want %d", li.Count(), len(want))
	}
	off := strings.Index(string(src), "findAll")
	if l, _, u := li.Position(off); l != 4 || u != 3 {
		t.Errorf("findAll at line %d col %d, want 4:3", l, u)
	}
}

func TestNonEmptySpan(t *testing.T) {
	t.Parallel()
	files := map[string]string{"a.ts": "ab🐱\ncd\r\n", "empty.ts": ""}
	src := newSources(func(f string) ([]byte, bool) { s, ok := files[f]; return []byte(s), ok })
	tests := []struct {
		name       string
		file       string
		start, end int
		want       span
	}{
		{"non-empty unchanged", "a.ts", 0, 2, span{1, 1, 1, 3}},
		{"empty widened to one character", "a.ts", 1, 1, span{1, 2, 1, 3}},
		{"empty at an emoji covers both units", "a.ts", 2, 2, span{1, 3, 1, 5}},
		{"empty at LF gets one column", "a.ts", 6, 6, span{1, 5, 1, 6}},
		{"empty at CR gets one column", "a.ts", 9, 9, span{2, 3, 2, 4}},
		{"end before start", "a.ts", 8, 7, span{2, 2, 2, 3}},
		{"empty file", "empty.ts", 0, 0, span{1, 1, 1, 2}},
		{"unreadable file", "gone.ts", 5, 9, span{1, 1, 1, 2}},
		{"multi-line kept", "a.ts", 1, 8, span{1, 2, 2, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := src.nonEmptySpan(tc.file, tc.start, tc.end); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
