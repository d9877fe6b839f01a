package genproject

import (
	"strings"
)

func (m *module) moduleFile() string {
	im := imports{}
	im.add("@nestjs/common", "Module")
	im.add("@nestjs/typeorm", "TypeOrmModule")
	im.add("./entities/"+m.kebab+".entity", m.pascal)
	im.add("./"+m.kebab+".controller", m.pascal+"Controller")
	im.add("./"+m.kebab+".service", m.pascal+"Service")
	imp := "[TypeOrmModule.forFeature([{{E}}])]"
	if m.prev != nil {
		im.add("../"+m.prev.kebab+"/"+m.prev.kebab+".module", m.prev.pascal+"Module")
		imp = "[TypeOrmModule.forFeature([{{E}}]), {{P}}Module]"
	}
	c := newCode(m.replacer())
	c.add(`
@Module({
  imports: ` + imp + `,
  controllers: [{{E}}Controller],
  providers: [{{E}}Service],
  exports: [{{E}}Service],
})
export class {{E}}Module {}`)
	return im.render() + "\n" + c.String()
}

func (m *module) specFile() string {
	im := imports{}
	im.add("@nestjs/common", "NotFoundException")
	im.add("@nestjs/testing", "Test")
	im.add("@nestjs/typeorm", "getRepositoryToken")
	im.add("./entities/"+m.kebab+".entity", m.pascal)
	im.add("./"+m.kebab+".service", m.pascal+"Service")
	c := newCode(m.replacer())
	c.add(`
describe('{{E}}Service', () => {
  let service: {{E}}Service;
  const repo = {
    find: jest.fn(),
    findAndCount: jest.fn(),
    findOneBy: jest.fn(),
    create: jest.fn((input: Partial<{{E}}>) => input),
    save: jest.fn(async (entity: Partial<{{E}}>) => ({ id: '7d1f3c2e-1b4a-4c8e-9f00-000000000001', ...entity })),
    merge: jest.fn((entity: {{E}}, patch: Partial<{{E}}>) => ({ ...entity, ...patch })),
    delete: jest.fn(),
  };

  beforeEach(async () => {
    jest.clearAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [
        {{E}}Service,
        { provide: getRepositoryToken({{E}}), useValue: repo },`)
	if m.prev != nil {
		im.add("../"+m.prev.kebab+"/"+m.prev.kebab+".service", m.prev.pascal+"Service")
		c.add("        { provide: {{P}}Service, useValue: { findOne: jest.fn() } },")
	}
	c.add(`      ],
    }).compile();
    service = moduleRef.get({{E}}Service);
  });

  it('paginates', async () => {
    repo.findAndCount.mockResolvedValue([[{ id: 'a', name: 'first' }], 41]);
    const page = await service.findAll(2, 20);
    expect(page.total).toBe(41);
    expect(page.pages).toBe(3);
    expect(repo.findAndCount).toHaveBeenCalledWith(expect.objectContaining({ skip: 20, take: 20 }));
  });

  it('throws NotFoundException for an unknown id', async () => {
    repo.findOneBy.mockResolvedValue(null);
    await expect(service.findOne('missing')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('creates a {{label}}', async () => {
    const created = await service.create({ name: 'sample {{label}}' } as never);
    expect(created.id).toBeDefined();
    expect(repo.save).toHaveBeenCalledTimes(1);
  });

  it('reports a missing row on delete', async () => {
    repo.delete.mockResolvedValue({ affected: 0 });
    await expect(service.remove('missing')).rejects.toBeInstanceOf(NotFoundException);
  });`)
	if m.has(exCountByStatus) {
		im.add("./entities/"+m.kebab+".entity", m.pascal+"Status")
		c.add(`
  it('counts rows by status', async () => {
    repo.find.mockResolvedValue([
      { id: '1', status: {{E}}Status.Draft },
      { id: '2', status: {{E}}Status.Active },
      { id: '3', status: {{E}}Status.Active },
    ]);
    await expect(service.countByStatus()).resolves.toEqual({ draft: 1, active: 2, archived: 0, total: 3 });
  });`)
	}
	c.add("});")
	return im.render() + "\n" + c.String()
}

// Shared helpers under src/common.

const paginationTS = `export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
  pages: number;
}

export function paginate<T>(items: T[], total: number, page: number, limit: number): Paginated<T> {
  return {
    items,
    total,
    page,
    limit,
    pages: limit > 0 ? Math.ceil(total / limit) : 0,
  };
}
`

const errorsTS = `import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) {
    return false;
  }
  const driverError = err.driverError as { code?: string } | undefined;
  return driverError?.code === UNIQUE_VIOLATION;
}
`

const csvTS = `function cell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (text.includes('"') || text.includes(',') || text.includes('\n')) {
    return '"' + text.split('"').join('""') + '"';
  }
  return text;
}

export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => cell(row[column])).join(','));
  }
  return lines.join('\n') + '\n';
}
`

