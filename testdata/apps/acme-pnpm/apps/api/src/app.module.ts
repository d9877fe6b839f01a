import { Module } from '@nestjs/common';
import { CoreModule } from '@acme/core';
import { AccountsModule } from './accounts/accounts.module';
import { HealthModule } from './health/health.module';

@Module({
  imports: [CoreModule.forRoot({ pepper: process.env.PASSWORD_PEPPER ?? '' }), AccountsModule, HealthModule],
})
export class AppModule {}
