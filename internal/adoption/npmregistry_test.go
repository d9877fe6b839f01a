package adoption_test

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

// registryVersion is the version the local registry serves.
const registryVersion = "0.0.0-test.1"

// npmRegistry is a minimal npm registry on 127.0.0.1 serving the packages
// internal/dist stamps for a release: nestlint and all five
// @nestlint/cli-<platform> packages (this machine's with the real binary,
// the others with a placeholder file). Each test talks to it through its
// own client (a URL prefix), so that tests running in parallel each see
// the tarballs their npm downloaded: npm only downloads a tarball it
// installs.
type npmRegistry struct {
	base       string            // the server's URL
	packuments map[string][]byte // package name -> packument, tarball URLs under tarballBase
	tarballs   map[string]string // file name -> path

	mu      sync.Mutex
	clients int
	got     map[string][]string // client prefix -> tarballs downloaded
}

// tarballBase stands for a client's URL in stored packuments.
const tarballBase = "@@CLIENT@@/"

// registryClient is one test's view of the registry.
type registryClient struct {
	reg    *npmRegistry
	prefix string // "c<n>"
	URL    string // the registry URL for npm, ending in '/'
}

// client returns a new client of the registry.
func (r *npmRegistry) client() *registryClient {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clients++
	p := fmt.Sprintf("c%d", r.clients)
	return &registryClient{reg: r, prefix: p, URL: r.base + "/" + p + "/"}
}

// tarballs are the tarballs this client's npm downloaded, in order.
func (c *registryClient) tarballs() []string {
	c.reg.mu.Lock()
	defer c.reg.mu.Unlock()
	return append([]string(nil), c.reg.got[c.prefix]...)
}

