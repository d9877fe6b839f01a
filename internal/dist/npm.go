package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// binFlags collects repeated -bin PLATFORM=PATH flags.
type binFlags map[string]string

func (b binFlags) String() string { return fmt.Sprint(map[string]string(b)) }

func (b binFlags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" || v == "" {
		return fmt.Errorf("want PLATFORM=PATH, got %q", s)
	}
	if _, err := platform(k); err != nil {
		return err
	}
	b[k] = v
	return nil
}

func npmCmd(args []string) error {
	fs := flag.NewFlagSet("npm", flag.ContinueOnError)
	version := fs.String("version", "", "release version, e.g. v0.1.0")
	out := fs.String("out", "", "output folder")
	root := fs.String("root", ".", "repository root (holds npm/nestlint)")
	all := fs.Bool("all", false, "fail unless every platform has a -bin")
	bins := binFlags{}
	fs.Var(bins, "bin", "PLATFORM=PATH of a built binary (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *version == "" || *out == "" {
		return fmt.Errorf("npm needs -version and -out")
	}
	dirs, err := stampNPM(*root, *out, *version, bins, *all)
	if err != nil {
		return err
	}
	for _, d := range dirs {
		fmt.Println(d)
	}
	return nil
}

// launcherFiles are the files of npm/nestlint that make up the package.
var launcherFiles = []string{"bin/nestlint.js", "README.md"}

// stampNPM writes the launcher package and one package per given binary
// into out, every one at version, and returns their folders (launcher
// first). The launcher's optionalDependencies name every platform at the
// same version; its template in npm/nestlint must list exactly the
// platforms of Platforms.
func stampNPM(root, out, version string, bins map[string]string, all bool) ([]string, error) {
	v, err := npmVersion(version)
	if err != nil {
		return nil, err
	}
	if all {
		for _, p := range Platforms {
			if bins[p.NPM] == "" {
				return nil, fmt.Errorf("-all: no -bin for %s", p.NPM)
			}
		}
	}
	tmplPath := filepath.Join(root, "npm", "nestlint", "package.json")
	b, err := os.ReadFile(tmplPath)
	if err != nil {
		return nil, err
	}
	var pkg map[string]any
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("%s: %v", tmplPath, err)
	}
	if err := checkOptionalDeps(pkg["optionalDependencies"]); err != nil {
		return nil, fmt.Errorf("%s: %v", tmplPath, err)
	}
	opt := map[string]any{}
	for _, p := range Platforms {
		opt[p.PackageName()] = v
	}
	pkg["version"] = v
	pkg["optionalDependencies"] = opt

	launcher := filepath.Join(out, "nestlint")
	for _, f := range launcherFiles {
		mode := os.FileMode(0o644)
		if strings.HasPrefix(f, "bin/") {
			mode = 0o755
		}
		if err := copyFile(filepath.Join(root, "npm", "nestlint", filepath.FromSlash(f)), filepath.Join(launcher, filepath.FromSlash(f)), mode); err != nil {
			return nil, err
		}
	}
	if err := writeJSON(filepath.Join(launcher, "package.json"), pkg); err != nil {
		return nil, err
	}
	dirs := []string{launcher}

	for _, p := range Platforms {
		bin := bins[p.NPM]
		if bin == "" {
			continue
		}
		dir := filepath.Join(out, "cli-"+p.NPM)
		if err := copyFile(bin, filepath.Join(dir, "bin", p.Exe()), 0o755); err != nil {
			return nil, err
		}
		readme := fmt.Sprintf("# %s\n\nThe nestlint %s binary for %s. Install [`nestlint`](https://www.npmjs.com/package/nestlint) instead:\n"+
			"it picks this package through its `optionalDependencies`.\n", p.PackageName(), v, p.NPM)
		if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644); err != nil {
			return nil, err
		}
		if err := writeJSON(filepath.Join(dir, "package.json"), platformPackage(p, v, pkg)); err != nil {
			return nil, err
		}
		dirs = append(dirs, dir)
	}
	return dirs, nil
}

// platformPackage is the package.json of p's binary package. Fields are in
// the order npm shows them.
func platformPackage(p Platform, v string, launcher map[string]any) any {
	type pj struct {
		Name            string            `json:"name"`
		Version         string            `json:"version"`
		Description     string            `json:"description"`
		License         any               `json:"license,omitempty"`
		Homepage        any               `json:"homepage,omitempty"`
		Repository      any               `json:"repository,omitempty"`
		OS              []string          `json:"os"`
		CPU             []string          `json:"cpu"`
		Libc            []string          `json:"libc,omitempty"`
		Files           []string          `json:"files"`
		PreferUnplugged bool              `json:"preferUnplugged"`
		PublishConfig   map[string]string `json:"publishConfig"`
	}
	out := pj{
		Name:            p.PackageName(),
		Version:         v,
		Description:     "The nestlint binary for " + p.NPM + "; install the nestlint package instead.",
		License:         launcher["license"],
		Homepage:        launcher["homepage"],
		Repository:      launcher["repository"],
		OS:              []string{p.OS},
		CPU:             []string{p.CPU},
		Files:           []string{"bin/"},
		PreferUnplugged: true,
		PublishConfig:   map[string]string{"access": "public"},
	}
	if p.OS == "linux" {
		// The binaries link glibc dynamically (cgo): npm skips them on musl.
		out.Libc = []string{"glibc"}
	}
	return out
}

// checkOptionalDeps checks that the template lists exactly the platform
// packages of Platforms.
func checkOptionalDeps(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("no optionalDependencies object")
	}
	var got, want []string
	for k := range m {
		got = append(got, k)
	}
	for _, p := range Platforms {
		want = append(want, p.PackageName())
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		return fmt.Errorf("optionalDependencies %v, want exactly %v (internal/dist Platforms)", got, want)
	}
	return nil
}

func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func copyFile(src, dst string, mode os.FileMode) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dst, b, mode); err != nil {
		return err
	}
	return os.Chmod(dst, mode) // WriteFile keeps the mode of an existing file
}
