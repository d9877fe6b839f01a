package genproject

import "strings"

// dateOverrides returns the object-literal lines that turn the DTO's ISO strings into Dates.
func (m *module) dateOverrides(fallback string) string {
	var b strings.Builder
	for _, f := range m.dateFields() {
		other := "null"
		if fallback != "" {
			other = fallback + "." + f.name
		}
		b.WriteString("      " + f.name + ": dto." + f.name + " ? new Date(dto." + f.name + ") : " + other + ",\n")
	}
	return b.String()
}

func (m *module) serviceFile() string {
	im := imports{}
	im.add("@nestjs/common", "Injectable", "Logger", "NotFoundException", "ConflictException")
	im.add("@nestjs/typeorm", "InjectRepository")
	im.add("typeorm", "Repository")
	im.add("../common/pagination", "Paginated", "paginate")
	im.add("../common/errors", "isUniqueViolation")
	im.add("./dto/create-"+m.kebab+".dto", "Create"+m.pascal+"Dto")
	im.add("./dto/update-"+m.kebab+".dto", "Update"+m.pascal+"Dto")
	im.add("./entities/"+m.kebab+".entity", m.pascal, m.pascal+"Status")
	if m.prev != nil {
		im.add("../"+m.prev.kebab+"/"+m.prev.kebab+".service", m.prev.pascal+"Service")
	}

	pre := newCode(m.replacer())
	c := newCode(m.replacer())
	if m.planted {
		im.add("fs", "readFileSync")
		im.add("path", "join")
		pre.add("const ATTACHMENT_DIR = process.env.ATTACHMENT_DIR ?? '/var/lib/app/attachments';\n")
	}
	if m.has(exTransition) {
		pre.add(`
const ALLOWED_TRANSITIONS: Readonly<Record<{{E}}Status, readonly {{E}}Status[]>> = {
  [{{E}}Status.Draft]: [{{E}}Status.Active, {{E}}Status.Archived],
  [{{E}}Status.Active]: [{{E}}Status.Archived],
  [{{E}}Status.Archived]: [{{E}}Status.Active],
};
`)
	}

	c.add(`
@Injectable()
export class {{E}}Service {
  private readonly logger = new Logger({{E}}Service.name);
`)
	if m.prev != nil {
		c.add(`
  constructor(
    @InjectRepository({{E}}) private readonly repo: Repository<{{E}}>,
    private readonly {{p}}Service: {{P}}Service,
  ) {}
`)
	} else {
		c.add("  constructor(@InjectRepository({{E}}) private readonly repo: Repository<{{E}}>) {}\n")
	}

	im.add("typeorm", "ILike")
	if m.statusFilter {
		c.add(`
  async findAll(page: number, limit: number, search?: string, status?: {{E}}Status): Promise<Paginated<{{E}}>> {
    const where = {
      ...(search ? { name: ILike(~%${search}%~) } : {}),
      ...(status ? { status } : {}),
    };
    const [items, total] = await this.repo.findAndCount({
      where,
      skip: (page - 1) * limit,
      take: limit,
      order: { createdAt: 'DESC' },
    });
    return paginate(items, total, page, limit);
  }
`)
	} else {
		c.add(`
  async findAll(page: number, limit: number, search?: string): Promise<Paginated<{{E}}>> {
    const [items, total] = await this.repo.findAndCount({
      where: search ? { name: ILike(~%${search}%~) } : {},
      skip: (page - 1) * limit,
      take: limit,
      order: { createdAt: 'DESC' },
    });
    return paginate(items, total, page, limit);
  }
`)
	}
	c.add(`
  async findOne(id: string): Promise<{{E}}> {
    const entity = await this.repo.findOneBy({ id });
    if (!entity) {
      throw new NotFoundException(~{{label}} ${id} not found~);
    }
    return entity;
  }
`)
	c.add("\n  async create(dto: Create{{E}}Dto): Promise<{{E}}> {")
	if m.prev != nil {
		c.add(`    if (dto.{{p}}Id) {
      await this.{{p}}Service.findOne(dto.{{p}}Id);
    }`)
	}
	if len(m.dateFields()) > 0 {
		c.add("    const entity = this.repo.create({\n      ...dto,\n" + m.dateOverrides("") + "    });")
	} else {
		c.add("    const entity = this.repo.create(dto);")
	}
	c.add(`    try {
      const saved = await this.repo.save(entity);
      this.logger.log(~created {{label}} ${saved.id}~);
      return saved;
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictException(~{{label}} "${dto.name}" already exists~);
      }
      throw err;
    }
  }

  async update(id: string, dto: Update{{E}}Dto): Promise<{{E}}> {
    const entity = await this.findOne(id);`)
	if m.guardArchived {
		c.add(`    if (entity.status === {{E}}Status.Archived && dto.status !== {{E}}Status.Active) {
      throw new ConflictException(~{{label}} ${id} is archived~);
    }`)
	}
	if len(m.dateFields()) > 0 {
		c.add("    const merged = this.repo.merge(entity, {\n      ...dto,\n" + m.dateOverrides("entity") + "    });")
	} else {
		c.add("    const merged = this.repo.merge(entity, dto);")
	}
	c.add(`    return this.repo.save(merged);
  }

  async remove(id: string): Promise<void> {
    const result = await this.repo.delete(id);
    if (result.affected === 0) {
      throw new NotFoundException(~{{label}} ${id} not found~);
    }
  }`)

	for _, e := range m.extras {
		m.serviceExtra(c, im, e)
	}
	if m.planted {
		c.add(`
  async readAttachment(id: string): Promise<Buffer> {
    const entity = await this.findOne(id);
    const file = join(ATTACHMENT_DIR, '{{k}}', ~${entity.id}.pdf~);
    try {
      return readFileSync(file);
    } catch {
      throw new NotFoundException(~{{label}} ${id} has no attachment~);
    }
  }`)
	}
	c.add("}")

	out := im.render() + "\n"
	if p := pre.String(); p != "" {
		out += p + "\n"
	}
	return out + c.String()
}

