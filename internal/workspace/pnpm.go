package workspace

import (
	"bufio"
	"bytes"
	"strings"
)

// PnpmPackages reads the `packages:` list of a pnpm-workspace.yaml: block
// sequences (`- apps/*`, quoted or not, with comments) and the flow form
// (`packages: ['apps/*', 'libs/*']`). Other keys (catalog, onlyBuilt...)
// are ignored. It is a small reader for this one key, not a YAML parser.
func PnpmPackages(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), maxManifest)
	in := false
	for sc.Scan() {
		raw := strings.TrimRight(sc.Text(), "\r")
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		t := strings.TrimSpace(line)
		if !indented && !strings.HasPrefix(t, "-") {
			in = false
			key, rest, ok := strings.Cut(t, ":")
			if ok && strings.TrimSpace(unquote(key)) == "packages" {
				rest = strings.TrimSpace(rest)
				if strings.HasPrefix(rest, "[") {
					body := strings.TrimSuffix(strings.TrimPrefix(rest, "["), "]")
					for _, e := range strings.Split(body, ",") {
						if e = unquote(strings.TrimSpace(e)); e != "" {
							out = append(out, e)
						}
					}
				} else {
					in = true
				}
			}
			continue
		}
		if in {
			if item, ok := strings.CutPrefix(t, "-"); ok {
				if item = unquote(strings.TrimSpace(item)); item != "" {
					out = append(out, item)
				}
			}
		}
	}
	return out
}

// stripComment removes a "#" comment that is not inside quotes.
func stripComment(s string) string {
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return s[:i]
		}
	}
	return s
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '\'' && s[len(s)-1] == '\'' || s[0] == '"' && s[len(s)-1] == '"') {
		return s[1 : len(s)-1]
	}
	return s
}
