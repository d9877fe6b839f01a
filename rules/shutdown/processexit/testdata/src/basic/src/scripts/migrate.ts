import { Injectable } from '@nestjs/common';

@Injectable()
export class Migrator {
  onModuleInit() {
    process.exit(0);
  }
}
