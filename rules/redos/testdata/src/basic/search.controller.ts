import { Controller, Get, Query } from '@nestjs/common';
import { SLUG, TAGS } from './patterns';
import { SearchService } from './search.service';

@Controller('search')
export class SearchController {
  private readonly words = /^(\w+\s?)*$/; // want "error: regex ./\\^\\(.w.*can backtrack exponentially.*input like .'a+!'.*applied \\(.test\\) on the request path, reached from SearchController.find" "via SearchController.find"

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

  @Get('inline')
  inline(@Query('s') s: string) {
    return s.replace(/(\d|\w)+x/, ''); // want "error: regex .*alternatives of the repeated group .* overlap.*applied \\(.replace\\) on the request path"
  }
}
