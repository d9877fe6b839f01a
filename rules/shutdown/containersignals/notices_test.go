package containersignals_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/shutdown/containersignals"
)

// TestInputProblemsAreNotices: a Dockerfile that cannot be read, a PM2 file
// with a syntax error and a script that cannot be read each give a notice
// naming the file instead of being skipped in silence; a readable input
// gives none.
func TestInputProblemsAreNotices(t *testing.T) {
	const mainTS = "import { NestFactory } from '@nestjs/core';\nexport async function bootstrap() {}\n"
	for _, tc := range []struct {
		name     string
		files    map[string]string
		file     string // the notice names it (relative to the case), "" for none
		level    lint.Severity
		msg      string
		findings int
	}{
		{"dockerfile too large", map[string]string{"Dockerfile": "FROM node:20\n" + strings.Repeat("# padding\n", 420_000)},
			"Dockerfile", lint.Warning, "cannot read: file is ", 0},
		{"pm2 syntax error", map[string]string{"ecosystem.config.js": "module.exports = { apps: [{ name: 'api', exec_mode: 'cluster' }] };\nconst = ;\n"},
			"ecosystem.config.js", lint.Note, "PM2 file with a syntax error: only the apps that could be read were checked", 1},
		{"script too large", map[string]string{"Dockerfile": "FROM node:20\nCOPY start.sh .\nCMD [\"./start.sh\"]\n", "start.sh": "#!/bin/sh\n" + strings.Repeat("# padding\n", 30_000) + "npm start\n"},
			"start.sh", lint.Warning, "cannot read the script CMD runs: file is ", 0},
		{"readable", map[string]string{"ecosystem.config.js": "module.exports = { apps: [{ name: 'api', exec_mode: 'cluster', kill_timeout: 5000 }] };\n"},
			"", 0, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.files["package.json"] = `{"name":"api"}`
			tc.files["src/main.ts"] = mainTS
			for name, src := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, res := checkertest.RunCase(t, dir, []*lint.Rule{containersignals.Rule}, checkertest.Options{})
			if len(got) != tc.findings {
				t.Errorf("got %d findings, want %d: %v", len(got), tc.findings, got)
			}
			if tc.file == "" {
				if len(res.Notices) != 0 {
					t.Errorf("notices = %+v, want none", res.Notices)
				}
				return
			}
			if len(res.Notices) != 1 {
				t.Fatalf("notices = %+v, want one", res.Notices)
			}
			n := res.Notices[0]
			if n.File != filepath.Join(dir, tc.file) || n.Level != tc.level || !strings.HasPrefix(n.Message, tc.msg) {
				t.Errorf("notice = %+v, want %s %v %q...", n, tc.file, tc.level, tc.msg)
			}
		})
	}
}
