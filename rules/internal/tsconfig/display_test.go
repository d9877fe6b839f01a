package tsconfig

import (
	"path/filepath"
	"testing"
)

// TestDisplayPath: a config file is named relative to the display root,
// inside it or not, so two tsconfig.json files are never confused.
func TestDisplayPath(t *testing.T) {
	root := filepath.FromSlash("/repo")
	c := &Config{Path: filepath.FromSlash("/repo/apps/api/tsconfig.app.json"), root: root}
	for _, tc := range []struct{ in, want string }{
		{"", "apps/api/tsconfig.app.json"},
		{"/repo/tsconfig.json", "tsconfig.json"},
		{"/repo/libs/core/tsconfig.json", "libs/core/tsconfig.json"},
		{"/shared/tsconfig.base.json", "../shared/tsconfig.base.json"},
	} {
		if got := c.DisplayPath(filepath.FromSlash(tc.in)); got != tc.want {
			t.Errorf("DisplayPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := (&Config{Path: filepath.FromSlash("/x/tsconfig.json")}).DisplayPath(""); got != "tsconfig.json" {
		t.Errorf("no root: %q, want the base name", got)
	}
}
