package cache

import (
	"os"
	"strings"
	"testing"
)

// TestResultKeyFirst: a stored result is found under its key; under
// another key the file is not even checked (a corrupt record gives no
// notice), under its own a corrupt record is refused with one, and a file
// of the earlier layout (no key line) is replaced silently.
func TestResultKeyFirst(t *testing.T) {
	root := t.TempDir()
	d, err := Open(root, "v1")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.StoreResult("/repo", "k1", nil, []string{"finding"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	if !d.Result("/repo", "k1", &got) || len(got) != 1 || got[0] != "finding" {
		t.Fatalf("stored result not found: %v", got)
	}
	if d.Result("/repo", "k2", &got) {
		t.Fatal("found under another key")
	}

	p := d.resultsPath("/repo")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-3] ^= 0xff // the record, after the key and checksum lines
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if d.Result("/repo", "k2", &got) {
		t.Fatal("found under another key")
	}
	if n := d.Notices(); len(n) != 0 {
		t.Fatalf("another key: the record was checked: %q", n)
	}
	if d.Result("/repo", "k1", &got) {
		t.Fatal("a corrupt record was trusted")
	}
	if n := d.Notices(); len(n) != 1 || !strings.Contains(n[0], "corrupt") {
		t.Fatalf("notices %q, want one for the corrupt record", n)
	}

	old, _ := Open(t.TempDir(), "v1")
	head := resultsMagic + "v1\n" + strings.Repeat("0", 64) + "\n"
	if err := os.WriteFile(old.resultsPath("/repo"), []byte(head+"payload"), 0o600); err != nil {
		t.Fatal(err)
	}
	if old.Result("/repo", "k1", &got) {
		t.Fatal("a file of the earlier layout was trusted")
	}
	if n := old.Notices(); len(n) != 0 {
		t.Fatalf("the earlier layout gave notices: %q", n)
	}
}
