import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ScratchStorage } from '../common/storage/scratch-storage.service';
import { Order } from '../orders/entities/order.entity';
import { ReportExport } from './entities/report-export.entity';
import { ReportFormatter } from './report-formatter.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([Order, ReportExport]), AuthModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportFormatter, ScratchStorage],
})
export class ReportsModule {}
