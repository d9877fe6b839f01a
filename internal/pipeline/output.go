package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/nestlint/nestlint/parser"
)

// The files nestlint writes (-o, --write-baseline, --fix) follow one
// policy (docs/security.md):
//
//   - /dev/stdout and /dev/stderr are the process's own streams;
//   - a device, FIFO or socket named on the command line is written
//     through, never replaced by a regular file (-o /dev/null as root must
//     not destroy the device);
//   - a symlink is followed when its target lies inside the repository,
//     and refused otherwise; the link stays a link;
//   - a regular file is replaced atomically (a temporary file in the same
//     folder and a rename) keeping its mode and, for root, its owner;
//   - temporary files are named .NAME.nestlint-PID-*.tmp, and a run
//     removes those whose process is gone (a killed run's leftovers).

// outputPlan is where and how one output file is written.
type outputPlan struct {
	path   string      // as given
	target string      // the file written: path, or a symlink's target
	stream bool        // /dev/stdout or /dev/stderr
	stderr bool        // with stream: the error stream
	direct bool        // a device, FIFO or socket: written through
	perm   os.FileMode // of the file replaced, else 0644
	info   os.FileInfo // of the file replaced, nil when new
}

// planOutput decides how to write path; repo is the repository root a
// symlink's target must lie in. It fails, before any work, when the file
// cannot be written.
func planOutput(path, repo string) (*outputPlan, error) {
	p := &outputPlan{path: path, target: path, perm: 0o644}
	switch filepath.Clean(path) {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		p.stream = true
		return p, nil
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		p.stream, p.stderr = true, true
		return p, nil
	}
	if err := checkOutput(path); err != nil {
		return nil, err
	}
	// A path into the repository must not lead out of it through a
	// symlinked folder (reports -> /etc).
	if abs, err := filepath.Abs(path); err == nil && repo != "" && parser.Within(repo, abs) {
		if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil && !parser.Within(repo, dir) {
			return nil, fmt.Errorf("%s: a path through a symlink to a folder outside the repository: refused", path)
		}
	}
	li, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p, p.probe()
	case err != nil:
		return nil, err
	}
	if li.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return nil, fmt.Errorf("%s: a symlink whose target cannot be resolved: refused", path)
		}
		abs, err := filepath.Abs(target)
		if err != nil {
			return nil, err
		}
		if repo == "" || !parser.Within(repo, abs) {
			return nil, fmt.Errorf("%s: a symlink to a file outside the repository: refused", path)
		}
		p.target = abs
		if li, err = os.Stat(abs); err != nil {
			return nil, err
		}
	}
	switch m := li.Mode(); {
	case m.IsDir():
		return nil, fmt.Errorf("%s: is a directory", path)
	case m.IsRegular():
		p.perm, p.info = m.Perm(), li
		return p, p.probe()
	default:
		p.direct = true
		return p, nil
	}
}

// probe checks that a temporary file can be created next to the target.
func (p *outputPlan) probe() error {
	f, err := os.CreateTemp(filepath.Dir(p.target), tempPattern(p.target))
	if err != nil {
		return fmt.Errorf("write %s: %v", p.path, errText(err))
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// write writes the output with write.
func (p *outputPlan) write(stdout, stderr io.Writer, write func(io.Writer) error) error {
	switch {
	case p.stream && p.stderr:
		return write(stderr)
	case p.stream:
		return write(stdout)
	case p.direct:
		f, err := os.OpenFile(p.target, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", p.path, err)
		}
		bw := bufio.NewWriter(f)
		if err := write(bw); err != nil {
			f.Close()
			return err
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", p.path, err)
		}
		return f.Close()
	}
	return writeAtomicAs(p.target, p.perm, p.info, write)
}

// checkOutput fails early, before any work, when the output file cannot be
// created: its folder must exist, and it must not be a folder itself.
func checkOutput(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: no such file or directory", dir)
		}
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	if isDir(path) {
		return fmt.Errorf("%s: is a directory", path)
	}
	return nil
}

// tempPattern is the os.CreateTemp pattern of path's temporary files.
func tempPattern(path string) string {
	return "." + filepath.Base(path) + ".nestlint-" + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

// removeStaleTemps removes the temporary files of path left by runs that
// were killed: those whose process no longer exists.
func removeStaleTemps(path string) {
	prefix := "." + filepath.Base(path) + ".nestlint-"
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(filepath.Dir(path), name))
	}
}

// writeAtomic writes path through a temporary file in the same folder and
// a rename, so that readers (an upload step, an editor) never see half a
// report, and a failed run leaves the previous file in place.
func writeAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	return writeAtomicAs(path, perm, nil, write)
}

// writeAtomicAs is writeAtomic keeping the owner of old (the file
// replaced), when set and the process may.
func writeAtomicAs(path string, perm os.FileMode, old os.FileInfo, write func(io.Writer) error) (err error) {
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if old != nil {
		keepOwner(tmp, old)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// planOutputs plans -o and --write-baseline once the repository root is
// known and before any work, so that an output that cannot be written
// fails the run at once.
func planOutputs(o *options, root string, stderr io.Writer) (code int, ok bool) {
	var err error
	if o.Output != "" {
		if o.OutPlan, err = planOutput(o.Output, root); err != nil {
			return usageError(stderr, "%v", err), false
		}
	}
	if o.Adopt.writeBaseline != "" {
		if o.Adopt.basePlan, err = planOutput(o.Adopt.writeBaseline, root); err != nil {
			return usageError(stderr, "--write-baseline: %v", err), false
		}
	}
	return exitOK, true
}
