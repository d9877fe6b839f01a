package tsconfig

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/tailscale/hujson"
)

// ParseError reports a malformed JSON or JSONC file (tsconfig.json or
// nest-cli.json) with the 1-based line and column of the problem.
type ParseError struct {
	// Path is the absolute path of the malformed file.
	Path string
	// Line is the 1-based line of the problem.
	Line int
	// Column is the 1-based byte column of the problem.
	Column int
	// Msg describes the problem.
	Msg string
}

// Error formats the error as "path:line:column: message".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// hujsonPos extracts the 1-based line and column from a hujson error,
// whose text reads "hujson: line N, column M: ...".
func hujsonPos(err error) (line, col int, msg string, ok bool) {
	text := err.Error()
	rest, found := strings.CutPrefix(text, "hujson: ")
	if !found {
		return 0, 0, text, false
	}
	if _, err := fmt.Sscanf(rest, "line %d, column %d:", &line, &col); err != nil {
		return 0, 0, rest, false
	}
	if _, after, found := strings.Cut(rest, ": "); found {
		msg = after
	}
	return line, col, msg, true
}

// offsetOf converts a 1-based line and byte column in b to a byte offset.
func offsetOf(b []byte, line, col int) int {
	off := 0
	for l := 1; l < line && off < len(b); off++ {
		if b[off] == '\n' {
			l++
		}
	}
	return off + col - 1
}

// contentPos returns the line and column of the last non-space byte at or
// before off, so an "unexpected end" error names the last line with content
// rather than the empty end of the file.
func contentPos(b []byte, off int) (int, int) {
	if off >= len(b) {
		off = len(b) - 1
	}
	for off > 0 && isSpace(b[off]) {
		off--
	}
	return lineCol(b, off)
}

// lineCol converts a byte offset in b to a 1-based line and column.
func lineCol(b []byte, off int) (int, int) {
	if off > len(b) {
		off = len(b)
	}
	if off < 0 {
		off = 0
	}
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// readJSONC reads the JSONC file at path and decodes its top-level object
// into a map of raw members. An empty file decodes to an empty map, as
// TypeScript treats it. Syntax errors become *ParseError values.
func readJSONC(path string) (map[string]json.RawMessage, error) {
	src, err := fsrec.SafeRead(path, safeio.MaxConfigSize)
	if err != nil {
		return nil, err
	}
	return parseJSONC(path, src)
}

// parseJSONC is readJSONC on the content src of the file at path.
func parseJSONC(path string, src []byte) (map[string]json.RawMessage, error) {
	// hujson and encoding/json recurse: refuse deep nesting before they
	// overflow the stack (a fatal error no recover catches).
	var de *safeio.DepthError
	if err := safeio.CheckJSONDepth(src, safeio.MaxJSONDepth); errors.As(err, &de) {
		return nil, &ParseError{Path: path, Line: de.Line, Column: de.Column, Msg: err.Error()}
	}
	// TypeScript accepts a UTF-8 byte order mark; hujson does not.
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		src = append([]byte("   "), src[3:]...)
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return map[string]json.RawMessage{}, nil
	}
	// Standardize replaces comments and trailing commas with spaces, so
	// offsets in std are offsets in src.
	std, err := hujson.Standardize(src)
	if err != nil {
		line, col, msg, ok := hujsonPos(err)
		if ok {
			line, col = contentPos(src, offsetOf(src, line, col))
		} else {
			line, col = 1, 1
		}
		return nil, &ParseError{Path: path, Line: line, Column: col, Msg: msg}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(std, &obj); err != nil {
		// hujson has validated the syntax, so this is a top-level value
		// that is not an object; point at its first byte.
		line, col := lineCol(src, len(src)-len(bytes.TrimLeft(src, " \t\r\n")))
		msg := "top-level value must be an object"
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = contentPos(src, int(se.Offset)-1)
			msg = se.Error()
		}
		return nil, &ParseError{Path: path, Line: line, Column: col, Msg: msg}
	}
	if obj == nil {
		// The file held the literal null.
		line, col := lineCol(src, 0)
		return nil, &ParseError{Path: path, Line: line, Column: col, Msg: "top-level value must be an object"}
	}
	return obj, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// decodeString decodes raw as a JSON string, reporting false when raw is
// absent or not a string.
func decodeString(raw json.RawMessage) (string, bool) {
	if raw == nil {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// decodeObject decodes raw as a JSON object, reporting false otherwise.
func decodeObject(raw json.RawMessage) (map[string]json.RawMessage, bool) {
	if raw == nil {
		return nil, false
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, false
	}
	return m, true
}
