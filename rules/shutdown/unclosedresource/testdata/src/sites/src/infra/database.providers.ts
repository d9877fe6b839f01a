import { DataSource } from 'typeorm';

export const DATA_SOURCE = 'DATA_SOURCE';

// the provider of the NestJS docs' TypeORM recipe: nothing destroys it
export const databaseProviders = [
  {
    provide: DATA_SOURCE,
    useFactory: async () => {
      const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }); // want "warning: TypeORM `DataSource` from `useFactory` of `'DATA_SOURCE'` is never closed: no shutdown hook calls `destroy\\(\\)` or `close\\(\\)`, so the process hangs on SIGTERM"
      return dataSource.initialize();
    },
  },
];
