package main

import (
	"fmt"
	"os"
	"strings"
)

// changelogSection returns the body of CHANGELOG.md's "## <version>"
// section (up to the next "## " heading). A release without one fails: the
// changelog is where a release is defined.
func changelogSection(changelog, version string) (title, body string, err error) {
	var lines []string
	in := false
	for _, l := range strings.Split(changelog, "\n") {
		if strings.HasPrefix(l, "## ") {
			if in {
				break
			}
			title = strings.TrimPrefix(l, "## ")
			in = title == version || strings.HasPrefix(title, version+" ")
			continue
		}
		if in {
			lines = append(lines, l)
		}
	}
	if !in {
		return "", "", fmt.Errorf("CHANGELOG.md has no \"## %s\" section", version)
	}
	return title, strings.TrimSpace(strings.Join(lines, "\n")) + "\n", nil
}

func notesCmd(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: dist notes VERSION CHANGELOG.md")
	}
	if _, err := npmVersion(args[0]); err != nil {
		return err
	}
	b, err := os.ReadFile(args[1])
	if err != nil {
		return err
	}
	title, body, err := changelogSection(string(b), args[0])
	if err != nil {
		return err
	}
	if strings.Contains(strings.ToLower(title), "unreleased") {
		return fmt.Errorf("CHANGELOG.md still calls %s unreleased (%q): date it before tagging (docs/releasing.md)", args[0], title)
	}
	fmt.Print(body)
	return nil
}
