import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class SearchService implements OnModuleInit {
  onModuleInit() {
    const email = /^([a-zA-Z0-9])+@(([a-zA-Z0-9-])+\.)+([a-zA-Z0-9]{2,4})+$/; // want "warning: regex .*applied \\(.test\\) in SearchService.onModuleInit \\(startup context\\)"
    email.test(process.env.ADMIN_EMAIL ?? '');
  }

  run(q: string, v: boolean) {
    return [q, v];
  }
}
