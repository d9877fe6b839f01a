// Package grammar names the tree-sitter grammar release vendored in its
// typescript and tsx subpackages (see README.md there for how to update it).
package grammar

// Release is the upstream grammar release whose C sources are vendored.
const Release = "tree-sitter-typescript v0.23.2"

// Grammar names the grammar as nestlint builds it: the release and the
// nestlint patches to its external scanner (see README.md).
const Grammar = Release + " + nestlint scanner patches"

// LanguageVersion is the tree-sitter ABI version of the vendored parser.c
// files; the runtime of github.com/smacker/go-tree-sitter accepts 13 to 14.
const LanguageVersion = 14
