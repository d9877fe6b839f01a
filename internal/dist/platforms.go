package main

import (
	"fmt"
	"regexp"
	"strings"
)

// Platform is one prebuilt target.
type Platform struct {
	NPM    string // npm platform name: process.platform-process.arch
	OS     string // package.json "os"
	CPU    string // package.json "cpu"
	GOOS   string
	GOARCH string
}

// Platforms are the prebuilt targets, in the order of the release matrix.
var Platforms = []Platform{
	{NPM: "linux-x64", OS: "linux", CPU: "x64", GOOS: "linux", GOARCH: "amd64"},
	{NPM: "linux-arm64", OS: "linux", CPU: "arm64", GOOS: "linux", GOARCH: "arm64"},
	{NPM: "darwin-x64", OS: "darwin", CPU: "x64", GOOS: "darwin", GOARCH: "amd64"},
	{NPM: "darwin-arm64", OS: "darwin", CPU: "arm64", GOOS: "darwin", GOARCH: "arm64"},
	{NPM: "win32-x64", OS: "win32", CPU: "x64", GOOS: "windows", GOARCH: "amd64"},
}

func platform(npm string) (Platform, error) {
	for _, p := range Platforms {
		if p.NPM == npm {
			return p, nil
		}
	}
	names := make([]string, len(Platforms))
	for i, p := range Platforms {
		names[i] = p.NPM
	}
	return Platform{}, fmt.Errorf("unknown platform %q (want one of %s)", npm, strings.Join(names, ", "))
}

// Exe is the binary's file name.
func (p Platform) Exe() string {
	if p.GOOS == "windows" {
		return "nestlint.exe"
	}
	return "nestlint"
}

// PackageName is the npm package holding the binary.
func (p Platform) PackageName() string { return "@nestlint/cli-" + p.NPM }

func (p Platform) archiveSuffix() string {
	ext := ".tar.gz"
	if p.GOOS == "windows" {
		ext = ".zip"
	}
	return p.GOOS + "_" + p.GOARCH + ext
}

// ArchiveName is the release archive's file name for version v (with or
// without the leading "v"): nestlint_0.1.0_linux_amd64.tar.gz. action.yml
// builds the same name from the runner's OS and architecture.
func (p Platform) ArchiveName(v string) string {
	return "nestlint_" + strings.TrimPrefix(v, "v") + "_" + p.archiveSuffix()
}

// semver is a SemVer 2.0 version without build metadata, as npm takes it.
var semver = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// npmVersion turns a tag (v0.1.0) into an npm version (0.1.0).
func npmVersion(tag string) (string, error) {
	v := strings.TrimPrefix(tag, "v")
	if !semver.MatchString(v) {
		return "", fmt.Errorf("version %q is not vMAJOR.MINOR.PATCH[-PRERELEASE]", tag)
	}
	return v, nil
}
