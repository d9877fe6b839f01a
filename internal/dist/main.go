// Command dist packs nestlint release artifacts. The release workflow
// (.github/workflows/release.yml) and scripts/dist-test.sh run it; it is
// the one place that knows the supported platforms and stamps the version
// into every npm package.
//
//	go run ./internal/dist platforms
//	    print the platform table: npm name, GOOS, GOARCH, archive name suffix
//	go run ./internal/dist archive -version v0.1.0 -platform linux-x64 -bin PATH -out DIR
//	    write DIR/nestlint_0.1.0_linux_amd64.tar.gz (.zip for Windows) holding
//	    the binary, README.md and CHANGELOG.md
//	go run ./internal/dist checksums DIR
//	    write DIR/checksums.txt: "<sha256>  <name>" for every archive in DIR
//	go run ./internal/dist npm -version v0.1.0 -out DIR [-bin PLATFORM=PATH]... [-all]
//	    write DIR/nestlint (the launcher package from npm/nestlint) and
//	    DIR/cli-PLATFORM for each -bin, all at the one version; -all fails
//	    unless every platform has a binary (the release uses it)
//	go run ./internal/dist precommit [-check] v0.1.0
//	    stamp (or check) the root package.json that pre-commit's
//	    language: node hook installs: it depends on nestlint@0.1.0
//	go run ./internal/dist notes v0.1.0 CHANGELOG.md
//	    print CHANGELOG.md's "## v0.1.0" section (the release notes); fails
//	    when there is none
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  dist platforms                      the platform table: npm name, GOOS, GOARCH, archive suffix
  dist archive -version vX.Y.Z -platform linux-x64 -bin PATH -out DIR [-root .]
  dist checksums DIR                  write DIR/checksums.txt for the archives in DIR
  dist npm -version vX.Y.Z -out DIR [-bin PLATFORM=PATH]... [-all] [-root .]
  dist notes vX.Y.Z CHANGELOG.md      the release notes; fails on an undated section
  dist precommit vX.Y.Z               stamp the root package.json (the nestlint-node pre-commit hook)
  dist precommit -check vX.Y.Z        fail unless it is stamped with vX.Y.Z
`

func run(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("no command")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Print(usage)
		return nil
	case "platforms":
		for _, p := range Platforms {
			fmt.Printf("%s %s %s %s\n", p.NPM, p.GOOS, p.GOARCH, p.archiveSuffix())
		}
		return nil
	case "archive":
		return archiveCmd(args[1:])
	case "checksums":
		if len(args) != 2 {
			return fmt.Errorf("usage: dist checksums DIR")
		}
		return writeChecksums(args[1])
	case "npm":
		return npmCmd(args[1:])
	case "notes":
		return notesCmd(args[1:])
	case "precommit":
		if len(args) == 3 && args[1] == "-check" {
			return checkRoot(".", args[2])
		}
		if len(args) != 2 {
			return fmt.Errorf("usage: dist precommit [-check] vX.Y.Z")
		}
		return stampRoot(".", args[1])
	}
	return fmt.Errorf("unknown command %q", args[0])
}
