let sequence = 0;

export function seedAccount(overrides: { email?: string; password?: string } = {}) {
  sequence++;
  const account: Record<string, string> = {};
  account.email = overrides.email ?? `user${sequence}@acme.test`;
  account.password = overrides.password ?? 'correct horse battery staple';
  return account;
}
