package tsconfig

import "path/filepath"

// DisplayPath names config file p (absolute; "" for c itself) for a
// message: relative to the display root (SetDisplayRoot), so that
// `apps/api/tsconfig.app.json` and the root `tsconfig.json` are told apart;
// a file outside the root is named relative to it too (`../tsconfig.base.json`)
// rather than by its bare base name.
func (c *Config) DisplayPath(p string) string {
	if p == "" {
		p = c.Path
	}
	if c.root != "" {
		if rel, err := filepath.Rel(c.root, p); err == nil && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return c.display(p)
}
