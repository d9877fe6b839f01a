package parser

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// These tests compare the compiled .gitignore matcher with git itself:
// `git check-ignore --no-index` on a tree written to a temporary
// repository, for every file and folder of the tree.

// ignoreTree is a tree to write: files and folders by '/'-separated path
// ("x/" is an empty folder), contents of the .gitignore files included.
type ignoreTree map[string]string

func writeIgnoreTree(t *testing.T, tree ignoreTree) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for p, content := range tree {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// entries lists every file and folder under dir except .git, relative.
func entries(t *testing.T, dir string) (paths []string, isDir map[string]bool) {
	t.Helper()
	isDir = map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == ".git" {
			return filepath.SkipDir
		}
		paths = append(paths, rel)
		isDir[rel] = e.IsDir()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	return paths, isDir
}

// gitIgnored asks git which of paths (relative to the repository dir) are
// ignored, without the user's or the system's git configuration.
func gitIgnored(t *testing.T, dir string, paths []string) map[string]bool {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	// a real repository, so that git finds .git/info and the work tree
	init := exec.Command(git, "init", "-q", dir)
	init.Env = gitEnv(t)
	os.RemoveAll(filepath.Join(dir, ".git"))
	if out, err := init.CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	os.Remove(filepath.Join(dir, ".git", "info", "exclude"))
	cmd := exec.Command(git, "-c", "core.excludesFile=", "-c", "core.ignoreCase=false",
		"check-ignore", "--no-index", "-v", "-n", "-z", "--stdin")
	cmd.Dir = dir
	cmd.Env = gitEnv(t)
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\x00") + "\x00")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// exit 1 means "nothing ignored"
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("git check-ignore: %v\n%s", err, stderr.String())
	}
	fields := strings.Split(stdout.String(), "\x00")
	got := map[string]bool{}
	n := 0
	for i := 0; i+3 < len(fields); i += 4 {
		source, pattern, path := fields[i], fields[i+2], fields[i+3]
		got[path] = source != "" && !strings.HasPrefix(pattern, "!")
		n++
	}
	if n != len(paths) {
		t.Fatalf("git check-ignore answered for %d paths of %d", n, len(paths))
	}
	return got
}

func gitEnv(t *testing.T) []string {
	home := t.TempDir()
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "GIT_") {
			env = append(env, e)
		}
	}
	return append(env, "HOME="+home, "XDG_CONFIG_HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
}

