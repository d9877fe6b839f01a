package parser

import (
	"fmt"
	"strings"
	"testing"
)

// TestCallUse pins how a call's value is used, the call that consumes it,
// and try coverage: the facts the async rules read.
func TestCallUse(t *testing.T) {
	t.Parallel()
	src := `
class S {
  async run() {
    this.a();
    void this.b();
    await this.c();
    const x = this.d();
    this.e().then(ok).catch(bad);
    await Promise.all([this.f(), this.g()]);
    try {
      await this.h();
      throw new Error('x');
    } catch (err) {
      this.i();
    }
    (this.j() as Promise<void>);
    return this.k();
  }
  list = () => this.l();
}
function top() { throw new Error('y'); }
`
	f := parseText(t, "s.ts", src)
	byMethod := map[string]int{}
	for i, c := range f.Calls {
		byMethod[c.Method] = i
	}
	call := func(m string) Call {
		i, ok := byMethod[m]
		if !ok {
			t.Fatalf("no call %s", m)
		}
		return f.Calls[i]
	}
	cases := []struct {
		method string
		use    CallUse
		outer  string
		inTry  bool
	}{
		{"a", UseDiscard, "", false},
		{"b", UseVoid, "", false},
		{"c", UseAwait, "", false},
		{"d", UseOther, "", false},
		{"e", UseRecv, "then", false},
		{"then", UseRecv, "catch", false},
		{"catch", UseDiscard, "", false},
		{"f", UseArg, "all", false},
		{"g", UseArg, "all", false},
		{"all", UseAwait, "", false},
		{"h", UseAwait, "", true},
		{"i", UseDiscard, "", false},
		{"j", UseDiscard, "", false},
		{"k", UseReturn, "", false},
		{"l", UseReturn, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.method, func(t *testing.T) {
			c := call(tc.method)
			if c.Use != tc.use {
				t.Errorf("use = %d, want %d", c.Use, tc.use)
			}
			got := ""
			if c.Outer >= 0 {
				got = f.Calls[c.Outer].Method
			}
			if got != tc.outer {
				t.Errorf("outer = %q, want %q", got, tc.outer)
			}
			if c.InTry != tc.inTry {
				t.Errorf("inTry = %v, want %v", c.InTry, tc.inTry)
			}
		})
	}
	if len(f.Throws) != 2 {
		t.Fatalf("throws = %d, want 2", len(f.Throws))
	}
	if !f.Throws[0].InTry || f.Throws[1].InTry {
		t.Errorf("throw InTry = %v, %v; want true, false", f.Throws[0].InTry, f.Throws[1].InTry)
	}
	if !strings.Contains(src[f.Throws[1].Start:f.Throws[1].End], "'y'") || f.Funcs[f.Throws[1].Func].Name != "top" {
		t.Errorf("second throw is not in top")
	}
}

// TestBranches pins the arms of if statements and ?: expressions.
func TestBranches(t *testing.T) {
	t.Parallel()
	src := `
const sync = process.env.NODE_ENV === 'test' ? { synchronize: true } : { synchronize: false };
function f() {
  if (isDev) { run(); } else { skip(); }
}
`
	f := parseText(t, "b.ts", src)
	var got []string
	for _, b := range f.Branches {
		got = append(got, fmt.Sprintf("%s|%v|%s", b.Cond, b.Else, src[b.Start:b.End]))
	}
	want := []string{
		"process.env.NODE_ENV === 'test'|false|{ synchronize: true }",
		"process.env.NODE_ENV === 'test'|true|{ synchronize: false }",
		"(isDev)|false|{ run(); }",
		"(isDev)|true|else { skip(); }",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("branches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
