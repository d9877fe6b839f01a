import { Injectable } from '@nestjs/common';
import { AuditService } from './audit.service';
import { IdGenerator } from './id.generator';

@Injectable()
export class ReportsService {
  constructor(
    private readonly audit: AuditService,
    private readonly ids: IdGenerator,
  ) {}

  build() {
    this.audit.record('report');
    return this.ids.next();
  }
}
