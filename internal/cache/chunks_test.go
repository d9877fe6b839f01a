package cache

import (
	"fmt"
	"os"
	"reflect"
	"testing"
)

// variant is src made distinct by a trailing comment, so that its key
// differs.
func variant(i int) []byte { return []byte(fmt.Sprintf("%s// %d\n", src, i)) }

// fill stores n variants in a fresh cache and returns it reopened.
func fill(t *testing.T, n int) *Dir {
	t.Helper()
	d, _ := Open(t.TempDir(), "v1")
	f := facts(t, src)
	for i := 0; i < n; i++ {
		d.Put(false, variant(i), f)
	}
	return reopen(t, d, "v1")
}

// TestChunksReusedAfterAFewChanges: a run that uses most entries again
// and adds a few copies the old chunks as they are, and the pack read
// back holds exactly the entries that run used.
func TestChunksReusedAfterAFewChanges(t *testing.T) {
	t.Parallel()
	const n = 3*chunkEntries + 10
	d := fill(t, n)
	want := facts(t, src)
	// Everything but entry 0 (its chunk is not reused), plus two new ones.
	for i := 1; i < n; i++ {
		if _, ok := d.Get(false, variant(i)); !ok {
			t.Fatalf("entry %d missing", i)
		}
	}
	d.ensure()
	if len(d.chunks) != 4 {
		t.Fatalf("%d chunks, want 4", len(d.chunks))
	}
	d.mu.Lock()
	keys := make([]string, 0, len(d.used)+2)
	for k := range d.used {
		keys = append(keys, k)
	}
	reuse, rest := d.reusable(keys)
	d.mu.Unlock()
	if len(reuse) != 3 || len(rest) != chunkEntries-1 {
		t.Errorf("reused %d chunks, %d keys left; want 3 and %d", len(reuse), len(rest), chunkEntries-1)
	}
	d.Put(false, variant(n), want)
	d.Put(false, variant(n+1), want)
	d = reopen(t, d, "v1")
	d.ensure()
	if len(d.entries) != n+1 {
		t.Errorf("%d entries, want %d", len(d.entries), n+1)
	}
	if _, ok := d.Get(false, variant(0)); ok {
		t.Error("an entry the last run did not use survived")
	}
	for _, i := range []int{1, chunkEntries, n - 1, n, n + 1} {
		got, ok := d.Get(false, variant(i))
		if !ok {
			t.Fatalf("entry %d missing", i)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("entry %d differs after a copy", i)
		}
	}
	if nt := d.Notices(); len(nt) != 0 {
		t.Errorf("notices: %q", nt)
	}
}

// TestChunkChangedUnderUs: when the pack read back was changed in place
// before the next one is written, the chunks copied to the next pack are
// those read and verified, not the file's bytes: the new pack is still
// whole and trusted.
func TestChunkChangedUnderUs(t *testing.T) {
	t.Parallel()
	const n = 2 * chunkEntries
	d := fill(t, n)
	for i := 0; i < n; i++ {
		d.Get(false, variant(i))
	}
	d.Put(false, variant(n), facts(t, src))
	// Spoil the first chunk in place (same inode, still open in d).
	fh, err := os.OpenFile(d.packPath(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, err := fh.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.WriteAt([]byte{0xff, 0xff, 0xff}, st.Size()/4); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	d = reopen(t, d, "v1")
	for i := 0; i <= n; i++ {
		if _, ok := d.Get(false, variant(i)); !ok {
			t.Fatalf("entry %d missing", i)
		}
	}
	if nt := d.Notices(); len(nt) != 0 {
		t.Errorf("the new pack was not trusted: %q", nt)
	}
}

// TestFragmentedPackIsRewritten: runs that each add a few entries do not
// leave an ever longer list of small chunks.
func TestFragmentedPackIsRewritten(t *testing.T) {
	t.Parallel()
	d := fill(t, chunkEntries)
	f := facts(t, src)
	next := chunkEntries
	for run := 0; run < 20; run++ {
		d.ensure()
		for k := range d.entries {
			d.mu.Lock()
			d.used[k] = d.entries[k]
			d.mu.Unlock()
		}
		d.hits.Add(1)
		d.Put(false, variant(next), f)
		next++
		d = reopen(t, d, "v1")
	}
	d.ensure()
	if len(d.entries) != next {
		t.Fatalf("%d entries, want %d", len(d.entries), next)
	}
	fresh := (next + chunkEntries - 1) / chunkEntries
	if len(d.chunks) > 2*fresh+4 {
		t.Errorf("%d chunks for %d entries", len(d.chunks), next)
	}
}
