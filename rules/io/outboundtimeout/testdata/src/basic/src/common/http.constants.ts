export const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };
