import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Product } from '../catalog/entities/product.entity';
import { EventLoopMonitor } from './event-loop-monitor.service';
import { SupplierFeedService } from './supplier-feed.service';

@Module({
  imports: [TypeOrmModule.forFeature([Product])],
  providers: [EventLoopMonitor, SupplierFeedService],
})
export class JobsModule {}
