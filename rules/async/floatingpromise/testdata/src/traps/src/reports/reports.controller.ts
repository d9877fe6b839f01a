import { Body, Controller, Get, Post } from '@nestjs/common';
import { ReportsService, Report } from './reports.service';
import { MetricsService } from './metrics.service';

@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly metrics: MetricsService,
  ) {}

  @Post()
  async create(@Body() r: Report) {
    void this.metrics.log('report.create');
    this.metrics.safeFlush(() => this.reports.saveAll([r]));
    this.reports.save(r).catch(() => undefined);
    this.reports.save(r).then(
      () => this.metrics.log('saved'),
      () => this.metrics.log('failed'),
    );
    this.metrics.evict('latest');
    this.reports.ping();
    this.reports.settle([r]);
    await this.reports.saveTwo(r, r);
    return this.reports.save(r);
  }

  @Get()
  list() {
    return this.reports.saveAll([]);
  }
}
