import { Pool } from 'pg';
import { createClient } from 'redis';

// module-level pool, ended by the SIGTERM handler in main.ts
export const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// module-level timer cleared by MetricsService.onApplicationShutdown
export const flushTimer = setInterval(() => undefined, 10_000);

// module-level timer nobody clears
export const statsTimer = setInterval(() => undefined, 60_000); // want "warning: `setInterval` timer `statsTimer` is never closed: no shutdown hook calls `clearInterval\\(\\)`, so the process hangs on SIGTERM"

// module-level pub/sub pair for the event bus, never closed
export const publisher = createClient({ url: process.env.REDIS_URL }); // want "warning: Redis connection `publisher` is never closed: no shutdown hook calls `quit\\(\\)` or the like, so the process hangs on SIGTERM"
export const subscriber = publisher.duplicate(); // want "warning: Redis connection `subscriber` is never closed: no shutdown hook calls `quit\\(\\)` or the like, so the process hangs on SIGTERM"
