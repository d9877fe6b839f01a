// Package cache stores the parse stage's per-file facts on disk, keyed by
// a hash of the file's content, the grammar flavour (ts or tsx) and a
// version key (nestlint's version and the facts schema version), so that
// a warm run parses only the files that changed.
//
// A program's cache is one pack file: the entries the last run used, in
// chunks of a few dozen entries each encoded with the generated codec of
// codec.go (its strings shared within the chunk), is written without holding the
// encoded pack in memory and is decoded in parallel. The pack is
// written to a temporary name and renamed, so concurrent runs never see
// half a pack (the last one to finish wins). A pack that cannot be read
// back (truncated, corrupt, written by another version, or not written by
// nestlint at all) is never trusted: it is ignored with a notice and
// rebuilt. The pack holds only the entries of the last run, so it stays
// as large as the program.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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
	entries map[string]*item // from the pack
	used    map[string]*item // hit or stored in this run
	flushed bool             // the pack was written (Flush)
	loaded  bool             // the pack was read back (its chunks are in chunks)
	bg      sync.WaitGroup   // StoreBlobAsync's writes
	chunks  []*chunk         // its chunks
	bad     string           // why the pack was not trusted
	badRes  string           // why a results file was not trusted
	err     error            // the first failed write

	hits, misses, writes atomic.Int64
	preloaded            atomic.Bool // Preload started the load
}

var _ parser.KeyedCache = (*Dir)(nil)

// item is what an entry holds: the facts of a content and what a run that
// does not read the content needs of it (parser.Stored).
type item struct {
	facts   *parser.Facts
	size    int
	shebang bool
}

// itemOf describes src with its facts.
func itemOf(src []byte, f *parser.Facts) *item {
	return &item{facts: f, size: len(src), shebang: bytes.HasPrefix(src, []byte("#!"))}
}

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
	d := &Dir{root: root, version: version, entries: map[string]*item{}, used: map[string]*item{}}
	return d, nil
}

// Preload starts reading the pack in the background: a run that will
// parse calls it as soon as it knows, so that the pack is decoded while
// the files are read (Get waits for it).
func (d *Dir) Preload() {
	d.preloaded.Store(true)
	go d.ensure()
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
	Key  string
	Item *item // nil: no facts
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
	br := bufio.NewReaderSize(fh, 1<<16)
	head := d.head()
	got := make([]byte, len(head))
	n, _ := io.ReadFull(br, got)
	if string(got[:n]) != head {
		if bytes.HasPrefix(got[:n], []byte(magic)) {
			return nil // another nestlint version: rebuilt silently, as expected after an upgrade
		}
		return fmt.Errorf("%s: not a nestlint cache pack", d.packPath())
	}
	var want [65]byte
	if _, err := io.ReadFull(br, want[:]); err != nil || want[64] != '\n' {
		return fmt.Errorf("%s: corrupt (no checksum)", d.packPath())
	}
	es, err := decodeChunks(br, int64(len(head)+len(want)), st.Size())
	if err != nil {
		return fmt.Errorf("%s: %v", d.packPath(), err)
	}
	if es.sum != string(want[:64]) {
		return fmt.Errorf("%s: corrupt (checksum mismatch)", d.packPath())
	}
	for _, ch := range es.chunks {
		for _, e := range ch.entries {
			if e.Item != nil {
				d.entries[e.Key] = e.Item
			}
		}
		ch.entries = nil
		d.chunks = append(d.chunks, ch)
	}
	d.loaded = true
	return nil
}

// The payload of a pack is a sequence of chunks, each an uvarint length
// and an independent encoding (codec.go) of up to chunkEntries entries, so that
// writing never holds the whole encoded pack in memory and reading
// decodes chunks in parallel while the file is read. The checksum in the
// head covers every chunk.
const chunkEntries = 64

// hashReader hashes and counts what is read through it.
type hashReader struct {
	r   *bufio.Reader
	h   hash.Hash
	pos int64
}

func (hr *hashReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	hr.h.Write(p[:n])
	hr.pos += int64(n)
	return n, err
}

