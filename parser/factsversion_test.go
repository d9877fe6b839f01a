package parser

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
)

// factsGolden records, for the current FactsVersion, the hash of the facts
// golden file. When extraction changes, the golden changes (TestFactsGolden
// -update), and this test fails until FactsVersion is bumped and the new
// hash recorded here: cached facts of the old extraction are then never
// used (internal/cache keys entries by FactsVersion).
var factsGolden = map[int]string{
	3: "35d8020f8c095181b74fbc5d690c4526c166a481f1bd7ef8d976d875da0b3c7a",
	4: "5aeb26e1a86bc1c0d5c5a4f2582b0e75f274d0319d3e072a7ca6d7847fac9d0b", // Value and Call fields reordered, Value.Func int32
	5: "c57b5efe634422ac3ab498f50499a798635640097ccb6c1820102a1dfb2e1e2c", // Value: Props, Elems and Refs in More (nil for most values)
	6: "c57b5efe634422ac3ab498f50499a798635640097ccb6c1820102a1dfb2e1e2c", // the same facts; values with parts shared, and so in the pack
	7: "c57b5efe634422ac3ab498f50499a798635640097ccb6c1820102a1dfb2e1e2c", // the same facts; the pack stores no line tables
}

func TestFactsVersionFollowsGolden(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/facts/orders.controller.facts.json")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	got := hex.EncodeToString(sum[:])
	want, ok := factsGolden[FactsVersion]
	if !ok || got != want {
		t.Fatalf("the facts golden changed (sha256 %s) but FactsVersion is still %d: bump FactsVersion in facts.go and record the new hash in factsGolden", got, FactsVersion)
	}
}
