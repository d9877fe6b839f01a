import { existsSync, readFileSync } from 'fs';

export function loadTemplates(dir: string): Record<string, string> {
  return existsSync(dir) ? { welcome: readFileSync(`${dir}/welcome.hbs`, 'utf8') } : {};
}
