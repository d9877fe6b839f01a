// Package cache stores the parse stage's per-file facts on disk, keyed by
// a hash of the file's content, the grammar flavour (ts or tsx) and a
// version key (nestlint's version, the grammar release and the facts
// schema version), so that a warm run parses only the files that changed.
//
// One entry is one file, written to a temporary name and renamed, so
// concurrent runs on the same repository never see half an entry. An entry
// that cannot be read back (truncated, corrupt, written by another
// version, or not written by nestlint at all) is never trusted: it is
// removed, the file is parsed again, and the run gets one notice. The
// folder is bounded: Prune removes the entries used least recently.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nestlint/nestlint/parser"
)

// magic starts every entry.
const magic = "nestlint-facts\n"

// maxEntry caps the size of an entry read back.
const maxEntry = 64 << 20

// Dir is a cache folder. It implements parser.Cache and is safe for
// concurrent use.
type Dir struct {
	root    string
	version string

	hits, misses, writes atomic.Int64
	mu                   sync.Mutex
	bad                  []string // entries that were not trusted
	writeErr             error    // the first failed write
}

var _ parser.Cache = (*Dir)(nil)

// Open returns the cache in folder root for the given version key,
// creating the folder.
func Open(root, version string) (*Dir, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("cache %s: %w", root, err)
	}
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("cache %s: not a folder", root)
	}
	return &Dir{root: root, version: version}, nil
}

// DefaultRoot returns the cache folder of a program: under the user's
// cache folder, one folder per program root.
func DefaultRoot(programRoot string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(programRoot))
	return filepath.Join(base, "nestlint", filepath.Base(programRoot)+"-"+hex.EncodeToString(sum[:6])), nil
}

func (d *Dir) key(tsx bool, src []byte) string {
	h := sha256.New()
	h.Write([]byte(d.version))
	if tsx {
		h.Write([]byte{1})
	} else {
		h.Write([]byte{0})
	}
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

func (d *Dir) path(key string) string { return filepath.Join(d.root, key[:2], key[2:]) }

// Get returns the facts stored for src, or false.
func (d *Dir) Get(tsx bool, src []byte) (*parser.Facts, bool) {
	p := d.path(d.key(tsx, src))
	f, err := d.read(p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			d.mu.Lock()
			d.bad = append(d.bad, fmt.Sprintf("%s: %v", p, err))
			d.mu.Unlock()
			os.Remove(p)
		}
		d.misses.Add(1)
		return nil, false
	}
	d.hits.Add(1)
	now := time.Now()
	os.Chtimes(p, now, now) // least recently used entries are pruned first
	return f, true
}

func (d *Dir) read(p string) (*parser.Facts, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxEntry {
		return nil, errors.New("not a cache entry")
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(fh, data); err != nil {
		return nil, err
	}
	head := magic + d.version + "\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		if bytes.HasPrefix(data, []byte(magic)) {
			return nil, errors.New("written by another nestlint version")
		}
		return nil, errors.New("not a nestlint cache entry")
	}
	var f parser.Facts
	if err := gob.NewDecoder(bytes.NewReader(data[len(head):])).Decode(&f); err != nil {
		return nil, fmt.Errorf("corrupt: %v", err)
	}
	return &f, nil
}

// Put stores the facts of src.
func (d *Dir) Put(tsx bool, src []byte, f *parser.Facts) {
	if f == nil || f.Panic != "" {
		return // a failed extraction is retried next time
	}
	p := d.path(d.key(tsx, src))
	var buf bytes.Buffer
	buf.WriteString(magic + d.version + "\n")
	if err := gob.NewEncoder(&buf).Encode(f); err != nil {
		d.fail(err)
		return
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		d.fail(err)
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		d.fail(err)
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		d.fail(errors.Join(werr, cerr))
		return
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		d.fail(err)
		return
	}
	d.writes.Add(1)
}

func (d *Dir) fail(err error) {
	d.mu.Lock()
	if d.writeErr == nil {
		d.writeErr = err
	}
	d.mu.Unlock()
}

// Stats are a run's cache counts.
type Stats struct{ Hits, Misses, Writes int64 }

// Stats returns the counts so far.
func (d *Dir) Stats() Stats {
	return Stats{Hits: d.hits.Load(), Misses: d.misses.Load(), Writes: d.writes.Load()}
}

// Notices returns what went wrong with the cache, as messages: untrusted
// entries (summarised) and the first failed write.
func (d *Dir) Notices() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	if n := len(d.bad); n > 0 {
		out = append(out, fmt.Sprintf("cache: %d entries were not trusted and were rebuilt (first: %s)", n, d.bad[0]))
	}
	if d.writeErr != nil {
		out = append(out, fmt.Sprintf("cache: cannot write to %s: %v", d.root, d.writeErr))
	}
	return out
}

// Prune keeps the max most recently used entries and removes the rest,
// with any temporary files older than an hour (left by a killed run).
func (d *Dir) Prune(max int) error {
	type entry struct {
		path string
		mod  time.Time
	}
	var entries []entry
	stale := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(d.root, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return nil
		}
		info, err := de.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(de.Name(), ".tmp-") {
			if info.ModTime().Before(stale) {
				os.Remove(p)
			}
			return nil
		}
		entries = append(entries, entry{p, info.ModTime()})
		return nil
	})
	if err != nil || len(entries) <= max {
		return err
	}
	sort.Slice(entries, func(i, j int) bool {
		if !entries[i].mod.Equal(entries[j].mod) {
			return entries[i].mod.After(entries[j].mod)
		}
		return entries[i].path < entries[j].path
	})
	for _, e := range entries[max:] {
		os.Remove(e.path)
	}
	return nil
}
