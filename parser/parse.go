package parser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/nestlint/nestlint/internal/trace"
	"golang.org/x/tools/go/analysis"
)

// DefaultMaxFileSize is the largest file parsed by default (5 MiB).
const DefaultMaxFileSize = 5 << 20

// File is one parsed TypeScript file.
type File struct {
	Path string // absolute, symlink-resolved
	// src is the bytes as read (Source); nil when the facts came from
	// the cache by key and lazy reads it on demand.
	src  []byte
	lazy *lazySource
	// arena holds the memory the facts of a freshly parsed file live in:
	// keep the File while reading its Facts (see arena).
	arena *arena
	Facts *Facts
	Tok   *token.File
}

// Pos converts a byte offset of f into a token.Pos.
func (f *File) Pos(off uint32) token.Pos {
	if int(off) > f.Tok.Size() {
		off = uint32(f.Tok.Size())
	}
	return f.Tok.Pos(int(off))
}

// Result is what the parse stage hands to every analyzer.
type Result struct {
	Fset  *token.FileSet
	Files []*File // sorted by Path
	Extra []string
	// Inputs are the non-TypeScript inputs read and parsed before the
	// rules run (ParseInputs): Extra and the Dockerfiles above the
	// program root, each Dockerfile with the script its CMD runs.
	Inputs   []*Input
	Problems []Problem
	byPath   map[string]*File
}

// File returns the parsed file at an absolute path, or nil.
func (r *Result) File(path string) *File { return r.byPath[path] }

// FileOf returns the file holding pos, or nil.
func (r *Result) FileOf(pos token.Pos) *File {
	tf := r.Fset.File(pos)
	if tf == nil {
		return nil
	}
	return r.byPath[tf.Name()]
}

// Cache stores facts across runs, keyed by a file's content and grammar
// flavour (internal/cache implements it).
type Cache interface {
	Get(tsx bool, src []byte) (*Facts, bool)
	Put(tsx bool, src []byte, f *Facts)
}

// Options configure Parse.
type Options struct {
	// Cache, when set, gives the facts of files whose content it has seen,
	// which are then not parsed; new facts are stored in it.
	Cache Cache
	// CacheOf, when set, gives the cache of each file instead (the files
	// of one run belong to programs with caches of their own).
	CacheOf     func(path string) Cache
	Jobs        int   // worker count; 0 means the number of CPUs
	MaxFileSize int64 // 0 means DefaultMaxFileSize
	// Progress, when set, is called after each file with the count done.
	Progress func(done, total int)
	// Known, when set, gives the content key (KeyedCache.Key) of a file
	// that the caller vouches did not change since it hashed it: when the
	// file's cache is a KeyedCache holding that key, the file is not read
	// (File.Source reads it if asked).
	Known func(path string) (key string, ok bool)
}

// Analyzer is the root of the analyzer graph: its result (*Result) is
// computed by the checker before any analyzer runs, never by Run.
var Analyzer = &analysis.Analyzer{
	Name:       "parse",
	Doc:        "parse holds every TypeScript file of the project, parsed once, with its facts",
	Run:        func(*analysis.Pass) (any, error) { return nil, errors.New("parse: the checker provides this result") },
	ResultType: reflect.TypeOf((*Result)(nil)),
}

// Of returns the parse result of a pass.
func Of(pass *analysis.Pass) *Result { return pass.ResultOf[Analyzer].(*Result) }

// beforeDetach, when set (by tests), runs between a file's extraction and
// the interning of its facts; onLarge is schedule.onLarge.
var (
	beforeDetach func()
	onLarge      func(delta int)
)

type parsed struct {
	file    *File
	problem *Problem
	fresh   bool // file's facts were extracted from its source now
}

