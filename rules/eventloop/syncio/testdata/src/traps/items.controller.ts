import { Controller, Get } from '@nestjs/common';
import { validateSync } from 'class-validator';
import * as fs from 'fs';

class Parser {
  parseSync(s: string) { return s; }
}

@Controller('items')
export class ItemsController {
  private parser = new Parser();

  @Get()
  list() {
    const fs = { readFileSync: (p: string) => p };
    fs.readFileSync('shadowed');
    validateSync({});
    return this.parser.parseSync('x');
  }

  @Get('p')
  param(fs: { readFileSync(p: string): string }) {
    return fs.readFileSync('param shadows the import');
  }
}
