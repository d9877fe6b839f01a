package pipeline

import (
	"context"
	"errors"
	"maps"

	"github.com/nestlint/nestlint/parser"
)

// discoverFunc discovers the files under the program folders roots in one
// walk, not entering the folders in skip.
type discoverFunc func(roots, skip []string) (*parser.Discovery, error)

// discoverAll is a discoverFunc with no restriction on the roots.
func discoverAll(roots, skip []string) (*parser.Discovery, error) {
	return parser.DiscoverWith(context.Background(), roots, parser.DiscoverOptions{Skip: skip, Names: markerNames})
}

// addRest adds to the programs of byRoot that the request's walk did not
// cover (their root is not under a requested folder dirs) the files the
// request did not name, which cross-file rules still need; files of
// nested programs stay out. All those programs are walked at once, and
// the requested folders, walked already, are not entered again.
func addRest(byRoot map[string]*program, roots, dirs []string, pj *projects, discover discoverFunc) {
	var rest []string
	for _, root := range roots {
		if !coveredBy(dirs, root) {
			rest = append(rest, root)
		}
	}
	if len(rest) == 0 {
		return
	}
	whole, err := discover(rest, dirs)
	if err != nil {
		if !errors.Is(err, errNotWalked) {
			// Kept on each program (a notice names its root): it used
			// to be dropped.
			for _, root := range rest {
				byRoot[root].err = err
			}
		}
		return
	}
	// The folders this walk listed say whether they hold a marker: the
	// grouping below then lists none of them again (a single file's
	// request walks its whole program here).
	if len(whole.Listed) > 0 {
		listed := make(map[string]bool, len(pj.listed)+len(whole.Listed))
		maps.Copy(listed, pj.listed)
		maps.Copy(listed, whole.Listed)
		pj.listed = listed
		if pj.absent {
			setAbsent(listed)
		}
	}
	uncovered := func(f string) *program {
		root := pj.rootOf(f)
		if coveredBy(dirs, root) {
			return nil
		}
		return byRoot[root]
	}
	for _, f := range whole.Files {
		if p := uncovered(f); p != nil {
			p.files = append(p.files, f)
		}
	}
	for _, f := range whole.Extra {
		if p := uncovered(f); p != nil {
			p.extra = append(p.extra, f)
		}
	}
}
