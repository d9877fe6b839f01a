import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class MailProcessor implements OnModuleInit {
  private transport: { send(to: string): void };

  onModuleInit() {
    this.transport = { send: (to: string) => console.log('mail to', to) };
  }
}
