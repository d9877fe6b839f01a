package config

import (
	"fmt"
	"strings"

	"github.com/nestlint/nestlint/rules/lint"
)

// Starter returns the commented nestlint.json that `nestlint init` writes:
// every rule listed, commented out, at its default severity.
func Starter(all []*lint.Rule) []byte {
	var b strings.Builder
	b.WriteString(`// nestlint configuration: https://github.com/nestlint/nestlint/blob/main/docs/config.md
// JSON with comments and trailing commas. Uncomment a line to change it.
{
  "$schema": "./` + SchemaFileName + `",

  // Per rule: "off", "error", "warning", "note",
  // or { "severity": "warning", "options": { ... } }.
  // A family wildcard ("hidden-class/*": "off") covers every rule of the
  // family; an exact id wins over it.
  "rules": {
`)
	for _, r := range all {
		fmt.Fprintf(&b, "    // %q: %q, // %s\n", r.ID, r.Severity.String(), r.Doc.Title)
	}
	b.WriteString(`  },

  // Findings in files matching these globs (relative to this file) are not
  // reported; the files still count for the analysis.
  "ignore": [
    // "dist/**",
    // "src/generated/**",
  ],

  // Extra method decorators that start the request path.
  "entryPoints": [
    // "@Handler",
  ],

  // Extra globs of offline code (never on the request path).
  "offline": [
    // "tools/**",
  ],
}
`)
	return []byte(b.String())
}
