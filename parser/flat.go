package parser

/*
#include <stdint.h>
#include <stdlib.h>
#include <stdbool.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

// Declarations of the tree-sitter C API used here. The implementation is
// compiled into github.com/smacker/go-tree-sitter (runtime v0.22, language
// versions 13-14); the linker resolves these symbols. The grammars come from
// parser/grammar as TSLanguage pointers.
typedef struct TSLanguage TSLanguage;
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct TSNode { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct TSTreeCursor { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;

TSParser *ts_parser_new(void);
void ts_parser_delete(TSParser *self);
bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
TSTree *ts_parser_parse_string(TSParser *self, const TSTree *old_tree, const char *string, uint32_t length);
void ts_parser_reset(TSParser *self);
void ts_parser_set_timeout_micros(TSParser *self, uint64_t timeout_micros);
void ts_tree_delete(TSTree *self);
TSNode ts_tree_root_node(const TSTree *self);
TSSymbol ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_is_extra(TSNode self);
bool ts_node_is_error(TSNode self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);

// nl_node mirrors parser.Node: keep the two in sync.
typedef struct {
	uint32_t start, end;  // byte offsets
	uint32_t next;        // index just past this node's subtree
	uint32_t parent;      // index of the parent (0 for the root)
	uint16_t kind;        // normalized Kind
	uint16_t field;       // normalized Field of this node in its parent
	uint32_t flags;
} nl_node;

enum { NL_NAMED = 1, NL_ERROR = 2, NL_MISSING = 4, NL_EXTRA = 8 };

typedef struct {
	TSParser *parser;
	nl_node *buf;
	uint32_t cap;
	uint32_t stack_cap;
	uint32_t *stack;
} nl_worker;

static nl_worker *nl_worker_new(const void *lang) {
	nl_worker *w = calloc(1, sizeof(nl_worker));
	w->parser = ts_parser_new();
	if (!ts_parser_set_language(w->parser, (const TSLanguage *)lang)) {
		ts_parser_delete(w->parser);
		free(w);
		return NULL;
	}
	return w;
}

static void nl_worker_free(nl_worker *w) {
	ts_parser_delete(w->parser);
	free(w->buf);
	free(w->stack);
	free(w);
}

static int nl_grow(nl_worker *w, uint32_t need) {
	if (need <= w->cap) return 1;
	uint32_t c = w->cap ? w->cap : 4096;
	while (c < need) c *= 2;
	nl_node *b = realloc(w->buf, (size_t)c * sizeof(nl_node));
	if (!b) return 0;
	w->buf = b; w->cap = c;
	return 1;
}

static int nl_push(nl_worker *w, uint32_t depth, uint32_t v) {
	if (depth >= w->stack_cap) {
		uint32_t c = w->stack_cap ? w->stack_cap * 2 : 256;
		while (c <= depth) c *= 2;
		uint32_t *s = realloc(w->stack, (size_t)c * sizeof(uint32_t));
		if (!s) return 0;
		w->stack = s; w->stack_cap = c;
	}
	w->stack[depth] = v;
	return 1;
}

// nl_trim releases the memory a large file left behind: the worker's node
// buffer beyond keep nodes and, with glibc, the free memory of its malloc
// arenas. tree-sitter allocates a file's tree node by node; once the tree
// is deleted glibc keeps the freed memory in the arena of the thread that
// parsed it, so that one 1.5 MB generated file would hold ~50 MB of
// resident memory for the rest of the run.
static void nl_trim(nl_worker *w, uint32_t keep) {
	if (w->cap > keep) {
		free(w->buf);
		w->buf = NULL;
		w->cap = 0;
	}
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

// nl_parse parses src and copies the whole tree, in preorder, into w->buf.
// It returns the number of nodes, 0 when parsing failed, -1 when out of memory.
// The tree is deleted before it returns: one cgo call per file.
static int64_t nl_parse(nl_worker *w, const char *src, uint32_t len,
                        const uint16_t *kinds, uint32_t nkinds,
                        const uint16_t *fields, uint32_t nfields, uint64_t timeout_micros) {
	ts_parser_set_timeout_micros(w->parser, timeout_micros);
	TSTree *tree = ts_parser_parse_string(w->parser, NULL, src, len);
	if (!tree) { ts_parser_reset(w->parser); return 0; }
	TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
	uint32_t n = 0, depth = 0;
	int64_t rc = 0;
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&cur);
		if (!nl_grow(w, n + 1)) { rc = -1; goto done; }
		nl_node *o = &w->buf[n];
		TSSymbol sym = ts_node_symbol(node);
		TSFieldId fid = ts_tree_cursor_current_field_id(&cur);
		o->start = ts_node_start_byte(node);
		o->end = ts_node_end_byte(node);
		o->kind = sym < nkinds ? kinds[sym] : 0;
		o->field = fid < nfields ? fields[fid] : 0;
		o->parent = depth ? w->stack[depth - 1] : 0;
		o->next = 0;
		o->flags = (ts_node_is_named(node) ? NL_NAMED : 0) | (ts_node_is_error(node) ? NL_ERROR : 0) |
		           (ts_node_is_missing(node) ? NL_MISSING : 0) | (ts_node_is_extra(node) ? NL_EXTRA : 0);
		if (!nl_push(w, depth, n)) { rc = -1; goto done; }
		n++;
		if (ts_tree_cursor_goto_first_child(&cur)) { depth++; continue; }
		// Close the finished subtrees until a sibling is found.
		for (;;) {
			w->buf[w->stack[depth]].next = n;
			if (ts_tree_cursor_goto_next_sibling(&cur)) break;
			if (depth == 0 || !ts_tree_cursor_goto_parent(&cur)) goto finished;
			depth--;
		}
	}
finished:
	rc = n;
done:
	ts_tree_cursor_delete(&cur);
	ts_tree_delete(tree);
	return rc;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"time"
	"unsafe"

	tsxgrammar "github.com/nestlint/nestlint/parser/grammar/tsx"
	"github.com/nestlint/nestlint/parser/grammar/typescript"
)

// Node flags.
const (
	FlagNamed   = 1
	FlagError   = 2
	FlagMissing = 4
	FlagExtra   = 8
)

// Node is one syntax node of a flat tree, in preorder. Its children are the
// nodes from its index+1 up to Next, reached sibling by sibling through Next.
type Node struct {
	Start, End uint32 // byte offsets into the source
	Next       uint32 // index just past this node's subtree
	Parent     uint32 // index of the parent node; the root is its own parent
	Kind       Kind
	Field      FieldID // the field this node fills in its parent, or 0
	Flags      uint32
}

var errNoMemory = errors.New("out of memory while copying the syntax tree")

// cworker owns a C tree-sitter parser and its output buffer. It is used by
// one goroutine at a time.
type cworker struct {
	w   *C.nl_worker
	tsx bool
	sc  *scratch // the extractions' reused lists (ParseSource)
}

func newCWorker(tsx bool) *cworker {
	lang := typescript.Pointer()
	if tsx {
		lang = tsxgrammar.Pointer()
	}
	w := C.nl_worker_new(lang)
	if w == nil {
		// Only a grammar whose ABI the runtime does not accept gets here:
		// TestGrammarLoads catches it before a release.
		panic("parser: the tree-sitter runtime rejects the grammar's language version")
	}
	return &cworker{w: w, tsx: tsx}
}

// bufCap is the capacity of the worker's C node buffer, in nodes.
func (c *cworker) bufCap() int { return int(c.w.cap) }

func (c *cworker) free() {
	if c.w != nil {
		C.nl_worker_free(c.w)
		c.w = nil
	}
}

// parse parses src and copies its tree into dst (reusing its capacity).
func (c *cworker) parse(src []byte, dst []Node) ([]Node, error) {
	tab := tables(c.tsx)
	var p *C.char
	if len(src) > 0 {
		p = (*C.char)(unsafe.Pointer(&src[0]))
	} else {
		p = (*C.char)(unsafe.Pointer(&emptySrc[0]))
	}
	n := C.nl_parse(c.w, p, C.uint32_t(len(src)),
		(*C.uint16_t)(unsafe.Pointer(&tab.kinds[0])), C.uint32_t(len(tab.kinds)),
		(*C.uint16_t)(unsafe.Pointer(&tab.fields[0])), C.uint32_t(len(tab.fields)),
		C.uint64_t(parseTimeout(len(src)).Microseconds()))
	switch {
	case n < 0:
		return dst[:0], errNoMemory
	case n == 0:
		return dst[:0], fmt.Errorf("parsing took longer than %s: skipped", parseTimeout(len(src)))
	}
	cs := unsafe.Slice((*Node)(unsafe.Pointer(c.w.buf)), int(n))
	if cap(dst) < int(n) {
		dst = make([]Node, int(n), int(n)+int(n)/4)
	}
	dst = dst[:n]
	copy(dst, cs)
	if len(src) >= trimAfter {
		C.nl_trim(c.w, trimKeep)
	}
	return dst, nil
}

// After a file of trimAfter bytes or more, the C side of a worker gives
// back what the file made it allocate (nl_trim), keeping a node buffer of
// trimKeep nodes (files of a few thousand lines). Such files are rare
// (generated code), so trimming costs little; without it, the resident
// memory of a run grows by about 35 bytes per byte of the largest file, for
// each worker.
const (
	trimAfter = 256 << 10
	trimKeep  = 1 << 16
)

var emptySrc = []byte{0}

func init() {
	if unsafe.Sizeof(Node{}) != unsafe.Sizeof(C.nl_node{}) {
		panic("parser: Node and nl_node differ in size")
	}
}

// parseTimeout bounds the time tree-sitter may spend on one file, so that a
// pathological input cannot hang the run: 10 s plus 1 s per 100 KB.
func parseTimeout(size int) time.Duration {
	return 10*time.Second + time.Duration(size/100_000)*time.Second
}
