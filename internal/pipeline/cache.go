package pipeline

import (
	"fmt"
	"os"
	"strconv"

	"github.com/nestlint/nestlint/internal/cache"
	"github.com/nestlint/nestlint/parser"
)

// CacheVersion is the version key of cached facts: nestlint's version, the
// facts schema, and the executable's size and time, so that a rebuilt
// development binary never reads facts an older build wrote.
func CacheVersion(version string) string {
	v := version + " facts/" + strconv.Itoa(parser.FactsVersion)
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			v += fmt.Sprintf(" exe/%d/%d", st.Size(), st.ModTime().UnixNano())
		}
	}
	return v
}

// openCache opens the facts cache of a program, or returns nil (with a
// notice when the cache cannot be used) when caching is off.
func (c *collector) openCache(o *options, programRoot string) *cache.Dir {
	if o.NoCache {
		return nil
	}
	root := o.CacheLocation
	if root == "" {
		var err error
		if root, err = cache.DefaultRoot(programRoot); err != nil {
			c.noteOnce("cache: no user cache folder (" + err.Error() + "): running without a cache")
			return nil
		}
	}
	d, err := cache.Open(root, CacheVersion(o.Version))
	if err != nil {
		c.noteOnce(err.Error() + ": running without a cache")
		return nil
	}
	return d
}

// closeCache writes the cache and turns its problems into notices.
func (c *collector) closeCache(d *cache.Dir) {
	if d == nil {
		return
	}
	d.Close() // a failed write is among the notices
	for _, n := range d.Notices() {
		c.noteOnce(n)
	}
	s := d.Stats()
	c.cacheHits += s.Hits
	c.cacheMisses += s.Misses
}
