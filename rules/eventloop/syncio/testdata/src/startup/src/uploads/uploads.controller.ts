import { Body, Controller, Post } from '@nestjs/common';
import { existsSync, statSync, readFileSync, accessSync } from 'fs';
import * as fs from 'fs';
import * as fsUtils from '../common/fs-utils';

@Controller('uploads')
export class UploadsController {
  @Post('check')
  async check(@Body() body: { files: string[] }) {
    const found = await Promise.all(body.files.map(async (f) => existsSync(f))); // want "error: `fs\\.existsSync` blocks the event loop on the request path; use `fs\\.promises\\.access` \\(or `fs\\.promises\\.stat`\\)"
    const sizes = body.files.filter((f) => found.includes(true)).map((f) => statSync(f).size); // want "error: `fs\\.statSync` blocks the event loop on the request path; use `fs\\.promises\\.stat`"
    return { found, sizes };
  }

  @Post('read')
  read(@Body() body: { files: string[] }) {
    const texts = body.files.map(this.load.bind(this));
    body.files.forEach(this.touch);
    const links = body.files.filter(fsUtils.isSymlink);
    const total = body.files.reduce(function (n, f) {
      return n + fs.readFileSync(f).length; // want "error: `fs\\.readFileSync` blocks the event loop on the request path; use `fs\\.promises\\.readFile`"
    }, 0);
    return { texts, total, links };
  }

  private load(f: string) {
    return readFileSync(f, 'utf8'); // want "error: `fs\\.readFileSync` blocks the event loop on the request path; use `fs\\.promises\\.readFile`"
  }

  private readonly touch = (f: string) => {
    accessSync(f); // want "error: `fs\\.accessSync` blocks the event loop on the request path; use `fs\\.promises\\.access`"
  };
}
