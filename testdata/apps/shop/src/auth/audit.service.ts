import { Injectable, Logger } from '@nestjs/common';
import { AuthUser } from './auth-user.interface';

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);
  private currentUser: AuthUser | null = null;
  private recorded = 0;

  record(user: AuthUser, action: string): void {
    this.currentUser = user;
    this.recorded++;
    this.logger.log(`#${this.recorded} ${action} by ${this.actor()}`);
  }

  private actor(): string {
    if (!this.currentUser) {
      return 'anonymous';
    }
    return `${this.currentUser.email} (${this.currentUser.id})`;
  }
}
