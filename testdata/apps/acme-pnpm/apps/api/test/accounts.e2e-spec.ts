import request from 'supertest';
import { createTestApp, seedAccount, TestApp } from '@acme/testing';
import { AppModule } from '../src/app.module';

describe('accounts (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(AppModule);
  });

  afterAll(async () => {
    await t.close();
  });

  it('POST /v1/accounts registers an account', async () => {
    const account = seedAccount({ email: 'e2e@acme.test' });
    const res = await request(t.server).post('/v1/accounts').set('x-api-key', t.apiKey).send(account);
    expect(res.status).toBe(201);
  });
});
