package genproject

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readTree returns every file under dir keyed by its slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", dir, err)
	}
	return out
}

func generate(t *testing.T, modules int, seed int64) (map[string][]byte, Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := Generate(dir, modules, seed)
	if err != nil {
		t.Fatalf("Generate(%d, %d): %v", modules, seed, err)
	}
	return readTree(t, dir), st
}

func TestGenerateWritesProject(t *testing.T) {
	t.Parallel()
	files, st := generate(t, 3, 42)
	want := []string{
		"package.json", "tsconfig.json", "nest-cli.json", "src/main.ts", "src/app.module.ts",
		"src/common/pagination.ts", "src/common/errors.ts", "src/common/csv.ts", "src/common/retry.ts",
		"src/common/logging.interceptor.ts",
	}
	for i := range 3 {
		k := moduleNames(i).kebab
		want = append(want,
			"src/"+k+"/"+k+".controller.ts",
			"src/"+k+"/"+k+".service.ts",
			"src/"+k+"/"+k+".module.ts",
			"src/"+k+"/"+k+".service.spec.ts",
			"src/"+k+"/dto/create-"+k+".dto.ts",
			"src/"+k+"/dto/update-"+k+".dto.ts",
			"src/"+k+"/entities/"+k+".entity.ts",
		)
	}
	for _, p := range want {
		if len(files[p]) == 0 {
			t.Errorf("missing or empty %s", p)
		}
	}
	if len(files) != len(want) {
		var got []string
		for p := range files {
			got = append(got, p)
		}
		slices.Sort(got)
		t.Errorf("got %d files, want %d: %v", len(files), len(want), got)
	}

	var lines int
	var size int64
	for _, b := range files {
		lines += bytes.Count(b, []byte("\n"))
		size += int64(len(b))
	}
	if want := (Stats{Files: len(files), Lines: lines, Bytes: size}); st != want {
		t.Errorf("Stats = %+v, files on disk say %+v", st, want)
	}

	app := string(files["src/app.module.ts"])
	for i := range 3 {
		if n := moduleNames(i); !strings.Contains(app, n.pascal+"Module,") {
			t.Errorf("app.module.ts does not import %sModule", n.pascal)
		}
	}
	if !strings.Contains(string(files["src/main.ts"]), "app.enableShutdownHooks();") {
		t.Error("main.ts must enable shutdown hooks: only the planted sync-io findings are wanted")
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	a, sa := generate(t, 3, 7)
	b, sb := generate(t, 3, 7)
	if sa != sb {
		t.Errorf("stats differ: %+v vs %+v", sa, sb)
	}
	if len(a) != len(b) {
		t.Fatalf("file counts differ: %d vs %d", len(a), len(b))
	}
	for p, content := range a {
		if !bytes.Equal(content, b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

func TestSeedChangesContent(t *testing.T) {
	t.Parallel()
	a, _ := generate(t, 3, 1)
	b, _ := generate(t, 3, 2)
	differ := 0
	for p, content := range a {
		if !bytes.Equal(content, b[p]) {
			differ++
		}
	}
	if differ == 0 {
		t.Error("seeds 1 and 2 produced identical projects")
	}
}

// A module's files must not depend on how many modules come after it.
func TestModulesIndependentOfCount(t *testing.T) {
	t.Parallel()
	small, _ := generate(t, 3, 5)
	large, _ := generate(t, 5, 5)
	for p, content := range small {
		if p == "src/app.module.ts" {
			continue
		}
		if !bytes.Equal(content, large[p]) {
			t.Errorf("%s changes when more modules are generated", p)
		}
	}
}

func TestDependencyChain(t *testing.T) {
	t.Parallel()
	files, _ := generate(t, 4, 3)
	for i := 1; i < 4; i++ {
		m, prev := moduleNames(i), moduleNames(i-1)
		svc := string(files["src/"+m.kebab+"/"+m.kebab+".service.ts"])
		if !strings.Contains(svc, "private readonly "+prev.camel+"Service: "+prev.pascal+"Service") {
			t.Errorf("%s service does not inject %sService", m.kebab, prev.pascal)
		}
		mod := string(files["src/"+m.kebab+"/"+m.kebab+".module.ts"])
		if !strings.Contains(mod, prev.pascal+"Module]") {
			t.Errorf("%s module does not import %sModule", m.kebab, prev.pascal)
		}
	}
	first := moduleNames(0)
	if !strings.Contains(string(files["src/"+first.kebab+"/"+first.kebab+".module.ts"]), "exports: ["+first.pascal+"Service]") {
		t.Errorf("%s module does not export its service", first.kebab)
	}
}

func TestPlantedSyncIO(t *testing.T) {
	t.Parallel()
	const n = 2*plantEvery + 1
	files, _ := generate(t, n, 11)
	planted := PlantedSyncIO(n)
	if len(planted) != 2 {
		t.Fatalf("PlantedSyncIO(%d) = %v, want 2 paths", n, planted)
	}
	for p, content := range files {
		got := strings.Count(string(content), "readFileSync(")
		want := 0
		if slices.Contains(planted, p) {
			want = 1
		}
		if got != want {
			t.Errorf("%s: %d readFileSync calls, want %d", p, got, want)
		}
	}
	for _, p := range planted {
		ctrl := strings.Replace(p, ".service.ts", ".controller.ts", 1)
		if !strings.Contains(string(files[ctrl]), "@Get(':id/attachment')") {
			t.Errorf("%s has no GET handler reaching the planted call", ctrl)
		}
	}
	if got := PlantedSyncIO(plantAt); len(got) != 0 {
		t.Errorf("PlantedSyncIO(%d) = %v, want none", plantAt, got)
	}
}

// A cheap guard against broken templates: brackets balance in every TypeScript file, and every line
// ends in LF with no trailing blanks.
func TestGeneratedSourceIsTidy(t *testing.T) {
	t.Parallel()
	files, _ := generate(t, plantEvery, 9)
	pairs := map[rune]rune{')': '(', '}': '{', ']': '['}
	for p, content := range files {
		s := string(content)
		if !strings.HasSuffix(s, "\n") || strings.Contains(s, "\n\n\n") || strings.Contains(s, " \n") {
			t.Errorf("%s: missing final newline, double blank line or trailing space", p)
		}
		if strings.Contains(s, "{{") || strings.Contains(s, "~") {
			t.Errorf("%s: unexpanded template token", p)
		}
		if !strings.HasSuffix(p, ".ts") {
			continue
		}
		var stack []rune
		for _, r := range s {
			switch r {
			case '(', '{', '[':
				stack = append(stack, r)
			case ')', '}', ']':
				if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
					t.Fatalf("%s: unbalanced %q", p, r)
				}
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) != 0 {
			t.Errorf("%s: %d unclosed brackets", p, len(stack))
		}
	}
}

var identifier = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

func TestModuleNamesUnique(t *testing.T) {
	t.Parallel()
	seen := map[string]int{}
	for i := range 2 * len(nouns) * (len(qualifiers) + 1) {
		n := moduleNames(i)
		if j, dup := seen[n.kebab]; dup {
			t.Fatalf("modules %d and %d are both %q", j, i, n.kebab)
		}
		seen[n.kebab] = i
		if !identifier.MatchString(n.pascal) || !identifier.MatchString(n.camel) {
			t.Fatalf("module %d: bad identifiers %q / %q", i, n.pascal, n.camel)
		}
	}
	for _, q := range qualifiers {
		if slices.Contains(nouns, q) {
			t.Errorf("%q is both a qualifier and a noun", q)
		}
	}
}

func TestPluralize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"invoice", "invoices"},
		{"address", "addresses"},
		{"category", "categories"},
		{"survey", "surveys"},
		{"box", "boxes"},
		{"branch", "branches"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := pluralize(tc.in); got != tc.want {
				t.Errorf("pluralize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestGenerateRejectsZeroModules(t *testing.T) {
	t.Parallel()
	if _, err := Generate(t.TempDir(), 0, 1); err == nil {
		t.Error("Generate with 0 modules: want an error")
	}
}
