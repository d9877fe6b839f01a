import { Controller, Get, Query } from '@nestjs/common';
import { SLUG, TAGS } from './patterns';
import { SearchService } from './search.service';

@Controller('search')
export class SearchController {
  private readonly words = /^(\w+\s?)*$/; // want "error: regex `/\\^\\(\\\\w\\+\\\\s\\?\\)\\*\\$/` backtracks exponentially: the repeated group `\\(\\\\w\\+\\\\s\\?\\)\\*` matches the same text in more than one way; the input 'a' \\+ 'a'\\.repeat\\(30\\) \\+ '!' makes a JavaScript backtracking matcher take exponential time \\(measured: x1\\.98 steps per pump over 8 pumps, 12308 steps at 9 pumps\\); it is applied \\(\\.test\\) on the request path, reached from SearchController\\.find; rewrite it so each repetition must start with something the previous one cannot match, or bound the input length" "via SearchController.find"

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
    return s.replace(/\s+$/, ''); // want "note: regex `/.s\\+\\$/` backtracks polynomially \\(about n\\^2 steps for n repeated characters\\): the input ' ' \\+ ' '.repeat\\(10000\\) \\+ '!' keeps the event loop busy \\(measured: x[34]\\.[0-9] steps per doubling.*applied \\(.replace\\) to parameter s of SearchController.trim, reached from SearchController.trim"
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
    return /^(?:a+(?!a))+x|^(b+)+$/.test(c); // want "error: regex `/\\^\\(\\?:a\\+\\(\\?!a\\)\\)\\+x\\|\\^\\(b\\+\\)\\+\\$/` backtracks exponentially: the repeated group `\\(b\\+\\)\\+` matches the same text in more than one way; the input 'b' \\+ 'b'\\.repeat\\(30\\) \\+ '!' makes a JavaScript backtracking matcher take exponential time \\(measured: x1\\.98 steps per pump over 8 pumps, 32843 steps at 11 pumps\\); it is applied \\(\\.test\\) on the request path, reached from SearchController\\.code; rewrite it so each repetition must start with something the previous one cannot match, or bound the input length"
  }

  @Get('inline')
  inline(@Query('s') s: string) {
    return s.replace(/(\d|\w)+x/, ''); // want "error: regex .*alternatives of the repeated group .* overlap.*applied \\(.replace\\) on the request path"
  }
}
