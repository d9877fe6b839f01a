import { Inject, Injectable } from '@nestjs/common';

@Injectable()
export class MailService {
  constructor(@Inject('MAIL_OPTIONS') private readonly options: { host: string }) {}

  send(to: string) {
    return `${this.options.host}:${to}`;
  }
}
