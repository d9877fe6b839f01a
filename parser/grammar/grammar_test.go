package grammar_test

import (
	"context"
	"testing"

	"github.com/nestlint/nestlint/parser/grammar"
	"github.com/nestlint/nestlint/parser/grammar/tsx"
	"github.com/nestlint/nestlint/parser/grammar/typescript"
	sitter "github.com/smacker/go-tree-sitter"
	bundled "github.com/smacker/go-tree-sitter/typescript/typescript"
)

// TestABI checks that the vendored grammars load in the runtime of
// go-tree-sitter and parse a small file without error.
func TestABI(t *testing.T) {
	for name, g := range map[string]struct {
		l *sitter.Language
		v int
	}{"typescript": {typescript.GetLanguage(), typescript.Version()}, "tsx": {tsx.GetLanguage(), tsx.Version()}} {
		l := g.l
		if v := g.v; v != grammar.LanguageVersion {
			t.Errorf("%s: language version %d, want %d", name, v, grammar.LanguageVersion)
		}
		p := sitter.NewParser()
		p.SetLanguage(l)
		tree, err := p.ParseCtx(context.Background(), nil, []byte("export class A { accessor x = 1; }\n"))
		if err != nil || tree == nil {
			t.Fatalf("%s: no tree: %v", name, err)
		}
		root := tree.RootNode()
		if root.HasError() || root.Type() != "program" {
			t.Errorf("%s: %s", name, root.String())
		}
		p.Close()
	}
}

// TestLinksNextToBundledGrammar: this test binary links go-tree-sitter's own
// copy of the TypeScript grammar too; the renamed C symbols keep the two
// apart, and each parses with its own tables.
func TestLinksNextToBundledGrammar(t *testing.T) {
	ours, theirs := typescript.GetLanguage(), bundled.GetLanguage()
	if ours.SymbolCount() == theirs.SymbolCount() {
		t.Fatalf("both grammars have %d symbols: the same grammar was linked twice", ours.SymbolCount())
	}
	src := []byte("interface Row {\n  key: string\n  in: number\n}\n")
	for name, l := range map[string]*sitter.Language{"vendored": ours, "bundled": theirs} {
		p := sitter.NewParser()
		p.SetLanguage(l)
		tree, err := p.ParseCtx(context.Background(), nil, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// the scanner patch makes the difference
		if got, want := tree.RootNode().HasError(), name == "bundled"; got != want {
			t.Errorf("%s grammar: HasError = %v, want %v", name, got, want)
		}
		p.Close()
	}
}
