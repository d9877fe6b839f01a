import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { UsersModule } from './users/users.module';
import { AdminModule } from './admin/admin.module';
import { MetricsModule } from './metrics/metrics.module';

const isAdmin = process.env.ADMIN_UI === '1';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    UsersModule,
    ...(isAdmin ? [AdminModule] : []),
    ...(process.env.METRICS ? [MetricsModule] : [MetricsModule]),
    ...isAdmin ? [AdminModule] : [],
    isAdmin ? AdminModule : MetricsModule,
    ...[MetricsModule],
    ...extraModules(),
  ],
})
export class AppModule {}

export function extraModules() {
  return [MetricsModule];
}
