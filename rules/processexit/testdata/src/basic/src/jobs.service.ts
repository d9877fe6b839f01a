import { Injectable, OnModuleDestroy } from '@nestjs/common';

@Injectable()
export class JobsService implements OnModuleDestroy {
  abort() {
    process.exit(2); // want "warning: process.exit\\(\\) in JobsService.abort on the request path" "via JobsController.panic"
  }

  async onModuleDestroy() {
    await this.flush();
    process.exit(0); // want "warning: process.exit\\(\\) in JobsService.onModuleDestroy \\(shutdown\\)"
  }

  private async flush() {}
}

// nothing calls it: unknown context, not reported
export function unusedHelper() {
  process.exit(3);
}
