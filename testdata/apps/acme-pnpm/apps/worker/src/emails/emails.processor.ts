import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import { FindAccountUseCase } from '@acme/core';
import { Job } from 'bullmq';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface WelcomeEmailJob {
  accountId: string;
}

@Processor('emails')
export class EmailsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(EmailsProcessor.name);
  private templateDir: string;

  constructor(private readonly findAccount: FindAccountUseCase) {
    super();
  }

  onModuleInit(): void {
    this.templateDir = join(__dirname, 'templates');
  }

  async process(job: Job<WelcomeEmailJob>): Promise<void> {
    const account = await this.findAccount.execute(job.data.accountId);
    const template = readFileSync(join(this.templateDir, 'welcome.html'), 'utf8');
    this.logger.log(`welcome email for ${account.email} (${template.length} bytes)`);
  }
}
