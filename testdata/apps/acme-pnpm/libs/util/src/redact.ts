const SECRET_KEYS = ['password', 'passwordHash', 'token'] as const;

/** Returns a copy of value without its secret keys. */
export function redact<T extends object>(value: T): Omit<T, 'passwordHash'> {
  const copy: Record<string, unknown> = { ...value };
  for (const key of SECRET_KEYS) {
    delete copy[key];
  }
  return copy as Omit<T, 'passwordHash'>;
}
