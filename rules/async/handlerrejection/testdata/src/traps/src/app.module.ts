import { Module } from '@nestjs/common';
import { SyncJobs } from './sync.jobs';
import { InventoryClient } from './inventory.client';

@Module({ providers: [SyncJobs, InventoryClient] })
export class AppModule {}
