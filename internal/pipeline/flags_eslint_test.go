package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestColorPrecedence(t *testing.T) {
	var buf bytes.Buffer
	tests := []struct {
		name          string
		env           map[string]string // "" value: unset
		color, noColr bool
		output        string
		want          bool
	}{
		{name: "not a terminal", want: false},
		{name: "--color", color: true, want: true},
		{name: "--no-color wins over --color", color: true, noColr: true, want: false},
		{name: "--no-color wins over FORCE_COLOR", noColr: true, env: map[string]string{"FORCE_COLOR": "1"}, want: false},
		{name: "--color wins over NO_COLOR", color: true, env: map[string]string{"NO_COLOR": "1"}, want: true},
		{name: "FORCE_COLOR", env: map[string]string{"FORCE_COLOR": "1"}, want: true},
		{name: "FORCE_COLOR empty forces", env: map[string]string{"FORCE_COLOR": "set-empty"}, want: true},
		{name: "FORCE_COLOR=0", env: map[string]string{"FORCE_COLOR": "0", "CLICOLOR_FORCE": "1"}, want: false},
		{name: "FORCE_COLOR wins over NO_COLOR", env: map[string]string{"FORCE_COLOR": "true", "NO_COLOR": "1"}, want: true},
		{name: "NO_COLOR wins over CLICOLOR_FORCE", env: map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, want: false},
		{name: "CLICOLOR_FORCE", env: map[string]string{"CLICOLOR_FORCE": "1"}, want: true},
		{name: "CLICOLOR_FORCE=0", env: map[string]string{"CLICOLOR_FORCE": "0"}, want: false},
		{name: "never into -o", color: true, output: "report.txt", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"FORCE_COLOR", "NO_COLOR", "CLICOLOR_FORCE"} {
				t.Setenv(k, "")
				os.Unsetenv(k)
			}
			for k, v := range tt.env {
				if v == "set-empty" {
					v = ""
				}
				t.Setenv(k, v)
			}
			o := &options{NoColor: tt.noColr, Output: tt.output}
			o.ES.color = tt.color
			if got := o.colorFor(&buf); got != tt.want {
				t.Errorf("colour %v, want %v", got, tt.want)
			}
		})
	}
}

func TestIgnoreMatcher(t *testing.T) {
	base := filepath.FromSlash("/repo")
	m, err := newIgnoreMatcher(base, []string{"dist/", "*.gen.ts", "/tools", "src/legacy/**", "!src/legacy/keep.ts"})
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]bool{
		"dist/main.ts":            true,
		"apps/api/dist/x.ts":      true,  // no slash: any depth
		"dist.ts":                 false, // dist/ names folders only
		"src/a.gen.ts":            true,
		"src/a.ts":                false,
		"tools/seed.ts":           true,
		"apps/tools/seed.ts":      false, // anchored
		"src/legacy/old.ts":       true,
		"src/legacy/keep.ts":      false, // negated by a later pattern
		"lib/src/legacy/x.ts":     false,
		"../outside/dist/main.ts": false,
	} {
		if got := m.match(filepath.Join(base, filepath.FromSlash(rel))); got != want {
			t.Errorf("%s: ignored %v, want %v", rel, got, want)
		}
	}
	var nilm *ignoreMatcher
	if nilm.match("/repo/x.ts") {
		t.Error("a nil matcher ignores")
	}
	for _, bad := range []string{"", "!", "a/[b"} {
		if _, err := newIgnoreMatcher(base, []string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
