package grammar_test

import (
	"bytes"
	"os"
	"testing"
)

// TestScannerCopiesAgree: the typescript and tsx packages each hold a copy
// of the shared scanner header; they must not drift apart.
func TestScannerCopiesAgree(t *testing.T) {
	a, err := os.ReadFile("typescript/scanner.h")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("tsx/scanner.h")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("typescript/scanner.h and tsx/scanner.h differ: apply the same change to both")
	}
	if !bytes.Contains(a, []byte("nestlint patch")) {
		t.Error("scanner.h lacks nestlint's patches (scanner.patch)")
	}
}
