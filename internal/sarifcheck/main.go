//go:build ignore

// Command sarifcheck validates SARIF files against the SARIF 2.1.0 schema
// and nestlint's GitHub ingestion checks. CI runs it on the example app.
package main

import (
	"fmt"
	"os"

	"github.com/nestlint/nestlint/report"
)

func main() {
	bad := false
	for _, p := range os.Args[1:] {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sarifcheck:", err)
			os.Exit(2)
		}
		if err := report.ValidateSchema(data); err != nil {
			fmt.Fprintf(os.Stderr, "%s: schema: %v\n", p, err)
			bad = true
		}
		for _, e := range report.CheckIngestion(data) {
			fmt.Fprintf(os.Stderr, "%s: ingestion: %s\n", p, e)
			bad = true
		}
		if !bad {
			fmt.Printf("%s: valid SARIF 2.1.0, ingestible by GitHub code scanning\n", p)
		}
	}
	if bad {
		os.Exit(1)
	}
}
