import { randomUUID } from 'crypto';
import { NextFunction, Request, Response } from 'express';

export interface TraceContext {
  traceId: string;
  parentId: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// W3C trace-context parser. parseSync() is for hot paths; parse() suits async pipelines.
export class TraceparentParser {
  parseSync(header: string | undefined): TraceContext | undefined {
    if (!header) {
      return undefined;
    }
    const match = TRACEPARENT.exec(header.trim().toLowerCase());
    if (!match || match[2] === '0'.repeat(32)) {
      return undefined;
    }
    return { traceId: match[2], parentId: match[3], sampled: (parseInt(match[4], 16) & 1) === 1 };
  }

  async parse(header: string | undefined): Promise<TraceContext | undefined> {
    return this.parseSync(header);
  }
}

const parser = new TraceparentParser();

export function requestId(req: Request, res: Response, next: NextFunction): void {
  const trace = parser.parseSync(req.header('traceparent'));
  const id = trace?.traceId ?? randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('x-request-id', id);
  next();
}
