import { writeFileSync } from 'fs';

export const audit = (req: { method: string }, _res: unknown, next: () => void) => {
  writeFileSync('/tmp/last-method', req.method); // want "error: `fs\\.writeFileSync` blocks the event loop on the request path; use `fs\\.promises\\.writeFile`"
  next();
};
