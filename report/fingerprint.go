package report

import (
	"strconv"
	"unicode/utf8"
)

// FingerprintKey is the partialFingerprints key GitHub code scanning reads.
const FingerprintKey = "primaryLocationLineHash"

// The hash window and base of GitHub's rolling line hash.
const (
	hashBlock = 100
	hashBase  = 37
	hashEOF   = 0xFFFF // marker added after the last character
)

// LineHashes returns, for every line of src, the value that GitHub's
// upload-sarif action computes for partialFingerprints.primaryLocationLineHash
// of a result that starts on that line (index 0 is line 1). It reproduces
// function hash in github/codeql-action src/fingerprints.ts:
//
//   - src is decoded as UTF-8 into UTF-16 code units the way Node does it: a
//     BOM is kept and hashed, a non-BMP character is a surrogate pair, and
//     each maximal invalid byte subsequence becomes one U+FFFD (WHATWG).
//     Files that are not valid UTF-8 therefore still get the value GitHub
//     would compute; Go's own decoding (one U+FFFD per bad byte) would not.
//   - spaces and tabs are skipped, an LF right after a CR is skipped, and a
//     CR becomes LF; any skipped character clears the "after CR" state.
//   - 0xFFFF is appended, then 100 zeros that are not filtered and start no
//     line.
//   - a line starts at its first kept character (so leading blanks never
//     count), and its hash is Σ c[s+i]·37^(99-i) mod 2^64 over the 100 kept
//     characters from there, reaching into the following lines.
//   - the value is the unsigned hash in lowercase hex, ":" and the number of
//     times that hex value has occurred so far in the file (1, 2, ...).
//
// The line numbering agrees with Lines: "\n", "\r\n" and a lone "\r" end a
// line. A file that ends with a line break gets one entry more than it has
// lines of text, for the empty last line.
func LineHashes(src []byte) []string {
	kept := make([]uint16, 0, len(src)+1+hashBlock)
	var starts []int // index in kept where each line starts
	lineStart, prevCR := true, false
	add := func(c uint16) {
		if c == ' ' || c == '\t' || (prevCR && c == '\n') {
			prevCR = false
			return
		}
		if c == '\r' {
			c = '\n'
			prevCR = true
		} else {
			prevCR = false
		}
		if lineStart {
			starts = append(starts, len(kept))
			lineStart = false
		}
		if c == '\n' {
			lineStart = true
		}
		kept = append(kept, c)
	}
	for i := 0; i < len(src); {
		r, size := decodeWHATWG(src[i:])
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			add(uint16(0xD800 + r>>10))
			add(uint16(0xDC00 + r&0x3FF))
			continue
		}
		add(uint16(r))
	}
	add(hashEOF)
	kept = append(kept, make([]uint16, hashBlock)...)

	out := make([]string, len(starts))
	counts := make(map[uint64]int, len(starts))
	for n, s := range starts {
		var h uint64
		for _, c := range kept[s : s+hashBlock] {
			h = h*hashBase + uint64(c)
		}
		counts[h]++
		out[n] = strconv.FormatUint(h, 16) + ":" + strconv.Itoa(counts[h])
	}
	return out
}

// decodeWHATWG decodes the first character of non-empty b like the WHATWG
// UTF-8 decoder (and so Node's Buffer.toString): on an invalid sequence it
// returns U+FFFD for the longest prefix that could have started a valid
// sequence (at least one byte), and leaves the offending byte for the next
// call. "E2 82 62" decodes as U+FFFD 'b', where Go gives two U+FFFD.
func decodeWHATWG(b []byte) (rune, int) {
	c := b[0]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F // no surrogates
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F // nothing above U+10FFFF
		}
	default:
		return utf8.RuneError, 1
	}
	for i := 1; i <= need; i++ {
		if i >= len(b) || b[i] < lo || b[i] > hi {
			return utf8.RuneError, i
		}
		lo, hi = 0x80, 0xBF
	}
	r, _ := utf8.DecodeRune(b[:need+1])
	return r, need + 1
}
