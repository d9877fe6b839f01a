package parser

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// keyed is a KeyedCache in memory.
type keyed struct{ m map[string]Stored }

func (k *keyed) Key(tsx bool, src []byte) string {
	h := sha256.New()
	if tsx {
		h.Write([]byte{1})
	}
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

func (k *keyed) GetKey(key string) (Stored, bool) { st, ok := k.m[key]; return st, ok }
func (k *keyed) Get(bool, []byte) (*Facts, bool)  { return nil, false }
func (k *keyed) Put(bool, []byte, *Facts)         {}

// TestFromKey: a file whose key the caller vouches for gets the facts the
// cache holds under it without being read; its positions are those of a
// file parsed from its text, its text is read on first use, and a file
// that changed since its key was taken gets no text rather than text its
// facts do not describe.
func TestFromKey(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "cats.service.ts")
	src := []byte("#!/usr/bin/env node\nimport { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class CatsService {\n  find() { return this.repo.find(); }\n}\n")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	eager := Parse(context.Background(), []string{path}, Options{Jobs: 1})
	if len(eager.Files) != 1 {
		t.Fatalf("eager parse: %+v", eager.Problems)
	}
	ef := eager.Files[0]
	c := &keyed{m: map[string]Stored{}}
	key := c.Key(false, src)
	c.m[key] = Stored{Facts: ef.Facts, Size: len(src), Shebang: true}
	known := func(p string) (string, bool) { return key, p == path }

	r := Parse(context.Background(), []string{path}, Options{Jobs: 1, Cache: c, Known: known})
	if len(r.Files) != 1 {
		t.Fatalf("keyed parse: %+v", r.Problems)
	}
	f := r.Files[0]
	if f.Facts != ef.Facts || f.Read() || !f.Shebang() || f.Size() != len(src) {
		t.Fatalf("facts shared %v, read %v, shebang %v, size %d", f.Facts == ef.Facts, f.Read(), f.Shebang(), f.Size())
	}
	if got := f.Source(); string(got) != string(src) || !f.Read() {
		t.Fatalf("Source() = %q (read %v)", got, f.Read())
	}
	if !f.SetLines() || !ef.SetLines() {
		t.Fatal("SetLines failed")
	}
	for off := uint32(0); off <= uint32(len(src)); off++ {
		got, want := r.Fset.Position(f.Pos(off)), eager.Fset.Position(ef.Pos(off))
		if got.Line != want.Line || got.Column != want.Column {
			t.Fatalf("offset %d: %v, parsed from the text %v", off, got, want)
		}
	}
	if got := f.Source(); string(got) != string(src) || !f.Read() {
		t.Fatalf("Source() = %q (read %v)", got, f.Read())
	}

	// Changed on disk since the key was taken: no text.
	changed := slices.Clone(src)
	changed[len(changed)-3] = ';'
	if err := os.WriteFile(path, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	r = Parse(context.Background(), []string{path}, Options{Jobs: 1, Cache: c, Known: known})
	if f := r.Files[0]; f.Facts != ef.Facts || f.Source() != nil {
		t.Errorf("a file changed since its key was taken: facts shared %v, text %q", f.Facts == ef.Facts, f.Source())
	}

	// Without a key, or with one the cache does not hold, the file is read.
	for _, k := range []func(string) (string, bool){nil, func(string) (string, bool) { return "nope", true }} {
		r = Parse(context.Background(), []string{path}, Options{Jobs: 1, Cache: c, Known: k})
		if f := r.Files[0]; !f.Read() || string(f.Source()) != string(changed) {
			t.Errorf("no usable key: read %v", f.Read())
		}
	}
}

// TestLineStarts: File.SetLines gives the line table
// token.File.SetLinesForContent computes.
func TestLineStarts(t *testing.T) {
	for _, src := range []string{"", "a", "\n", "\n\n", "a\nb", "a\nb\n", "a\r\nb\r\n\r\n", "\nx", "x\n\n\ny"} {
		tf := token.NewFileSet().AddFile("f.ts", -1, len(src))
		tf.SetLinesForContent([]byte(src))
		want := tf.Lines()
		if got := LineStarts([]byte(src)); !slices.Equal(got, want) || got == nil {
			t.Errorf("LineStarts(%q) = %v, want %v", src, got, want)
		}
	}
}
