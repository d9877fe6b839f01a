package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules/lint"
)

// loadConfig loads --config, or the nestlint.json found from the current
// folder up to the repository root, into o.cfg (nil without a file), and
// sets up the progress line. When ok is false the run is over with code.
func loadConfig(o *options, all []*lint.Rule, stderr io.Writer) (code int, ok bool) {
	o.prog = newProgress(stderr, o.quiet)
	path, name := o.config, o.config
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return exitOK, true
		}
		if path = config.Find(wd); path == "" {
			return exitOK, true
		}
		name = path
		if r, err := filepath.Rel(wd, path); err == nil {
			name = r
		}
	}
	cfg, err := config.Load(path, name, all)
	if err != nil {
		return usageError(stderr, "%v", err), false
	}
	o.cfg = cfg
	return exitOK, true
}

// dropIgnored removes the findings and the parse notices of files that the
// config's ignore globs match. Tool errors stay.
func dropIgnored(c *collector, cfg *config.Config) {
	if cfg == nil || len(cfg.Ignore) == 0 {
		return
	}
	ignored := func(name string) bool {
		abs, ok := c.paths[name]
		if !ok {
			abs = filepath.Join(c.names.root, filepath.FromSlash(name))
		}
		return cfg.Ignored(abs)
	}
	diags := c.diags[:0]
	for _, d := range c.diags {
		if !ignored(d.Location.File) {
			diags = append(diags, d)
		}
	}
	c.diags = diags
	notices := c.notices[:0]
	for _, n := range c.notices {
		if n.File == "" || n.Level == lint.Error || !ignored(n.File) {
			notices = append(notices, n)
		}
	}
	c.notices = notices
}
