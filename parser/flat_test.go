package parser

import (
	"strings"
	"testing"
)

func TestFlatTree(t *testing.T) {
	w := newCWorker(false)
	defer w.free()
	src := []byte("import { readFileSync as rf } from 'node:fs';\n@Injectable()\nexport class A { constructor(private readonly b: B) {} m() { return rf('x'); } }\n")
	nodes, err := w.parse(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Tree{Src: src, Nodes: nodes}
	var sb strings.Builder
	var dump func(i, d int)
	dump = func(i, d int) {
		if tr.Named(i) {
			sb.WriteString(strings.Repeat(" ", d) + tr.Kind(i).String())
			if f := tr.Nodes[i].Field; f != 0 {
				sb.WriteString(" [" + f.String() + "]")
			}
			sb.WriteString("\n")
		}
		for c := tr.FirstChild(i); c >= 0; c = tr.NextSibling(c) {
			dump(c, d+1)
		}
	}
	dump(0, 0)
	t.Log(sb.String())
	if tr.Kind(0) != KindOf("program") {
		t.Fatal("root is not program")
	}
}
