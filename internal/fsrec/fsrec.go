// Package fsrec is the file-system access of rules: each call is recorded,
// while a recording is on, with a digest of what it saw, so that a cached
// result can later be trusted only if every file and folder a rule looked
// at still looks the same (Valid replays the record).
//
// Rules must read the file system only through this package (and
// pass.ReadFile, which the checker routes here); files the parse stage
// reads are keyed by their content elsewhere.
package fsrec

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nestlint/nestlint/internal/safeio"
)

// Op is one recorded access.
type Op struct {
	Kind   byte   // 's' stat, 'l' lstat, 'd' read dir, 'r' read file, 'c' capped read (safeio), 'o' limited read
	Path   string // as the rule passed it
	Limit  int64  // the cap of 'c' and 'o'
	Digest string // what the access saw
}

var (
	mu       sync.Mutex
	watchers []*watcher // the recordings in progress
)

type watcher struct{ ops map[Op]struct{} }

// Start begins a recording; stop ends it and returns what it saw, sorted.
// Recordings may overlap (programs linted at once, tests in parallel):
// each sees every access made while it is on, which is more than its own
// and never less.
func Start() (stop func() []Op) {
	w := &watcher{ops: map[Op]struct{}{}}
	mu.Lock()
	watchers = append(watchers, w)
	mu.Unlock()
	return func() []Op {
		mu.Lock()
		if i := slices.Index(watchers, w); i >= 0 {
			watchers = slices.Delete(watchers, i, i+1)
		}
		mu.Unlock()
		ops := make([]Op, 0, len(w.ops))
		for op := range w.ops {
			ops = append(ops, op)
		}
		slices.SortFunc(ops, compare)
		return ops
	}
}

func compare(a, b Op) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if a.Kind != b.Kind {
		return int(a.Kind) - int(b.Kind)
	}
	if a.Limit != b.Limit {
		if a.Limit < b.Limit {
			return -1
		}
		return 1
	}
	return strings.Compare(a.Digest, b.Digest)
}

func record(op Op) {
	mu.Lock()
	for _, w := range watchers {
		w.ops[op] = struct{}{}
	}
	mu.Unlock()
}

func recording() bool {
	mu.Lock()
	defer mu.Unlock()
	return len(watchers) > 0
}

// absent is the oracle SetAbsent sets, or nil.
var absent atomic.Pointer[absentOracle]

type absentOracle struct {
	names  map[string]bool
	listed func(dir string) (holds, ok bool)
}

// SetAbsent lets Stat, Lstat and Valid know that a path does not exist
// without asking the system: a path whose name, in lower case, is one of
// names, in a folder that a walk of this run listed and saw holding none
// of names. listed(dir) says whether the walk listed dir (ok) and whether
// it held one of names (holds). Nearly every folder of a project holds no
// tsconfig.json, package.json, nestlint.json nor .git, and the lookups
// that climb from each file's folder asked for each of them in each
// folder: tens of thousands of failing stats on a large project. A nil
// listed turns the oracle off. It is for one run of the command line,
// whose files do not change while it runs; never for a long-lived
// process.
func SetAbsent(names map[string]bool, listed func(dir string) (holds, ok bool)) {
	if listed == nil {
		absent.Store(nil)
		return
	}
	absent.Store(&absentOracle{names: names, listed: listed})
}

// Absent reports whether the oracle of SetAbsent knows that p does not
// exist.
func Absent(p string) bool {
	o := absent.Load()
	if o == nil || !o.names[strings.ToLower(filepath.Base(p))] {
		return false
	}
	holds, ok := o.listed(filepath.Dir(p))
	return ok && !holds
}

func stat(p string, lstat bool) (fs.FileInfo, error) {
	op := "stat"
	if lstat {
		op = "lstat"
	}
	if Absent(p) {
		return nil, &fs.PathError{Op: op, Path: p, Err: fs.ErrNotExist}
	}
	if lstat {
		return os.Lstat(p)
	}
	return os.Stat(p)
}

// Stat is os.Stat.
func Stat(p string) (fs.FileInfo, error) {
	st, err := stat(p, false)
	if recording() {
		record(Op{Kind: 's', Path: p, Digest: infoDigest(st, err)})
	}
	return st, err
}

// Lstat is os.Lstat.
func Lstat(p string) (fs.FileInfo, error) {
	st, err := stat(p, true)
	if recording() {
		record(Op{Kind: 'l', Path: p, Digest: infoDigest(st, err)})
	}
	return st, err
}

// ReadDir is os.ReadDir.
func ReadDir(p string) ([]os.DirEntry, error) {
	des, err := os.ReadDir(p)
	if recording() {
		record(Op{Kind: 'd', Path: p, Digest: dirDigest(des, err)})
	}
	return des, err
}

// ReadFile is os.ReadFile.
func ReadFile(p string) ([]byte, error) {
	b, err := os.ReadFile(p)
	if recording() {
		record(Op{Kind: 'r', Path: p, Digest: dataDigest(b, err)})
	}
	return b, err
}

// SafeRead is safeio.ReadFile: regular files only, at most limit bytes.
func SafeRead(p string, limit int64) ([]byte, error) {
	b, err := safeio.ReadFile(p, limit)
	if recording() {
		record(Op{Kind: 'c', Path: p, Limit: limit, Digest: dataDigest(b, err)})
	}
	return b, err
}

// ReadLimited opens p and reads at most limit bytes of it.
func ReadLimited(p string, limit int64) ([]byte, error) {
	b, err := readLimited(p, limit)
	if recording() {
		record(Op{Kind: 'o', Path: p, Limit: limit, Digest: dataDigest(b, err)})
	}
	return b, err
}

func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

// Valid replays ops and reports whether each access still sees the same.
func Valid(ops []Op) bool {
	for _, op := range ops {
		var d string
		switch op.Kind {
		case 's':
			d = infoDigest(stat(op.Path, false))
		case 'l':
			d = infoDigest(stat(op.Path, true))
		case 'd':
			d = dirDigest(os.ReadDir(op.Path))
		case 'r':
			d = dataDigest(os.ReadFile(op.Path))
		case 'c':
			d = dataDigest(safeio.ReadFile(op.Path, op.Limit))
		case 'o':
			d = dataDigest(readLimited(op.Path, op.Limit))
		default:
			return false
		}
		if d != op.Digest {
			return false
		}
	}
	return true
}

// errDigest names an error by its class, not its text (which holds the
// path): what a rule can tell apart.
func errDigest(err error) string {
	var tl *safeio.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "!notexist"
	case errors.Is(err, fs.ErrPermission):
		return "!perm"
	case errors.As(err, &tl):
		return fmt.Sprintf("!toolarge/%d", tl.Size)
	case errors.Is(err, safeio.ErrNotRegular):
		return "!notregular"
	}
	return "!" + err.Error()
}

func infoDigest(st fs.FileInfo, err error) string {
	if err != nil {
		return errDigest(err)
	}
	if st.Mode().IsRegular() {
		return fmt.Sprintf("%v/%d", st.Mode(), st.Size())
	}
	return st.Mode().String()
}

func dirDigest(des []os.DirEntry, err error) string {
	h := sha256.New()
	for _, de := range des {
		fmt.Fprintf(h, "%s\x00%v\x00", de.Name(), de.Type())
	}
	if err != nil {
		io.WriteString(h, errDigest(err))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func dataDigest(b []byte, err error) string {
	if err != nil {
		return errDigest(err) + "/" + hex.EncodeToString(sum(b))
	}
	return hex.EncodeToString(sum(b))
}

func sum(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:16]
}
