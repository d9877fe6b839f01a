import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import * as zlib from 'zlib';
import { ScratchStorage } from '@app/common/storage/scratch-storage.service';
import { Order } from '@app/orders/entities/order.entity';
import { CreateExportDto } from './dto/create-export.dto';
import { ExportStatus, ReportExport } from './entities/report-export.entity';
import { ReportFormatter } from './report-formatter.service';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(ReportExport) private readonly exports: Repository<ReportExport>,
    private readonly formatter: ReportFormatter,
    private readonly scratch: ScratchStorage,
  ) {}

  @Cron(CronExpression.EVERY_DAY_AT_2AM, { name: 'nightly-sales' })
  async nightlySales(): Promise<void> {
    const to = new Date();
    const csv = await this.buildCsv(new Date(to.getTime() - DAY_MS), to);
    const gz = zlib.gzipSync(Buffer.from(csv, 'utf8'));
    const key = `sales-${to.toISOString().slice(0, 10)}.csv.gz`;
    this.scratch.write(key, gz);
    this.logger.log(`nightly sales export ${key}: ${gz.length} bytes`);
  }

  nightlyFile(date: string): Promise<Buffer> {
    return this.scratch.read(`sales-${date}.csv.gz`);
  }

  requestExport(dto: CreateExportDto, password: string | undefined, requestedBy: string): Promise<ReportExport> {
    const job = new ReportExport({
      from: new Date(dto.from),
      to: new Date(dto.to),
      requestedBy,
      passwordProtected: password !== undefined,
      status: ExportStatus.Queued,
    });
    return this.exports.save(job);
  }

  private async buildCsv(from: Date, to: Date): Promise<string> {
    const orders = await this.orders.find({ where: { createdAt: Between(from, to) }, order: { createdAt: 'ASC' } });
    const lines = orders.map((order) => Object.values(this.toRow(order)).join(';'));
    return ['id;customer;items;total;created', ...lines].join('\n');
  }

  private toRow(order: Order): Record<string, string> {
    const row: any = {};
    row.id = order.id;
    row.customer = order.customer?.email ?? '';
    row.items = String(order.lines.length);
    row.total = this.formatter.money(order.totalCents);
    row.created = this.formatter.date(order.createdAt);
    return row;
  }
}
