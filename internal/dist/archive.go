package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// epoch is the modification time of every archive entry, so that the
// archives depend only on their contents.
var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// docFiles are copied from the repository root into each archive.
var docFiles = []string{"README.md", "CHANGELOG.md"}

func archiveCmd(args []string) error {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	version := fs.String("version", "", "release version, e.g. v0.1.0")
	plat := fs.String("platform", "", "npm platform name, e.g. linux-x64")
	bin := fs.String("bin", "", "the built binary")
	out := fs.String("out", "", "output folder")
	root := fs.String("root", ".", "repository root (for README.md and CHANGELOG.md)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *version == "" || *plat == "" || *bin == "" || *out == "" {
		return fmt.Errorf("archive needs -version, -platform, -bin and -out")
	}
	if _, err := npmVersion(*version); err != nil {
		return err
	}
	p, err := platform(*plat)
	if err != nil {
		return err
	}
	name, err := writeArchive(p, *version, *bin, *root, *out)
	if err != nil {
		return err
	}
	fmt.Println(name)
	return nil
}

type entry struct {
	name string
	mode int64
	data []byte
}

// writeArchive writes the platform's archive into out and returns its path.
func writeArchive(p Platform, version, bin, root, out string) (string, error) {
	b, err := os.ReadFile(bin)
	if err != nil {
		return "", err
	}
	entries := []entry{{name: p.Exe(), mode: 0o755, data: b}}
	for _, f := range docFiles {
		d, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return "", err
		}
		entries = append(entries, entry{name: f, mode: 0o644, data: d})
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(out, p.ArchiveName(version))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if strings.HasSuffix(path, ".zip") {
		err = writeZip(f, entries)
	} else {
		err = writeTarGz(f, entries)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}

func writeTarGz(w io.Writer, entries []entry) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		hdr := &tar.Header{Name: e.name, Mode: e.mode, Size: int64(len(e.data)), ModTime: epoch,
			Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(e.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, entries []entry) error {
	zw := zip.NewWriter(w)
	for _, e := range entries {
		hdr := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: epoch}
		hdr.SetMode(os.FileMode(e.mode))
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeChecksums writes dir/checksums.txt in sha256sum's format for every
// .tar.gz and .zip in dir, sorted by name.
func writeChecksums(dir string) error {
	des, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, de := range des {
		if n := de.Name(); de.Type().IsRegular() && (strings.HasSuffix(n, ".tar.gz") || strings.HasSuffix(n, ".zip")) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("%s holds no .tar.gz or .zip archives", dir)
	}
	sort.Strings(names)
	var sb strings.Builder
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		fmt.Fprintf(&sb, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(sb.String()), 0o644)
}
