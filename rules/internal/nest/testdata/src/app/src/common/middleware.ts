import { Request, Response, NextFunction } from 'express';

export function requestId(req: Request, res: Response, next: NextFunction) {
  res.setHeader('x-request-id', String(Date.now()));
  next();
}

export function corsHeaders(req: Request, res: Response, next: NextFunction) {
  res.setHeader('access-control-allow-origin', '*');
  next();
}
