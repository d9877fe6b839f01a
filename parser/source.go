package parser

import (
	"bytes"
	"go/token"
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
	Size    int   // the content's length
	Lines   []int // its line table (token.File.SetLines)
	Shebang bool  // it starts with "#!"
}

// lazySource is the source of a file whose facts came from the cache by
// key: read on first use, and only kept when it still has that key (the
// file may have been edited since its stat was taken).
type lazySource struct {
	path  string
	tsx   bool
	key   string
	size  int
	max   int64
	lines []int // for the token.File, until Parse hands them over
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
		if err != nil || len(src) != l.size || l.cache.Key(l.tsx, src) != l.key {
			// Changed since the facts' key was taken: no text rather
			// than text the facts' offsets do not describe.
			return
		}
		l.src = src
	})
	return l.src
}

// Source returns the bytes the file's facts were extracted from. For a
// file whose facts came from the cache without reading it, the first call
// reads it (nil if it changed or cannot be read any more). Safe for
// concurrent use.
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

// addTo gives f a token.File in fset: with the line table the cache
// stored for a file not read, else the one of its source.
func (f *File) addTo(fset *token.FileSet) {
	f.Tok = fset.AddFile(f.Path, -1, f.Size())
	if l := f.lazy; l != nil && l.lines != nil {
		ok := f.Tok.SetLines(l.lines)
		l.lines = nil
		if ok {
			return
		}
	}
	f.Tok.SetLinesForContent(f.Source())
}
