import { lstatSync } from 'fs';

export function isSymlink(path: string): boolean {
  return lstatSync(path).isSymbolicLink(); // want "error: `fs\\.lstatSync` blocks the event loop on the request path; use `fs\\.promises\\.lstat`"
}
