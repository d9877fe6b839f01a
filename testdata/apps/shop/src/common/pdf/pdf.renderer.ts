import { Injectable, Logger, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as fs from 'fs';
import * as Handlebars from 'handlebars';
import * as path from 'path';

const TEMPLATE_DIR = path.join(__dirname, 'templates');
const TEMPLATES = ['invoice', 'packing-slip'] as const;

export type TemplateName = (typeof TEMPLATES)[number];

// Renders Handlebars templates to HTML and lets a Gotenberg sidecar turn the HTML into a PDF.
@Injectable()
export class PdfRenderer implements OnModuleInit {
  private readonly logger = new Logger(PdfRenderer.name);
  private readonly gotenbergUrl: string;

  constructor(config: ConfigService) {
    this.gotenbergUrl = config.get<string>('app.gotenbergUrl', 'http://gotenberg:3000');
  }

  // Fail fast at boot when a template is missing from the build output.
  onModuleInit(): void {
    for (const name of TEMPLATES) {
      this.loadTemplate(name);
    }
    this.logger.log(`pdf templates found: ${TEMPLATES.join(', ')}`);
  }

  async render(name: TemplateName, data: Record<string, unknown>): Promise<Buffer> {
    const template = Handlebars.compile(this.loadTemplate(name));
    return this.toPdf(template(data));
  }

  private loadTemplate(name: TemplateName): string {
    return fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.hbs`), 'utf8');
  }

  private async toPdf(html: string): Promise<Buffer> {
    const form = new FormData();
    form.append('files', new Blob([html], { type: 'text/html' }), 'index.html');
    const res = await fetch(`${this.gotenbergUrl}/forms/chromium/convert/html`, { method: 'POST', body: form });
    if (!res.ok) {
      throw new ServiceUnavailableException(`pdf service answered ${res.status}`);
    }
    return Buffer.from(await res.arrayBuffer());
  }
}