func (hr *hashReader) ReadByte() (byte, error) {
	b, err := hr.r.ReadByte()
	if err == nil {
		hr.h.Write([]byte{b})
		hr.pos++
	}
	return b, err
}

// chunk is one chunk of a pack read back: where it lies in the file
// (length prefix included), the SHA-256 of those bytes and its keys.
type chunk struct {
	// raw is the chunk as read (its length prefix included), verified by
	// the pack's checksum: the chunks whose entries are all used again
	// are written to the next pack from it as they are (see write). The
	// decoded strings share its memory, so keeping it costs nothing more.
	raw     []byte
	keys    []string
	entries []entry // until load installed them
}

type decoded struct {
	chunks []*chunk
	sum    string // hex SHA-256 of the payload
}

// decodeChunks reads the chunks to the end of r, which starts at offset
// start of the file, decoding them on GOMAXPROCS goroutines; size bounds
// a chunk's length.
func decodeChunks(r *bufio.Reader, start, size int64) (*decoded, error) {
	hr := &hashReader{r: r, h: sha256.New(), pos: start}
	var (
		out  decoded
		mu   sync.Mutex
		derr error
		wg   sync.WaitGroup
	)
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var rerr error
	for i := 0; ; i++ {
		off := hr.pos
		n, err := binary.ReadUvarint(hr)
		if err == io.EOF {
			break
		}
		if err != nil || n == 0 || n > uint64(size) {
			rerr = errors.New("corrupt (bad chunk length)")
			break
		}
		prefix := hr.pos - off
		buf := make([]byte, prefix+int64(n))
		binary.PutUvarint(buf, n)
		if _, err := io.ReadFull(hr, buf[prefix:]); err != nil {
			rerr = errors.New("corrupt (truncated)")
			break
		}
		ch := &chunk{raw: buf}
		mu.Lock()
		out.chunks = append(out.chunks, ch)
		mu.Unlock()
		sem <- struct{}{}
		wg.Add(1)
		go func(ch *chunk, buf []byte) {
			defer func() { <-sem; wg.Done() }()
			es, err := decodeChunk(buf[prefix:])
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if derr == nil {
					derr = fmt.Errorf("corrupt: %v", err)
				}
				return
			}
			ch.entries = es
			for _, e := range es {
				ch.keys = append(ch.keys, e.Key)
			}
		}(ch, buf)
	}
	wg.Wait()
	if rerr != nil {
		return nil, rerr
	}
	out.sum = hex.EncodeToString(hr.h.Sum(nil))
	if derr != nil {
		return nil, derr
	}
	return &out, nil
}

// head is the first line of a pack: the magic, the payload format and
// the version key.
func (d *Dir) head() string { return magic + "chunks/3 " + d.version + "\n" }

func key(tsx bool, src []byte) string { return ContentKey(sha256.New(), tsx, src) }

// ContentKey is the key of a content in a pack: the hex SHA-256 of a byte
// for the grammar (1 for tsx) and the content, computed with h (a SHA-256,
// reset first).
func ContentKey(h hash.Hash, tsx bool, src []byte) string {
	h.Reset()
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
	it, ok := d.get(key(tsx, src))
	if !ok {
		d.misses.Add(1)
		return nil, false
	}
	d.hits.Add(1)
	return it.facts, true
}

func (d *Dir) get(k string) (*item, bool) {
	d.ensure()
	d.mu.Lock()
	defer d.mu.Unlock()
	it, ok := d.entries[k]
	if ok && d.used != nil {
		d.used[k] = it
	}
	return it, ok
}

// Key is the content key of src (parser.KeyedCache).
func (d *Dir) Key(tsx bool, src []byte) string { return key(tsx, src) }

// GetKey returns what is stored under a content key (parser.KeyedCache).
// A miss is not counted: the caller goes on with Get.
func (d *Dir) GetKey(k string) (parser.Stored, bool) {
	it, ok := d.get(k)
	if !ok {
		return parser.Stored{}, false
	}
	d.hits.Add(1)
	return parser.Stored{Facts: it.facts, Size: it.size, Shebang: it.shebang}, true
}

