package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/nestlint/nestlint/report"
)

// changedFiles returns the output names of the files changed since rev in
// the git repository of the first requested path: `git diff --name-only
// rev`, the untracked files that are not ignored, and the requested paths
// that are files.
func (c *collector) changedFiles(rev string) (map[string]bool, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("not a revision")
	}
	dir := dirOf(c.req[0])
	topOut, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top := strings.TrimSpace(topOut)
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	diff, err := git(top, "diff", "--no-ext-diff", "--no-textconv", "--name-only", "-z", rev, "--")
	if err != nil {
		if shallow, _ := git(top, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(shallow) == "true" {
			return nil, fmt.Errorf("%v; this is a shallow clone, so %s may not have been fetched: "+
				"fetch the full history (actions/checkout: `fetch-depth: 0`; elsewhere: git fetch --unshallow)", err, rev)
		}
		return nil, err
	}
	untracked, err := git(top, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, rel := range strings.Split(diff+"\x00"+untracked, "\x00") {
		if rel != "" {
			keep[c.names.name(filepath.Join(top, filepath.FromSlash(rel)))] = true
		}
	}
	for _, p := range c.req {
		if !isDir(p) {
			keep[c.names.name(p)] = true
		}
	}
	return keep, nil
}

// git runs git in dir and returns its stdout; the error holds git's
// message. The repository is untrusted input: git runs with the options
// of safeGitArgs and safeGitEnv, so that nothing its configuration names
// (an fsmonitor hook, filter drivers, external diff, textconv, pager)
// is executed.
func git(dir string, args ...string) (string, error) {
	pre := append([]string{"-C", dir}, safeGitArgs...)
	if len(args) > 0 && (args[0] == "diff" || args[0] == "ls-files") {
		pre = append(pre, neutralFilters(dir)...)
	}
	cmd := exec.Command("git", append(pre, args...)...)
	cmd.Env = safeGitEnv()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if msg := strings.TrimSpace(errb.String()); errors.As(err, &ee) && msg != "" {
			return "", fmt.Errorf("git %s: %s", args[0], firstLine(msg))
		}
		return "", fmt.Errorf("git %s: %v", args[0], err)
	}
	return out.String(), nil
}

// onlyFiles is the filter that keeps the diagnostics of the given files.
func onlyFiles(keep map[string]bool) report.Filter {
	return report.FuncFilter{FilterName: "changed-since", Func: func(ds []report.Diagnostic) ([]report.Diagnostic, error) {
		out := ds[:0]
		for _, d := range ds {
			if keep[d.File] {
				out = append(out, d)
			}
		}
		return out, nil
	}}
}
