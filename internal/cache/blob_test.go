package cache

import (
	"reflect"
	"testing"
)

// TestStoreBlobAsync: a blob stored in the background is on disk once
// the folder is closed, and a later Dir reads it back; an unknown blob or
// one of another version is not found.
func TestStoreBlobAsync(t *testing.T) {
	root := t.TempDir()
	d, err := Open(root, "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"a.ts": 1, "b.ts": 2}
	d.StoreBlobAsync("sums", "/repo", want)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if n := d.Notices(); len(n) != 0 {
		t.Fatalf("notices: %q", n)
	}
	again, err := Open(root, "v1")
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]int
	if !again.Blob("sums", "/repo", &got) || !reflect.DeepEqual(got, want) {
		t.Errorf("read back %v, want %v", got, want)
	}
	if again.Blob("sums", "/other", &got) {
		t.Error("a blob of another program was found")
	}
	other, err := Open(root, "v2")
	if err != nil {
		t.Fatal(err)
	}
	if other.Blob("sums", "/repo", &got) {
		t.Error("a blob of another version was trusted")
	}
}
