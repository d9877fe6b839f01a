package parser

import (
	"strings"
	"testing"
)

// TestRepairs: each construct the grammar rejects parses cleanly after the
// source repair, into the node it stands for, and the tree keeps the file's
// own text.
func TestRepairs(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, src string
		kind      string // a node kind the tree must hold
		text      string // the text that node must have
	}{
		{"export type star", "export type * from './t';\n", "export_statement", "export type * from './t';"},
		{"export type star as", "export type * as T from './t';\n", "namespace_export", "* as T"},
		{"import defer", "import defer * as heavy from './heavy';\n", "namespace_import", "* as heavy"},
		{"variance in", "interface C<in T> { f(x: T): void }\n", "type_parameter", "T"},
		{"variance in out", "interface C<in out T> { f(x: T): T }\n", "type_parameter", "T"},
		{"const in", "class R<const in K extends string> {}\n", "type_parameter", "const in K extends string"},
		{"static index signature", "class K { static [key: string]: unknown; m() {} }\n", "index_signature", "[key: string]: unknown"},
		{"static accessor", "class S { static accessor count = 0; }\n", "public_field_definition", "static accessor count = 0"},
		{"member named abstract", "interface F { abstract: boolean; }\n", "property_identifier", "abstract"},
		{"method named accessor", "class A { accessor() { return 1; } }\n", "property_identifier", "accessor"},
		{"param named string", "type Cb = (string) => void;\n", "identifier", "string"},
		{"for using", "for (using x of xs) {}\n", "for_in_statement", "for (using x of xs) {}"},
		{"jsx attribute &", "const a = <a href=\"/s?a=1&b=2\">x</a>;\n", "jsx_attribute", "href=\"/s?a=1&b=2\""},
	}
	for _, c := range cases {
		name := "a.ts"
		if strings.Contains(c.src, "<a ") {
			name = "a.tsx"
		}
		tree, f, err := ParseBytes(name, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if f.ErrorOffset >= 0 {
			t.Errorf("%s: syntax error at %d", c.name, f.ErrorOffset)
			continue
		}
		found := false
		var seen []string
		for i := range tree.Nodes {
			if tree.Kind(i).String() == c.kind {
				seen = append(seen, tree.Text(i))
				if tree.Text(i) == c.text {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s node with text %q (have %q)", c.name, c.kind, c.text, seen)
		}
	}
}

// TestRepairKeepsRealErrors: text that is not valid TypeScript keeps its
// syntax error; a clean file is not rewritten.
func TestRepairKeepsRealErrors(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"export type * ;\n",
		"class { static [ }\n",
		"const x = ;\n",
	} {
		_, f, err := ParseBytes("a.ts", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if f.ErrorOffset < 0 {
			t.Errorf("%q: the syntax error is gone", src)
		}
	}
	src := "const o = { abstract: 1, accessor: 2 };\ntype T = (a: string) => void;\n"
	tree, f, err := ParseBytes("a.ts", []byte(src))
	if err != nil || f.ErrorOffset >= 0 {
		t.Fatal(err, f.ErrorOffset)
	}
	typed := false
	for i := range tree.Nodes {
		if tree.Kind(i).String() == "predefined_type" && tree.Text(i) == "string" {
			typed = true
		}
	}
	if !typed {
		t.Error("the parameter type string is not a predefined_type")
	}
	if got := repairs([]byte(src), tree.Nodes, true); got != nil {
		t.Errorf("a clean file without using was rewritten: %q", got)
	}
}
