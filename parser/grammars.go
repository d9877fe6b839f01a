package parser

import (
	"strings"

	"github.com/nestlint/nestlint/parser/grammar"
)

// Grammar is one tree-sitter grammar compiled into nestlint.
type Grammar struct {
	Name    string // the grammar's repository name, e.g. tree-sitter-typescript
	Version string // its release tag
	Langs   string // the languages nestlint takes from it
}

// Grammars lists the tree-sitter grammars nestlint is built with, for
// `nestlint --version`. TypeScript is vendored in parser/grammar (its
// README says how to update it); the others come from
// github.com/smacker/go-tree-sitter (see its _automation/grammars.json for
// the tags). Update this list when a grammar is upgraded or vendored.
var Grammars = []Grammar{
	{Name: "tree-sitter-typescript", Version: strings.TrimPrefix(grammar.Grammar, "tree-sitter-typescript "), Langs: "typescript, tsx"},
	{Name: "tree-sitter-javascript", Version: "v0.21.4", Langs: "javascript"},
	{Name: "tree-sitter-dockerfile", Version: "v0.2.0", Langs: "dockerfile"},
	{Name: "tree-sitter-bash", Version: "v0.21.0", Langs: "bash"},
}

// RuntimeABI is the tree-sitter language ABI version the runtime accepts
// (TREE_SITTER_LANGUAGE_VERSION of the runtime compiled in).
const RuntimeABI = 14
