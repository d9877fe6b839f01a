package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzExtract feeds arbitrary text through parsing and fact extraction:
// neither may panic (Extract records a panic in Facts.Panic).
//
//	go test -run '^$' -fuzz FuzzExtract -fuzztime 60s ./parser/
func FuzzExtract(f *testing.F) {
	probes, _ := filepath.Glob("testdata/ts-syntax*/*.ts")
	for _, p := range probes {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("@Module({ providers: [{ provide: X, useFactory: async (a) => new Y(a) }] }) export class M {}"))
	f.Add([]byte("const { a: { b } } = require('x'); delete a[b]; (this as any).x ??= 1;"))
	// inputs of the source repair (repair.go)
	f.Add([]byte("export function broken( {\n  const = ;\n}\nexport class C { static accessor x = 1; }\n"))
	f.Add([]byte("for (await using x of xs) {}\nusing y = f();\nexport type * from './t';\n<a href=\"?a&b\">x</a>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, facts, err := ParseBytes("fuzz.ts", src)
		if err != nil {
			return
		}
		if facts.Panic != "" {
			t.Fatalf("fact extraction panicked: %s", facts.Panic)
		}
	})
}

// FuzzParseShell feeds arbitrary text to the shell script reader: it must
// not panic, and every command span must lie inside the source.
//
//	go test -run '^$' -fuzz FuzzParseShell -fuzztime 30s ./parser/
func FuzzParseShell(f *testing.F) {
	f.Add([]byte("#!/bin/sh\nset -e\nnpx prisma migrate deploy\nexec node dist/main.js\n"))
	f.Add([]byte("node a.js > log 2>&1 &\nPID=$!\ntrap 'kill -TERM $PID' TERM\nwait $PID\n"))
	f.Add([]byte("if [ -n \"$X\" ]; then yarn start; fi; f() { npm run x; }; ( node b.js & )"))
	f.Fuzz(func(t *testing.T, src []byte) {
		sh, err := ParseShell(src)
		if err != nil {
			return
		}
		for _, c := range sh.Commands {
			if c.Start > c.End || int(c.End) > len(src) {
				t.Fatalf("command span %v outside a %d-byte source", c.Span, len(src))
			}
		}
	})
}
