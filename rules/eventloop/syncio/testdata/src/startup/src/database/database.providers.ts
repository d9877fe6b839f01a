import { Scope } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readFileSync } from 'fs';

export const databaseProviders = [
  {
    provide: 'DATA_SOURCE',
    useFactory: async () => {
      const dataSource = new DataSource({ type: 'postgres', ssl: { ca: readFileSync('ca.pem') } });
      return dataSource.initialize();
    },
  },
];

// A factory of a request-scoped provider runs per request.
export const tenantProviders = [
  {
    provide: 'TENANT_SETTINGS',
    scope: Scope.REQUEST,
    useFactory: () => readFileSync('tenant.json', 'utf8'), // want "warning: `fs\\.readFileSync` blocks the event loop in `useFactory` \\(no known entry point\\); use `fs\\.promises\\.readFile`"
  },
];
