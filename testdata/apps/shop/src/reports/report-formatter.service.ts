import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

@Injectable()
export class ReportFormatter implements OnModuleInit {
  private locale: string;
  private currency = 'EUR';
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(private readonly config: ConfigService) {
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' });
  }

  onModuleInit(): void {
    this.locale = this.config.get<string>('app.locale', 'en-GB');
    this.currency = this.config.get<string>('app.currency', this.currency);
  }

  money(cents: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: this.currency }).format(cents / 100);
  }

  date(value: Date): string {
    return this.dateFormat.format(value);
  }
}
