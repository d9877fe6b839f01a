package parser

import (
	"bytes"
	"go/token"
	"hash/maphash"
	"sync"
	"sync/atomic"

	"github.com/nestlint/nestlint/internal/safeio"
)

// KeyedCache is a Cache that also finds facts by a content key the caller
// already holds, without the content: a warm run that knows from the
// files' stat that they did not change since it hashed them (the results
// cache's sums) takes their facts without reading them.
type KeyedCache interface {
	Cache
	// Key is the content key of src (what GetKey takes).
	Key(tsx bool, src []byte) string
	// GetKey returns what is stored under key.
	GetKey(key string) (Stored, bool)
}

// Stored is what a KeyedCache holds for a content key: the facts, and
// what the run needs of the content itself when it does not read it.
type Stored struct {
	Facts   *Facts
	Size    int  // the content's length
	Shebang bool // it starts with "#!"
}

// lazySource is the source of a file whose facts came from the cache by
// key, or that Parse let go of once its facts were extracted (detach):
// read on first use, and only kept when it still has that key or sum (the
// file may have been edited since).
type lazySource struct {
	path  string
	tsx   bool
	key   string // the cache's content key; "" for a detached file
	sum   uint64 // a detached file's maphash (sumSeed)
	size  int
	max   int64
	cache KeyedCache
	// shebang: the content starts with "#!" (File.Shebang, asked of
	// every file by the scope)
	shebang bool

	once sync.Once
	src  []byte
	read atomic.Bool
}

func (l *lazySource) load() []byte {
	l.once.Do(func() {
		defer l.read.Store(true)
		src, err := safeio.ReadFile(l.path, l.max)
		if err != nil || len(src) != l.size || !l.same(src) {
			// Changed since the facts' key was taken: no text rather
			// than text the facts' offsets do not describe.
			return
		}
		l.src = src
	})
	return l.src
}

// same reports whether src is the content the facts were extracted from.
func (l *lazySource) same(src []byte) bool {
	if l.cache != nil {
		return l.cache.Key(l.tsx, src) == l.key
	}
	return maphash.Bytes(sumSeed, src) == l.sum
}

// sumSeed seeds the sums of detached files: they are compared within
// one process only.
var sumSeed = maphash.MakeSeed()

// detach lets go of the source of a file Parse just read: its facts are
// interned first when they were extracted from it now (fresh; facts from
// the cache point into the cache's chunks), and Source reads it again if a
// rule asks. The sources of a run's files were a tenth of its live heap at
// the end (48 MB on generated N=4000), kept for the few files rules read
// text from.
func (f *File) detach(tsx, fresh bool, maxSize int64, in *interner) {
	src := f.src
	if f.lazy != nil || src == nil {
		return
	}
	if fresh {
		in.facts(f.Facts)
		f.arena = in.a
	}
	l := &lazySource{path: f.Path, tsx: tsx, sum: maphash.Bytes(sumSeed, src), size: len(src), max: maxSize,
		shebang: bytes.HasPrefix(src, []byte("#!"))}
	l.read.Store(true) // it was read: File.Read is about this run, not this copy
	f.lazy, f.src = l, nil
}

// LineStarts returns the offsets at which the lines of src start, as
// token.File.SetLinesForContent computes them: a line starts after each
// newline that is not the last byte.
func LineStarts(src []byte) []int {
	if len(src) == 0 {
		return []int{}
	}
	lines := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i := bytes.IndexByte(src, '\n'); i >= 0 && i+1 < len(src); {
		lines = append(lines, i+1)
		j := bytes.IndexByte(src[i+1:], '\n')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return lines
}

// Source returns the bytes the file's facts were extracted from. For a
// file Parse let go of, or whose facts came from the cache without reading
// it, the first call reads it (nil if it changed or cannot be read any
// more). Safe for concurrent use.
func (f *File) Source() []byte {
	if f.lazy != nil {
		return f.lazy.load()
	}
	return f.src
}

// Size is the length of the file's source in bytes.
func (f *File) Size() int {
	if f.lazy != nil {
		return f.lazy.size
	}
	return len(f.src)
}

// Shebang reports whether the file starts with "#!" (a script), without
// reading a file whose facts came from the cache by key.
func (f *File) Shebang() bool {
	if f.lazy != nil {
		return f.lazy.shebang
	}
	return bytes.HasPrefix(f.src, []byte("#!"))
}

// Read reports whether the file's source was read (a file whose facts came
// from the cache by key is read only when something asks for its text).
func (f *File) Read() bool { return f.lazy == nil || f.lazy.read.Load() }

// NewFile returns a file parsed from src with the given facts.
func NewFile(path string, src []byte, facts *Facts) *File {
	return &File{Path: path, src: src, Facts: facts}
}

// addTo gives f a token.File in fset, without a line table: nestlint
// turns positions into byte offsets (checker findings, the report, the
// language server) and reads lines from the text it shows, so the tables
// of every file (8 bytes a line, 10 MB on generated N=4000, decoded from
// the pack on every warm run before) were kept for nothing. SetLines gives
// one to the callers that want line numbers from the file set.
func (f *File) addTo(fset *token.FileSet) {
	f.Tok = fset.AddFile(f.Path, -1, f.Size())
}

// SetLines gives the file's token.File its line table, from its source
// (read again if Parse let go of it), for the callers that ask the file
// set for line numbers (`nestlint graph`, the rule tests). It reports
// whether the table is set: not for a file that changed since it was
// parsed. Safe for concurrent use.
func (f *File) SetLines() bool {
	if f.Tok == nil {
		return false
	}
	if f.Tok.LineCount() > 1 || f.Size() == 0 {
		return true
	}
	src := f.Source()
	if src == nil {
		return false
	}
	return f.Tok.SetLines(LineStarts(src))
}

// SetLines sets the line table of every file of r (File.SetLines).
func (r *Result) SetLines() {
	for _, f := range r.Files {
		f.SetLines()
	}
}
