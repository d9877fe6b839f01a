package config

import (
	"strings"
	"testing"
)

// TestBraceAlternatives (issue 13 item 10): glob brace expansion is
// bounded at load time; {a,aa} 22 times took doublestar 6 s to match.
func TestBraceAlternatives(t *testing.T) {
	t.Parallel()
	for g, want := range map[string]int{
		"src/**/*.ts":                1,
		"**/*.{spec,test}.{ts,js}":   4,
		"{a,{b,c}}/x":                3,
		`\{a,b\}`:                    1,
		"[{]a,b[}]":                  1,
		"{a,b}{c,d}{e,f}":            8,
		strings.Repeat("{a,aa}", 22): MaxBraceAlternatives + 1,
	} {
		if got := braceAlternatives(g, MaxBraceAlternatives); got != want {
			t.Errorf("braceAlternatives(%q) = %d, want %d", g, got, want)
		}
	}
	src := "{\n  \"ignore\": [\n    \"" + strings.Repeat("{a,aa}", 22) + "b\"\n  ]\n}\n"
	_, err := Parse("nestlint.json", []byte(src), nil)
	if err == nil || !strings.Contains(err.Error(), "nestlint.json:3: ignore[0]: glob pattern") || !strings.Contains(err.Error(), "more than 256 alternatives") {
		t.Errorf("err = %v", err)
	}
	if _, err := Parse("nestlint.json", []byte(`{"ignore": ["**/*.{spec,test}.ts"]}`), nil); err != nil {
		t.Errorf("ordinary braces refused: %v", err)
	}
}
