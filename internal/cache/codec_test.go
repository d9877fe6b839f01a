package cache

import (
	"bytes"
	"context"
	"encoding/gob"
	"io/fs"
	"path/filepath"
	"reflect"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

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

// viaGob is what gob, the earlier codec, gives back for fs: the
// reference the generated codec must match (empty slices come back nil
// from both).
func viaGob(t testing.TB, fs []*parser.Facts) []*parser.Facts {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(fs); err != nil {
		t.Fatal(err)
	}
	var out []*parser.Facts
	if err := gob.NewDecoder(&b).Decode(&out); err != nil {
		t.Fatal(err)
	}
	for i := range out {
		if out[i] == nil {
			out[i] = &parser.Facts{} // gob drops a pointer to a zero struct
		}
	}
	return out
}

// TestCodecRoundTrip encodes the facts of every fixture in chunks and
// decodes them: every field comes back as it went in, with the content's
// length, line table and shebang flag.
func TestCodecRoundTrip(t *testing.T) {
	files := fixtureFacts(t)
	var es []entry
	for i, f := range files {
		src := f.Source()
		if i%5 == 1 {
			src = append([]byte("#!/usr/bin/env node\n"), src...) // the flag, and lines that differ
		}
		es = append(es, entry{Key: f.Path, Item: itemOf(src, f.Facts)})
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
		if len(got) != len(chunk) {
			t.Fatalf("chunk at %d: %d entries back, want %d", start, len(got), len(chunk))
		}
		var facts []*parser.Facts
		for _, e := range chunk {
			if e.Item != nil {
				facts = append(facts, e.Item.facts)
			}
		}
		want := viaGob(t, facts)
		k := 0
		for i, e := range chunk {
			g := got[i]
			if g.Key != e.Key || (g.Item == nil) != (e.Item == nil) {
				t.Fatalf("entry %s came back as %s (facts %v)", e.Key, g.Key, g.Item != nil)
			}
			if e.Item == nil {
				continue
			}
			if !reflect.DeepEqual(g.Item.facts, want[k]) {
				t.Fatalf("%s: decoded facts differ:\n got %+v\nwant %+v", e.Key, g.Item.facts, want[k])
			}
			k++
			if g.Item.size != e.Item.size || g.Item.shebang != e.Item.shebang {
				t.Fatalf("%s: size %d shebang %v, want %d %v", e.Key, g.Item.size, g.Item.shebang, e.Item.size, e.Item.shebang)
			}
		}
	}
}

// TestCodecCorrupt: every truncation and every single-byte change of a
// chunk either decodes or is refused; nothing panics or allocates beyond
// the input.
func TestCodecCorrupt(t *testing.T) {
	files := fixtureFacts(t)
	b := appendChunk(nil, []entry{{Key: "a", Item: itemOf(files[0].Source(), files[0].Facts)}, {Key: "b", Item: itemOf(files[1].Source(), files[1].Facts)}})
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
	f.Add(appendChunk(nil, []entry{{Key: "a", Item: itemOf(files[0].Source(), files[0].Facts)}}))
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

// TestDecodedFactsLetGoOfTheChunk: the facts decoded from a chunk share
// none of its bytes, so the pack read at the start of a run is collected
// once it was written again, while the facts live on.
func TestDecodedFactsLetGoOfTheChunk(t *testing.T) {
	files := fixtureFacts(t)
	var es []entry
	for _, f := range files[:min(len(files), chunkEntries)] {
		es = append(es, entry{Key: f.Path, Item: itemOf(f.Source(), f.Facts)})
	}
	var freed atomic.Bool
	var got []entry
	func() {
		b := appendChunk(nil, es)
		runtime.AddCleanup(&b[0], func(int) { freed.Store(true) }, 0)
		var err error
		if got, err = decodeChunk(b); err != nil {
			t.Fatal(err)
		}
	}()
	for deadline := time.Now().Add(5 * time.Second); !freed.Load() && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if !freed.Load() {
		t.Error("the chunk's bytes are still alive: decoded facts point into them")
	}
	if len(got) != len(es) || got[0].Key != es[0].Key || !reflect.DeepEqual(got[0].Item.facts, es[0].Item.facts) {
		t.Errorf("decoded %d entries, want %d equal to those encoded", len(got), len(es))
	}
	runtime.KeepAlive(got)
}

// TestCodecKeepsSharing: values that share their parts in memory (a
// call's argument and the call's value) share them after a round trip
// through a chunk, which stores them once; a reference to a part the
// chunk has not decoded yet is corrupt.
func TestCodecKeepsSharing(t *testing.T) {
	more := &parser.ValueMore{Props: []parser.Prop{{Key: "where", Value: parser.Value{Text: "id", Kind: parser.VIdent, Func: -1}}}}
	arg := parser.Value{Kind: parser.VObject, Func: -1, More: more}
	facts := &parser.Facts{ErrorOffset: -1,
		Calls:  []parser.Call{{Path: []string{"this", "repo", "find"}, Method: "find", Args: []parser.Value{arg}, Func: -1, Outer: -1}},
		Locals: []parser.Local{{Func: -1, Name: "users", Kind: "const", HasValue: true, Value: parser.Value{Kind: parser.VCall, Text: "this.repo.find", Func: -1, More: &parser.ValueMore{Elems: []parser.Value{arg}}}}},
	}
	src := []byte("const users = this.repo.find({ where: id });\n")
	shared := appendChunk(nil, []entry{{Key: "k", Item: itemOf(src, facts)}})
	got, err := decodeChunk(shared)
	if err != nil {
		t.Fatal(err)
	}
	g := got[0].Item.facts
	if !reflect.DeepEqual(g, facts) {
		t.Fatalf("round trip changed the facts:\n got %+v\nwant %+v", g, facts)
	}
	if g.Calls[0].Args[0].More != g.Locals[0].Value.Elems()[0].More {
		t.Error("the argument's parts are two copies after the round trip, want one shared")
	}
	// The same facts with the parts copied encode longer: the shared
	// ones were written once.
	copied := *facts
	copied.Calls = []parser.Call{facts.Calls[0]}
	copied.Calls[0].Args = []parser.Value{{Kind: parser.VObject, Func: -1, More: &parser.ValueMore{Props: more.Props}}}
	if n := len(appendChunk(nil, []entry{{Key: "k", Item: itemOf(src, &copied)}})); n <= len(shared) {
		t.Errorf("copied parts encode in %d bytes, shared ones in %d: want the shared ones shorter", n, len(shared))
	}
	// A reference to the 5th pointer of a chunk that has none: corrupt.
	d := &decoder{b: []byte{5 + 2}}
	if p, fresh := d.ptr(); p != nil || fresh || d.err == nil {
		t.Errorf("dangling reference: %v, %v, err %v; want an error", p, fresh, d.err)
	}
}
