export class AuditLog {
  id!: number;
  action!: string;
  subject!: string;
}
