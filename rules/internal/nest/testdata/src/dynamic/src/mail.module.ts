import { DynamicModule, Module } from '@nestjs/common';
import { MailService } from './mail.service';

export const MAIL_OPTIONS = 'MAIL_OPTIONS';

@Module({})
export class MailModule {
  static forRoot(options: { host: string }): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: MAIL_OPTIONS, useValue: options }, MailService],
      exports: [MailService],
    };
  }
}
