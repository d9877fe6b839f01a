package parser

// Peak memory per file. The syntax tree tree-sitter builds costs about
// 300 bytes per token, and deep nesting costs more (its parse stack and
// the value summaries): ordinary code takes 60 to 120 times its size. A
// file is parsed only when its estimated peak stays within MemoryPerByte
// times its size, or within MemoryFloor whatever its size; otherwise it is
// skipped with a notice (docs/security.md). With -j N, N files are in
// flight at once.
const (
	MemoryPerByte = 20
	MemoryFloor   = 256 << 20
	bytesPerToken = 350
	bytesPerLevel = 4 << 10
)

// TooCostly reports whether the analysis of src would take more than
// MemoryCap, and the estimate. The estimate grows by at most
// bytesPerToken+bytesPerLevel per byte (a bracket is a token and a level),
// so a file of up to MemoryFloor/(bytesPerToken+bytesPerLevel) bytes (59
// KiB: nearly every file) is within the floor without a scan, which cost
// 0.16 s of CPU on the 14,000-file workspace.
func TooCostly(src []byte) (est int, over bool) {
	if len(src) <= MemoryFloor/(bytesPerToken+bytesPerLevel) {
		return 0, false
	}
	est = EstimateMemory(src)
	return est, est > MemoryCap(len(src))
}

// MemoryCap is the most memory the analysis of a file of size bytes may
// take.
func MemoryCap(size int) int {
	return max(MemoryPerByte*size, MemoryFloor)
}

// EstimateMemory estimates the peak memory the analysis of src takes,
// from a linear scan counting its tokens (words, literals and punctuation)
// and its deepest nesting of brackets.
func EstimateMemory(src []byte) int {
	tokens, depth, maxDepth := 0, 0, 0
	inWord := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			if !inWord {
				tokens++
				inWord = true
			}
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case c == '\'' || c == '"' || c == '`':
			// A string literal is one token (a template's ${} are rare
			// enough to ignore).
			tokens++
			for i++; i < len(src) && src[i] != c && (c == '`' || src[i] != '\n'); i++ {
				if src[i] == '\\' {
					i++
				}
			}
		default:
			tokens++
			switch c {
			case '(', '[', '{':
				depth++
				maxDepth = max(maxDepth, depth)
			case ')', ']', '}':
				depth = max(depth-1, 0)
			}
		}
		inWord = false
	}
	return tokens*bytesPerToken + maxDepth*bytesPerLevel
}
