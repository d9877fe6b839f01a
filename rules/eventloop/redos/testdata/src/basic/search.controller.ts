import { Controller, Get, Query } from '@nestjs/common';
import { SLUG, TAGS } from './patterns';
import { SearchService } from './search.service';

@Controller('search')
export class SearchController {
  private readonly words = /^(\w+\s?)*$/; // want "error: regex `/\\^\\(\\\\w\\+\\\\s\\?\\)\\*\\$/` backtracks exponentially on `'a' \\+ 'a'\\.repeat\\(30\\) \\+ '!'` in `\\.test` on the request path; rewrite the group `\\(\\\\w\\+\\\\s\\?\\)\\*`" "via SearchController.find"

  constructor(private readonly search: SearchService) {}

  @Get()
  find(@Query('q') q: string) {
    if (!this.words.test(q)) return [];
    const version = /^\d+(\.\d+)*$/.test(q); // safe: each repetition starts with a dot
    return this.search.run(q, version);
  }

  @Get('slug')
  slug(@Query('s') s: string) {
    return SLUG.test(s) && s.split(TAGS).length > 0;
  }

  // Quadratic on request input: a note with the measured attack.
  @Get('trim')
  trim(@Query('s') s: string) {
    return s.replace(/\s+$/, ''); // want "note: regex `/\\\\s\\+\\$/` takes n\\^2 steps on `' ' \\+ ' '\\.repeat\\(10000\\) \\+ '!'`, and `\\.replace` applies it on the request path to parameter `s`"
  }

  // The same regex on a constant: not request input, not reported.
  @Get('banner')
  banner() {
    const text = 'welcome   ';
    return text.replace(/\s+$/, '');
  }

  // The first loop is linear (its lookahead makes a+ take every a), the
  // second is not: the proven one is reported.
  @Get('code')
  code(@Query('c') c: string) {
    return /^(?:a+(?!a))+x|^(b+)+$/.test(c); // want "error: regex `/\\^\\(\\?:a\\+\\(\\?!a\\)\\)\\+x\\|\\^\\(b\\+\\)\\+\\$/` backtracks exponentially on `'b' \\+ 'b'\\.repeat\\(30\\) \\+ '!'` in `\\.test` on the request path; rewrite the group `\\(b\\+\\)\\+`"
  }

  @Get('inline')
  inline(@Query('s') s: string) {
    return s.replace(/(\d|\w)+x/, ''); // want "error: regex `/\\(\\\\d\\|\\\\w\\)\\+x/` backtracks exponentially on `'0' \\+ '00'\\.repeat\\(15\\) \\+ '!'` in `\\.replace` on the request path; rewrite the group `\\(\\\\d\\|\\\\w\\)\\+`"
  }
}
