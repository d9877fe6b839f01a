import { Pool } from 'pg';

// module-level pool, ended by the SIGTERM handler in main.ts
export const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// module-level timer cleared by MetricsService.onApplicationShutdown
export const flushTimer = setInterval(() => undefined, 10_000);

// module-level timer nobody clears
export const statsTimer = setInterval(() => undefined, 60_000); // want "warning: setInterval timer statsTimer opened in top level of db.ts is never closed"
