export * from './common.module';
export * from './rate-card.service';