// Parse reads and parses files in parallel with a bounded pool of workers,
// one tree-sitter parser each, and extracts their facts. Files that cannot
// be read, are too large or binary become Problems; the rest are parsed.
func Parse(ctx context.Context, paths []string, opts Options) *Result {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	maxSize := opts.MaxFileSize
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	out := make([]parsed, len(paths))
	order, size := parseOrder(paths, opts.Known, jobs)
	// Workers take the next file from a counter (a channel send per file
	// woke a goroutine each: as much as a file whose facts the cache has).
	sched := newSchedule(order, size)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < jobs && w < len(paths); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ts, tsx *cworker
			defer func() {
				if ts != nil {
					ts.free()
				}
				if tsx != nil {
					tsx.free()
				}
			}()
			var buf []Node
			var in *interner
			// The worker's facts live in its arena; see arena.
			a := &arena{}
			for {
				if ctx.Err() != nil {
					return
				}
				i, large, ok := sched.take()
				if !ok {
					return
				}
				isTSX := filepath.Ext(paths[i]) == ".tsx"
				var cw *cworker
				if isTSX {
					if tsx == nil {
						tsx = newCWorker(true)
						tsx.sc = newScratch(a)
					}
					cw = tsx
				} else {
					if ts == nil {
						ts = newCWorker(false)
						ts.sc = newScratch(a)
					}
					cw = ts
				}
				cache := opts.Cache
				if opts.CacheOf != nil {
					cache = opts.CacheOf(paths[i])
				}
				if f := fromKey(paths[i], isTSX, maxSize, cache, opts.Known); f != nil {
					out[i] = *f
				} else {
					out[i], buf = parseOne(paths[i], cw, buf, maxSize, cache)
					if beforeDetach != nil {
						beforeDetach()
					}
					if f := out[i].file; f != nil {
						if in == nil {
							in = newInterner(a)
						}
						f.detach(isTSX, out[i].fresh, maxSize, in)
					}
					cw.sc.release() // the facts are in the arena now
				}
				sched.done(i, large)
				if cap(buf) > 4*trimKeep {
					buf = nil // a large file's buffer is not kept for the small ones (see nl_trim)
				}
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(paths))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()

	r := &Result{Fset: token.NewFileSet(), byPath: map[string]*File{}}
	for _, p := range out {
		if p.problem != nil {
			r.Problems = append(r.Problems, *p.problem)
		}
		if p.file == nil {
			continue
		}
		f := p.file
		f.addTo(r.Fset)
		r.Files = append(r.Files, f)
		r.byPath[f.Path] = f
	}
	return r
}

