import { Injectable, OnModuleInit } from '@nestjs/common';
import { TemplateLoader } from '@app/common/template.loader';

@Injectable()
export class UsersService implements OnModuleInit {
  constructor(private readonly templates: TemplateLoader) {}

  onModuleInit() {
    this.templates.load('warmup');
  }

  renderCard(id: string) {
    return [id].map((x) => this.templates.load(x)).join('');
  }
}
