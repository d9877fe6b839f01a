package parser

// Grammar is one tree-sitter grammar compiled into nestlint.
type Grammar struct {
	Name    string // the grammar's repository name, e.g. tree-sitter-typescript
	Version string // its release tag
	Langs   string // the languages nestlint takes from it
}

// Grammars lists the tree-sitter grammars nestlint is built with, for
// `nestlint --version`. They come from github.com/smacker/go-tree-sitter
// (see its _automation/grammars.json for the tags); update this list when a
// grammar is upgraded or vendored.
var Grammars = []Grammar{
	{Name: "tree-sitter-typescript", Version: "v0.21.2", Langs: "typescript, tsx"},
	{Name: "tree-sitter-javascript", Version: "v0.21.4", Langs: "javascript"},
	{Name: "tree-sitter-dockerfile", Version: "v0.2.0", Langs: "dockerfile"},
}

// RuntimeABI is the tree-sitter language ABI version the runtime accepts
// (TREE_SITTER_LANGUAGE_VERSION of the runtime compiled in).
const RuntimeABI = 14
