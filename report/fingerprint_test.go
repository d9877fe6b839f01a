package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// TestLineHashesFixtures reproduces every value GitHub's upload-sarif
// computes for the byte-exact fixtures in testdata/fingerprints.
func TestLineHashesFixtures(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "fingerprints", "expected-primaryLocationLineHash.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != 7 {
		t.Fatalf("expected file names %d fixtures, want 7", len(want))
	}
	total := 0
	for file, lines := range want {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "fingerprints", file))
			if err != nil {
				t.Fatal(err)
			}
			got := LineHashes(src)
			if len(got) != len(lines) {
				t.Errorf("got %d lines, want %d", len(got), len(lines))
			}
			if n := NewLines(src).Count(); n != len(lines) {
				t.Errorf("Lines.Count = %d, want %d (line numbering must agree with the hashes)", n, len(lines))
			}
			for k, v := range lines {
				n, err := strconv.Atoi(k)
				if err != nil {
					t.Fatal(err)
				}
				if n > len(got) || got[n-1] != v {
					t.Errorf("line %d: got %q, want %q", n, at(got, n-1), v)
				}
			}
		})
		total += len(lines)
	}
	if total != 69 {
		t.Errorf("checked %d values, want 69", total)
	}
}

func at(s []string, i int) string {
	if i < 0 || i >= len(s) {
		return "<none>"
	}
	return s[i]
}

// TestLineHashesCodeQLVectors runs the nine vectors of codeql-action's own
// unit test (src/fingerprints.test.ts).
func TestLineHashesCodeQLVectors(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("testdata", "fingerprints", "codeql-action-test-vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Vectors []struct {
			Input    string   `json:"input"`
			Expected []string `json:"expected"`
		} `json:"vectors"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Vectors) != 9 {
		t.Fatalf("got %d vectors, want 9", len(file.Vectors))
	}
	for i, v := range file.Vectors {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			if got := LineHashes([]byte(v.Input)); !slices.Equal(got, v.Expected) {
				t.Errorf("LineHashes(%q)\n got %q\nwant %q", v.Input, got, v.Expected)
			}
		})
	}
}

// TestLineHashesMore holds values computed by a Node port of
// codeql-action's hash that reads the file with Node's own UTF-8 decoder,
// so invalid UTF-8 is decoded exactly as upload-sarif decodes it.
func TestLineHashesMore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			// Node: 61 FFFD 62 FFFD (one U+FFFD for "E2 82"); Go's range
			// loop would give 61 FFFD FFFD 62 FFFD.
			name: "invalid utf-8 61 E2 82 62 FF",
			in:   "a\xe2\x82b\xff",
			want: []string{"bace9d203433a92c:1"},
		},
		{
			name: "same as U+FFFD written out",
			in:   "a\uFFFDb\uFFFD",
			want: []string{"bace9d203433a92c:1"},
		},
		{
			name: "truncated sequences and a surrogate",
			in:   "const s = \"\xe2\x82\";\n\xf0\x9f\x98\nok\xed\xa0\x80\n",
			want: []string{"b3f73c2fbd3ce83a:1", "d2116cabcb203fe5:1", "cfc30c5bb2834332:1", "c129715d7a2bc9a3:1"},
		},
		{
			name: "korean and emoji",
			in:   "// 안녕하세요 🐱 세계\nconst 인사 = \"😀\";\n",
			want: []string{"8befa34421d3e4fc:1", "c106fac8b81e8501:1", "c129715d7a2bc9a3:1"},
		},
		{
			name: "CR space LF is two breaks, CR CR LF is two",
			in:   "x\r \ny\r\r\nz",
			want: []string{"a5410b037be1758a:1", "68f1cd34fd0f0cb8:1", "32d282a2940c442e:1", "483058b3d6ce6067:1", "76dcabf80cb35c79:1"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := LineHashes([]byte(tc.in))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if n := NewLines([]byte(tc.in)).Count(); n != len(tc.want) {
				t.Errorf("Lines.Count = %d, want %d", n, len(tc.want))
			}
		})
	}
}

func TestDecodeWHATWG(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []rune
	}{
		{"ascii", "ab", []rune{'a', 'b'}},
		{"truncated 3-byte", "\xe2\x82b", []rune{0xFFFD, 'b'}},
		{"lone continuation", "\x80\x80", []rune{0xFFFD, 0xFFFD}},
		{"overlong C0", "\xc0\xaf", []rune{0xFFFD, 0xFFFD}},
		{"overlong E0", "\xe0\x80\xaf", []rune{0xFFFD, 0xFFFD, 0xFFFD}},
		{"surrogate", "\xed\xa0\x80", []rune{0xFFFD, 0xFFFD, 0xFFFD}},
		{"above U+10FFFF", "\xf4\x90\x80\x80", []rune{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},
		{"truncated 4-byte at end", "\xf0\x9f\x98", []rune{0xFFFD}},
		{"emoji", "🐱", []rune{'🐱'}},
		{"FF", "\xff", []rune{0xFFFD}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []rune
			for b := []byte(tc.in); len(b) > 0; {
				r, n := decodeWHATWG(b)
				got = append(got, r)
				b = b[n:]
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %U, want %U", got, tc.want)
			}
		})
	}
}
