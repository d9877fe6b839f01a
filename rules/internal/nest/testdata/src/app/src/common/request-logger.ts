import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';

@Injectable({ scope: Scope.REQUEST })
export class RequestLogger {
  private readonly prefix: string;

  constructor(@Inject(REQUEST) req: { url: string }) {
    this.prefix = buildPrefix(req.url);
  }

  log(msg: string) {
    return `${this.prefix} ${msg}`;
  }
}

function buildPrefix(url: string) {
  return `[${url}]`;
}
