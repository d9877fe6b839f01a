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
