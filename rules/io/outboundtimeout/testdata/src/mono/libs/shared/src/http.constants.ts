export const HTTP_DEFAULTS = { timeout: 3_000, headers: { 'user-agent': 'acme-api' } };
