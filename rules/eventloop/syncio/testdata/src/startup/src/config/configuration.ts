import { readFileSync, existsSync } from 'fs';
import * as yaml from 'js-yaml';
import { join } from 'path';

const YAML_FILE = 'config.yaml';

export default () => yaml.load(readFileSync(join(__dirname, YAML_FILE), 'utf8')) as Record<string, unknown>;

export function validateEnv(env: Record<string, unknown>) {
  if (!existsSync(String(env.TLS_CERT))) throw new Error('TLS_CERT not found');
  return env;
}
