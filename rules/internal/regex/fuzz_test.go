package regex

import (
	"errors"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
	"time"
)

var fuzzFlags = []string{"", "i", "u", "v", "s", "m", "iu", "sv", "imsu", "dgy"}

func FuzzParse(f *testing.F) {
	// The seeds analyse and measure every table pattern again; the fuzz
	// step of .ci/run runs them too.
	testmain.SkipUnderRace(f, "analyses and proofs of every seed")
	flagIndex := func(flags string) uint8 {
		for i, fl := range fuzzFlags {
			if fl == flags {
				return uint8(i)
			}
		}
		return 0
	}
	for _, c := range parseCases {
		f.Add(c.pattern, flagIndex(c.flags))
	}
	for _, c := range parseErrorCases {
		if len(c.pattern) < 200 {
			f.Add(c.pattern, flagIndex(c.flags))
		}
	}
	for _, c := range analyzeCases {
		f.Add(c.pattern, flagIndex(c.flags))
	}
	f.Fuzz(func(t *testing.T, pattern string, fl uint8) {
		if len(pattern) > 512 {
			// Long inputs make the fuzzer's minimization crawl; the
			// limits tests cover them.
			return
		}
		flags := fuzzFlags[int(fl)%len(fuzzFlags)]
		root, err := Parse(pattern, flags)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(pattern) {
				t.Fatalf("Parse(%q, %q): %v is not a SyntaxError with an offset in the pattern", pattern, flags, err)
			}
			return
		}
		checkSpans(t, root, pattern)
		_ = root.String()
		// The seeds from the analysis table were analysed (and proved)
		// by the table's tests already: reuse their results.
		seed, isSeed := analyzeCaseIndex(pattern, flags)
		start := time.Now()
		var fd Finding
		var vuln bool
		if isSeed {
			fd, vuln, err = analyzed[seed]()
		} else {
			fd, vuln, err = Analyze(pattern, flags)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Fatalf("Analyze(%q, %q) took %v", pattern, flags, el)
		}
		if err != nil {
			t.Fatalf("Analyze(%q, %q) failed after Parse succeeded: %v", pattern, flags, err)
		}
		if vuln && (fd.Offset < 0 || fd.Offset+len(fd.Fragment) > len(pattern) || pattern[fd.Offset:fd.Offset+len(fd.Fragment)] != fd.Fragment) {
			t.Fatalf("Analyze(%q, %q) = %+v: the fragment is not at the offset", pattern, flags, fd)
		}
		// the measurements are bounded and never panic
		start = time.Now()
		if vuln && isSeed {
			_ = proved[seed]()
		} else if vuln {
			_ = Prove(root, fd)
		}
		_, _ = Polynomial(root)
		if el := time.Since(start); el > 5*time.Second {
			t.Fatalf("Prove/Polynomial(%q, %q) took %v", pattern, flags, el)
		}
	})
}
