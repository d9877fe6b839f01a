import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class MailerService implements OnModuleInit {
  // the unreadable base most likely sets the target: not reported
  private from: string;

  onModuleInit() {
    this.from = 'noreply@example.test';
  }
}
