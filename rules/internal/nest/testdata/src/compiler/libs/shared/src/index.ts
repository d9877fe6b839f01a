export * from './shared.module';
export * from './clock.service';
