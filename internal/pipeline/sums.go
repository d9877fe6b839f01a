package pipeline

import (
	"crypto/sha256"
	"hash"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nestlint/nestlint/internal/cache"
	"github.com/nestlint/nestlint/internal/gctune"
	"github.com/nestlint/nestlint/internal/safeio"
)

// fileSums are the content digests of a program's files as the last run
// computed them, with what os.Stat said of each: a file whose size, mode
// and modification time are unchanged is not read again to be hashed. As
// git does for its index, a file modified less than racyWindow before the
// sums were taken is read anyway (a change within the same time stamp
// would go unseen).
type fileSums struct {
	Format int // sumsFormat; sums of another format are not reused
	Taken  time.Time
	Files  map[string]fileSig
}

// sumsFormat 2: a sum is the file's key in the facts pack
// (cache.ContentKey), so that a file whose stat did not change is found
// there without being read (parser.Options.Known).
const sumsFormat = 2

type fileSig struct {
	Size  int64
	Mode  os.FileMode
	Mtime int64 // UnixNano
	Inode uint64
	Sum   string
}

const racyWindow = 2 * time.Second

// sumsOf returns the digest of each file (its content's key, or the class
// of its read error), reusing the sums stored in fc for files whose stat
// is unchanged (trusted: not read this time), and stores the new sums when
// any file was read.
//
// changed, when set, is called (once) as soon as a file turns out to have
// changed: the run will then most likely parse, and can start decoding
// the facts pack while the other files are checked.
func sumsOf(fc *cache.Dir, program string, files []string, max int64, jobs int, changed func()) (out []string, trusted []bool) {
	var once sync.Once
	var prev fileSums
	if fc == nil || !fc.Blob("sums", program, &prev) || prev.Format != sumsFormat {
		prev = fileSums{}
	}
	if changed != nil && 10*len(prev.Files) >= 9*len(files) && len(files) > 0 {
		// The last run hashed nine in ten of these files: most facts will
		// come from the pack that changed starts to decode.
		first := changed
		changed = func() { gctune.Warm(); first() }
	}
	taken := time.Now()
	before := prev.Taken.Add(-racyWindow).UnixNano()
	out = make([]string, len(files))
	trusted = make([]bool, len(files))
	sigs := make([]fileSig, len(files))
	read := make([]bool, len(files))
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	var next atomic.Int64 // the next file: a counter, not a channel send (a wake-up) per file
	var wg sync.WaitGroup
	for w := 0; w < jobs && w < len(files); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := sha256.New()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				f := files[i]
				st, err := os.Stat(f)
				if err == nil && st.Mode().IsRegular() {
					sig := fileSig{Size: st.Size(), Mode: st.Mode(), Mtime: st.ModTime().UnixNano(), Inode: inode(st)}
					p, ok := prev.Files[f]
					same := ok && p.Sum != "" && p.Size == sig.Size && p.Mode == sig.Mode && p.Mtime == sig.Mtime && p.Inode == sig.Inode
					if same && sig.Mtime < before {
						out[i], sigs[i], trusted[i] = p.Sum, p, true
						continue
					}
					if !same && changed != nil {
						once.Do(changed) // (a file read only because its time stamp is recent may well be the same)
					}
					out[i] = contentSum(h, f, max)
					sig.Sum = out[i]
					sigs[i] = sig
				} else {
					out[i] = contentSum(h, f, max) // never reused
				}
				read[i] = true
			}
		}()
	}
	wg.Wait()
	if fc == nil {
		return out, trusted
	}
	store := len(prev.Files) != len(files)
	for _, r := range read {
		store = store || r
	}
	if store {
		s := fileSums{Format: sumsFormat, Taken: taken, Files: make(map[string]fileSig, len(files))}
		for i, f := range files {
			if sigs[i].Sum != "" {
				s.Files[f] = sigs[i]
			}
		}
		fc.StoreBlobAsync("sums", program, s) // while the files are parsed; a failed write is among the cache's notices
	}
	return out, trusted
}

// contentSum reads a file as the parser would (regular files only, at most
// max bytes) and returns its content's hash, or the class of its error.
func contentSum(h hash.Hash, f string, max int64) string {
	src, err := safeio.ReadFile(f, max)
	if err != nil {
		return "!" + errText(err)
	}
	return cache.ContentKey(h, filepath.Ext(f) == ".tsx", src)
}
