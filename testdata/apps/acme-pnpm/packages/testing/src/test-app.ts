import { Test } from '@nestjs/testing';
import { readFileSync } from 'fs';
import { join } from 'path';

export interface TestApp {
  server: unknown;
  apiKey: string;
  close(): Promise<void>;
}

export async function createTestApp(rootModule: unknown): Promise<TestApp> {
  const env = readFileSync(join(__dirname, '..', 'e2e.env'), 'utf8');
  const apiKey = /ACME_API_KEY=(\S+)/.exec(env)?.[1] ?? 'test-key';
  process.env.ACME_API_KEY = apiKey;
  const moduleRef = await Test.createTestingModule({ imports: [rootModule as never] }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return { server: app.getHttpServer(), apiKey, close: () => app.close() };
}
