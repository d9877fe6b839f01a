import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { MetricsService } from './reports/metrics.service';

@Module({
  imports: [HttpModule],
  controllers: [ReportsController],
  providers: [ReportsService, MetricsService],
})
export class AppModule {}
