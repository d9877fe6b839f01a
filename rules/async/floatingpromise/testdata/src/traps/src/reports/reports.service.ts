import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

export class Report {
  id!: string;
}

@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    private readonly http: HttpService,
  ) {}

  async onModuleInit() {
    // startup: a failure here fails the bootstrap, not a request
    this.warm();
  }

  private async warm() {
    await this.reports.count();
  }

  save(r: Report) {
    return this.reports.save(r); // returned: the caller owns it
  }

  async saveAll(rs: Report[]) {
    await Promise.all(rs.map((r) => this.reports.save(r)));
  }

  async saveTwo(a: Report, b: Report) {
    const first = this.reports.save(a); // stored, awaited below
    await Promise.all([first, this.reports.save(b)]);
  }

  ping() {
    // an Observable: nothing runs until someone subscribes
    this.http.get('https://status.internal/ping');
  }

  settle(rs: Report[]) {
    Promise.allSettled(rs.map((r) => this.reports.save(r)));
  }
}
