// Package cache stores the parse stage's per-file facts on disk, keyed by
// a hash of the file's content, the grammar flavour (ts or tsx) and a
// version key (nestlint's version and the facts schema version), so that
// a warm run parses only the files that changed.
//
// A program's cache is one pack file: a single gob stream of the entries
// the last run used, which decodes an order of magnitude faster than one
// file per entry (gob compiles its decoder once per stream). The pack is
// written to a temporary name and renamed, so concurrent runs never see
// half a pack (the last one to finish wins). A pack that cannot be read
// back (truncated, corrupt, written by another version, or not written by
// nestlint at all) is never trusted: it is ignored with a notice and
// rebuilt. The pack holds only the entries of the last run, so it stays
// as large as the program.
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

// magic starts every pack.
const magic = "nestlint-facts-pack\n"

// packName is the pack's file name in the cache folder.
const packName = "facts.pack"

// maxPack caps the size of a pack read back.
const maxPack = 1 << 30

// Dir is a program's cache. It implements parser.Cache and is safe for
// concurrent use.
type Dir struct {
	root    string
	version string

	loadOnce sync.Once // the pack is read on first use: a run whose
	// results come from the results file never needs it

	mu      sync.Mutex
	entries map[string]*parser.Facts // from the pack
	used    map[string]*parser.Facts // hit or stored in this run
	bad     string                   // why the pack was not trusted
	badRes  string                   // why a results file was not trusted
	err     error                    // the first failed write

	hits, misses, writes atomic.Int64
}

var _ parser.Cache = (*Dir)(nil)

// Open returns the cache in folder root for the given version key,
// creating the folder and loading its pack.
func Open(root, version string) (*Dir, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("cache %s: %w", root, err)
	}
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("cache %s: not a folder", root)
	}
	d := &Dir{root: root, version: version, entries: map[string]*parser.Facts{}, used: map[string]*parser.Facts{}}
	return d, nil
}

// ensure reads the pack once.
func (d *Dir) ensure() {
	d.loadOnce.Do(func() {
		if err := d.load(); err != nil && !errors.Is(err, fs.ErrNotExist) {
			d.bad = err.Error()
		}
	})
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

type entry struct {
	Key   string
	Facts *parser.Facts
}

func (d *Dir) packPath() string { return filepath.Join(d.root, packName) }

func (d *Dir) load() error {
	fh, err := os.Open(d.packPath())
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() || st.Size() > maxPack {
		return fmt.Errorf("%s: not a cache pack", d.packPath())
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(fh, data); err != nil {
		return fmt.Errorf("%s: %v", d.packPath(), err)
	}
	head := magic + d.version + "\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		if bytes.HasPrefix(data, []byte(magic)) {
			return nil // another nestlint version: rebuilt silently, as expected after an upgrade
		}
		return fmt.Errorf("%s: not a nestlint cache pack", d.packPath())
	}
	body := data[len(head):]
	if len(body) < 65 || body[64] != '\n' {
		return fmt.Errorf("%s: corrupt (no checksum)", d.packPath())
	}
	payload := body[65:]
	sum := sha256.Sum256(payload)
	if hex.EncodeToString(sum[:]) != string(body[:64]) {
		return fmt.Errorf("%s: corrupt (checksum mismatch)", d.packPath())
	}
	var es []entry
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&es); err != nil {
		return fmt.Errorf("%s: corrupt: %v", d.packPath(), err)
	}
	for _, e := range es {
		if e.Facts != nil {
			d.entries[e.Key] = e.Facts
		}
	}
	return nil
}

func key(tsx bool, src []byte) string {
	h := sha256.New()
	if tsx {
		h.Write([]byte{1})
	} else {
		h.Write([]byte{0})
	}
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// Get returns the facts stored for src, or false.
func (d *Dir) Get(tsx bool, src []byte) (*parser.Facts, bool) {
	d.ensure()
	k := key(tsx, src)
	d.mu.Lock()
	f, ok := d.entries[k]
	if ok {
		d.used[k] = f
	}
	d.mu.Unlock()
	if !ok {
		d.misses.Add(1)
		return nil, false
	}
	d.hits.Add(1)
	return f, true
}

// Put stores the facts of src (written by Close).
func (d *Dir) Put(tsx bool, src []byte, f *parser.Facts) {
	if f == nil || f.Panic != "" {
		return // a failed extraction is retried next time
	}
	k := key(tsx, src)
	d.mu.Lock()
	d.used[k] = f
	d.mu.Unlock()
	d.writes.Add(1)
}

// Close writes the pack with the entries this run used, when they differ
// from what was loaded, and removes temporary files older than an hour
// (left by a killed run).
func (d *Dir) Close() error {
	if d.hits.Load() == 0 && d.misses.Load() == 0 && d.writes.Load() == 0 {
		d.mu.Lock()
		d.sweep()
		d.mu.Unlock()
		return nil // the pack was not used: keep it as it is
	}
	d.ensure()
	d.mu.Lock()
	defer d.mu.Unlock()
	d.sweep()
	if d.writes.Load() == 0 && len(d.used) == len(d.entries) && d.bad == "" {
		return nil // nothing new, nothing dropped
	}
	keys := make([]string, 0, len(d.used))
	for k := range d.used {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	es := make([]entry, len(keys))
	for i, k := range keys {
		es[i] = entry{k, d.used[k]}
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(es); err != nil {
		return d.fail(err)
	}
	sum := sha256.Sum256(payload.Bytes())
	tmp, err := os.CreateTemp(d.root, ".tmp-*")
	if err != nil {
		return d.fail(err)
	}
	_, werr := io.WriteString(tmp, magic+d.version+"\n"+hex.EncodeToString(sum[:])+"\n")
	if werr == nil {
		_, werr = tmp.Write(payload.Bytes())
	}
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return d.fail(errors.Join(werr, cerr))
	}
	if err := os.Rename(tmp.Name(), d.packPath()); err != nil {
		os.Remove(tmp.Name())
		return d.fail(err)
	}
	return nil
}

func (d *Dir) fail(err error) error {
	if d.err == nil {
		d.err = err
	}
	return err
}

// sweep removes temporary files older than an hour.
func (d *Dir) sweep() {
	stale := time.Now().Add(-time.Hour)
	des, err := os.ReadDir(d.root)
	if err != nil {
		return
	}
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), ".tmp-") {
			continue
		}
		if info, err := de.Info(); err == nil && info.ModTime().Before(stale) {
			os.Remove(filepath.Join(d.root, de.Name()))
		}
	}
}

// Stats are a run's cache counts.
type Stats struct{ Hits, Misses, Writes int64 }

// Stats returns the counts so far.
func (d *Dir) Stats() Stats {
	return Stats{Hits: d.hits.Load(), Misses: d.misses.Load(), Writes: d.writes.Load()}
}

// Notices returns what went wrong with the cache, as messages.
func (d *Dir) Notices() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	if d.bad != "" {
		out = append(out, "cache: "+d.bad+": not trusted, rebuilt")
	}
	if d.badRes != "" {
		out = append(out, "cache: "+d.badRes+": not trusted, rebuilt")
	}
	if d.err != nil {
		out = append(out, fmt.Sprintf("cache: cannot write to %s: %v", d.root, d.err))
	}
	return out
}
