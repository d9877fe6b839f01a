import { Controller, Get } from '@nestjs/common';
import { ReportsService } from './audit/reports.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  get() {
    return this.reports.build();
  }
}
