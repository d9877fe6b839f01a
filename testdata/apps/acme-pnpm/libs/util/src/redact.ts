/** Returns a copy of a user record without its password hash. */
export function redact<T extends { passwordHash?: string }>(value: T): Omit<T, 'passwordHash'> {
  const copy = { ...value };
  delete copy.passwordHash;
  return copy;
}