const retryTS = "function sleep(ms: number): Promise<void> {\n" +
	"  return new Promise((resolve) => setTimeout(resolve, ms));\n" +
	"}\n\n" +
	"export async function withRetry<T>(fn: () => Promise<T>, attempts = 3, baseDelayMs = 50): Promise<T> {\n" +
	"  let lastError: unknown;\n" +
	"  for (let attempt = 0; attempt < attempts; attempt++) {\n" +
	"    try {\n" +
	"      return await fn();\n" +
	"    } catch (err) {\n" +
	"      lastError = err;\n" +
	"      if (attempt < attempts - 1) {\n" +
	"        await sleep(baseDelayMs * 2 ** attempt);\n" +
	"      }\n" +
	"    }\n" +
	"  }\n" +
	"  throw lastError;\n" +
	"}\n"

const loggingInterceptorTS = "import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';\n" +
	"import { Request } from 'express';\n" +
	"import { Observable, tap } from 'rxjs';\n\n" +
	"@Injectable()\n" +
	"export class LoggingInterceptor implements NestInterceptor {\n" +
	"  private readonly logger = new Logger('HTTP');\n\n" +
	"  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {\n" +
	"    const req = context.switchToHttp().getRequest<Request>();\n" +
	"    const started = Date.now();\n" +
	"    return next.handle().pipe(\n" +
	"      tap({\n" +
	"        next: () => this.logger.log(`${req.method} ${req.originalUrl} ${Date.now() - started}ms`),\n" +
	"        error: (err: Error) => this.logger.warn(`${req.method} ${req.originalUrl} failed: ${err.message}`),\n" +
	"      }),\n" +
	"    );\n" +
	"  }\n" +
	"}\n"

const mainTS = "import { Logger, ValidationPipe } from '@nestjs/common';\n" +
	"import { NestFactory } from '@nestjs/core';\n" +
	"import { AppModule } from './app.module';\n\n" +
	"async function bootstrap(): Promise<void> {\n" +
	"  const app = await NestFactory.create(AppModule);\n" +
	"  app.enableShutdownHooks();\n" +
	"  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));\n\n" +
	"  const port = Number(process.env.PORT ?? 3000);\n" +
	"  await app.listen(port);\n" +
	"  Logger.log(`listening on port ${port}`, 'Bootstrap');\n" +
	"}\n\n" +
	"void bootstrap();\n"

const tsconfigJSON = `{
  "compilerOptions": {
    "module": "commonjs",
    "declaration": true,
    "removeComments": true,
    "emitDecoratorMetadata": true,
    "experimentalDecorators": true,
    "allowSyntheticDefaultImports": true,
    "target": "ES2021",
    "sourceMap": true,
    "outDir": "./dist",
    "baseUrl": ".",
    "incremental": true,
    "skipLibCheck": true,
    "strictNullChecks": false,
    "noImplicitAny": false,
    "strictBindCallApply": false,
    "forceConsistentCasingInFileNames": false,
    "noFallthroughCasesInSwitch": false
  }
}
`

const packageJSON = `{
  "name": "generated-nest-app",
  "version": "0.0.1",
  "private": true,
  "license": "UNLICENSED",
  "scripts": {
    "build": "nest build",
    "start": "nest start",
    "start:prod": "node dist/main",
    "test": "jest"
  },
  "dependencies": {
    "@nestjs/common": "^10.3.0",
    "@nestjs/core": "^10.3.0",
    "@nestjs/mapped-types": "^2.0.4",
    "@nestjs/platform-express": "^10.3.0",
    "@nestjs/typeorm": "^10.0.1",
    "class-transformer": "^0.5.1",
    "class-validator": "^0.14.0",
    "pg": "^8.11.3",
    "reflect-metadata": "^0.1.14",
    "rxjs": "^7.8.1",
    "typeorm": "^0.3.19"
  },
  "devDependencies": {
    "@nestjs/cli": "^10.2.1",
    "@nestjs/testing": "^10.3.0",
    "@types/express": "^4.17.21",
    "@types/jest": "^29.5.11",
    "@types/node": "^20.10.6",
    "jest": "^29.7.0",
    "ts-jest": "^29.1.1",
    "typescript": "^5.3.3"
  },
  "jest": {
    "moduleFileExtensions": ["js", "json", "ts"],
    "rootDir": "src",
    "testRegex": ".*\\.spec\\.ts$",
    "transform": { "^.+\\.(t|j)s$": "ts-jest" },
    "testEnvironment": "node"
  }
}
`

const nestCLIJSON = `{
  "$schema": "https://json.schemastore.org/nest-cli",
  "collection": "@nestjs/schematics",
  "sourceRoot": "src",
  "compilerOptions": {
    "builder": "tsc",
    "deleteOutDir": true
  }
}
`

func appModuleFile(mods []*module) string {
	im := imports{}
	im.add("@nestjs/common", "Module")
	im.add("@nestjs/typeorm", "TypeOrmModule")
	var b strings.Builder
	for _, m := range mods {
		im.add("./"+m.kebab+"/"+m.kebab+".module", m.pascal+"Module")
		b.WriteString("    " + m.pascal + "Module,\n")
	}
	return im.render() + `
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({
        type: 'postgres',
        url: process.env.DATABASE_URL,
        autoLoadEntities: true,
        synchronize: false,
      }),
    }),
` + b.String() + `  ],
})
export class AppModule {}
`
}