// ourIgnored says what discovery decides for the entry at rel: an entry
// is ignored when a folder above it is, or when the .gitignore files of
// the folders above it (the deepest first, the last pattern first) say so.
func ourIgnored(t *testing.T, dir, rel string, isDir bool) bool {
	t.Helper()
	var st ignoreStack
	f, err := readIgnore(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	st = st.push(f)
	parts := strings.Split(rel, "/")
	for k := 1; k < len(parts); k++ {
		sub := strings.Join(parts[:k], "/")
		if _, ex := st.excluded(sub, parts[k-1], true); ex {
			return true
		}
		f, err := readIgnore(filepath.Join(dir, filepath.FromSlash(sub)), dir)
		if err != nil {
			t.Fatal(err)
		}
		st = st.push(f)
	}
	_, ex := st.excluded(rel, parts[len(parts)-1], isDir)
	return ex
}

// compareWithGit checks every entry of tree, and that Discover lists
// exactly the TypeScript files git does not ignore.
func compareWithGit(t *testing.T, tree ignoreTree) (ignored, total int) {
	t.Helper()
	dir := writeIgnoreTree(t, tree)
	paths, isDir := entries(t, dir)
	want := gitIgnored(t, dir, paths)
	var wantFiles []string
	bad := 0
	for _, p := range paths {
		got := ourIgnored(t, dir, p, isDir[p])
		if got != want[p] {
			bad++
			if bad <= 20 {
				t.Errorf("%s (folder %v): ignored = %v, git says %v", p, isDir[p], got, want[p])
			}
		}
		if want[p] {
			ignored++
		}
		if !isDir[p] && !want[p] && IsSource(p) {
			wantFiles = append(wantFiles, filepath.Join(dir, filepath.FromSlash(p)))
		}
	}
	d, err := DiscoverWith(t.Context(), []string{dir}, DiscoverOptions{Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(wantFiles)
	if strings.Join(d.Files, "\n") != strings.Join(wantFiles, "\n") {
		t.Errorf("Discover files:\n%s\nwant (git):\n%s", strings.Join(d.Files, "\n"), strings.Join(wantFiles, "\n"))
	}
	return ignored, len(paths)
}

func TestGitignoreMatchesGit(t *testing.T) {
	tree := ignoreTree{
		".gitignore": strings.Join([]string{
			"# comment",
			"\\#hash.ts",
			"\\!bang.ts",
			"*.log",
			"*.gen.ts",
			"!keep.gen.ts",
			"/anchored.ts",
			"tmp/",
			"out",
			"!out/",
			"docs/**/*.ts",
			"**/fixtures",
			"deep/**",
			"!deep/re.ts",
			"a/**/z.ts",
			"trail.ts   ",
			"space\\ .ts",
			"file[0-9].ts",
			"name?.ts",
			"[!x]only.ts",
			"[[:upper:]]*.tsx",
			"lib/*.ts",
			"!lib/main.ts",
			"excluded/",
			"!excluded/back.ts",
			"nested.ts",
			"crlf.ts\r",
			"*.ts.bak",
		}, "\n") + "\n",
		"#hash.ts": "", "!bang.ts": "", "x.log": "", "src/x.log/": "",
		"src/a.gen.ts": "", "src/keep.gen.ts": "", "anchored.ts": "", "src/anchored.ts": "",
		"tmp/a.ts": "", "src/tmp": "", "src/tmp2/tmp/b.ts": "",
		"out/c.ts": "", "src/out": "", "docs/a.ts": "", "docs/x/y/b.ts": "", "src/docs/c.ts": "",
		"fixtures/f.ts": "", "src/fixtures/g.ts": "", "deep/a.ts": "", "deep/re.ts": "", "deep/x/re.ts": "",
		"a/z.ts": "", "a/b/c/z.ts": "", "b/a/z.ts": "",
		"trail.ts": "", "space .ts": "", "space.ts": "", "file1.ts": "", "filex.ts": "", "name1.ts": "", "name12.ts": "",
		"aonly.ts": "", "xonly.ts": "", "Big.tsx": "", "small.tsx": "",
		"lib/a.ts": "", "lib/main.ts": "", "lib/sub/a.ts": "",
		"excluded/back.ts": "", "excluded/other.ts": "",
		"crlf.ts": "", "y.ts.bak": "",
		"pkg/.gitignore": "!nested.ts\n/local.ts\n*.tsx\n!keep.tsx\nsub/\n",
		"pkg/nested.ts":  "", "pkg/local.ts": "", "pkg/deeper/local.ts": "", "pkg/v.tsx": "", "pkg/keep.tsx": "",
		"pkg/sub/s.ts": "", "pkg/deeper/sub/s.ts": "", "other/nested.ts": "", "other/v.tsx": "",
		"pkg/deeper/.gitignore": "!v.tsx\n!sub/\n", "pkg/deeper/v.tsx": "",
		"bom/.gitignore": "\xef\xbb\xbfbom.ts\n", "bom/bom.ts": "", "bom/ok.ts": "",
		"plain.ts": "",
	}
	ignored, total := compareWithGit(t, tree)
	if ignored == 0 || ignored == total {
		t.Fatalf("a table that ignores %d of %d entries tests nothing", ignored, total)
	}
}

// TestGitignoreMatchesGitRandom generates trees and .gitignore files from
// a fixed seed and checks every entry against git.
func TestGitignoreMatchesGitRandom(t *testing.T) {
	t.Parallel()
	names := []string{"src", "lib", "app", "gen", "out", "tmp", "foo", "bar", "a.b", "x y", "Caps", "n1", "n22"}
	files := []string{"a.ts", "b.tsx", "c.js", "x.gen.ts", "foo", "bar.ts", "log.txt", "n1.ts", "Up.mts", "t-1.cts", "z.d.ts", "Dockerfile"}
	pieces := []string{"*", "?", "**", "*.ts", "*.gen.ts", "[ab]*", "[!a]*", "n[0-9]*", "*.t?", "[[:upper:]]*", "\\*"}
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewSource(seed))
			tree := ignoreTree{}
			var dirs []string
			var mkdirs func(prefix string, depth int)
			mkdirs = func(prefix string, depth int) {
				dirs = append(dirs, prefix)
				for _, f := range files {
					if r.Intn(3) == 0 {
						tree[prefix+f] = ""
					}
				}
				if depth == 4 {
					return
				}
				for _, n := range names {
					if _, file := tree[prefix+n]; !file && r.Intn(5) == 0 {
						mkdirs(prefix+n+"/", depth+1)
					}
				}
			}
			mkdirs("", 0)
			component := func() string {
				switch r.Intn(3) {
				case 0:
					return names[r.Intn(len(names))]
				case 1:
					return files[r.Intn(len(files))]
				}
				return pieces[r.Intn(len(pieces))]
			}
			pattern := func() string {
				var b strings.Builder
				if r.Intn(4) == 0 {
					b.WriteString("!")
				}
				if r.Intn(4) == 0 {
					b.WriteString("/")
				}
				n := 1 + r.Intn(3)
				for i := 0; i < n; i++ {
					if i > 0 {
						b.WriteString("/")
					}
					b.WriteString(component())
				}
				if r.Intn(4) == 0 {
					b.WriteString("/")
				}
				if r.Intn(10) == 0 {
					b.WriteString("  ")
				}
				return b.String()
			}
			for _, d := range dirs {
				if d != "" && r.Intn(3) != 0 {
					continue
				}
				var lines []string
				for i := 0; i < 3+r.Intn(12); i++ {
					lines = append(lines, pattern())
				}
				tree[d+".gitignore"] = strings.Join(lines, "\n") + "\n"
			}
			ignored, total := compareWithGit(t, tree)
			t.Logf("%d entries, %d ignored", total, ignored)
			if ignored == 0 || ignored == total {
				t.Errorf("seed %d ignores %d of %d entries: the generator tests nothing", seed, ignored, total)
			}
		})
	}
}

