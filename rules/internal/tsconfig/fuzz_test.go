package tsconfig

import (
	"errors"
	"strings"
	"testing"
)

// FuzzJSONC feeds arbitrary bytes through tsconfig (JSONC) parsing and the
// decoding of its members: no panic, no stack overflow (deep nesting is
// refused first), and every error a *ParseError with a position.
//
//	go test -run '^$' -fuzz '^FuzzJSONC$' -fuzztime 20s ./rules/internal/tsconfig/
func FuzzJSONC(f *testing.F) {
	f.Add([]byte(`{"extends": ["./a.json", "@tsconfig/node20"], "compilerOptions": {"target": "es2022", "paths": {"@app/*": ["src/*"]}}}`))
	f.Add([]byte("// c\n{ /* x */ \"compilerOptions\": { \"baseUrl\": \".\", }, }\n"))
	f.Add([]byte("\xEF\xBB\xBF{}"))
	f.Add([]byte("[" + strings.Repeat("[", 2000)))
	f.Add([]byte(`{"compilerOptions": {"useDefineForClassFields": null, "target": 5}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		obj, err := parseJSONC("/r/tsconfig.json", src)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v is not a *ParseError with a position", err)
			}
			return
		}
		_ = tsFileOf("/r/tsconfig.json", obj)
	})
}
