package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io/fs"
	"path/filepath"
)

const blobMagic = "nestlint-blob\n"

func (d *Dir) blobPath(kind, program string) string {
	sum := sha256.Sum256([]byte(program))
	return filepath.Join(d.root, kind+"-"+hex.EncodeToString(sum[:6])+".pack")
}

// Blob decodes into v what StoreBlob stored for kind and program under
// this version, and reports whether it could. A blob is a hint (the
// caller checks what it says): one that cannot be read back is ignored
// silently and replaced.
func (d *Dir) Blob(kind, program string, v any) bool {
	data, err := readPack(d.blobPath(kind, program))
	if err != nil {
		return false
	}
	head := blobMagic + d.version + "\n"
	if !bytes.HasPrefix(data, []byte(head)) {
		return false
	}
	payload, err := checked("", data[len(head):])
	if err != nil {
		return false
	}
	return gob.NewDecoder(bytes.NewReader(payload)).Decode(v) == nil
}

// StoreBlobAsync is StoreBlob in the background: the caller must not
// change v afterwards. Flush, Close and Notices wait for it.
func (d *Dir) StoreBlobAsync(kind, program string, v any) {
	d.bg.Add(1)
	go func() {
		defer d.bg.Done()
		d.StoreBlob(kind, program, v) // a failed write is among the notices
	}()
}

// StoreBlob writes v for kind and program, atomically.
func (d *Dir) StoreBlob(kind, program string, v any) error {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(v); err != nil {
		return d.failLocked(err)
	}
	sum := sha256.Sum256(payload.Bytes())
	head := blobMagic + d.version + "\n" + hex.EncodeToString(sum[:]) + "\n"
	if err := writeAtomic(d.root, d.blobPath(kind, program), head, payload.Bytes()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return d.failLocked(err)
	}
	return nil
}
