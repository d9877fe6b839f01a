package fsrec

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestValid: a record stays valid while the files and folders look the
// same, and not once any of them changes.
func TestValid(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "tsconfig.json")
	if err := os.WriteFile(conf, []byte(`{"compilerOptions": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "Dockerfile")
	stop := Start()
	ReadFile(conf)
	SafeRead(conf, 1<<20)
	ReadLimited(conf, 10)
	Stat(missing)
	Lstat(filepath.Join(dir, ".git"))
	ReadDir(dir)
	ops := stop()
	if len(ops) != 6 {
		t.Fatalf("%d ops recorded, want 6: %+v", len(ops), ops)
	}
	if !Valid(ops) {
		t.Fatal("an unchanged record is not valid")
	}
	if after := Start()(); len(after) != 0 {
		t.Errorf("a new recording saw old accesses: %+v", after)
	}

	// Same size, other content: only the readers notice, and they must.
	if err := os.WriteFile(conf, []byte(`{"compilerOptions": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if Valid(ops) {
		t.Error("changed content kept the record valid")
	}
	os.WriteFile(conf, []byte(`{"compilerOptions": {}}`), 0o644)
	if !Valid(ops) {
		t.Error("restored content is not valid again")
	}
	// A file appearing where a stat saw none.
	if err := os.WriteFile(missing, []byte("FROM node:20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Valid(ops) {
		t.Error("a new Dockerfile kept the record valid")
	}
	if Valid([]Op{{Kind: 'x', Path: conf}}) {
		t.Error("an unknown op was valid")
	}
}

// TestNotRecording: with no recording on, accesses are not kept.
func TestNotRecording(t *testing.T) {
	Stat(t.TempDir())
	stop := Start()
	if ops := stop(); len(ops) != 0 {
		t.Errorf("ops of before the recording: %+v", ops)
	}
}

// TestRulesUseFsrec: no rule reads the file system but through this
// package, or a cached result could be trusted while a file it depends on
// changed.
func TestRulesUseFsrec(t *testing.T) {
	direct := regexp.MustCompile(`\b(os\.(Stat|Lstat|ReadFile|ReadDir|Open|OpenFile)|safeio\.ReadFile|ioutil\.\w+|filepath\.(Glob|Walk|WalkDir)|fs\.(WalkDir|ReadFile|ReadDir|Stat))\(`)
	root := filepath.Join("..", "..", "rules")
	err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() && (de.Name() == "testdata" || de.Name() == "checkertest") {
			return filepath.SkipDir
		}
		if de.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := direct.FindString(line); m != "" && !strings.HasPrefix(strings.TrimSpace(line), "//") {
				t.Errorf("%s:%d: %s reads the file system directly; use internal/fsrec", p, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAbsent: with the oracle on, a marker name in a folder listed
// without one is absent with no system call (the file made after the
// listing is not seen), other names and unlisted folders are asked, and
// Valid trusts the oracle's answer as Stat does.
func TestAbsent(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	for _, p := range []string{filepath.Join(dir, "tsconfig.json"), filepath.Join(dir, "main.ts"), filepath.Join(other, "tsconfig.json")} {
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names := map[string]bool{"tsconfig.json": true, ".git": true}
	SetAbsent(names, func(d string) (bool, bool) {
		if d == dir {
			return false, true // listed before tsconfig.json was made
		}
		return false, false
	})
	defer SetAbsent(nil, nil)
	if !Absent(filepath.Join(dir, "TSCONFIG.json")) {
		t.Error("a marker name in any case in a listed folder without one: want absent")
	}
	if _, err := Stat(filepath.Join(dir, "tsconfig.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Stat = %v, want not exist from the oracle", err)
	}
	if _, err := Lstat(filepath.Join(dir, ".git")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Lstat .git = %v, want not exist", err)
	}
	if _, err := Stat(filepath.Join(dir, "main.ts")); err != nil {
		t.Errorf("Stat of a name the oracle does not cover = %v, want the file", err)
	}
	if _, err := Stat(filepath.Join(other, "tsconfig.json")); err != nil {
		t.Errorf("Stat in a folder no walk listed = %v, want the file", err)
	}
	ops := []Op{{Kind: 's', Path: filepath.Join(dir, "tsconfig.json"), Digest: "!notexist"}}
	if !Valid(ops) {
		t.Error("Valid: the oracle says absent, as recorded: want valid")
	}
	SetAbsent(nil, nil)
	if Absent(filepath.Join(dir, "tsconfig.json")) {
		t.Error("oracle off: want nothing absent")
	}
	if _, err := Stat(filepath.Join(dir, "tsconfig.json")); err != nil {
		t.Errorf("oracle off: Stat = %v, want the file", err)
	}
	if Valid(ops) {
		t.Error("oracle off: the file exists now: want invalid")
	}
}
