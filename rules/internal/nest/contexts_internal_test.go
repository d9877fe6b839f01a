package nest

import (
	"strings"
	"testing"
)

// TestJoinedIs: joinedIs(path, s) is strings.Join(path, ".") == s.
func TestJoinedIs(t *testing.T) {
	t.Parallel()
	paths := [][]string{nil, {}, {"ConfigModule", "forRoot"}, {"ConfigModule", "forRootAsync"}, {"ConfigModule"},
		{"ConfigModule.forRoot"}, {"Config", "Module", "forRoot"}, {"ConfigModule", "forRoot", ""}, {"", "ConfigModule"},
		{"x", "ConfigModule", "forRoot"}, {"ConfigModule", "forFeature"}}
	for _, p := range paths {
		for _, s := range []string{"", "ConfigModule", "ConfigModule.forRoot", "ConfigModule.forFeature", "ConfigModule.forRoot.", ".ConfigModule"} {
			if got, want := joinedIs(p, s), strings.Join(p, ".") == s; got != want {
				t.Errorf("joinedIs(%q, %q) = %v, want %v", p, s, got, want)
			}
		}
	}
}
