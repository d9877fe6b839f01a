// Package typescript is the TypeScript grammar of tree-sitter-typescript,
// vendored from the release named in ../README.md, for the tree-sitter
// runtime of github.com/smacker/go-tree-sitter.
package typescript

// /* The grammar's exported C symbols are renamed so that it can be linked next
//    to another copy of the same grammar (github.com/smacker/go-tree-sitter
//    bundles one). */
// #cgo CFLAGS: -w
// #cgo CFLAGS: -Dtree_sitter_typescript=nestlint_tree_sitter_typescript
// #cgo CFLAGS: -Dtree_sitter_typescript_external_scanner_create=nestlint_tree_sitter_typescript_external_scanner_create
// #cgo CFLAGS: -Dtree_sitter_typescript_external_scanner_destroy=nestlint_tree_sitter_typescript_external_scanner_destroy
// #cgo CFLAGS: -Dtree_sitter_typescript_external_scanner_serialize=nestlint_tree_sitter_typescript_external_scanner_serialize
// #cgo CFLAGS: -Dtree_sitter_typescript_external_scanner_deserialize=nestlint_tree_sitter_typescript_external_scanner_deserialize
// #cgo CFLAGS: -Dtree_sitter_typescript_external_scanner_scan=nestlint_tree_sitter_typescript_external_scanner_scan
//
// #include <stdint.h>
// typedef struct TSLanguage TSLanguage;
// const TSLanguage *nestlint_tree_sitter_typescript(void);
// uint32_t ts_language_version(const TSLanguage *); // in the go-tree-sitter runtime
import "C"

import (
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// Pointer returns the grammar's C TSLanguage.
func Pointer() unsafe.Pointer { return unsafe.Pointer(C.nestlint_tree_sitter_typescript()) }

// GetLanguage returns the grammar for the runtime of go-tree-sitter.
func GetLanguage() *sitter.Language { return sitter.NewLanguage(Pointer()) }

// Version returns the tree-sitter ABI version of the grammar, as the runtime
// reads it.
func Version() int { return int(C.ts_language_version(C.nestlint_tree_sitter_typescript())) }
