import { appendFileSync } from 'node:fs';

export function requestLogger(req: { url: string }, _res: unknown, next: () => void) {
  appendFileSync('access.log', req.url + '\n'); // want "error: `fs\\.appendFileSync` blocks the event loop on the request path; use `fs\\.promises\\.appendFile`"
  next();
}
