import { readFileSync } from 'fs';
import { join } from 'path';
import { TypeOrmModuleOptions } from '@nestjs/typeorm';

// Evaluated once, as the argument of TypeOrmModule.forRoot(...).
export function buildTypeOrmConfig(): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: process.env.DATABASE_URL,
    ssl: { ca: readFileSync(join(__dirname, 'rds-ca.pem'), 'utf8') },
    autoLoadEntities: true,
  };
}

// A named factory, handed to forRootAsync from another file.
export async function redisOptionsFactory() {
  return { tls: { cert: readFileSync('/etc/redis/client.crt') } };
}
