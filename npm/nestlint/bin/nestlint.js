#!/usr/bin/env node
// nestlint launcher: finds the prebuilt binary in the platform package that
// npm installed from optionalDependencies (@nestlint/cli-<platform>-<arch>)
// and runs it with this process's arguments, stdio and exit status. No
// dependencies; works with npm, pnpm and yarn (the platform package is a
// dependency of this package, so require.resolve finds it from here).
'use strict';

const { spawn } = require('child_process');
const path = require('path');
const pkg = require('../package.json');

const platform = `${process.platform}-${process.arch}`;
const name = `@nestlint/cli-${platform}`;
const exe = process.platform === 'win32' ? 'nestlint.exe' : 'nestlint';
const goInstall = 'go install github.com/nestlint/nestlint/cmd/nestlint@latest';

function fail(lines) {
  process.stderr.write(lines.map((l) => `nestlint: ${l}\n`).join(''));
  process.exit(3);
}

function isMusl() {
  if (process.platform !== 'linux') return false;
  try {
    const report = process.report && process.report.getReport();
    return !!report && !(report.header && report.header.glibcVersionRuntime);
  } catch (_) {
    return false;
  }
}

function findBinary() {
  const supported = Object.keys(pkg.optionalDependencies || {});
  if (!supported.includes(name)) {
    const list = supported.map((s) => s.replace('@nestlint/cli-', '')).join(', ');
    fail([
      `no prebuilt binary for ${platform} (prebuilt: ${list}).`,
      `Build it from source instead (needs Go 1.26+ and a C compiler): ${goInstall}`,
    ]);
  }
  let dir;
  try {
    dir = path.dirname(require.resolve(`${name}/package.json`));
  } catch (_) {
    fail([
      `the package ${name} with the binary for ${platform} is not installed.`,
      'npm installs it from optionalDependencies: reinstall without --omit=optional / --no-optional,',
      'and do not share node_modules or a lockfile made without it across platforms.',
      `Or build from source (needs Go 1.26+ and a C compiler): ${goInstall}`,
    ]);
  }
  return path.join(dir, 'bin', exe);
}

const bin = findBinary();

// Forward the signals a terminal or a CI runner sends, so the binary can
// stop cleanly; the launcher itself waits for it to exit. The handlers are
// in place before the binary starts, so no signal is missed.
let child = null;
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
for (const sig of forwarded) {
  try {
    process.on(sig, () => {
      try {
        if (child) child.kill(sig);
      } catch (_) {
        // already gone
      }
    });
  } catch (_) {
    // a signal this platform does not have
  }
}

child = spawn(bin, process.argv.slice(2), { stdio: 'inherit', windowsHide: true });

child.on('error', (err) => {
  const lines = [`cannot run ${bin}: ${err.message}`];
  if (err.code === 'ENOENT' && isMusl()) {
    lines.push('the prebuilt Linux binaries need glibc; on musl (Alpine) build from source: ' + goInstall);
  } else if (err.code === 'EACCES') {
    lines.push('the binary is not executable; reinstall the package (npm rebuild does not fix file modes).');
  }
  fail(lines);
});

child.on('exit', (code, signal) => {
  if (signal) {
    // Die by the same signal, so the caller sees what the binary saw.
    for (const sig of forwarded) process.removeAllListeners(sig);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code === null ? 3 : code);
});
