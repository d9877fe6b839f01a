package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The workspace fixtures of testdata/apps: a pnpm workspace (acme-pnpm)
// and an integrated Nx workspace (acme-nx). TestGolden checks their
// default output byte for byte; these tests say what that output must
// show, so that an -update cannot quietly accept a regression.

// findingFiles returns the file of each finding line of a text report.
func findingFiles(stdout string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if f, _, ok := strings.Cut(l, ":"); ok && l != "" {
			out = append(out, f)
		}
	}
	return out
}

// noticeLines returns the notice lines of stderr.
func noticeLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, ": notice: ") {
			out = append(out, l)
		}
	}
	return out
}

// hasLine reports whether some line of text starts with prefix and
// contains every part.
func hasLine(text, prefix string, parts ...string) bool {
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestWorkspacePnpmDefaultScope(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	app := "testdata/apps/acme-pnpm/"
	r := runCLI(t, "--no-color", "--repo-root", root, filepath.Join(root, "testdata", "apps", "acme-pnpm"))
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", r.code, r)
	}
	// The use case in libs/core, imported by package name (main:
	// dist/index.js, mapped back to src/index.ts), is on the request path
	// of a controller in apps/api.
	if !hasLine(r.stdout, app+"libs/core/src/security/password-hasher.ts:", "error:", "crypto.pbkdf2Sync",
		"(via AccountsController.register -> RegisterAccountUseCase.execute -> PasswordHasher.hash)", "[event-loop/sync-io]") {
		t.Errorf("no request-path pbkdf2Sync finding in libs/core reached from apps/api:\n%s", r.stdout)
	}
	// A rule of the production-failures family across the package
	// boundary: fetch without a timeout in libs/core, on the path of an
	// apps/api handler.
	if !hasLine(r.stdout, app+"libs/core/src/accounts/avatar.client.ts:", "error:", "has no timeout",
		"(via AccountsController.avatar -> FindAvatarUseCase.execute -> AvatarClient.profileUrl)", "[io/outbound-timeout]") {
		t.Errorf("no cross-package outbound-timeout finding:\n%s", r.stdout)
	}
	// libs/util is plain TypeScript reached through its "exports" map.
	if !hasLine(r.stdout, app+"libs/util/src/redact.ts:", "(via AccountsController.register -> redact)", "[hidden-class/grown-object]") {
		t.Errorf("no request-path delete finding in libs/util:\n%s", r.stdout)
	}
	// The BullMQ processor's process() is an entry point of apps/worker.
	if !hasLine(r.stdout, app+"apps/worker/src/emails/emails.processor.ts:", "error:", "(via EmailsProcessor.process)") {
		t.Errorf("no finding on the worker's processor:\n%s", r.stdout)
	}
	// The late field is late only because tsconfig.app.json says ES2021;
	// the base config says ES2022 and the solution-style tsconfig.json
	// owns nothing.
	if !hasLine(r.stdout, app+"apps/api/src/metrics/metrics.service.ts:", "field `bootedAt`",
		"`target: ES2021` in `apps/api/tsconfig.app.json`", "[hidden-class/late-field]") {
		t.Errorf("no ES2021 late-field naming apps/api/tsconfig.app.json:\n%s", r.stdout)
	}
	// apps/worker/tsconfig.json extends @tsconfig/node20 (target es2022),
	// which is not installed here: its late field is not guessed at.
	if hasLine(r.stdout, app+"apps/worker/", "[hidden-class/late-field]") {
		t.Errorf("late-field in apps/worker, whose target is in an uninstalled base:\n%s", r.stdout)
	}
	for _, f := range findingFiles(r.stdout) {
		for _, out := range []string{"apps/admin/", "apps/realtime/", "apps/web/", "packages/cli/", "packages/testing/"} {
			if strings.HasPrefix(f, app+out) {
				t.Errorf("finding in %s, which is not server code: %s", out, f)
			}
		}
	}
	want := []string{
		app + "apps/admin: notice: browser app (@angular/core), 3 files not linted; use --scope all to lint it",
		app + "apps/realtime: notice: non-Nest server (ws), 1 file not linted; use --scope all to lint it",
		app + "apps/web: notice: browser app (react), 2 files not linted; use --scope all to lint it",
		app + "packages/cli: notice: CLI (bin in package.json), 2 files not linted; use --scope all to lint it",
		app + "packages/testing: notice: test helpers (imported only by tests), 3 files not linted; use --scope all to lint it",
	}
	if got := noticeLines(r.stderr); !slices.Equal(got, want) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// api 11, worker 3, core 10, util 3.
	if !strings.Contains(r.stderr, "nestlint: 3 errors, 2 warnings in 27 files\n") {
		t.Errorf("summary:\n%s", r.stderr)
	}
}

