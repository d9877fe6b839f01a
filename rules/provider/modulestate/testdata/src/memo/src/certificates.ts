import { readFileSync } from 'fs';
import { join } from 'path';
import { ConfigService } from '@nestjs/config';

let certificate: string | undefined;
let privateKey: Buffer | null = null;
let caBundle: string;
let jwks: Record<string, string> | undefined;
let signingKey: string; // want "warning: module-level `let signingKey` changes per request \\(`=`\\): it leaks between requests and differs per worker; use a request-scoped provider"
let loaded = false;

// read on first use, the same value for every request
export function getCertificate(): string {
  return certificate ?? (certificate = readFileSync(join(__dirname, 'cert.pem'), 'utf8'));
}

export function getPrivateKey(config: ConfigService): Buffer {
  if (typeof privateKey === 'undefined' || privateKey === null) {
    privateKey = readFileSync(config.get<string>('TLS_KEY_PATH'));
  }
  return privateKey;
}

export function getCaBundle(): string {
  caBundle = caBundle || readFileSync('/etc/ssl/ca.pem', 'utf8');
  return caBundle;
}

export async function getJwks(): Promise<Record<string, string>> {
  if (!loaded) {
    jwks = await fetch('https://issuer.example.com/.well-known/jwks.json').then((r) => r.json());
    loaded = true;
  }
  return jwks;
}

// the first caller's tenant wins for everybody: still reported
export function getSigningKey(tenant: string): string {
  if (!signingKey) {
    signingKey = readFileSync(`/keys/${tenant}.pem`, 'utf8');
  }
  return signingKey;
}
