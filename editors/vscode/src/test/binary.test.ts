// Plain-node tests of findBinary (no VS Code needed): npm run test.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findBinary } from '../binary';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nestlint-vscode-'));
try {
  const ws = path.join(tmp, 'repo');
  const pkg = path.join(ws, 'apps', 'api');
  fs.mkdirSync(path.join(ws, 'node_modules', '.bin'), { recursive: true });
  fs.mkdirSync(pkg, { recursive: true });
  const local = path.join(ws, 'node_modules', '.bin', 'nestlint');
  const onPath = path.join(tmp, 'bin');
  fs.mkdirSync(onPath);
  fs.writeFileSync(path.join(onPath, 'nestlint'), '');

  // The setting wins.
  assert.deepStrictEqual(findBinary('/opt/nestlint', [ws], { PATH: onPath }, 'linux'), { command: '/opt/nestlint', source: 'setting' });
  assert.strictEqual(findBinary('tools/nestlint', [ws], {}, 'linux').command, path.join(ws, 'tools/nestlint'));
  // Without the npm package: PATH.
  assert.deepStrictEqual(findBinary('', [ws], { PATH: onPath }, 'linux'), { command: path.join(onPath, 'nestlint'), source: 'PATH' });
  // Nothing anywhere: the bare name (the spawn error says what is missing).
  assert.deepStrictEqual(findBinary('', [ws], { PATH: path.join(tmp, 'none') }, 'linux'), { command: 'nestlint', source: 'PATH' });
  // The npm package in the workspace, also from a package folder below it.
  fs.writeFileSync(local, '#!/bin/sh\n');
  assert.deepStrictEqual(findBinary('', [ws], { PATH: onPath }, 'linux'), { command: local, source: 'workspace' });
  assert.deepStrictEqual(findBinary('', [pkg], { PATH: onPath }, 'linux'), { command: local, source: 'workspace' });
  console.log('binary.test: ok');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
