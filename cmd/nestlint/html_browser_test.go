package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nestlint/nestlint/report"
)

// chromium returns the path of Debian's chromium. Without it the test is
// skipped, except in CI (CI set), where it fails: .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
		t.Fatal("chromium is not installed and CI is set: install it (apt-get install -y chromium), as .ci/run does")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium); the HTML report's browser test is skipped outside CI")
	return ""
}

// headless runs chromium headless on url with extra arguments and returns
// its stdout and stderr. It may run on another goroutine than the test's,
// so it returns its error instead of failing the test.
func headless(bin, profile, url string, args ...string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	all := append([]string{"--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"}, args...)
	cmd := exec.CommandContext(ctx, bin, append(all, url)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("chromium %v: %v\n%s", args, err, errb.String())
	}
	return out.String(), errb.String(), nil
}

// probe is injected before </body>: it records script errors in the DOM,
// then drives the module graph as a person would (filter, expand) and
// writes what it saw into data attributes of <body>.
const probe = `<script>
window.addEventListener("error", function (e) { document.body.setAttribute("data-probe-error", String(e.message)); });
(function () {
  var b = document.body;
  var mods = document.querySelectorAll("#graph .mod");
  b.setAttribute("data-probe-modules", String(mods.length));
  b.setAttribute("data-probe-collapsed", String(document.querySelectorAll("#graph .mod .body.hidden").length));
  b.setAttribute("data-probe-edges", String(document.querySelectorAll("#graph svg path").length));
  var f = document.getElementById("module-filter");
  f.value = "PdfModule";
  f.dispatchEvent(new Event("input"));
  b.setAttribute("data-probe-filtered", String(document.querySelectorAll("#graph .mod:not(.hidden)").length));
  f.value = "";
  f.dispatchEvent(new Event("input"));
  var auth = document.querySelector('#graph .mod[data-module="AuthModule"] .mh');
  auth.click();
  var body = auth.parentNode.querySelector(".body");
  b.setAttribute("data-probe-expanded", body.classList.contains("hidden") ? "no" : "yes");
  b.setAttribute("data-probe-chain", (body.querySelector(".chain") || {textContent: ""}).textContent);
  b.setAttribute("data-probe-highlighted", String(document.querySelectorAll("#graph svg path.hl").length));
  b.setAttribute("data-probe-done", "1");
})();
</script>
</body>`

func attr(t *testing.T, dom, name string) string {
	t.Helper()
	m := regexp.MustCompile(name + `="([^"]*)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no %s in the rendered DOM", name)
	}
	return m[1]
}

func TestHTMLReportInBrowser(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	r := runCLI(t, "--format", "html", "-o", page, "--exit-zero", "../../testdata/apps/shop")
	if r.code != 0 {
		t.Fatalf("nestlint: %s", r)
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var data report.HTMLData
	m := regexp.MustCompile(`(?s)<script type="application/json" id="nestlint-data">(.*?)</script>`).FindSubmatch(src)
	if m == nil || json.Unmarshal(m[1], &data) != nil {
		t.Fatal("no data element in the report")
	}
	if len(data.Findings) == 0 || data.Graph == nil || len(data.Graph.Modules) < 5 {
		t.Fatalf("the shop fixture should give findings and a module graph of 5+ modules, got %d findings, graph %v", len(data.Findings), data.Graph)
	}
	probed := filepath.Join(dir, "probed.html")
	if err := os.WriteFile(probed, bytes.Replace(src, []byte("</body>"), []byte(probe), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	var (
		wg                      sync.WaitGroup
		dom, domErr, shotErr    string
		shot                    = filepath.Join(dir, "shot.png")
		domFailed, shotFailed   error
		domProfile, shotProfile = t.TempDir(), t.TempDir()
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		dom, domErr, domFailed = headless(bin, domProfile, "file://"+probed+"#graph", "--dump-dom")
	}()
	go func() {
		defer wg.Done()
		_, shotErr, shotFailed = headless(bin, shotProfile, "file://"+page, "--screenshot="+shot, "--window-size=1280,800", "--hide-scrollbars")
	}()
	wg.Wait()
	for _, err := range []error{domFailed, shotFailed} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, out := range []string{domErr, shotErr} {
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Uncaught") {
				t.Errorf("console message: %s", line)
			}
		}
	}
	if strings.Contains(dom, `<div id="js-error"`) || strings.Contains(dom, `data-probe-error="`) {
		t.Fatalf("script error in the page:\n%s", dom)
	}
	if attr(t, dom, "data-probe-done") != "1" {
		t.Fatal("the probe did not finish")
	}

	// The counts the page drew are the data's.
	for sev, want := range map[string]int{"error": data.Counts.Error, "warning": data.Counts.Warning, "note": data.Counts.Note} {
		re := regexp.MustCompile(`id="count-` + sev + `">(\d+)<`)
		got := re.FindStringSubmatch(dom)
		if got == nil || got[1] != strconv.Itoa(want) {
			t.Errorf("rendered %s count = %v, want %d", sev, got, want)
		}
	}
	if got := strings.Count(dom, `class="finding `); got != 2*len(data.Findings) { // by rule and by file
		t.Errorf("rendered %d finding blocks, want %d (each finding by rule and by file)", got, 2*len(data.Findings))
	}
	if got := attr(t, dom, "data-rendered"); got != strconv.Itoa(len(data.Findings)) {
		t.Errorf("data-rendered = %s", got)
	}
	nMods := strconv.Itoa(len(data.Graph.Modules))
	if got := attr(t, dom, "data-probe-modules"); got != nMods {
		t.Errorf("module cards = %s, want %s", got, nMods)
	}
	if got := attr(t, dom, "data-probe-collapsed"); got != nMods {
		t.Errorf("collapsed cards = %s, want all %s collapsed by default", got, nMods)
	}
	if n, _ := strconv.Atoi(attr(t, dom, "data-probe-edges")); n < len(data.Graph.Modules)-1 {
		t.Errorf("import edges drawn = %d, want at least %d", n, len(data.Graph.Modules)-1)
	}
	// PdfModule and its neighbours (OrdersModule imports it) but not all
	if n, _ := strconv.Atoi(attr(t, dom, "data-probe-filtered")); n < 2 || n >= len(data.Graph.Modules) {
		t.Errorf("the filter kept %d modules, want PdfModule and its neighbours only", n)
	}
	if attr(t, dom, "data-probe-expanded") != "yes" {
		t.Error("a click did not expand the module")
	}
	if chain := attr(t, dom, "data-probe-chain"); !strings.Contains(chain, "→") {
		t.Errorf("AuthModule should show a request-scoped chain, got %q", chain)
	}
	if n, _ := strconv.Atoi(attr(t, dom, "data-probe-highlighted")); n == 0 {
		t.Error("selecting a module highlighted none of its edges")
	}

	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screenshot is %dx%d, want 1280x800", b.Dx(), b.Dy())
	}
}
