// Package safeio reads the files nestlint takes from a repository, which
// may be hostile: only regular files are read (a FIFO would block forever,
// /dev/zero would never end), and never more than a size cap. It also
// pre-scans JSON for nesting depth, since Go's JSON decoders recurse and a
// file of a million '[' overflows the stack with a fatal error that no
// recover catches.
package safeio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Caps on the files nestlint reads besides the sources (whose cap is
// --max-file-size).
const (
	// MaxConfigSize caps nestlint.json, tsconfig.json, nest-cli.json,
	// package.json and .gitignore files.
	MaxConfigSize = 4 << 20
	// MaxBaselineSize caps a --baseline file.
	MaxBaselineSize = 256 << 20
	// MaxJSONDepth is the deepest nesting of arrays and objects accepted
	// in a JSON or JSONC file.
	MaxJSONDepth = 1000
)

// ErrNotRegular is returned for a path that is not a regular file (a
// folder, FIFO, socket or device, possibly behind a symlink).
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned for a file over the cap.
type TooLargeError struct {
	Size, Max int64
}

func (e *TooLargeError) Error() string {
	if e.Size > 0 {
		return fmt.Sprintf("file is %d bytes, over the %d-byte limit", e.Size, e.Max)
	}
	return fmt.Sprintf("file is over the %d-byte limit", e.Max)
}

// Kind names the type of a non-regular file for messages.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// notRegular wraps ErrNotRegular with the kind of file.
type notRegular struct{ kind string }

func (e *notRegular) Error() string {
	if e.kind == "not a regular file" {
		return e.kind
	}
	return "not a regular file (" + e.kind + ")"
}
func (e *notRegular) Unwrap() error { return ErrNotRegular }

// ReadFile reads the regular file at path (following symlinks), failing
// with ErrNotRegular for anything else and with *TooLargeError when it
// holds more than max bytes. It never blocks on a FIFO: the file is
// checked before it is opened, and opened without blocking.
func ReadFile(path string, max int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &notRegular{Kind(info.Mode())}
	}
	if info.Size() > max {
		return nil, &TooLargeError{Size: info.Size(), Max: max}
	}
	f, err := openNonBlock(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The path may have been swapped between Stat and open.
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &notRegular{Kind(info.Mode())}
	}
	// Sized by the stat (as os.ReadFile is), one more byte to see the end:
	// io.ReadAll's growth from 512 bytes copied most files several times.
	data := make([]byte, 0, min(info.Size(), max)+1)
	r := io.LimitReader(f, max+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew since the stat
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{Max: max}
	}
	return data, nil
}

// Open opens the regular file at path for reading, like ReadFile without
// reading it; the caller should read it through a LimitReader.
func Open(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &notRegular{Kind(info.Mode())}
	}
	f, err := openNonBlock(path)
	if err != nil {
		return nil, err
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = &notRegular{Kind(info.Mode())}
		}
		return nil, err
	}
	return f, nil
}

// DepthError is returned by CheckJSONDepth.
type DepthError struct {
	Line, Column int // 1-based, of the bracket that goes too deep
	Max          int
}

func (e *DepthError) Error() string {
	return fmt.Sprintf("JSON nested deeper than %d levels", e.Max)
}

// CheckJSONDepth scans JSON or JSONC (with // and /* */ comments) in one
// linear pass and fails when arrays and objects nest deeper than max. It
// does not validate anything else: the real parser does that afterwards,
// knowing the input cannot exhaust the stack.
func CheckJSONDepth(src []byte, max int) error {
	depth := 0
	line, lineStart := 1, 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
			lineStart = i + 1
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '\n' { // invalid JSON; keep lines right
					line++
					lineStart = i + 1
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
				i-- // let the newline count
			} else if i+1 < len(src) && src[i+1] == '*' {
				for i += 2; i < len(src) && !(src[i] == '*' && i+1 < len(src) && src[i+1] == '/'); i++ {
					if src[i] == '\n' {
						line++
						lineStart = i + 1
					}
				}
				i++
			}
		case '[', '{':
			depth++
			if depth > max {
				return &DepthError{Line: line, Column: i - lineStart + 1, Max: max}
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}
