package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// rootPackage is the repository root's package.json: what pre-commit's
// language: node hook (nestlint-node) installs. It depends on the nestlint
// npm package at the release's version.
type rootPackage struct {
	Name         string            `json:"name"`
	Version      string            `json:"version"`
	Private      bool              `json:"private"`
	Description  string            `json:"description"`
	Bin          map[string]string `json:"bin"`
	Files        []string          `json:"files"`
	Dependencies map[string]string `json:"dependencies"`
}

// stampRoot sets the version of root/package.json and of its nestlint
// dependency to version.
func stampRoot(root, version string) error {
	v, err := npmVersion(version)
	if err != nil {
		return err
	}
	path := filepath.Join(root, "package.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var pkg rootPackage
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if _, ok := pkg.Dependencies["nestlint"]; !ok || len(pkg.Dependencies) != 1 {
		return fmt.Errorf("%s: want exactly one dependency, nestlint; got %v", path, pkg.Dependencies)
	}
	pkg.Version = v
	pkg.Dependencies["nestlint"] = v
	return writeJSON(path, pkg)
}

// checkRoot fails unless root/package.json is stamped with version: the
// release checks that the tag's pre-commit hook installs the tag's nestlint.
func checkRoot(root, version string) error {
	v, err := npmVersion(version)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		return err
	}
	var pkg rootPackage
	if err := json.Unmarshal(b, &pkg); err != nil {
		return err
	}
	if pkg.Version != v || pkg.Dependencies["nestlint"] != v {
		return fmt.Errorf("package.json has version %q and nestlint %q, want %s for the nestlint-node pre-commit hook: run go run ./internal/dist precommit %s",
			pkg.Version, pkg.Dependencies["nestlint"], v, version)
	}
	return nil
}
