import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AuditService } from '@app/audit';

@Processor('imports')
export class ImportProcessor extends WorkerHost {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async process(job: Job<{ file: string }>) {
    this.audit.note(`import ${job.data.file}`);
    this.audit.record(`import ${job.data.file}`); // want "error: the promise of `AuditService\\.record` is not awaited in a queue job; if it rejects, the process crashes"
    return job.data.file;
  }
}