func TestWorkspaceNxDefaultScope(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	app := "testdata/apps/acme-nx/"
	r := runCLI(t, "--no-color", "--repo-root", root, filepath.Join(root, "testdata", "apps", "acme-nx"))
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", r.code, r)
	}
	// libs/data-access is reached through tsconfig.base.json paths.
	if !hasLine(r.stdout, app+"libs/data-access/src/lib/orders.repository.ts:", "zlib.gzipSync",
		"(via OrdersController.archive -> OrdersService.archive -> OrdersRepository.exportArchive)") {
		t.Errorf("no request-path finding in libs/data-access:\n%s", r.stdout)
	}
	// project.json names apps/api/tsconfig.app.json (ES2021) as the build
	// config; tsconfig.base.json says ES2022.
	if !hasLine(r.stdout, app+"apps/api/src/app/orders/orders.service.ts:", "field `currency`", "`target: ES2021` in `apps/api/tsconfig.app.json`") {
		t.Errorf("no ES2021 late-field in apps/api:\n%s", r.stdout)
	}
	for _, f := range findingFiles(r.stdout) {
		if !strings.HasPrefix(f, app+"apps/api/") && !strings.HasPrefix(f, app+"libs/data-access/") {
			t.Errorf("finding outside the Nest closure: %s", f)
		}
	}
	want := []string{
		app + "apps/dashboard: notice: browser app (@angular/core), 2 files not linted; use --scope all to lint it",
		// Imported by apps/api for its types only: type-only imports do
		// not pull code into the scope.
		app + "libs/shared-types: notice: not imported by Nest code, 1 file not linted; use --scope all to lint it",
		app + "libs/ui: notice: browser app (@angular/core), 2 files not linted; use --scope all to lint it",
		// The Nx root package.json lists Angular and Nest: the code
		// generator under tools/ (part of the root package) is told by
		// what it imports, and named by its folder.
		app + "tools/codegen: notice: build tooling (ts-morph), 1 file not linted; use --scope all to lint it",
	}
	if got := noticeLines(r.stderr); !slices.Equal(got, want) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWorkspaceScopeAll runs the workspace fixtures with --scope all (and
// with the scope config key) against testdata/golden/<app>.all.txt, and
// checks what everything means: browser apps are judged as code no entry
// point reaches (hidden-class findings appear), CLIs, build tooling and
// test helpers as offline code (event-loop and process-exit stay quiet),
// and no package is announced as left out.
func TestWorkspaceScopeAll(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	cfg := filepath.Join(t.TempDir(), "nestlint.json")
	if err := os.WriteFile(cfg, []byte("{\n  // lint the admin UI and the tools too\n  \"scope\": \"all\",\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, app := range []string{"acme-pnpm", "acme-nx"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join(root, "testdata", "apps", app)
			r := runCLI(t, "--no-color", "--scope", "all", "--repo-root", root, dir)
			if r.code != exitFindings {
				t.Fatalf("exit %d, want 1\n%s", r.code, r)
			}
			viaConfig := runCLI(t, "--no-color", "--config", cfg, "--repo-root", root, dir)
			if viaConfig.stdout != r.stdout {
				t.Errorf("config scope all differs from --scope all:\n%s", lineDiff(r.stdout, viaConfig.stdout))
			}
			// --scope server on the command line wins over the config.
			server := runCLI(t, "--no-color", "--config", cfg, "--scope", "server", "--repo-root", root, dir)
			if server.stdout == r.stdout || len(noticeLines(server.stderr)) == 0 {
				t.Errorf("--scope server did not override the config's scope all")
			}
			if n := noticeLines(r.stderr); len(n) != 0 {
				t.Errorf("--scope all still announces packages left out:\n%s", strings.Join(n, "\n"))
			}
			golden := filepath.Join("testdata", "golden", app+".all.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if want, err := os.ReadFile(golden); err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			} else if r.stdout != string(want) {
				t.Errorf("differs from %s (run with -update to accept):\n%s", golden, lineDiff(string(want), r.stdout))
			}
			// Everything the default run reports is still reported.
			def := runCLI(t, "--no-color", "--repo-root", root, dir)
			for _, l := range strings.Split(strings.TrimSpace(def.stdout), "\n") {
				if !strings.Contains(r.stdout, l+"\n") {
					t.Errorf("--scope all lost a finding of the default scope: %s", l)
				}
			}
		})
	}

	root = moduleRoot(t)
	r := runCLI(t, "--no-color", "--scope", "all", "--repo-root", root, filepath.Join(root, "testdata", "apps", "acme-pnpm"))
	app := "testdata/apps/acme-pnpm/"
	// The Angular admin is linted as code no entry point reaches: V8
	// hidden classes matter in a browser too; its own tsconfig
	// (useDefineForClassFields: false) decides the late field.
	if !hasLine(r.stdout, app+"apps/admin/src/app/users/user-list.component.ts:", "field `pageSize`", "`useDefineForClassFields: false` in `apps/admin/tsconfig.json`") {
		t.Errorf("no late-field in the Angular admin with --scope all:\n%s", r.stdout)
	}
	if !hasLine(r.stdout, app+"apps/admin/src/app/users/user-list.component.ts:", "note:", "(no known entry point)", "[hidden-class/delete]") {
		t.Errorf("no delete note in the Angular admin with --scope all:\n%s", r.stdout)
	}
	if !hasLine(r.stdout, app+"apps/admin/src/app/users/user-list.component.ts:", "warning:", "(no known entry point)", "[event-loop/redos]") {
		t.Errorf("the admin's ReDoS is not a warning in unknown context:\n%s", r.stdout)
	}
	if !hasLine(r.stdout, app+"apps/web/src/App.tsx:", "[hidden-class/grown-object]") {
		t.Errorf("no finding in the React app with --scope all:\n%s", r.stdout)
	}
	// The CLI's readFileSync, execSync and process.exit, and the testing
	// library's readFileSync, are offline code: nothing to report.
	for _, f := range findingFiles(r.stdout) {
		if strings.HasPrefix(f, app+"packages/") {
			t.Errorf("finding in offline code (CLI or test helpers): %s", f)
		}
	}
	// No shutdown/* rule applies outside a Nest process: the Angular
	// StatusPollerService clears its timer in ngOnDestroy, not in a Nest
	// hook, the CLI's process.exit ends a CLI, and the standalone ws
	// server's SIGTERM handler has no Nest app to close.
	if regexp.MustCompile(`\[shutdown/`).MatchString(r.stdout) {
		t.Errorf("a process-lifecycle finding outside a Nest process:\n%s", r.stdout)
	}
}

