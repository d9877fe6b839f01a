import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ImportProcessor } from './import.processor';

@Module({ imports: [AuditModule], providers: [ImportProcessor] })
export class WorkerModule {}
