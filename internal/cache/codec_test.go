package cache

import (
	"bytes"
	"context"
	"encoding/gob"
	"io/fs"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/nestlint/nestlint/parser"
)

// fixtureFacts parses the TypeScript fixtures of the repository.
func fixtureFacts(t testing.TB) []*parser.File {
	t.Helper()
	var paths []string
	for _, root := range []string{"../../testdata", "../../rules", "../../cmd/nestlint/testdata"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && parser.IsSource(d.Name()) {
				paths = append(paths, p)
			}
			return nil
		})
	}
	if len(paths) < 100 {
		t.Fatalf("only %d fixture files found", len(paths))
	}
	return parser.Parse(context.Background(), paths, parser.Options{Jobs: 2}).Files
}

// viaGob is what gob, the earlier codec, gives back for es: the
// reference the generated codec must match (empty slices come back nil
// from both).
func viaGob(t testing.TB, es []entry) []entry {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(es); err != nil {
		t.Fatal(err)
	}
	var out []entry
	if err := gob.NewDecoder(&b).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCodecRoundTrip encodes the facts of every fixture in chunks and
// decodes them: every field comes back as it went in.
func TestCodecRoundTrip(t *testing.T) {
	files := fixtureFacts(t)
	var es []entry
	for i, f := range files {
		es = append(es, entry{Key: f.Path, Facts: f.Facts})
		if i%7 == 3 {
			es = append(es, entry{Key: "no facts " + f.Path})
		}
	}
	for start := 0; start < len(es); start += chunkEntries {
		chunk := es[start:min(start+chunkEntries, len(es))]
		got, err := decodeChunk(appendChunk(nil, chunk))
		if err != nil {
			t.Fatalf("chunk at %d: %v", start, err)
		}
		want := viaGob(t, chunk)
		for i := range want {
			if want[i].Facts == nil && chunk[i].Facts != nil {
				want[i].Facts = &parser.Facts{} // gob drops a pointer to a zero struct
			}
		}
		if !reflect.DeepEqual(got, want) {
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("%s: decoded facts differ:\n got %+v\nwant %+v", want[i].Key, got[i].Facts, want[i].Facts)
				}
			}
			t.Fatal("decoded chunk differs")
		}
	}
}

// TestCodecCorrupt: every truncation and every single-byte change of a
// chunk either decodes or is refused; nothing panics or allocates beyond
// the input.
func TestCodecCorrupt(t *testing.T) {
	files := fixtureFacts(t)
	b := appendChunk(nil, []entry{{Key: "a", Facts: files[0].Facts}, {Key: "b", Facts: files[1].Facts}})
	for n := range len(b) {
		if _, err := decodeChunk(b[:n]); err == nil {
			t.Fatalf("a chunk cut at %d of %d bytes decodes", n, len(b))
		}
	}
	if _, err := decodeChunk(append(bytes.Clone(b), 0)); err == nil {
		t.Fatal("a chunk with a trailing byte decodes")
	}
	for i := range len(b) {
		c := bytes.Clone(b)
		c[i] ^= 0xa5
		decodeChunk(c)
	}
}

func FuzzDecodeChunk(f *testing.F) {
	files := fixtureFacts(f)
	f.Add(appendChunk(nil, []entry{{Key: "a", Facts: files[0].Facts}}))
	f.Add([]byte{1, 0, 1, 'k', 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		es, err := decodeChunk(b)
		if err != nil {
			return
		}
		// What decodes encodes to the same facts again.
		again, err := decodeChunk(appendChunk(nil, es))
		if err != nil || !reflect.DeepEqual(again, es) {
			t.Fatalf("re-encoding what decoded fails: %v", err)
		}
	})
}
