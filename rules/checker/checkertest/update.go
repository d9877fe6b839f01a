package checkertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// UpdateEnv names the environment variable that makes Run rewrite stale
// `// want` comments: NESTLINT_UPDATE_WANTS=1 go test ./rules/foo/. A
// line whose only finding no longer matches its want gets a want that
// matches that finding's whole message. Review the diff: it pins today's
// messages, right or wrong.
const UpdateEnv = "NESTLINT_UPDATE_WANTS"

// updateWants rewrites, in the case folder dir, the want of each line that
// has exactly one unexpected finding and an unmet want.
func updateWants(t *testing.T, dir string, unexpected []Finding, unmet []*want) {
	t.Helper()
	byLine := map[string][]Finding{}
	for _, g := range unexpected {
		k := g.File + ":" + strconv.Itoa(g.Line)
		byLine[k] = append(byLine[k], g)
	}
	files := map[string][]string{}
	for _, w := range unmet {
		gs := byLine[w.file+":"+strconv.Itoa(w.line)]
		if len(gs) != 1 {
			continue
		}
		lines, ok := files[w.file]
		if !ok {
			data, err := os.ReadFile(filepath.Join(dir, w.file))
			if err != nil {
				t.Fatal(err)
			}
			lines = strings.Split(string(data), "\n")
		}
		l := lines[w.line-1]
		m := wantRE.FindStringSubmatchIndex(l)
		if m == nil {
			continue
		}
		// keep the regexps that still match (a path, a partial text);
		// the first that does not becomes the whole message
		var res []string
		replaced := false
		for _, q := range quotedRE.FindAllString(l[m[2]:m[3]], -1) {
			s, _ := strconv.Unquote(q)
			if re, err := regexp.Compile(s); err == nil && (re.MatchString(gs[0].Text) || re.MatchString(gs[0].String())) {
				res = append(res, q)
			} else if !replaced {
				res = append(res, strconv.Quote(regexp.QuoteMeta(gs[0].Text)))
				replaced = true
			}
		}
		lines[w.line-1] = l[:m[2]] + strings.Join(res, " ") + trailing(l[m[2]:m[3]]) + l[m[3]:]
		files[w.file] = lines
	}
	for f, lines := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated wants in %s", f)
	}
}

// trailing keeps the white space that followed the old quoted regexps.
func trailing(s string) string {
	return s[len(strings.TrimRight(s, " \t")):]
}
