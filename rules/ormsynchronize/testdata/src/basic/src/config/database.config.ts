import { registerAs } from '@nestjs/config';
import { SYNC_SCHEMA, isProduction } from './flags';

export default registerAs('database', () => ({
  type: 'postgres' as const,
  url: process.env.DATABASE_URL,
  autoLoadEntities: true,
  synchronize: SYNC_SCHEMA, // want "error: synchronize is true in the production configuration"
  dropSchema: isProduction ? false : true,
}));
