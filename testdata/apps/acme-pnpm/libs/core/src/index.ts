export * from './core.module';
export * from './core.options';
export * from './accounts/account';
export * from './accounts/account.repository';
export * from './accounts/find-account.use-case';
export * from './accounts/find-avatar.use-case';
export * from './accounts/register-account.use-case';
export { PasswordHasher } from './security/password-hasher';