func (m *module) serviceExtra(c *code, im imports, e extra) {
	switch e {
	case exCountByStatus:
		c.add(`
  async countByStatus(): Promise<{ draft: number; active: number; archived: number; total: number }> {
    const rows = await this.repo.find({ select: { id: true, status: true } });
    let draft = 0;
    let active = 0;
    let archived = 0;
    for (const row of rows) {
      switch (row.status) {
        case {{E}}Status.Draft:
          draft++;
          break;
        case {{E}}Status.Active:
          active++;
          break;
        default:
          archived++;
      }
    }
    return { draft, active, archived, total: rows.length };
  }`)
	case exFindRecent:
		im.add("typeorm", "MoreThanOrEqual")
		c.add(`
  findRecent(days: number, limit: number): Promise<{{E}}[]> {
    const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    return this.repo.find({
      where: { createdAt: MoreThanOrEqual(since) },
      order: { createdAt: 'DESC' },
      take: Math.min(limit, 200),
    });
  }`)
	case exTotals:
		f := m.numericField().name
		c.add(strings.ReplaceAll(`
  async totals(): Promise<{ count: number; sum: number; min: number; max: number; avg: number }> {
    const rows = await this.repo.find({ select: { id: true, FIELD: true }, where: { status: {{E}}Status.Active } });
    if (rows.length === 0) {
      return { count: 0, sum: 0, min: 0, max: 0, avg: 0 };
    }
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const row of rows) {
      const value = Number(row.FIELD ?? 0);
      sum += value;
      if (value < min) {
        min = value;
      }
      if (value > max) {
        max = value;
      }
    }
    return { count: rows.length, sum, min, max, avg: sum / rows.length };
  }`, "FIELD", f))
	case exExportCSV:
		im.add("../common/csv", "toCsv")
		cols := []string{"'id'", "'name'", "'status'"}
		for _, f := range m.fields {
			if f.scalar() && len(cols) < 6 {
				cols = append(cols, "'"+f.name+"'")
			}
		}
		cols = append(cols, "'createdAt'")
		c.add(`
  async exportCsv(): Promise<string> {
    const rows = await this.repo.find({ order: { createdAt: 'ASC' }, take: 10_000 });
    if (rows.length === 10_000) {
      this.logger.warn('{{label}} export truncated at 10000 rows');
    }
    return toCsv(rows, [` + strings.Join(cols, ", ") + `]);
  }`)
	case exArchiveStale:
		im.add("typeorm", "LessThan", "Not")
		c.add(`
  async archiveStale(olderThanDays: number): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanDays * 24 * 60 * 60 * 1000);
    const stale = await this.repo.find({
      where: { updatedAt: LessThan(cutoff), status: Not({{E}}Status.Archived) },
      take: 500,
    });
    let archived = 0;
    for (const entity of stale) {
      entity.status = {{E}}Status.Archived;
      try {
        await this.repo.save(entity);
        archived++;
      } catch (err) {
        this.logger.warn(~could not archive {{label}} ${entity.id}: ${(err as Error).message}~);
      }
    }
    return archived;
  }`)
	case exBulkCreate:
		c.add(`
  async bulkCreate(dtos: Create{{E}}Dto[]): Promise<{ created: number; failed: string[] }> {
    let created = 0;
    const failed: string[] = [];
    for (const dto of dtos) {
      try {
        await this.create(dto);
        created++;
      } catch (err) {
        failed.push(~${dto.name}: ${(err as Error).message}~);
      }
    }
    if (failed.length > 0) {
      this.logger.warn(~bulk create: ${failed.length} of ${dtos.length} {{label}} rows failed~);
    }
    return { created, failed };
  }`)
	case exTransition:
		im.add("@nestjs/common", "BadRequestException")
		c.add(`
  async transition(id: string, next: {{E}}Status): Promise<{{E}}> {
    const entity = await this.findOne(id);
    if (entity.status === next) {
      return entity;
    }
    if (!ALLOWED_TRANSITIONS[entity.status].includes(next)) {
      throw new BadRequestException(~cannot move {{label}} ${id} from ${entity.status} to ${next}~);
    }
    entity.status = next;
    return this.repo.save(entity);
  }`)
	case exReconcile:
		im.add("../common/retry", "withRetry")
		c.add(`
  async reconcile(id: string): Promise<{{E}}> {
    const entity = await this.findOne(id);
    return withRetry(async () => {
      const fresh = await this.repo.preload({ id: entity.id, status: entity.status });
      if (!fresh) {
        throw new NotFoundException(~{{label}} ${id} disappeared~);
      }
      return this.repo.save(fresh);
    }, 3);
  }`)
	case exWithParent:
		im.add("../"+m.prev.kebab+"/entities/"+m.prev.kebab+".entity", m.prev.pascal)
		c.add(`
  async withParent(id: string): Promise<{{E}} & { parent: {{P}} | null }> {
    const entity = await this.findOne(id);
    if (!entity.{{p}}Id) {
      return { ...entity, parent: null };
    }
    try {
      const parent = await this.{{p}}Service.findOne(entity.{{p}}Id);
      return { ...entity, parent };
    } catch (err) {
      if (err instanceof NotFoundException) {
        this.logger.warn(~{{label}} ${id} points at a missing {{plabel}}~);
        return { ...entity, parent: null };
      }
      throw err;
    }
  }`)
	}
}
