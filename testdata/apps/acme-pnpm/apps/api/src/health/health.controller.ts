import { Controller, Get } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';

@Controller('health')
export class HealthController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  check() {
    return { status: 'ok', uptimeMs: this.metrics.uptimeMs() };
  }
}
