import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import * as zlib from 'zlib';
import { TemplateLoader } from '../common/template.loader';

@Injectable()
export class ReportJob implements OnModuleInit {
  constructor(private readonly loader: TemplateLoader) {}

  onModuleInit() {
    this.loader.startupOnly();
  }

  @Cron('0 * * * *')
  compress() {
    return zlib.gzipSync(Buffer.from('x')); // want "error: `zlib\\.gzipSync` blocks the event loop in a scheduled job; use `zlib\\.gzip` with `util\\.promisify`"
  }
}
