import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

// Words separated by single spaces, e.g. "red running shoes".
const TITLE = /^(\w+\s?)*$/;

@Injectable()
export class ParseTitlePipe implements PipeTransform<string | undefined, string> {
  transform(value: string | undefined): string {
    const title = (value ?? '').trim();
    if (title.length === 0 || title.length > 200 || !TITLE.test(title)) {
      throw new BadRequestException('q must be words separated by single spaces');
    }
    return title;
  }
}
