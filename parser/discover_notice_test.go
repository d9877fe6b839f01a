package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParentGitignoreUnreadable: a .gitignore above the requested folder
// that cannot be read is a problem naming it (it was silently treated as
// empty); a readable one is applied without a problem.
func TestParentGitignoreUnreadable(t *testing.T) {
	for _, unreadable := range []bool{true, false} {
		repo := t.TempDir()
		app := filepath.Join(repo, "apps", "api")
		for _, d := range []string{filepath.Join(repo, ".git"), app} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if unreadable {
			// A folder named .gitignore: not a regular file.
			if err := os.Mkdir(filepath.Join(repo, ".gitignore"), 0o755); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(filepath.Join(repo, ".gitignore"), []byte("*.gen.ts\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for name, src := range map[string]string{"main.ts": "export const a = 1;\n", "x.gen.ts": "export const b = 2;\n"} {
			if err := os.WriteFile(filepath.Join(app, name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		d, err := Discover([]string{app})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range d.Problems {
			got = append(got, p.Path+": "+p.Message)
		}
		want := filepath.Join(repo, ".gitignore") + ": cannot read .gitignore: "
		if unreadable {
			if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.HasSuffix(got[0], "its patterns are not applied") {
				t.Errorf("problems = %q, want one naming %s", got, want)
			}
			if len(d.Files) != 2 {
				t.Errorf("files = %v, want both (no pattern applied)", d.Files)
			}
		} else {
			if len(got) != 0 {
				t.Errorf("problems = %q, want none", got)
			}
			if len(d.Files) != 1 || filepath.Base(d.Files[0]) != "main.ts" {
				t.Errorf("files = %v, want main.ts only (x.gen.ts ignored)", d.Files)
			}
		}
	}
}
