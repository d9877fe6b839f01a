package parser

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestNestedCallsLinear (issue 13 item 10): f(g(g(...))) 40,000 levels
// deep is extracted in linear time (it was quadratic: 10k levels took
// 2.8 s, 40k about 45 s), and the roots read by each call stay right.
func TestNestedCallsLinear(t *testing.T) {
	const n = 40_000
	src := "export const v = f(" + strings.Repeat("g(", n) + "x" + strings.Repeat(")", n) + ");\n"
	start := time.Now()
	f := parseText(t, "deep.ts", src)
	if el := time.Since(start); el > 15*time.Second {
		t.Fatalf("extraction took %v", el)
	}
	if f.Panic != "" {
		t.Fatal(f.Panic)
	}
	var outer *Call
	for i := range f.Calls {
		if f.Calls[i].Method == "f" || len(f.Calls[i].Path) == 1 && f.Calls[i].Path[0] == "f" {
			outer = &f.Calls[i]
		}
	}
	if outer == nil || len(outer.Args) != 1 {
		t.Fatalf("call of f not found: %d calls", len(f.Calls))
	}
	if refs := outer.Args[0].Refs(); !slices.Contains(refs, "g") || !slices.Contains(refs, "x") {
		t.Errorf("refs of f's argument: %v, want g and x", refs)
	}
}

// TestRefsMemoKeepsOrder: refs lists the roots in the order they are met,
// each once, and callers may modify what they get.
func TestRefsMemoKeepsOrder(t *testing.T) {
	t.Parallel()
	f := parseText(t, "a.ts", "export const v = h(a.b, c(d, a), [e, {k: d}], `${z}`);\n")
	for _, c := range f.Calls {
		if len(c.Path) == 1 && c.Path[0] == "h" {
			var all []string
			for _, a := range c.Args {
				all = append(all, a.Refs()...)
			}
			if got := fmt.Sprint(all); got != "[a c d a e d z]" {
				t.Errorf("refs %s", got)
			}
			return
		}
	}
	t.Fatal("call of h not found")
}
