import { registerAs } from '@nestjs/config';
import { readFileSync } from 'node:fs';

export interface AppConfig {
  env: string;
  locale: string;
  currency: string;
  jwtSecret: string;
  apiKeyHash: string;
  gotenbergUrl: string;
  feedUrl?: string;
}

// Secrets are mounted as files (Docker/Kubernetes secrets), read once at boot.
export default registerAs('app', (): AppConfig => {
  const secretFile = process.env.JWT_SECRET_FILE ?? '/run/secrets/jwt_secret';
  return {
    env: process.env.NODE_ENV ?? 'development',
    locale: process.env.APP_LOCALE ?? 'en-GB',
    currency: process.env.APP_CURRENCY ?? 'EUR',
    jwtSecret: readFileSync(secretFile, 'utf8').trim(),
    apiKeyHash: process.env.API_KEY_HASH ?? '',
    gotenbergUrl: process.env.GOTENBERG_URL ?? 'http://gotenberg:3000',
    feedUrl: process.env.SUPPLIER_FEED_URL,
  };
});
