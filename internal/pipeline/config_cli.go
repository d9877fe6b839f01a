package pipeline

import (
	"io"
	"os"
	"path/filepath"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules/lint"
)

// loadConfig loads --config into o.Cfg, or, without it, sets up the
// nested configurations (nested_cli.go): o.Cfg is then the merged
// configuration of the current folder (nil without a file). It sets up
// the progress line. When ok is false the run is over with code.
func loadConfig(o *options, all []*lint.Rule, stderr io.Writer) (code int, ok bool) {
	o.Prog = newProgress(stderr, o.Quiet)
	if o.Config == "" {
		wd, err := os.Getwd()
		if err != nil {
			return exitOK, true
		}
		o.Nested = config.NewResolver(all, func(abs string) string {
			if r, err := filepath.Rel(wd, abs); err == nil {
				return r
			}
			return abs
		})
		// Errors are reported with those of the other files read
		// (selectRunRules), all at once.
		o.Cfg = o.Nested.ForDir(wd)
		return exitOK, true
	}
	cfg, err := config.Load(o.Config, o.Config, all)
	if err != nil {
		return configError(stderr, err), false
	}
	o.Cfg = cfg
	return exitOK, true
}

// configError prints every configuration error, one per line, and
// returns exitUsage.
func configError(stderr io.Writer, err error) int {
	for _, line := range config.ErrorLines(err) {
		usageError(stderr, "%s", line)
	}
	return exitUsage
}

// ignoredBy returns whether a file (by output name) is ignored by the
// configuration that applies to it or by --ignore-pattern, or nil with
// --no-ignore. Tool errors are never ignored (dropIgnoredNotices).
func (c *collector) ignoredBy(o *options) func(name string) bool {
	if o.ES.noIgnore {
		return nil
	}
	return func(name string) bool {
		abs, ok := c.paths[name]
		if !ok {
			abs = filepath.Join(c.names.root, filepath.FromSlash(name))
		}
		return o.cfgFor(abs).Ignored(abs) || o.ES.ignores.match(abs)
	}
}

// dropIgnoredNotices removes the parse notices of files that are ignored
// (ignoredBy); their findings are dropped by the filters (filters.go,
// step 2). Tool errors stay.
func dropIgnoredNotices(c *collector, o *options) {
	ignored := c.ignoredBy(o)
	if ignored == nil {
		return
	}
	notices := c.notices[:0]
	for _, n := range c.notices {
		if n.File == "" || n.Level == lint.Error || !ignored(n.File) {
			notices = append(notices, n)
		}
	}
	c.notices = notices
}
