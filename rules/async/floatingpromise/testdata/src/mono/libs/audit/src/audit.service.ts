import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

export interface AuditEntry {
  action: string;
  at: Date;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectModel('AuditEntry') private readonly entries: Model<AuditEntry>) {}

  record(action: string) {
    return this.entries.create({ action, at: new Date() });
  }

  note(action: string) {
    this.logger.log(action);
  }
}
