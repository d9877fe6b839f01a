//go:build unix

package pipeline

import (
	"path/filepath"
	"testing"
)

// TestFixRefusalOutsideRepo (issue 13 item 5): the last line of defence,
// fixRefusal, refuses any path outside the repository of the request.
func TestFixRefusalOutsideRepo(t *testing.T) {
	repo := t.TempDir()
	gitDir(t, repo)
	c := &collector{req: request{repo}}
	if why := c.fixRefusal("/etc/passwd", nil); why != "outside the repository" {
		t.Errorf("fixRefusal(/etc/passwd) = %q", why)
	}
	f := filepath.Join(repo, "a.ts")
	writeFile(t, f, "x\n")
	if why := c.fixRefusal(f, []byte("x\n")); why != "" {
		t.Errorf("fixRefusal(inside) = %q", why)
	}
}

func TestHasLoneCR(t *testing.T) {
	for in, want := range map[string]bool{"a\r\nb\r\n": false, "a\rb": true, "a\r": true, "a\r\nb\rc": true, "ab\n": false} {
		if got := hasLoneCR([]byte(in)); got != want {
			t.Errorf("hasLoneCR(%q) = %v", in, got)
		}
	}
}
