import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

// Dotted numeric versions such as "2", "1.4" or "3.10.2".
const VERSION = /^\d+(\.\d+)*$/;

@Injectable()
export class ParseVersionPipe implements PipeTransform<string | undefined, string> {
  transform(value: string | undefined): string {
    if (value === undefined || value === '') {
      return '0.0.0';
    }
    if (value.length > 32 || !VERSION.test(value)) {
      throw new BadRequestException(`invalid version "${value}"`);
    }
    return value;
  }
}
