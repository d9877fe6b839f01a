package cache

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nestlint/nestlint/parser"
)

func facts(t *testing.T, src string) *parser.Facts {
	t.Helper()
	_, f, err := parser.ParseBytes("a.ts", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const src = "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class A { run() { return [1].map((x) => x + 1); } }\n"

func reopen(t *testing.T, d *Dir, version string) *Dir {
	t.Helper()
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := Open(d.root, version)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	d, err := Open(t.TempDir(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := facts(t, src)
	if _, ok := d.Get(false, []byte(src)); ok {
		t.Fatal("hit in an empty cache")
	}
	d.Put(false, []byte(src), want)
	d = reopen(t, d, "v1")
	got, ok := d.Get(false, []byte(src))
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip: ok=%v\n got %+v\nwant %+v", ok, got, want)
	}
	if _, ok := d.Get(true, []byte(src)); ok {
		t.Error("a .tsx file got the facts of the same text parsed as .ts")
	}
	if _, ok := d.Get(false, []byte(src+" ")); ok {
		t.Error("changed content hit the cache")
	}
	if s := d.Stats(); s.Hits != 1 || s.Misses != 2 || s.Writes != 0 {
		t.Errorf("stats = %+v", s)
	}
	if other := reopen(t, d, "v2"); len(other.entries) != 0 || len(other.Notices()) != 0 {
		t.Errorf("another version read the pack (%d entries) or complained: %q", len(other.entries), other.Notices())
	}
}

// TestUntrustedPack: a truncated, corrupt or foreign pack is never used:
// every lookup misses, a notice says so, and the next write rebuilds it.
func TestUntrustedPack(t *testing.T) {
	t.Parallel()
	cases := map[string]func(good []byte) []byte{
		"truncated": func(good []byte) []byte { return good[:len(good)/2] },
		"corrupt":   func(good []byte) []byte { b := append([]byte(nil), good...); b[len(b)-5] ^= 0xff; return b },
		"foreign":   func([]byte) []byte { return []byte("{\"hello\": \"world\"}\n") },
		"empty":     func([]byte) []byte { return nil },
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d, _ := Open(t.TempDir(), "v1")
			f := facts(t, src)
			d.Put(false, []byte(src), f)
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			good, err := os.ReadFile(d.packPath())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(d.packPath(), spoil(good), 0o644); err != nil {
				t.Fatal(err)
			}
			d, _ = Open(d.root, "v1")
			if got, ok := d.Get(false, []byte(src)); ok {
				t.Fatalf("a %s pack was trusted: %+v", name, got)
			}
			if n := d.Notices(); len(n) != 1 || !strings.Contains(n[0], "not trusted") {
				t.Errorf("notices = %q", n)
			}
			d.Put(false, []byte(src), f)
			if d = reopen(t, d, "v1"); len(d.Notices()) != 0 {
				t.Errorf("still untrusted after a rebuild: %q", d.Notices())
			}
			if _, ok := d.Get(false, []byte(src)); !ok {
				t.Error("not rebuilt")
			}
		})
	}
}

// TestConcurrentRuns: runs writing the same cache at once leave a pack
// that a later run can read, and no temporary files.
func TestConcurrentRuns(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	f := facts(t, src)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				d, err := Open(root, "v1")
				if err != nil {
					t.Error(err)
					return
				}
				if n := d.Notices(); len(n) > 0 {
					t.Errorf("a concurrent run saw a broken pack: %q", n)
				}
				d.Put(false, []byte(src+strings.Repeat(" ", i)), f)
				if err := d.Close(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	des, _ := os.ReadDir(root)
	for _, de := range des {
		if de.Name() != packName {
			t.Errorf("left behind: %s", de.Name())
		}
	}
}

// TestPackHoldsTheLastRun: entries the last run did not use are dropped,
// so the pack stays the size of the program.
func TestPackHoldsTheLastRun(t *testing.T) {
	t.Parallel()
	d, _ := Open(t.TempDir(), "v1")
	f := facts(t, src)
	d.Put(false, []byte("a"+src), f)
	d.Put(false, []byte("b"+src), f)
	d = reopen(t, d, "v1")
	d.Get(false, []byte("a"+src))
	d = reopen(t, d, "v1")
	d.ensure() // the pack is read on first use
	if len(d.entries) != 1 {
		t.Errorf("%d entries, want only the one the last run used", len(d.entries))
	}
	stale := filepath.Join(d.root, ".tmp-stale")
	os.WriteFile(stale, []byte("x"), 0o644)
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	d.Close()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a stale temporary file survived")
	}
}

func TestOpenRefusesAFile(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "file")
	os.WriteFile(p, nil, 0o644)
	if _, err := Open(p, "v1"); err == nil {
		t.Error("a regular file was accepted as the cache folder")
	}
}