func TestWildmatch(t *testing.T) {
	cases := []struct {
		pat, text string
		pathname  bool
		want      bool
	}{
		{"*.ts", "a.ts", true, true},
		{"*.ts", "a/b.ts", true, false},
		{"*.ts", "a/b.ts", false, true},
		{"**/b.ts", "b.ts", true, true},
		{"**/b.ts", "a/c/b.ts", true, true},
		{"a/**", "a/b/c", true, true},
		{"a/**", "a", true, false},
		{"a/**/b", "a/b", true, true},
		{"a/**/b", "a/x/y/b", true, true},
		{"a**b", "a/x/b", true, false},
		{"[a-c]x", "bx", true, true},
		{"[!a-c]x", "bx", true, false},
		{"[^a-c]x", "dx", true, true},
		{"[]]", "]", true, true},
		{"[[:digit:]]", "7", true, true},
		{"[[:digit:]]", "x", true, false},
		{"[[:bogus:]]", "x", true, false},
		{"\\*", "*", true, true},
		{"\\*", "a", true, false},
		{"a?c", "a/c", true, false},
		{"a?c", "abc", true, true},
		{"[a", "[a", true, false},
		{"abc\\", "abc", true, false},
	}
	for _, c := range cases {
		if got := wildmatch(c.pat, c.text, c.pathname); got != c.want {
			t.Errorf("wildmatch(%q, %q, %v) = %v, want %v", c.pat, c.text, c.pathname, got, c.want)
		}
	}
}

// TestDiscoverStreams checks that OnFile receives each file once, the
// same set Discover returns, whatever the number of goroutines.
func TestDiscoverStreams(t *testing.T) {
	tree := ignoreTree{".gitignore": "ignored/\n"}
	for i := 0; i < 40; i++ {
		tree[fmt.Sprintf("p%d/src/m%d/a.ts", i%7, i)] = ""
		tree[fmt.Sprintf("p%d/src/m%d/ignored/b.ts", i%7, i)] = ""
	}
	tree["p1/Dockerfile"] = "FROM node\n"
	dir := writeIgnoreTree(t, tree)
	var first []string
	for _, jobs := range []int{1, 2, 8} {
		got := make(chan string, 100)
		d, err := DiscoverWith(t.Context(), []string{dir}, DiscoverOptions{Jobs: jobs,
			OnFile: func(p string, extra bool) { got <- fmt.Sprint(extra, " ", p) }})
		if err != nil {
			t.Fatal(err)
		}
		close(got)
		var streamed []string
		for s := range got {
			streamed = append(streamed, s)
		}
		sort.Strings(streamed)
		var want []string
		for _, f := range d.Files {
			want = append(want, "false "+f)
		}
		for _, f := range d.Extra {
			want = append(want, "true "+f)
		}
		sort.Strings(want)
		if len(d.Files) != 40 || len(d.Extra) != 1 {
			t.Errorf("jobs %d: %d files, %d extra; want 40 and 1", jobs, len(d.Files), len(d.Extra))
		}
		if strings.Join(streamed, "\n") != strings.Join(want, "\n") {
			t.Errorf("jobs %d: streamed\n%s\nwant\n%s", jobs, strings.Join(streamed, "\n"), strings.Join(want, "\n"))
		}
		if first == nil {
			first = d.Files
		} else if strings.Join(first, "\n") != strings.Join(d.Files, "\n") {
			t.Errorf("jobs %d: files differ from jobs 1", jobs)
		}
		if n := d.Ignored[filepath.Join(dir, ".gitignore")]; n != 40 {
			t.Errorf("jobs %d: ignored count %d, want 40", jobs, n)
		}
	}
}
