import { Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { HealthService } from './infra/health.service';
import { DatabaseModule } from './infra/database.module';
import { MailerService, PrismaService, ShutdownService } from './infra/mailer.service';
import { MetricsService } from './infra/metrics.service';
import { SearchIndexer } from './infra/search-indexer.service';
import { JobsModule } from './jobs/jobs.module';
import { QueueRedisModule } from './redis/queue-redis.module';
import { RedisModule } from './redis/redis.module';

@Module({
  imports: [RedisModule, JobsModule, DatabaseModule, QueueRedisModule],
  controllers: [AuthController],
  providers: [AuthService, HealthService, MailerService, MetricsService, PrismaService, SearchIndexer, ShutdownService],
})
export class AppModule {}
