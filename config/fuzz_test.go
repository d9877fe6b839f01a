package config

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the nestlint.json parser: no panic,
// no stack overflow, and every error a *Error naming the file.
//
//	go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 20s ./config/
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"$schema": "./nestlint.schema.json", "rules": {"event-loop/sync-io": "error"}, "ignore": ["**/*.spec.ts"]}`))
	f.Add([]byte("// c\n{\"ignore\": [\"{a,b}/**\"], \"offline\": [\"scripts/**\"],}\n"))
	f.Add([]byte(`{"entryPoints": ["@Handler"], "rules": {"x": {"severity": "off", "options": {"a": [1]}}}}`))
	f.Add([]byte("{\"rules\": " + strings.Repeat("[", 3000) + "}"))
	f.Add([]byte(`{"ignore": ["` + strings.Repeat("{a,aa}", 12) + `"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("nestlint.json", data, nil)
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.File != "nestlint.json" || ce.Line < 0 {
				t.Fatalf("error %v is not a *Error naming the file", err)
			}
		}
	})
}
