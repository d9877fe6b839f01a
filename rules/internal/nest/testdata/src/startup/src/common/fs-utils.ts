import { lstatSync } from 'fs';

export function isSymlink(path: string): boolean {
  return lstatSync(path).isSymbolicLink();
}
