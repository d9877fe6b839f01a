package containersignals_test

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/shutdown/containersignals"
)

// Dockerfiles and ecosystem files cannot carry `// want` comments, so the
// expected findings are listed here: file (relative to the case), line,
// regexp on "severity: message".
type want struct {
	file    string
	line    int
	re      string
	related string // "file:line: message" of the related location, if any
}

func Test(t *testing.T) {
	cases := []struct {
		dir   string
		wants []want
	}{
		{"docker", []want{
			{"Dockerfile.multistage", 15, `^warning: CMD in shell form runs .*: neither sh nor yarn forwards SIGTERM to node; use the exec form`, ""},
			{"Dockerfile.npm", 5, `^warning: CMD runs node through npm, which does not reliably forward SIGTERM`, ""},
			{"Dockerfile.shell", 4, `^warning: CMD in shell form runs ` + "`" + `/bin/sh -c node dist/main.js` + "`" + `: sh does not forward SIGTERM to node`, ""},
		}},
		{"pm2", []want{
			{"ecosystem.config.cjs", 3, "^warning: PM2 app `api-fast` in cluster mode has `kill_timeout` 1600 ms: .* set it to at least 3000$", ""},
			{"ecosystem.config.js", 3, "^warning: PM2 app `api` in cluster mode has no `kill_timeout`", ""},
		}},
		{"inherit", nil},
		{"script", []want{
			{"Dockerfile.copied", 10, "^warning: CMD runs `/app/boot.sh`, which ends in `yarn start:prod` without exec, so SIGTERM never reaches node", "deploy/boot.sh:3: the app is started here"},
			{"Dockerfile.execnpm", 4, "^warning: CMD runs `./start-npm.sh`, which ends in `exec npm run start:prod`, and npm does not reliably forward SIGTERM", "start-npm.sh:3: the app is started here"},
			{"Dockerfile.npm", 5, "^warning: CMD runs `./entrypoint.sh`, which ends in `npm run start:prod` without exec", "entrypoint.sh:8: the app is started here"},
			{"Dockerfile.passthrough", 5, "^warning: ENTRYPOINT runs `./docker-entrypoint.sh`, which runs the CMD with `\\$@` without exec", "docker-entrypoint.sh:6: the app is started here"},
			{"Dockerfile.wait", 4, "^warning: CMD runs `scripts/start-bg.sh`, which waits for `node dist/main.js` without exec", "scripts/start-bg.sh:3: the app is started here"},
		}},
		{"upward/apps/api", []want{
			{"../../Dockerfile", 4, `^warning: CMD runs node through pnpm`, ""},
		}},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			dir := filepath.Join(checkertest.TestData(), "src", c.dir)
			got, _ := checkertest.RunCase(t, dir, []*lint.Rule{containersignals.Rule}, checkertest.Options{})
			if len(got) != len(c.wants) {
				t.Errorf("got %d findings, want %d:\n%v", len(got), len(c.wants), got)
			}
			for i, w := range c.wants {
				if i >= len(got) {
					break
				}
				g := got[i]
				if g.File != w.file || g.Line != w.line || !regexp.MustCompile(w.re).MatchString(g.Text) {
					t.Errorf("finding %d: got %s, want %s:%d %s", i, g, w.file, w.line, w.re)
				}
				if w.related != "" && (len(g.Related) != 1 || g.Related[0] != w.related) {
					t.Errorf("finding %d: related %v, want %q", i, g.Related, w.related)
				}
			}
		})
	}
}
