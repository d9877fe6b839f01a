// Finding the nestlint binary: the nestlint.path setting, else the npm
// package installed in a workspace folder (node_modules/.bin/nestlint),
// else nestlint on the PATH. No vscode import: tested with plain node.
import * as fs from 'fs';
import * as path from 'path';

export interface Found {
  command: string;
  // how it was found, for the output channel
  source: 'setting' | 'workspace' | 'PATH';
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// binName is the launcher npm writes in node_modules/.bin.
function binNames(platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? ['nestlint.cmd', 'nestlint.exe', 'nestlint'] : ['nestlint'];
}

// findBinary returns the binary to start. setting is nestlint.path (a
// relative path is taken from the first workspace folder; "~" is home).
export function findBinary(
  setting: string,
  folders: string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Found {
  const s = setting.trim();
  if (s !== '') {
    let p = s;
    if (p === '~' || p.startsWith('~/')) {
      p = path.join(env.HOME ?? env.USERPROFILE ?? '', p.slice(1));
    } else if (!path.isAbsolute(p) && folders.length > 0 && (p.includes('/') || p.includes('\\'))) {
      p = path.join(folders[0], p);
    }
    return { command: p, source: 'setting' };
  }
  for (const folder of folders) {
    // The folder itself and its parents: a package of a monorepo opened
    // alone still finds the root's node_modules.
    for (let dir = folder; ; dir = path.dirname(dir)) {
      for (const name of binNames(platform)) {
        const candidate = path.join(dir, 'node_modules', '.bin', name);
        if (isFile(candidate)) {
          return { command: candidate, source: 'workspace' };
        }
      }
      if (path.dirname(dir) === dir) {
        break;
      }
    }
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const dir of dirs) {
    for (const name of platform === 'win32' ? ['nestlint.exe', 'nestlint.cmd'] : ['nestlint']) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) {
        return { command: candidate, source: 'PATH' };
      }
    }
  }
  return { command: 'nestlint', source: 'PATH' };
}
