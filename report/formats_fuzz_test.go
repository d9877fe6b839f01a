package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

// FuzzMoreFormats writes a finding with a hostile file name, message and
// path label in the stylish, junit, checkstyle, gitlab and html formats:
// the XML parses back to the same finding count, the JSON is valid
// against the Code Quality schema, the HTML's data element stays closed
// and parses, and no raw control character reaches any output.
//
//	go test -run '^$' -fuzz '^FuzzMoreFormats$' -fuzztime 2000x ./report/
func FuzzMoreFormats(f *testing.F) {
	f.Add("src/x\n.ts", "msg </script><!-- ]]> & \x00", "A.b<T>", 3)
	f.Add("é 🐈/#?%.ts", "\u2028\u202e\x1b[31m", "", 0)
	f.Add("", "", "\xff\xfe", -1)
	f.Fuzz(func(t *testing.T, file, msg, label string, start int) {
		src := []byte("export class A {}\r\nconst b = 1;\n")
		if start < 0 || start > len(src) {
			start = 0
		}
		if file == "" { // findings always name their file
			file = "x.ts"
		}
		r := &Run{
			Tool: "nestlint", Version: "v0", Rules: testRules(), Successful: true, FilesLinted: 1,
			Source: func(string) ([]byte, bool) { return src, true },
			Diagnostics: []Diagnostic{{RuleID: "event-loop/sync-io", Severity: lint.Error, Message: msg,
				Location: Location{File: file, Start: start, End: start + 1},
				Path:     []Location{{File: file, Start: 0, Message: label}}}},
		}
		for name, fm := range map[string]Formatter{"stylish": Stylish{}, "junit": JUnit{}, "checkstyle": Checkstyle{}, "gitlab": GitLab{}, "html": HTML{}} {
			var b bytes.Buffer
			if err := fm.Format(&b, r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out := b.String()
			if forbidden.MatchString(out) {
				t.Fatalf("%s: raw control character in %q", name, out)
			}
			switch name {
			case "junit", "checkstyle":
				d := xml.NewDecoder(strings.NewReader(out))
				n := 0
				for {
					tok, err := d.Token()
					if err != nil {
						if err.Error() != "EOF" {
							t.Fatalf("%s: not XML: %v\n%s", name, err, out)
						}
						break
					}
					if se, ok := tok.(xml.StartElement); ok && (se.Name.Local == "failure" || se.Name.Local == "error") {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("%s: %d findings parsed back, want 1\n%s", name, n, out)
				}
			case "gitlab":
				validateGitLab(t, b.Bytes())
			case "html":
				if strings.Count(out, "</script>") != 3 {
					t.Fatalf("html: a script element was closed early:\n%s", out)
				}
				var d HTMLData
				if err := json.Unmarshal([]byte(embeddedData(t, out)), &d); err != nil || len(d.Findings) != 1 {
					t.Fatalf("html data: %v", err)
				}
			}
		}
	})
}
