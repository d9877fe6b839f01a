// Compiles the vendored tree-sitter-tsx grammar (src/, untouched upstream
// files) under names of our own, so that it can be linked next to another
// copy of the grammar (such as the one github.com/smacker/go-tree-sitter
// bundles) without duplicate symbols.
#define tree_sitter_tsx nestlint_tree_sitter_tsx
#define tree_sitter_tsx_external_scanner_create nestlint_tree_sitter_tsx_external_scanner_create
#define tree_sitter_tsx_external_scanner_destroy nestlint_tree_sitter_tsx_external_scanner_destroy
#define tree_sitter_tsx_external_scanner_serialize nestlint_tree_sitter_tsx_external_scanner_serialize
#define tree_sitter_tsx_external_scanner_deserialize nestlint_tree_sitter_tsx_external_scanner_deserialize
#define tree_sitter_tsx_external_scanner_scan nestlint_tree_sitter_tsx_external_scanner_scan

#include "src/parser.c"
#include "src/scanner.c"
