import { Injectable, OnModuleDestroy } from '@nestjs/common';

@Injectable()
export class JobsService implements OnModuleDestroy {
  abort() {
    process.exit(2); // want "warning: `process\\.exit\\(\\)` kills the app, skipping shutdown hooks and cutting in-flight requests, on the request path; throw an exception instead" "via JobsController.panic"
  }

  async onModuleDestroy() {
    await this.flush();
    process.exit(0); // want "warning: `process\\.exit\\(\\)` cuts shutdown short in `JobsService\\.onModuleDestroy` \\(shutdown code\\); the remaining hooks never run: return and let Nest finish"
  }

  private async flush() {}
}

// nothing calls it: unknown context, not reported
export function unusedHelper() {
  process.exit(3);
}
