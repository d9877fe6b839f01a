package parser

import (
	"cmp"
	"slices"
	"unsafe"
)

// Tree is a parsed file: its source and its flat syntax tree. It is plain Go
// memory; no C object outlives the parse call that made it.
type Tree struct {
	Path  string
	Src   []byte
	Nodes []Node
	// Skipped are the spans that were blanked before parsing because they do
	// not parse and would have hidden the statements after them (see
	// repair.go); the tree holds nothing there.
	Skipped []Span
}

// Root is the index of the root node.
const Root = 0

// Text returns the source text of node i. The string shares t.Src's
// memory instead of copying it (the facts of a file hold a few hundred
// such strings, and the file's source stays alive beside them anyway): the
// bytes a Tree is built on must never be written to afterwards.
func (t *Tree) Text(i int) string {
	n := &t.Nodes[i]
	if n.End <= n.Start {
		return ""
	}
	return unsafe.String(&t.Src[n.Start], int(n.End-n.Start))
}

// Kind returns the kind of node i.
func (t *Tree) Kind(i int) Kind { return t.Nodes[i].Kind }

// Named reports whether node i is a named node.
func (t *Tree) Named(i int) bool { return t.Nodes[i].Flags&FlagNamed != 0 }

// FirstChild returns the first child of i, or -1.
func (t *Tree) FirstChild(i int) int {
	if uint32(i+1) < t.Nodes[i].Next {
		return i + 1
	}
	return -1
}

// NextSibling returns the sibling after i, or -1.
func (t *Tree) NextSibling(i int) int {
	if i == Root {
		return -1
	}
	nx := t.Nodes[i].Next
	p := t.Nodes[i].Parent
	if nx < t.Nodes[p].Next {
		return int(nx)
	}
	return -1
}

// ChildByField returns the first child of i that fills field f, or -1.
func (t *Tree) ChildByField(i int, f FieldID) int {
	end := t.Nodes[i].Next
	for c := uint32(i + 1); c < end; c = t.Nodes[c].Next {
		if t.Nodes[c].Field == f {
			return int(c)
		}
	}
	return -1
}

// ChildOfKind returns the first child of i of kind k, or -1.
func (t *Tree) ChildOfKind(i int, k Kind) int {
	end := t.Nodes[i].Next
	for c := uint32(i + 1); c < end; c = t.Nodes[c].Next {
		if t.Nodes[c].Kind == k {
			return int(c)
		}
	}
	return -1
}

// NamedChild returns the n-th named, non-extra child of i, or -1.
func (t *Tree) NamedChild(i, n int) int {
	end := t.Nodes[i].Next
	for c := uint32(i + 1); c < end; c = t.Nodes[c].Next {
		if t.Nodes[c].Flags&(FlagNamed|FlagExtra) == FlagNamed {
			if n == 0 {
				return int(c)
			}
			n--
		}
	}
	return -1
}

// Parent returns the parent of i, or -1 for the root.
func (t *Tree) Parent(i int) int {
	if i == Root {
		return -1
	}
	return int(t.Nodes[i].Parent)
}

// HasError reports whether the tree holds any ERROR or MISSING node or
// Skipped span, and the byte offset of the first one.
func (t *Tree) HasError() (bool, int) {
	first := -1
	for i := range t.Nodes {
		if t.Nodes[i].Flags&(FlagError|FlagMissing) != 0 {
			first = int(t.Nodes[i].Start)
			break
		}
	}
	for _, s := range t.Skipped {
		if first < 0 || int(s.Start) < first {
			first = int(s.Start)
		}
	}
	return first >= 0, max(first, 0)
}

// ErrorSpans returns what does not parse, in order: the outermost ERROR
// nodes, the MISSING nodes (empty spans) and the Skipped spans, overlapping
// ones merged; the whole file when the root itself is in error.
func (t *Tree) ErrorSpans() []Span {
	if len(t.Nodes) == 0 {
		return nil
	}
	if t.Nodes[Root].Flags&(FlagError|FlagMissing) != 0 {
		return []Span{{t.Nodes[Root].Start, t.Nodes[Root].End}}
	}
	var spans []Span
	for i := 0; i < len(t.Nodes); i++ {
		n := &t.Nodes[i]
		if n.Flags&(FlagError|FlagMissing) != 0 {
			spans = append(spans, Span{n.Start, n.End})
			i = int(n.Next) - 1 // skip the subtree
		}
	}
	spans = append(spans, t.Skipped...)
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var out []Span
	for _, sp := range spans {
		if k := len(out) - 1; k >= 0 && sp.Start <= out[k].End {
			out[k].End = max(out[k].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// statementErrorSpans returns the spans of the top-level statements that
// hold an ERROR or MISSING node, consecutive ones merged.
func (t *Tree) statementErrorSpans() []Span {
	var out []Span
	prevBad := false
	for c := t.FirstChild(Root); c >= 0; c = t.NextSibling(c) {
		bad := false
		for j := c; j < int(t.Nodes[c].Next); j++ {
			if t.Nodes[j].Flags&(FlagError|FlagMissing) != 0 {
				bad = true
				break
			}
		}
		n := &t.Nodes[c]
		switch {
		case bad && prevBad:
			out[len(out)-1].End = max(out[len(out)-1].End, n.End)
		case bad:
			out = append(out, Span{n.Start, n.End})
		}
		prevBad = bad
	}
	return out
}
