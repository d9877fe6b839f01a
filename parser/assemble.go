package parser

import (
	"bytes"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
)

// ParseFile parses one file from src, an in-memory copy (an editor's
// buffer), with the checks Parse applies to a file read from disk: size,
// NUL bytes and the memory estimate. cache may be nil. The file is nil
// when it is skipped; the problem is a skip or a syntax error.
func ParseFile(path string, src []byte, maxSize int64, cache Cache) (*File, *Problem) {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	if int64(len(src)) > maxSize {
		return nil, &Problem{Path: path, Offset: -1, Skipped: true,
			Message: fmt.Sprintf("file is %d bytes, over the %d-byte limit (--max-file-size): skipped", len(src), maxSize)}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, &Problem{Path: path, Offset: -1, Skipped: true, Message: "binary file (NUL byte): skipped"}
	}
	if est, over := TooCostly(src); over {
		return nil, &Problem{Path: path, Offset: -1, Skipped: true, Message: fmt.Sprintf(
			"analysing it would take about %d MiB (more than %d times its size and %d MiB): skipped",
			est>>20, MemoryPerByte, MemoryFloor>>20)}
	}
	tsx := filepath.Ext(path) == ".tsx"
	if cache != nil {
		if facts, ok := cache.Get(tsx, src); ok {
			return &File{Path: path, src: src, Facts: facts}, factsProblem(path, src, facts)
		}
	}
	cw := newCWorker(tsx)
	defer cw.free()
	p, _ := ParseSource(path, src, cw, nil)
	if p.file != nil && cache != nil {
		cache.Put(tsx, src, p.file.Facts)
	}
	return p.file, p.problem
}

// Assemble builds a Result from files parsed earlier (by Parse or
// ParseFile), as Parse would have: a new FileSet in which each file gets
// its own token.File. The Files are copied, so that the Results of
// earlier calls stay valid; a file's line table is reused when it has one.
func Assemble(files []*File, extra []string, problems []Problem) *Result {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	r := &Result{Fset: token.NewFileSet(), Extra: extra, Problems: problems, byPath: make(map[string]*File, len(sorted))}
	r.Files = make([]*File, 0, len(sorted))
	for _, f := range sorted {
		if f == nil || r.byPath[f.Path] != nil {
			continue
		}
		nf := *f
		nf.retok(r.Fset, f.Tok)
		r.Files = append(r.Files, &nf)
		r.byPath[nf.Path] = &nf
	}
	return r
}

// Reassemble is Assemble for a program assembled before as prev (the
// language server assembles it again at every edit): each file that prev
// assembled from the same parse (the same facts and source) keeps prev's
// File and token.File, so its positions stay what they were; a new or
// edited file gets a token.File after every position prev's files use.
// With prev nil it is Assemble.
func Reassemble(prev *Result, files []*File, extra []string, problems []Problem) *Result {
	if prev == nil {
		return Assemble(files, extra, problems)
	}
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	r := &Result{Fset: token.NewFileSet(), Extra: extra, Problems: problems, byPath: make(map[string]*File, len(sorted))}
	r.Files = make([]*File, 0, len(sorted))
	var kept []*token.File
	var fresh []int // indexes in r.Files of the files that need a token.File
	for _, f := range sorted {
		if f == nil || r.byPath[f.Path] != nil {
			continue
		}
		if old := prev.byPath[f.Path]; old != nil && old.Tok != nil && sameParse(old, f) {
			kept = append(kept, old.Tok)
			r.Files = append(r.Files, old)
		} else {
			nf := *f
			fresh = append(fresh, len(r.Files))
			r.Files = append(r.Files, &nf)
		}
		r.byPath[f.Path] = r.Files[len(r.Files)-1]
	}
	r.Fset.AddExistingFiles(kept...)
	for _, i := range fresh {
		nf := r.Files[i]
		nf.retok(r.Fset, nf.Tok)
	}
	return r
}

// sameParse reports whether assembled file a was made from the parse f.
func sameParse(a, f *File) bool {
	return a.Facts == f.Facts && a.lazy == f.lazy && len(a.src) == len(f.src) && (len(f.src) == 0 || &a.src[0] == &f.src[0])
}

// retok gives f a token.File in fset, with the line table of tok (its
// token.File in an earlier file set) when tok has its size.
func (f *File) retok(fset *token.FileSet, tok *token.File) {
	if tok != nil && tok.Size() == f.Size() {
		f.Tok = fset.AddFile(f.Path, -1, f.Size())
		f.Tok.SetLines(tok.Lines())
		return
	}
	f.addTo(fset)
}
