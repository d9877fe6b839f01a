package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/nestlint/nestlint/internal/fsrec"
)

// A program's results file holds the outcome of its last run: the key it
// was computed for (a hash of every input the caller knows: files and
// their content, configuration, version) and the file-system accesses its
// rules made (fsrec), replayed before the result is trusted. A warm run in
// which nothing changed then skips the facts, the model and the rules.

const resultsMagic = "nestlint-results\n"

// results is the content of a results file.
type results struct {
	Key   string
	Ops   []fsrec.Op
	Value []byte // gob of the caller's value
}

func (d *Dir) resultsPath(program string) string {
	sum := sha256.Sum256([]byte(program))
	return filepath.Join(d.root, "results-"+hex.EncodeToString(sum[:6])+".pack")
}

// Result decodes into v the result stored for program under key, when
// there is one and every file-system access recorded with it still sees
// the same. A results file that cannot be read back is ignored with a
// notice (and replaced by the next StoreResult).
func (d *Dir) Result(program, key string, v any) bool {
	p := d.resultsPath(program)
	data, err := readPack(p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			d.badResults(err)
		}
		return false
	}
	head := resultsMagic + d.version + "\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		if !bytes.HasPrefix(data, []byte(resultsMagic)) {
			d.badResults(fmt.Errorf("%s: not a nestlint results file", p))
		}
		return false // another version: replaced silently
	}
	// The key comes first, in the clear: a run whose inputs changed stops
	// here, before the checksum and the decoding of the record. (A file
	// of the earlier layout has no key line: replaced silently.)
	keyLine := "key " + key + "\n"
	if !bytes.HasPrefix(data[len(head):], []byte(keyLine)) {
		return false
	}
	head += keyLine
	payload, err := checked(p, data[len(head):])
	if err != nil {
		d.badResults(err)
		return false
	}
	var r results
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&r); err != nil {
		d.badResults(fmt.Errorf("%s: corrupt: %v", p, err))
		return false
	}
	if r.Key != key || !fsrec.Valid(r.Ops) {
		return false
	}
	if err := gob.NewDecoder(bytes.NewReader(r.Value)).Decode(v); err != nil {
		d.badResults(fmt.Errorf("%s: corrupt: %v", p, err))
		return false
	}
	return true
}

// StoreResult writes v as the result of program under key, with the
// file-system accesses that must still hold for it to be reused.
func (d *Dir) StoreResult(program, key string, ops []fsrec.Op, v any) error {
	var value bytes.Buffer
	if err := gob.NewEncoder(&value).Encode(v); err != nil {
		return d.failLocked(err)
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(results{Key: key, Ops: ops, Value: value.Bytes()}); err != nil {
		return d.failLocked(err)
	}
	sum := sha256.Sum256(payload.Bytes())
	head := resultsMagic + d.version + "\n" + "key " + key + "\n" + hex.EncodeToString(sum[:]) + "\n"
	if err := writeAtomic(d.root, d.resultsPath(program), head, payload.Bytes()); err != nil {
		return d.failLocked(err)
	}
	return nil
}

func (d *Dir) failLocked(err error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.fail(err)
}

func (d *Dir) badResults(err error) {
	d.mu.Lock()
	if d.badRes == "" {
		d.badRes = err.Error()
	}
	d.mu.Unlock()
}

// readPack reads a pack-like file: regular, at most maxPack bytes.
func readPack(p string) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxPack {
		return nil, fmt.Errorf("%s: not a cache file", p)
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(fh, data); err != nil {
		return nil, fmt.Errorf("%s: %v", p, err)
	}
	return data, nil
}

// checked returns the payload after a "<sha256 hex>\n" line, when the sum
// matches.
func checked(p string, body []byte) ([]byte, error) {
	if len(body) < 65 || body[64] != '\n' {
		return nil, fmt.Errorf("%s: corrupt (no checksum)", p)
	}
	payload := body[65:]
	sum := sha256.Sum256(payload)
	if hex.EncodeToString(sum[:]) != string(body[:64]) {
		return nil, fmt.Errorf("%s: corrupt (checksum mismatch)", p)
	}
	return payload, nil
}

// writeAtomic writes head and payload to a temporary file in dir and
// renames it to p, so that a concurrent reader sees the old file or the
// new one, never half of one.
func writeAtomic(dir, p, head string, payload []byte) error {
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := io.WriteString(tmp, head)
	if werr == nil {
		_, werr = tmp.Write(payload)
	}
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
