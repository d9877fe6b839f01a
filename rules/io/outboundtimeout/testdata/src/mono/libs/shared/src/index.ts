export * from './http.constants';
export * from './rates.client';
export * from './shared.module';
