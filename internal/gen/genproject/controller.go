package genproject

// staticRoute reports whether the extra's endpoint has a fixed path. Those are declared before
// ':id' so that Express does not hand "recent" or "stats" to the ':id' handler.
func staticRoute(e extra) bool {
	switch e {
	case exCountByStatus, exFindRecent, exTotals, exExportCSV, exArchiveStale, exBulkCreate:
		return true
	}
	return false
}

func (m *module) controllerFile() string {
	im := imports{}
	im.add("@nestjs/common", "Body", "Controller", "DefaultValuePipe", "Delete", "Get", "HttpCode", "HttpStatus",
		"Param", "ParseIntPipe", "ParseUUIDPipe", "Patch", "Post", "Query", "BadRequestException")
	im.add("../common/pagination", "Paginated")
	im.add("./dto/create-"+m.kebab+".dto", "Create"+m.pascal+"Dto")
	im.add("./dto/update-"+m.kebab+".dto", "Update"+m.pascal+"Dto")
	im.add("./entities/"+m.kebab+".entity", m.pascal)
	im.add("./"+m.kebab+".service", m.pascal+"Service")

	c := newCode(m.replacer())
	c.add("@Controller('{{route}}')")
	if m.intercepted {
		im.add("@nestjs/common", "UseInterceptors")
		im.add("../common/logging.interceptor", "LoggingInterceptor")
		c.add("@UseInterceptors(LoggingInterceptor)")
	}
	c.add(`export class {{E}}Controller {
  constructor(private readonly {{e}}Service: {{E}}Service) {}

  @Get()
  findAll(
    @Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
    @Query('search') search?: string,`)
	if m.statusFilter {
		im.add("@nestjs/common", "ParseEnumPipe")
		im.add("./entities/"+m.kebab+".entity", m.pascal+"Status")
		c.add(`    @Query('status', new ParseEnumPipe({{E}}Status, { optional: true })) status?: {{E}}Status,
  ): Promise<Paginated<{{E}}>> {
    if (page < 1 || limit < 1 || limit > 100) {
      throw new BadRequestException('page must be >= 1 and limit between 1 and 100');
    }
    return this.{{e}}Service.findAll(page, limit, search?.trim() || undefined, status);
  }`)
	} else {
		c.add(`  ): Promise<Paginated<{{E}}>> {
    if (page < 1 || limit < 1 || limit > 100) {
      throw new BadRequestException('page must be >= 1 and limit between 1 and 100');
    }
    return this.{{e}}Service.findAll(page, limit, search?.trim() || undefined);
  }`)
	}
	for _, e := range m.extras {
		if staticRoute(e) {
			m.controllerExtra(c, im, e)
		}
	}
	c.add(`
  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string): Promise<{{E}}> {
    return this.{{e}}Service.findOne(id);
  }

  @Post()
  create(@Body() dto: Create{{E}}Dto): Promise<{{E}}> {
    return this.{{e}}Service.create(dto);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: Update{{E}}Dto): Promise<{{E}}> {
    return this.{{e}}Service.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.{{e}}Service.remove(id);
  }`)
	for _, e := range m.extras {
		if !staticRoute(e) {
			m.controllerExtra(c, im, e)
		}
	}
	if m.planted {
		im.add("@nestjs/common", "Header", "StreamableFile")
		c.add(`
  @Get(':id/attachment')
  @Header('Content-Type', 'application/pdf')
  async attachment(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const pdf = await this.{{e}}Service.readAttachment(id);
    return new StreamableFile(pdf);
  }`)
	}
	c.add("}")
	return im.render() + "\n" + c.String()
}

func (m *module) controllerExtra(c *code, im imports, e extra) {
	switch e {
	case exCountByStatus:
		c.add(`
  @Get('stats/status')
  countByStatus() {
    return this.{{e}}Service.countByStatus();
  }`)
	case exFindRecent:
		c.add(`
  @Get('recent')
  findRecent(
    @Query('days', new DefaultValuePipe(7), ParseIntPipe) days: number,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
  ): Promise<{{E}}[]> {
    if (days < 1 || days > 365) {
      throw new BadRequestException('days must be between 1 and 365');
    }
    return this.{{e}}Service.findRecent(days, limit);
  }`)
	case exTotals:
		c.add(`
  @Get('stats/totals')
  totals() {
    return this.{{e}}Service.totals();
  }`)
	case exExportCSV:
		im.add("@nestjs/common", "Header")
		c.add(`
  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="{{route}}.csv"')
  exportCsv(): Promise<string> {
    return this.{{e}}Service.exportCsv();
  }`)
	case exArchiveStale:
		c.add(`
  @Post('archive-stale')
  @HttpCode(HttpStatus.OK)
  async archiveStale(@Query('days', new DefaultValuePipe(90), ParseIntPipe) days: number) {
    if (days < 7) {
      throw new BadRequestException('refusing to archive anything younger than 7 days');
    }
    const archived = await this.{{e}}Service.archiveStale(days);
    return { archived, olderThanDays: days };
  }`)
	case exBulkCreate:
		im.add("@nestjs/common", "ParseArrayPipe")
		c.add(`
  @Post('bulk')
  bulkCreate(@Body(new ParseArrayPipe({ items: Create{{E}}Dto, whitelist: true })) dtos: Create{{E}}Dto[]) {
    if (dtos.length === 0 || dtos.length > 500) {
      throw new BadRequestException('send between 1 and 500 items');
    }
    return this.{{e}}Service.bulkCreate(dtos);
  }`)
	case exTransition:
		im.add("@nestjs/common", "ParseEnumPipe")
		im.add("./entities/"+m.kebab+".entity", m.pascal+"Status")
		c.add(`
  @Patch(':id/status')
  transition(
    @Param('id', ParseUUIDPipe) id: string,
    @Body('status', new ParseEnumPipe({{E}}Status)) status: {{E}}Status,
  ): Promise<{{E}}> {
    return this.{{e}}Service.transition(id, status);
  }`)
	case exReconcile:
		c.add(`
  @Post(':id/reconcile')
  @HttpCode(HttpStatus.OK)
  reconcile(@Param('id', ParseUUIDPipe) id: string): Promise<{{E}}> {
    return this.{{e}}Service.reconcile(id);
  }`)
	case exWithParent:
		c.add(`
  @Get(':id/with-{{pk}}')
  withParent(@Param('id', ParseUUIDPipe) id: string) {
    return this.{{e}}Service.withParent(id);
  }`)
	}
}
