import { Inject, Injectable } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';

// request-scoped by bubbling: it injects REQUEST
@Injectable()
export class RequestUserService {
  private user: any;

  constructor(@Inject(REQUEST) private readonly request: any) {}

  remember(user: any) {
    this.user = user;
    return this.user;
  }
}
