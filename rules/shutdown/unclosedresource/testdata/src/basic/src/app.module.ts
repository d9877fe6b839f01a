import { Module } from '@nestjs/common';
import { CacheService, TenantCache } from './cache.service';
import { PollerService } from './poller.service';
import { DbService } from './db.service';
import { PrismaService } from './prisma.service';
import { EventsService } from './events.service';

@Module({ providers: [CacheService, TenantCache, PollerService, DbService, PrismaService, EventsService] })
export class AppModule {}
