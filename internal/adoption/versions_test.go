package adoption_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pinnedVersion finds nestlint versions that docs tell users to pin:
// rev: v1.2.3, version: v1.2.3, nestlint/nestlint@v1.2.3, nestlint@v1.2.3,
// nestlint@1.2.3 (npm).
var pinnedVersion = regexp.MustCompile(`(?:\brev:\s*|\bversion:\s*|nestlint(?:/nestlint)?@)['"]?(v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)`)

// releasedVersions are the CHANGELOG.md sections with a date, not marked
// unreleased: the versions that exist as tags.
func releasedVersions(t *testing.T, root string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		title, ok := strings.CutPrefix(l, "## ")
		if !ok || strings.Contains(strings.ToLower(title), "unreleased") {
			continue
		}
		if v, _, _ := strings.Cut(title, " "); strings.HasPrefix(v, "v") {
			out[v] = true
		}
	}
	return out
}

// TestDocsPinOnlyReleasedVersions: no doc tells users to pin a nestlint
// version that has not been released (pre-commit fails with "pathspec
// 'v0.1.0' did not match" otherwise). Docs use the vX.Y.Z placeholder until
// CHANGELOG.md dates a release.
func TestDocsPinOnlyReleasedVersions(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	released := releasedVersions(t, root)
	files := []string{"README.md", "action.yml", ".pre-commit-hooks.yaml", "npm/nestlint/README.md"}
	for _, glob := range []string{"docs/*.md", "docs/examples/*.yml", ".github/workflows/*.yml"} {
		m, err := filepath.Glob(filepath.Join(root, glob))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			rel, _ := filepath.Rel(root, f)
			files = append(files, filepath.ToSlash(rel))
		}
	}
	checked := 0
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range pinnedVersion.FindAllStringSubmatch(line, -1) {
				v := m[1]
				if !strings.HasPrefix(v, "v") {
					v = "v" + v
				}
				if !released[v] {
					t.Errorf("%s:%d pins nestlint %s, which CHANGELOG.md does not list as released: use the vX.Y.Z placeholder\n\t%s",
						f, i+1, m[1], strings.TrimSpace(line))
				}
			}
		}
	}
	if checked < 6 {
		t.Errorf("checked only %d files", checked)
	}
	// The pattern finds what it must (so the test can fail).
	for _, bad := range []string{"    rev: v0.1.0", "- uses: nestlint/nestlint@v0.1.0", "go install github.com/nestlint/nestlint/cmd/nestlint@v0.1.0",
		"npx nestlint@0.1.0", "version: 'v0.1.0'"} {
		if !pinnedVersion.MatchString(bad) {
			t.Errorf("pinnedVersion misses %q", bad)
		}
	}
	for _, ok := range []string{"rev: vX.Y.Z", "uses: actions/checkout@v4", "go-version: '1.26'", "minimum_pre_commit_version: \"2.9.0\""} {
		if pinnedVersion.MatchString(ok) {
			t.Errorf("pinnedVersion flags %q", ok)
		}
	}
}