// TestWorkspaceSubfolder: linting one package of a workspace still links
// the whole workspace, so a library's finding keeps the path from the app
// that calls it; asking for a package that is not server code says so and
// exits 2 (nothing to lint) unless --allow-empty.
func TestWorkspaceSubfolder(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	ws := filepath.Join(root, "testdata", "apps", "acme-pnpm")
	r := runCLI(t, "--no-color", "--repo-root", root, filepath.Join(ws, "libs", "core"))
	if r.code != exitFindings || !hasLine(r.stdout, "testdata/apps/acme-pnpm/libs/core/", "(via AccountsController.register ->") {
		t.Errorf("libs/core alone lost the request path from apps/api (exit %d):\n%s", r.code, r)
	}
	for _, f := range findingFiles(r.stdout) {
		if !strings.HasPrefix(f, "testdata/apps/acme-pnpm/libs/core/") {
			t.Errorf("finding outside the requested folder: %s", f)
		}
	}

	r = runCLI(t, "--no-color", "--repo-root", root, filepath.Join(ws, "apps", "admin"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "apps/admin: notice: browser app (@angular/core)") ||
		!strings.Contains(r.stderr, "nothing to lint") {
		t.Errorf("apps/admin alone: exit %d, want 2 with the notice and why:\n%s", r.code, r)
	}
	r = runCLI(t, "--no-color", "--allow-empty", "--repo-root", root, filepath.Join(ws, "apps", "admin"))
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("apps/admin --allow-empty: exit %d, want 0 and no findings:\n%s", r.code, r)
	}
}

