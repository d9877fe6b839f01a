//go:build ignore

// Command schemagen writes nestlint.schema.json, the JSON Schema of
// nestlint.json, from the config types and the rule registry:
//
//	go run ./config/schemagen/main.go nestlint.schema.json
package main

import (
	"fmt"
	"os"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: schemagen OUTPUT")
		os.Exit(2)
	}
	if err := os.WriteFile(os.Args[1], config.SchemaJSON(rules.All()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}