// Put stores the facts of src (written by Flush or Close).
func (d *Dir) Put(tsx bool, src []byte, f *parser.Facts) {
	if f == nil || f.Panic != "" {
		return // a failed extraction is retried next time
	}
	k := key(tsx, src)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.flushed {
		return
	}
	d.used[k] = itemOf(src, f)
	d.writes.Add(1)
}

// Flush writes the pack with the entries this run used, when they differ
// from what was loaded, and forgets them: the caller calls it once every
// file was parsed, so that the pack is written while only the facts are
// alive (not the model and the rules' results as well), and the entries
// of the last run that this one did not use are released. Gets and Puts
// after Flush miss and are ignored.
func (d *Dir) Flush() error {
	d.bg.Wait()
	if d.hits.Load() == 0 && d.misses.Load() == 0 && d.writes.Load() == 0 {
		if d.preloaded.Load() {
			d.ensure() // wait for the background load: its file is open
		}
		return nil // the pack was not used: keep it as it is
	}
	d.ensure()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.flushed {
		return nil
	}
	d.flushed = true
	defer func() { d.entries, d.used, d.chunks = nil, nil, nil }()
	if d.writes.Load() == 0 && len(d.used) == len(d.entries) && d.bad == "" {
		return nil // nothing new, nothing dropped
	}
	keys := make([]string, 0, len(d.used))
	for k := range d.used {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return d.write(keys)
}

// reusable returns the chunks of the pack read back whose entries are all
// used again, and the keys left to encode. A warm run in which a few files
// changed then copies most of the pack as it is instead of encoding every
// entry again. When the reused chunks would make the pack much more
// fragmented than a fresh one (each run adds its new entries as a few
// small chunks), everything is encoded again.
func (d *Dir) reusable(keys []string) ([]*chunk, []string) {
	if !d.loaded {
		return nil, keys
	}
	var reuse []*chunk
	taken := map[string]bool{}
	for _, ch := range d.chunks {
		all := len(ch.keys) > 0
		for _, k := range ch.keys {
			if _, ok := d.used[k]; !ok || taken[k] {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		reuse = append(reuse, ch)
		for _, k := range ch.keys {
			taken[k] = true
		}
	}
	var rest []string
	for _, k := range keys {
		if !taken[k] {
			rest = append(rest, k)
		}
	}
	fresh := (len(keys) + chunkEntries - 1) / chunkEntries
	if len(reuse)+(len(rest)+chunkEntries-1)/chunkEntries > 2*fresh+4 {
		return nil, keys
	}
	return reuse, rest
}

// write streams the entries of keys to a temporary file, chunk by chunk
// (copying the chunks of the pack read back that hold only entries still
// used), and renames it over the pack.
func (d *Dir) write(keys []string) error {
	tmp, err := os.CreateTemp(d.root, ".tmp-*")
	if err != nil {
		return d.fail(err)
	}
	head := d.head()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	bw.WriteString(head + strings.Repeat("0", 64) + "\n") // the checksum, written last
	h := sha256.New()
	w := io.MultiWriter(bw, h)
	var buf []byte
	var lenb [binary.MaxVarintLen64]byte
	var werr error
	reuse, keys := d.reusable(keys)
	for _, ch := range reuse {
		if _, werr = w.Write(ch.raw); werr != nil {
			break
		}
	}
	for i := 0; i < len(keys) && werr == nil; i += chunkEntries {
		es := make([]entry, 0, chunkEntries)
		for _, k := range keys[i:min(i+chunkEntries, len(keys))] {
			es = append(es, entry{k, d.used[k]})
		}
		buf = appendChunk(buf[:0], es)
		n := binary.PutUvarint(lenb[:], uint64(len(buf)))
		if _, werr = w.Write(lenb[:n]); werr == nil {
			_, werr = w.Write(buf)
		}
	}
	if werr == nil {
		werr = bw.Flush()
	}
	if werr == nil {
		_, werr = tmp.WriteAt([]byte(hex.EncodeToString(h.Sum(nil))), int64(len(head)))
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

// Close writes the pack (see Flush) unless Flush did, and removes
// temporary files older than an hour (left by a killed run).
func (d *Dir) Close() error {
	d.mu.Lock()
	d.sweep()
	d.mu.Unlock()
	return d.Flush()
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
	d.bg.Wait()
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
