import { DynamicModule, Global, Module } from '@nestjs/common';
import { AccountRepository } from './accounts/account.repository';
import { AvatarClient } from './accounts/avatar.client';
import { FindAccountUseCase } from './accounts/find-account.use-case';
import { FindAvatarUseCase } from './accounts/find-avatar.use-case';
import { RegisterAccountUseCase } from './accounts/register-account.use-case';
import { CORE_OPTIONS, CoreOptions } from './core.options';
import { PasswordHasher } from './security/password-hasher';

const USE_CASES = [RegisterAccountUseCase, FindAccountUseCase, FindAvatarUseCase];

@Global()
@Module({
  providers: [AccountRepository, PasswordHasher, AvatarClient, ...USE_CASES],
  exports: [AccountRepository, PasswordHasher, ...USE_CASES],
})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: CORE_OPTIONS, useValue: options }],
      exports: [CORE_OPTIONS],
    };
  }
}