// TestWorkspaceOutsideGit: a copy of the pnpm workspace outside any git
// repository is one program too (its pnpm-workspace.yaml marks the root),
// also when linted from inside one of its apps.
func TestWorkspaceOutsideGit(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "acme")
	copyDir(t, filepath.Join(root, "testdata", "apps", "acme-pnpm"), ws)
	if gitTop(tmp) != "" {
		t.Skip("the temporary folder is inside a git repository")
	}
	want, err := os.ReadFile(filepath.Join("testdata", "golden", "acme-pnpm.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--no-color", "--repo-root", tmp, ws)
	if got := strings.ReplaceAll(r.stdout, "acme/", "testdata/apps/acme-pnpm/"); got != string(want) {
		t.Errorf("outside git differs from the golden:\n%s", lineDiff(string(want), got))
	}
	r = runCLI(t, "--no-color", "--repo-root", tmp, filepath.Join(ws, "libs", "core"))
	if !hasLine(r.stdout, "acme/libs/core/src/security/password-hasher.ts:", "(via AccountsController.register ->") {
		t.Errorf("libs/core outside git lost the path from apps/api:\n%s", r)
	}
}

// TestWorkspaceNestCLI: a nest-cli monorepo, where each project's
// compilerOptions.tsConfigPath names its build config. The root
// tsconfig.json (ES2022, no include) would own every file; billing's build
// config says ES2020, gateway's inherits ES2022.
func TestWorkspaceNestCLI(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	app := "testdata/apps/acme-nestcli/"
	r := runCLI(t, "--no-color", "--repo-root", root, filepath.Join(root, "testdata", "apps", "acme-nestcli"))
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", r.code, r)
	}
	if !hasLine(r.stdout, app+"apps/billing/src/invoice-numbers.service.ts:", "field `prefix`", "`target: ES2020` in `apps/billing/tsconfig.app.json`") {
		t.Errorf("no late-field naming billing's build config:\n%s", r.stdout)
	}
	if hasLine(r.stdout, app+"apps/gateway/", "[hidden-class/late-field]") {
		t.Errorf("late-field in gateway, whose build config keeps ES2022:\n%s", r.stdout)
	}
	if !hasLine(r.stdout, app+"libs/common/src/rate-card.service.ts:", "error:", "fs.readFileSync", "-> RateCardService.priceFor)") {
		t.Errorf("no request-path finding in libs/common (through the @app/common path):\n%s", r.stdout)
	}
	if n := noticeLines(r.stderr); len(n) != 0 {
		t.Errorf("every project is Nest code, yet:\n%s", strings.Join(n, "\n"))
	}
}
