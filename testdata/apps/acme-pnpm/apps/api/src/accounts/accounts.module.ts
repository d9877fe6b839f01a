import { Module } from '@nestjs/common';
import { CoreModule } from '@acme/core';
import { AccountsController } from './accounts.controller';
import { ApiKeyGuard } from '../auth/api-key.guard';

@Module({
  imports: [CoreModule],
  controllers: [AccountsController],
  providers: [ApiKeyGuard],
})
export class AccountsModule {}