// ServeHTTP serves /<client>/<package> (packuments) and
// /<client>/-/tgz/<file> (tarballs).
func (r *npmRegistry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	prefix, rest, ok := strings.Cut(strings.TrimPrefix(req.URL.Path, "/"), "/")
	if !ok || !strings.HasPrefix(prefix, "c") {
		http.NotFound(w, req)
		return
	}
	if name, isTarball := strings.CutPrefix(rest, "-/tgz/"); isTarball {
		p, have := r.tarballs[name]
		if !have {
			http.NotFound(w, req)
			return
		}
		r.mu.Lock()
		r.got[prefix] = append(r.got[prefix], name)
		r.mu.Unlock()
		http.ServeFile(w, req, p)
		return
	}
	b, have := r.packuments[rest]
	if !have {
		http.NotFound(w, req)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(bytes.ReplaceAll(b, []byte(tarballBase), []byte(r.base+"/"+prefix+"/")))
}

var (
	registryOnce sync.Once
	registry     *npmRegistry
	registryErr  string
)

// sharedNpmRegistry returns the registry of this test process, made on first
// use (packing six packages takes a while) and closed by TestMain.
func sharedNpmRegistry(t *testing.T, npm, gobin string) *npmRegistry {
	t.Helper()
	registryOnce.Do(func() {
		work, err := os.MkdirTemp("", "nestlint-registry-")
		if err != nil {
			registryErr = err.Error()
			return
		}
		cleanups = append(cleanups, func() { os.RemoveAll(work) })
		registry, registryErr = newNpmRegistry(t, npm, gobin, work)
	})
	if registryErr != "" {
		t.Fatal(registryErr)
	}
	if registry == nil {
		t.Fatal("the local npm registry could not be set up (see the first test that used it)")
	}
	return registry
}

func newNpmRegistry(t *testing.T, npm, gobin, work string) (*npmRegistry, string) {
	t.Helper()
	root := repoRoot(t)
	plat := hostNPMPlatform()
	_, bin := nestlintBin(t)
	fake := filepath.Join(work, "placeholder")
	if err := os.WriteFile(fake, []byte("not this platform's binary\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"npm", "-version", "v" + registryVersion, "-out", filepath.Join(work, "npm"), "-all"}
	for _, p := range []string{"linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64"} {
		b := fake
		if p == plat {
			b = bin
		}
		args = append(args, "-bin", p+"="+b)
	}
	if r := run(t, 5*time.Minute, root, nil, distBin(t), args...); r.code != 0 {
		return nil, "internal/dist npm: " + r.stderr
	}
	tgzDir := filepath.Join(work, "tgz")
	os.MkdirAll(tgzDir, 0o755)
	reg := &npmRegistry{packuments: map[string][]byte{}, tarballs: map[string]string{}, got: map[string][]string{}}

	dirs, err := filepath.Glob(filepath.Join(work, "npm", "*"))
	if err != nil || len(dirs) != 6 {
		return nil, fmt.Sprintf("stamped packages %v, %v; want 6", dirs, err)
	}
	// One npm pack for the six folders (one npm start instead of six).
	r := run(t, 5*time.Minute, work, []string{"npm_config_cache=" + filepath.Join(work, "cache")}, npm,
		append([]string{"pack", "--silent", "--pack-destination", tgzDir}, dirs...)...)
	if r.code != 0 {
		return nil, fmt.Sprintf("npm pack %v: %s", dirs, r.stderr)
	}
	packed := map[string]bool{}
	for _, f := range strings.Fields(r.stdout) {
		packed[f] = true
	}
	for _, dir := range dirs {
		var manifest map[string]any
		b, _ := os.ReadFile(filepath.Join(dir, "package.json"))
		if err := json.Unmarshal(b, &manifest); err != nil {
			return nil, err.Error()
		}
		name, _ := manifest["name"].(string)
		version, _ := manifest["version"].(string)
		// npm pack names @scope/pkg@1.0.0 scope-pkg-1.0.0.tgz.
		file := strings.ReplaceAll(strings.TrimPrefix(name, "@"), "/", "-") + "-" + version + ".tgz"
		if !packed[file] {
			return nil, fmt.Sprintf("npm pack of %s printed %q, not %s", dir, r.stdout, file)
		}
		data, err := os.ReadFile(filepath.Join(tgzDir, file))
		if err != nil {
			return nil, err.Error()
		}
		s1 := sha1.Sum(data)
		s512 := sha512.Sum512(data)
		manifest["dist"] = map[string]string{
			"tarball":   tarballBase + "-/tgz/" + file,
			"shasum":    hex.EncodeToString(s1[:]),
			"integrity": "sha512-" + base64.StdEncoding.EncodeToString(s512[:]),
		}
		pj, _ := json.Marshal(map[string]any{
			"name":      name,
			"dist-tags": map[string]string{"latest": registryVersion},
			"versions":  map[string]any{registryVersion: manifest},
		})
		reg.packuments[name] = pj
		reg.tarballs[file] = filepath.Join(tgzDir, file)
	}
	// The maps are complete before the server starts: it only reads them.
	srv := httptest.NewServer(reg)
	cleanups = append(cleanups, srv.Close)
	reg.base = srv.URL
	return reg, ""
}

// registryEnv points npm at the local registry with an empty cache.
func registryEnv(t *testing.T, reg *registryClient) []string {
	return []string{
		"npm_config_registry=" + reg.URL,
		"npm_config_cache=" + t.TempDir(),
		"npm_config_update_notifier=false", "npm_config_fund=false", "npm_config_audit=false",
		"NO_COLOR=1",
	}
}

// TestNpmRegistryInstall installs nestlint the way users will once it is
// published, `npm install --save-dev nestlint`, from a local registry that
// holds the launcher and all five platform packages: npm must pick this
// machine's binary package and skip the others without downloading them.
// Then it runs nestlint the ways NestJS teams do: npx, node_modules/.bin
// (what npm scripts and editors run) and npm scripts; and without the
// platform package, where the launcher says what to do. (Installing the
// packed tarballs without a registry is scripts/dist-test.sh's part.)
func TestNpmRegistryInstall(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "npm and the nestlint binary do the work")
	if testing.Short() {
		t.Skip("skipping in -short mode: npm install")
	}
	npm := need(t, "npm", "apt-get install npm")
	npx := need(t, "npx", "apt-get install npm")
	gobin := need(t, "go", "the Go toolchain")
	plat := hostNPMPlatform()
	if plat == "" {
		t.Skip("no prebuilt package for this machine")
	}
	reg := sharedNpmRegistry(t, npm, gobin).client()
	env := registryEnv(t, reg)

	proj := t.TempDir()
	root := repoRoot(t)
	copyTree(t, filepath.Join(root, "testdata", "apps", "shop"), filepath.Join(proj, "shop"))
	copyTree(t, filepath.Join(root, "testdata", "apps", "clean"), filepath.Join(proj, "clean"))
	pj := `{"name": "registry-test", "private": true, "scripts": {"lint": "nestlint clean", "lint:shop": "nestlint --fail-level error shop"}}` + "\n"
	if err := os.WriteFile(filepath.Join(proj, "package.json"), []byte(pj), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, 5*time.Minute, proj, env, npm, "install", "--save-dev", "nestlint")
	t.Logf("npm install --save-dev nestlint: exit %d in %v", r.code, r.took.Round(time.Millisecond))
	if r.code != 0 {
		t.Fatalf("npm install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	got, _ := filepath.Glob(filepath.Join(proj, "node_modules", "@nestlint", "*"))
	if len(got) != 1 || filepath.Base(got[0]) != "cli-"+plat {
		t.Errorf("installed platform packages %v, want only cli-%s", got, plat)
	}
	tb := reg.tarballs()
	if strings.Join(tb, " ") != "nestlint-"+registryVersion+".tgz nestlint-cli-"+plat+"-"+registryVersion+".tgz" &&
		strings.Join(tb, " ") != "nestlint-cli-"+plat+"-"+registryVersion+".tgz nestlint-"+registryVersion+".tgz" {
		t.Errorf("downloaded tarballs %v, want the launcher and cli-%s only", tb, plat)
	}
	pjAfter, _ := os.ReadFile(filepath.Join(proj, "package.json"))
	if !regexp.MustCompile(`"nestlint":\s*"\^?` + regexp.QuoteMeta(registryVersion) + `"`).Match(pjAfter) {
		t.Errorf("package.json devDependencies:\n%s", pjAfter)
	}
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if b, err := os.ReadFile(filepath.Join(proj, "package-lock.json")); err != nil || json.Unmarshal(b, &lock) != nil {
		t.Fatalf("package-lock.json: %v", err)
	}
	for _, p := range []string{"node_modules/nestlint", "node_modules/@nestlint/cli-" + plat} {
		if lock.Packages[p].Version != registryVersion {
			t.Errorf("package-lock.json: %s at %q, want %s", p, lock.Packages[p].Version, registryVersion)
		}
	}

	r = run(t, 3*time.Minute, proj, env, npx, "--no-install", "nestlint", "--no-color", "shop")
	if r.code != 1 || !strings.Contains(r.stdout, "shop/src/") || !strings.Contains(r.stdout, "[event-loop/sync-io]") {
		t.Errorf("npx nestlint shop: exit %d, want 1 with event-loop/sync-io findings\n%s%s", r.code, r.stdout, r.stderr)
	}
	// node_modules/.bin/nestlint is what npm scripts and editors run (and
	// what npx ran above: asked directly, it spares a second npx start).
	dotBin := filepath.Join(proj, "node_modules", ".bin", "nestlint")
	if runtime.GOOS == "windows" {
		dotBin += ".cmd"
	}
	r = run(t, 3*time.Minute, proj, nil, dotBin, "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "nestlint ") || !strings.Contains(r.stdout, "grammars: ") {
		t.Errorf("node_modules/.bin/nestlint --version: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, 3*time.Minute, proj, nil, dotBin, "no-such-folder")
	if r.code != 2 || !strings.Contains(r.stderr, "no-such-folder") {
		t.Errorf("nestlint no-such-folder: exit %d, want 2\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, 3*time.Minute, proj, env, npm, "run", "--silent", "lint")
	if r.code != 0 {
		t.Errorf("npm run lint (clean app): exit %d, want 0\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, 3*time.Minute, proj, env, npm, "run", "--silent", "lint:shop")
	if r.code != 1 || !strings.Contains(r.stdout, "error:") {
		t.Errorf("npm run lint:shop: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Without the platform package (npm install --omit=optional, or a
	// node_modules copied from another OS) the launcher says what to do.
	if err := os.RemoveAll(filepath.Join(proj, "node_modules", "@nestlint")); err != nil {
		t.Fatal(err)
	}
	r = run(t, 3*time.Minute, proj, nil, dotBin, "shop")
	if r.code != 3 || !strings.Contains(r.stderr, "@nestlint/cli-"+plat+" with the binary for "+plat+" is not installed") ||
		!strings.Contains(r.stderr, "go install github.com/nestlint/nestlint/cmd/nestlint@latest") {
		t.Errorf("without the platform package: exit %d, want 3 and advice\n%s%s", r.code, r.stdout, r.stderr)
	}
}
