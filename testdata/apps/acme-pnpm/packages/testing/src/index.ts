export { createTestApp } from './test-app';
export type { TestApp } from './test-app';
export { seedAccount } from './factories';
