export const UPSTREAM_DEFAULTS = { timeout: 4_000, headers: { accept: 'application/json' } };
export const WITH_DEFAULTS = { ...UPSTREAM_DEFAULTS, maxRedirects: 2 };