// Subset returns the files of r at paths (and their problems) as a
// result of its own, sharing r's file set: one parse of a run's files,
// one result per program.
func (r *Result) Subset(paths []string) *Result {
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	s := &Result{Fset: r.Fset, byPath: map[string]*File{}}
	for _, f := range r.Files {
		if want[f.Path] {
			s.Files = append(s.Files, f)
			s.byPath[f.Path] = f
		}
	}
	for _, p := range r.Problems {
		if want[p.Path] {
			s.Problems = append(s.Problems, p)
		}
	}
	return s
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// fromKey returns the file at path with the facts its cache holds under
// the key known vouches for, without reading it, or nil.
func fromKey(path string, tsx bool, maxSize int64, cache Cache, known func(string) (string, bool)) *parsed {
	kc, ok := cache.(KeyedCache)
	if !ok || known == nil {
		return nil
	}
	key, ok := known(path)
	if !ok {
		return nil
	}
	st, ok := kc.GetKey(key)
	if !ok || st.Facts == nil || int64(st.Size) > maxSize {
		return nil
	}
	facts := st.Facts
	f := &File{Path: path, Facts: facts, lazy: &lazySource{path: path, tsx: tsx, key: key, size: st.Size, max: maxSize,
		cache: kc, shebang: st.Shebang}}
	p := &parsed{file: f}
	if facts.Panic != "" || facts.ErrorOffset >= 0 {
		p.problem = factsProblem(path, f.Source(), facts) // the message quotes lines
	}
	return p
}

func parseOne(path string, cw *cworker, buf []Node, maxSize int64, cache Cache) (p parsed, _ []Node) {
	// Regular files only, never more than maxSize bytes: a FIFO would
	// block forever and a link to /dev/zero would never end.
	src, err := safeio.ReadFile(path, maxSize)
	if err != nil {
		var tl *safeio.TooLargeError
		switch {
		case errors.As(err, &tl) && tl.Size > 0:
			return parsed{problem: &Problem{Path: path, Offset: -1, Skipped: true,
				Message: fmt.Sprintf("file is %d bytes, over the %d-byte limit (--max-file-size): skipped", tl.Size, maxSize)}}, buf
		case errors.As(err, &tl):
			return parsed{problem: &Problem{Path: path, Offset: -1, Skipped: true,
				Message: fmt.Sprintf("file is over the %d-byte limit (--max-file-size): skipped", maxSize)}}, buf
		case errors.Is(err, safeio.ErrNotRegular):
			return parsed{problem: &Problem{Path: path, Offset: -1, Skipped: true, Message: err.Error() + ": skipped"}}, buf
		}
		return parsed{problem: &Problem{Path: path, Offset: -1, Message: "cannot read file: " + errText(err), Skipped: true}}, buf
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return parsed{problem: &Problem{Path: path, Offset: -1, Skipped: true, Message: "binary file (NUL byte): skipped"}}, buf
	}
	tsx := filepath.Ext(path) == ".tsx"
	if cache != nil {
		// Facts are stored only for content that passed the memory
		// estimate below (a function of the content alone): a hit needs
		// no estimate, which scans every byte.
		if facts, ok := cache.Get(tsx, src); ok {
			return parsed{file: &File{Path: path, src: src, Facts: facts}, problem: factsProblem(path, src, facts)}, buf
		}
	}
	if est, over := TooCostly(src); over {
		return parsed{problem: &Problem{Path: path, Offset: -1, Skipped: true, Message: fmt.Sprintf(
			"analysing it would take about %d MiB (more than %d times its size and %d MiB): skipped; generated code is best left out",
			est>>20, MemoryPerByte, MemoryFloor>>20)}}, buf
	}
	if cache != nil {
		p, buf = ParseSource(path, src, cw, buf)
		if p.file != nil {
			cache.Put(tsx, src, p.file.Facts)
		}
		return p, buf
	}
	return ParseSource(path, src, cw, buf)
}

// factsProblem is the notice a file's facts call for: a syntax error or a
// failed extraction.
func factsProblem(path string, src []byte, f *Facts) *Problem {
	if f.Panic != "" {
		return &Problem{Path: path, Offset: -1, Message: "internal error while reading facts (the file is only partly linted): " + f.Panic}
	}
	if f.ErrorOffset >= 0 {
		return &Problem{Path: path, Offset: f.ErrorOffset, Message: syntaxErrorMessage(src, f.ErrorSpans)}
	}
	return nil
}

// ParseSource parses src with cw and extracts its facts. The supervising
// process is told which file is in the parser (internal/trace), so that a
// crash in C code names it; facts from the cache need no such record.
func ParseSource(path string, src []byte, cw *cworker, buf []Node) (parsed, []Node) {
	defer trace.Begin(path).End()
	text := src
	if bytes.HasPrefix(src, bom) {
		// Parse with the BOM blanked so offsets stay those of the file.
		text = append([]byte("   "), src[3:]...)
	}
	nodes, skipped, err := cw.parseRepaired(text, buf)
	if err != nil {
		return parsed{problem: &Problem{Path: path, Offset: -1, Skipped: true, Message: "cannot parse: " + err.Error()}}, nodes
	}
	t := &Tree{Path: path, Src: text, Nodes: nodes, Skipped: skipped}
	if cw.sc == nil {
		cw.sc = &scratch{}
	}
	f := &File{Path: path, src: src, Facts: extract(t, cw.sc)}
	return parsed{file: f, problem: factsProblem(path, src, f.Facts), fresh: true}, nodes
}

// ParseBytes parses one in-memory file (for tests and tools).
func ParseBytes(path string, src []byte) (*Tree, *Facts, error) {
	cw := newCWorker(filepath.Ext(path) == ".tsx")
	defer cw.free()
	nodes, skipped, err := cw.parseRepaired(src, nil)
	if err != nil {
		return nil, nil, err
	}
	t := &Tree{Path: path, Src: src, Nodes: nodes, Skipped: skipped}
	return t, Extract(t), nil
}

// syntaxErrorMessage names the lines that do not parse, e.g. "syntax error:
// lines 12-18 and 40 do not parse; the rest of the file is linted".
func syntaxErrorMessage(src []byte, spans []Span) string {
	if len(spans) == 0 {
		return "syntax error: the file is linted outside the part that does not parse"
	}
	line := func(off uint32) int { return bytes.Count(src[:min(int(off), len(src))], []byte("\n")) + 1 }
	type lines struct{ a, b int }
	var ls []lines
	for _, s := range spans {
		end := s.End
		if end > s.Start {
			end-- // the last byte of the span, not the one after it
		}
		a, b := line(s.Start), line(end)
		if k := len(ls) - 1; k >= 0 && a <= ls[k].b+1 {
			ls[k].b = max(ls[k].b, b)
			continue
		}
		ls = append(ls, lines{a, b})
	}
	var parts []string
	single := len(ls) == 1
	for _, l := range ls {
		a, b := l.a, l.b
		if a == b {
			parts = append(parts, strconv.Itoa(a))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", a, b))
			single = false
		}
	}
	list := strings.Join(parts, ", ")
	if n := len(parts); n > 1 {
		list = strings.Join(parts[:n-1], ", ") + " and " + parts[n-1]
	}
	word := "lines"
	verb := "do"
	if single {
		word, verb = "line", "does"
	}
	return fmt.Sprintf("syntax error: %s %s %s not parse; the rest of the file is linted", word, list, verb)
}

// parseOrder returns the order in which the workers take paths: the
// largest files first. A large file's parse tree (C memory, released after
// it by nl_trim) then peaks while the heap of facts is still small, not
// late in the run when nearly every file's facts are alive: cold on the
// generated N=1000 workspace, whose GraphQL codegen files are 1-2 MB, the
// peak RSS went from 225-256 to 196-208 MB. It is also the classic
// longest-first schedule: no worker is left parsing a large file while
// the others wait at the end. Files whose facts the cache has by key are
// not read, and not stat'ed here either: they go last.
func parseOrder(paths []string, known func(string) (string, bool), jobs int) ([]int, []int64) {
	order := make([]int, len(paths))
	for i := range order {
		order[i] = i
	}
	if len(paths) <= jobs {
		return order, nil
	}
	size := make([]int64, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				if known != nil {
					if _, ok := known(paths[i]); ok {
						continue
					}
				}
				if st, err := os.Stat(paths[i]); err == nil {
					size[i] = st.Size()
				}
			}
		}()
	}
	wg.Wait()
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	return order, size
}