// TestUnusedPackIsKept: a run that never asks the cache (its results came
// from the results file) neither reads nor rewrites the pack.
func TestUnusedPackIsKept(t *testing.T) {
	t.Parallel()
	d, _ := Open(t.TempDir(), "v1")
	d.Put(false, []byte(src), facts(t, src))
	d = reopen(t, d, "v1")
	before, err := os.Stat(d.packPath())
	if err != nil {
		t.Fatal(err)
	}
	d = reopen(t, d, "v1")
	after, err := os.Stat(d.packPath())
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("an unused pack was rewritten")
	}
	if _, ok := d.Get(false, []byte(src)); !ok {
		t.Error("the kept pack lost its entry")
	}
}

// TestPreload: a pack decoded in the background serves the Gets that
// follow, and a run that preloads and then uses nothing (every file
// unlintable) closes the pack only once the load is done (the race
// detector checks it) and keeps it as it was.
func TestPreload(t *testing.T) {
	t.Parallel()
	d, err := Open(t.TempDir(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := facts(t, src)
	d.Put(false, []byte(src), want)
	d = reopen(t, d, "v1")
	d.Preload()
	if got, ok := d.Get(false, []byte(src)); !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("after Preload: ok=%v", ok)
	}
	d = reopen(t, d, "v1")
	d.Preload()
	if err := d.Flush(); err != nil {
		t.Fatal(err)
	}
	d = reopen(t, d, "v1")
	if _, ok := d.Get(false, []byte(src)); !ok {
		t.Error("a run that preloaded and used nothing lost the pack")
	}
}

// TestGetKey: a run that holds a file's content key gets its facts, its
// length, line table and shebang flag from the pack without the content;
// a key the cache does not hold is no hit and no counted miss.
func TestGetKey(t *testing.T) {
	t.Parallel()
	d, err := Open(t.TempDir(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	script := "#!/usr/bin/env node\n" + src + "\n\n"
	want := facts(t, script)
	d.Put(false, []byte(script), want)
	d = reopen(t, d, "v1")
	st, ok := d.GetKey(d.Key(false, []byte(script)))
	if !ok || !reflect.DeepEqual(st.Facts, want) {
		t.Fatalf("GetKey: ok=%v facts %+v", ok, st.Facts)
	}
	if st.Size != len(script) || !st.Shebang {
		t.Errorf("size %d shebang %v, want %d true", st.Size, st.Shebang, len(script))
	}
	if _, ok := d.GetKey(d.Key(true, []byte(script))); ok {
		t.Error("the .tsx key of the same text hit")
	}
	if s := d.Stats(); s.Hits != 1 || s.Misses != 0 {
		t.Errorf("stats = %+v, want one hit and no miss", s)
	}
	// What GetKey found is kept in the next pack.
	d = reopen(t, d, "v1")
	if _, ok := d.Get(false, []byte(script)); !ok {
		t.Error("an entry found by key was dropped from the next pack")
	}
}
