import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class LegacyMailerService implements OnModuleInit {
  private from: string; // want "target ES2019 in apps/legacy/tsconfig.json erases declared fields"

  onModuleInit() {
    this.from = 'noreply@example.test';
  }
}
