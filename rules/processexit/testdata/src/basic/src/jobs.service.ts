import { Injectable, OnModuleDestroy } from '@nestjs/common';

@Injectable()
export class JobsService implements OnModuleDestroy {
  abort() {
    process.exit(2); // want "warning: `process.exit\\(\\)` kills the whole app on the request path; it skips every shutdown hook and cuts in-flight requests: throw an exception instead" "via JobsController.panic"
  }

  async onModuleDestroy() {
    await this.flush();
    process.exit(0); // want "warning: `process.exit\\(\\)` cuts the shutdown sequence short.* in `JobsService.onModuleDestroy` \\(shutdown code\\)"
  }

  private async flush() {}
}

// nothing calls it: unknown context, not reported
export function unusedHelper() {
  process.exit(3);
}
