import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ExportStatus {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}

@Entity('report_exports')
export class ReportExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  from: Date;

  @Column({ type: 'timestamptz' })
  to: Date;

  @Column()
  requestedBy: string;

  @Column({ default: false })
  passwordProtected: boolean;

  @Column({ type: 'enum', enum: ExportStatus, default: ExportStatus.Queued })
  status: ExportStatus;

  @CreateDateColumn()
  createdAt: Date;

  constructor(partial?: Partial<ReportExport>) {
    Object.assign(this, partial);
  }
}
