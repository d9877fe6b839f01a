import { Controller, Get, Param, Injectable, OnModuleInit } from '@nestjs/common';

interface Order { id: string; total: number; admin: boolean; fields: string[] }

@Controller('orders')
export class OrdersController {
  private readonly label: string;

  constructor(private readonly repo: any) {
    (this as any).createdAt = Date.now();
  }

  @Get(':id')
  findOne(@Param('id') id: string) {
    const o: Order = this.repo.get(id);
    const r: any = {}; // want "warning: literal `r` later gets `id`, `total` and `role`, each a new hidden class on the request path; put every property in the literal"
    r.id = o.id;
    r.total = o.total;
    if (o.admin) r.role = 'admin';
    r.id = 'again';
    const meta = { id: o.id, total: 0 };
    meta.total = o.total;
    const byKey: Record<string, number> = {};
    byKey.a = 1;
    const indexed: { [k: string]: unknown } = {};
    indexed.b = 2;
    const dyn: any = {};
    for (const f of o.fields) {
      dyn[f] = o[f];
    }
    dyn.extra = 1;
    const spread: any = { ...o };
    spread.more = 1;
    (this as any).lastId = id; // want "warning: `\\(this as any\\)\\.lastId` adds a field after construction, so `OrdersController` instances change shape on the request path; declare it with an initializer"
    (this as any).label = id;
    return { r, meta, byKey, indexed, dyn, spread };
  }

  @Get()
  enable() {
    Object.defineProperty(this, 'flag', { value: true }); // want "warning: `Object\\.defineProperty\\(this, …\\)` adds `flag` after construction, so `OrdersController` instances change shape on the request path; declare it as a field"
    const inst = new Date();
    Object.defineProperty(inst, 'tz', { value: 'UTC' }); // want "warning: `Object\\.defineProperty\\(inst, …\\)` adds `tz` after the object was created, so it changes shape on the request path; create it with all its properties"
  }
}

@Injectable()
export class Boot implements OnModuleInit {
  constructor() {
    Object.defineProperty(this, 'ok', { value: true });
  }
  onModuleInit() {
    const cfg: any = {}; // want "note: literal `cfg` later gets `port`, a new hidden class in `Boot\\.onModuleInit` \\(startup code\\); put every property in the literal"
    cfg.port = 3000;
    return cfg;
  }
}
