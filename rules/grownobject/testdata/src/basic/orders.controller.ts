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
    const r: any = {}; // want "warning: object r is created as a literal in OrdersController\\.findOne and then given new properties id, total, role, each one a new hidden class on the request path; create it as one literal with all properties \\(undefined for values not known yet\\)"
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
    (this as any).lastId = id; // want "warning: \\(this as any\\).lastId adds an undeclared property to OrdersController in findOne, after construction"
    (this as any).label = id;
    return { r, meta, byKey, indexed, dyn, spread };
  }

  @Get()
  enable() {
    Object.defineProperty(this, 'flag', { value: true }); // want "warning: Object.defineProperty\\(this, ...\\) adds property flag to OrdersController in enable, after construction"
    const inst = new Date();
    Object.defineProperty(inst, 'tz', { value: 'UTC' }); // want "warning: Object.defineProperty\\(inst, ...\\) adds property tz to inst"
  }
}

@Injectable()
export class Boot implements OnModuleInit {
  constructor() {
    Object.defineProperty(this, 'ok', { value: true });
  }
  onModuleInit() {
    const cfg: any = {}; // want "note: object cfg is created as a literal in Boot\\.onModuleInit and then given new properties port, each one a new hidden class in `Boot\\.onModuleInit` \\(startup code\\); create it as one literal with all properties \\(undefined for values not known yet\\)"
    cfg.port = 3000;
    return cfg;
  }
}
