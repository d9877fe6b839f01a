import { Injectable } from '@nestjs/common';
import { readFileSync as rf } from 'node:fs';

@Injectable()
export class TemplateLoader {
  load(name: string): string {
    return rf(`templates/${name}.hbs`, 'utf8'); // want "error: `fs\\.readFileSync` blocks the event loop on the request path; use `fs\\.promises\\.readFile`" "via UsersController.card -> UsersService.renderCard -> UsersService.renderCard.<callback> -> TemplateLoader.load"
  }

  startupOnly(): string {
    return rf('boot.txt', 'utf8');
  }

  orphan(): string {
    return rf('x.txt', 'utf8'); // want "warning: `fs\\.readFileSync` blocks the event loop in `TemplateLoader\\.orphan` \\(no known entry point\\); use `fs\\.promises\\.readFile`"
  }
}
