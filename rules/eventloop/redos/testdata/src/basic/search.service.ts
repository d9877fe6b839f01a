import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class SearchService implements OnModuleInit {
  onModuleInit() {
    const email = /^([a-zA-Z0-9])+@(([a-zA-Z0-9-])+\.)+([a-zA-Z0-9]{2,4})+$/; // want "warning: regex `/\\^\\(\\[a-zA-Z0-9\\]\\)\\+@\\(\\(\\[a-zA…` backtracks exponentially on `'a@a\\.a' \\+ 'aaaa'\\.repeat\\(14\\) \\+ '!'` in `SearchService\\.onModuleInit` \\(startup code\\)"
    email.test(process.env.ADMIN_EMAIL ?? '');
  }

  run(q: string, v: boolean) {
    return [q, v];
  }
}
