export * from './lib/money-badge.component';
