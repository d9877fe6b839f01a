export * from './lib/data-access.module';
export * from './lib/orders.repository';
