import { registerAs } from '@nestjs/config';
import { SYNC_SCHEMA, isProduction } from './flags';

export default registerAs('database', () => ({
  type: 'postgres' as const,
  url: process.env.DATABASE_URL,
  autoLoadEntities: true,
  synchronize: SYNC_SCHEMA, // want "error: `synchronize: true` in production: on every boot TypeORM alters the schema and drops columns it no longer sees, with their data; use migrations"
  dropSchema: isProduction ? false : true,
}));
