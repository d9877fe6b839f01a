package parser

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
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
		// as a parse worker does: into an arena, interned, and the
		// arena's invariant holds (see arena)
		a := &arena{}
		cw := newCWorker(false)
		defer cw.free()
		cw.sc = newScratch(a)
		p, _ := ParseSource("fuzz.ts", src, cw, nil)
		if p.file == nil {
			t.Fatal("ParseBytes parsed it, ParseSource did not")
		}
		newInterner(a).facts(p.file.Facts)
		cw.sc.release()
		c := newArenaCheck(a)
		c.walk(reflect.ValueOf(p.file.Facts).Elem(), false, "fuzz")
		for _, b := range c.bad {
			t.Error(b)
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

// FuzzDockerfile feeds arbitrary bytes to the Dockerfile parser: no panic,
// and every span inside the input.
//
//	go test -run '^$' -fuzz '^FuzzDockerfile$' -fuzztime 20s ./parser/
func FuzzDockerfile(f *testing.F) {
	f.Add([]byte("FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-alpine\nENTRYPOINT [\"/sbin/tini\", \"--\"]\nCMD [\"node\", \"dist/main.js\"]\n"))
	f.Add([]byte("FROM node\nCMD npm run start:prod\n"))
	f.Add([]byte("FROM x\nCMD [\"a\\\"b\", `c`]\nSHELL [\"/bin/bash\", \"-c\"]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		df, err := ParseDockerfile(src)
		if err != nil || df == nil {
			return
		}
		for _, st := range df.Stages {
			if int(st.Start) > len(src) || int(st.End) > len(src) || st.Start > st.End {
				t.Fatalf("stage span %v outside the input (%d bytes)", st.Span, len(src))
			}
		}
	})
}

// FuzzEcosystem feeds arbitrary bytes to the PM2 ecosystem parser.
//
//	go test -run '^$' -fuzz '^FuzzEcosystem$' -fuzztime 20s ./parser/
func FuzzEcosystem(f *testing.F) {
	f.Add([]byte("module.exports = { apps: [{ name: 'api', script: 'dist/main.js', exec_mode: 'cluster', kill_timeout: 5000 }] };\n"))
	f.Add([]byte("module.exports = { apps: [{ name: `x${y}`, instances: 'max', exec_mode: 'cluster_mode' }, ...more] }"))
	f.Add([]byte("const apps = [{ name: 'a' }]; module.exports = { apps };"))
	f.Fuzz(func(t *testing.T, src []byte) {
		apps, err := ParseEcosystem(src)
		if err != nil && !errors.Is(err, ErrEcosystemSyntax) {
			return
		}
		for _, a := range apps {
			if int(a.Start) > len(src) || int(a.End) > len(src) || a.Start > a.End {
				t.Fatalf("app span %v outside the input (%d bytes)", a.Span, len(src))
			}
		}
	})
}
