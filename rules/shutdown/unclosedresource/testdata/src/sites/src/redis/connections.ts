import { Pool } from 'pg';
import { PostHog } from 'posthog-node';

// a plain class (no @Injectable) whose instance is a factory provider's value
export class Connections {
  private readonly pool: Pool;
  private readonly analytics: PostHog;

  constructor() {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL });
    this.analytics = new PostHog(process.env.POSTHOG_KEY); // want "warning: PostHog client `this\\.analytics` is never closed: no shutdown hook of `Connections` calls `shutdown\\(\\)` or `shutdownAsync\\(\\)`, so the process hangs on SIGTERM"
  }

  async onModuleDestroy() {
    await this.pool.end();
  }
}
