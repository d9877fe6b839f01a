package parser

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/nestlint/nestlint/parser/grammar/typescript"
	sitter "github.com/smacker/go-tree-sitter"
)

// TestFlatTree: the flat tree holds the nodes of tree-sitter's own tree,
// in preorder, with their kind, field, span, named flag and parent, read
// independently through go-tree-sitter's cursor-free Node API.
func TestFlatTree(t *testing.T) {
	t.Parallel()
	w := newCWorker(false)
	defer w.free()
	src := []byte("import { readFileSync as rf } from 'node:fs';\n@Injectable()\nexport class A { constructor(private readonly b: B) {} m() { return rf('x'); } }\n")
	nodes, err := w.parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Tree{Src: src, Nodes: nodes}

	type row struct {
		kind, field string
		start, end  uint32
		named       bool
		parent      int
	}
	var want []row
	var walk func(n *sitter.Node, field string, parent int)
	walk = func(n *sitter.Node, field string, parent int) {
		i := len(want)
		kind := n.Type()
		if !n.IsNamed() {
			kind = "'" + kind + "'" // how Kind names anonymous nodes
		}
		want = append(want, row{kind, field, n.StartByte(), n.EndByte(), n.IsNamed(), parent})
		for c := range int(n.ChildCount()) {
			walk(n.Child(c), n.FieldNameForChild(c), i)
		}
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(typescript.GetLanguage())
	st, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		t.Fatal(err)
	}
	walk(st.RootNode(), "", 0)

	var got []row
	var dump func(i int)
	dump = func(i int) {
		n := tr.Nodes[i]
		field := ""
		if n.Field != 0 {
			field = n.Field.String()
		}
		got = append(got, row{tr.Kind(i).String(), field, n.Start, n.End, tr.Named(i), int(n.Parent)})
		for c := tr.FirstChild(i); c >= 0; c = tr.NextSibling(c) {
			if tr.Nodes[c].Parent != uint32(i) {
				t.Errorf("node %d (%s) has parent %d, want %d", c, tr.Kind(c), tr.Nodes[c].Parent, i)
			}
			dump(c)
		}
	}
	dump(0)
	if len(got) != len(nodes) {
		t.Errorf("preorder walk reaches %d of %d nodes", len(got), len(nodes))
	}
	if len(got) != len(want) || len(want) < 40 {
		t.Fatalf("flat tree has %d nodes, tree-sitter %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("node %d: flat %+v, tree-sitter %+v", i, got[i], want[i])
		}
	}
	// Spot checks a reader can follow.
	if got[0].kind != "program" || got[0].end != uint32(len(src)) {
		t.Errorf("root = %+v", got[0])
	}
	if c := tr.ChildByField(0, FieldOf("source")); c != -1 {
		t.Errorf("program has a source field child %d", c)
	}
	imp := tr.FirstChild(0)
	if tr.Kind(imp) != KindOf("import_statement") {
		t.Fatalf("first statement is %s", tr.Kind(imp))
	}
	if s := tr.ChildByField(imp, FieldOf("source")); s < 0 || string(src[tr.Nodes[s].Start:tr.Nodes[s].End]) != "'node:fs'" {
		t.Errorf("import source = %d", s)
	}
}

// TestTrimAfterLargeFile: after a file of trimAfter bytes or more, the
// worker gives its large node buffer back, and the files it parses next
// get the same trees as on a fresh worker.
func TestTrimAfterLargeFile(t *testing.T) {
	t.Parallel()
	var big []byte
	for i := 0; len(big) < trimAfter; i++ {
		big = fmt.Appendf(big, "export const v%d = { id: %d, name: 'n%d', tags: ['a', 'b'], at: f(%d) };\n", i, i, i, i)
	}
	small := []byte("export class A { m() { return this.repo.find({ where: { id: 1 } }); } }\n")
	w := newCWorker(false)
	defer w.free()
	nodes, err := w.parse(big, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) <= trimKeep {
		t.Fatalf("the large file has %d nodes, want more than %d to exercise the trim", len(nodes), trimKeep)
	}
	if c := w.bufCap(); c > trimKeep {
		t.Errorf("after the large file the node buffer holds %d nodes, want at most %d", c, trimKeep)
	}
	got, err := w.parse(small, nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh := newCWorker(false)
	defer fresh.free()
	want, err := fresh.parse(small, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Error("the small file parses differently after the trim")
	}
	// A small file keeps the buffer (no trim for each file).
	if c := w.bufCap(); c == 0 {
		t.Error("the buffer was released after a small file")
	}
}
