package genproject

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The workspace shape: a pnpm/npm workspace shaped like the monorepos of
// MONOREPOS.md, so that benchmarks exercise discovery (.gitignore files),
// scope and memory the way real repositories do.
//
//	package.json (workspaces), pnpm-workspace.yaml, tsconfig.base.json
//	.gitignore                 about 300 lines of common patterns
//	apps/api                   the Nest HTTP app: AppModule imports the module of every server package
//	packages/<domain>          up to 32 Nest library packages (@genws/<domain>) sharing the N feature
//	                           modules; package.json, tsconfig.json, .gitignore, src/index.ts barrel
//	packages/graphql-types     GraphQL codegen-style type files (about 1.5 MB each from N = 100)
//	apps/web                   a React/Vite browser app (out of the default scope)
//	packages/cli               a commander CLI (out of the default scope)
//
// Every package holds ignored TypeScript (out-tsc/, tmp/, *.local.ts) that a
// linter must not read. Findings are planted in server packages only, at
// the paths PlantedSyncIOWorkspace returns.

// maxServerPackages bounds the Nest library packages of a workspace.
const maxServerPackages = 32

var domains = []string{
	"accounts", "billing", "catalog", "checkout", "shipping", "inventory", "pricing", "orders",
	"payments", "invoicing", "notifications", "search", "reviews", "loyalty", "support", "reporting",
	"audit", "identity", "tenants", "warehouses", "fleet", "scheduling", "documents", "media",
	"analytics", "campaigns", "contracts", "payroll", "procurement", "compliance", "training", "devices",
}

// serverPackages returns how many library packages hold the modules.
func serverPackages(modules int) int { return min(modules, maxServerPackages) }

// packageOf returns the library package (index) of module i.
func packageOf(i, modules int) int { return i * serverPackages(modules) / modules }

// PlantedSyncIOWorkspace returns the slash-separated paths, relative to
// the workspace root, of the service files GenerateWorkspace(dir, modules,
// seed) plants an event-loop/sync-io finding in, for any seed.
func PlantedSyncIOWorkspace(modules int) []string {
	var out []string
	for i := plantAt; i < modules; i += plantEvery {
		n := moduleNames(i)
		out = append(out, "packages/"+domains[packageOf(i, modules)]+"/src/"+n.kebab+"/"+n.kebab+".service.ts")
	}
	return out
}

type treeWriter struct {
	dir string
	st  Stats
}

func (w *treeWriter) write(rel, content string) error {
	path := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create directory for %s: %w", rel, err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	w.st.Files++
	w.st.Lines += strings.Count(content, "\n")
	w.st.Bytes += int64(len(content))
	return nil
}

// GenerateWorkspace writes a workspace with the given number of feature
// modules into dir. Output is a pure function of (modules, seed).
func GenerateWorkspace(dir string, modules int, seed int64) (Stats, error) {
	if modules < 1 {
		return Stats{}, fmt.Errorf("modules must be at least 1, got %d", modules)
	}
	w := &treeWriter{dir: dir}
	np := serverPackages(modules)
	root := []genFile{
		{"package.json", wsRootPackageJSON},
		{"pnpm-workspace.yaml", wsPnpmWorkspace},
		{"tsconfig.base.json", wsTsconfigBase},
		{".gitignore", wsRootGitignore(np)},
	}
	for _, f := range root {
		if err := w.write(f.path, f.content); err != nil {
			return w.st, err
		}
	}

	// the server packages and their modules
	pkgMods := make([][]*module, np)
	var prev *module
	for i := 0; i < modules; i++ {
		p := packageOf(i, modules)
		if len(pkgMods[p]) == 0 {
			prev = nil // a module depends on the previous one of its own package
		}
		m := newModule(i, seed, prev)
		pkgMods[p] = append(pkgMods[p], m)
		prev = m
	}
	for p, mods := range pkgMods {
		if err := writeServerPackage(w, p, mods); err != nil {
			return w.st, err
		}
	}
	if err := writeAPI(w, pkgMods); err != nil {
		return w.st, err
	}
	if err := writeGraphQL(w, modules, seed); err != nil {
		return w.st, err
	}
	if err := writeWeb(w, modules, seed); err != nil {
		return w.st, err
	}
	if err := writeCLI(w); err != nil {
		return w.st, err
	}
	return w.st, nil
}

// writeServerPackage writes packages/<domain>: a Nest library.
func writeServerPackage(w *treeWriter, p int, mods []*module) error {
	name := domains[p]
	base := "packages/" + name + "/"
	files := []genFile{
		{base + "package.json", fmt.Sprintf(wsLibPackageJSON, name)},
		{base + "tsconfig.json", wsLibTsconfig},
		{base + ".gitignore", wsPackageGitignore(p)},
		{base + "src/common/pagination.ts", paginationTS},
		{base + "src/common/errors.ts", errorsTS},
		{base + "src/common/csv.ts", csvTS},
		{base + "src/common/retry.ts", retryTS},
		{base + "src/common/logging.interceptor.ts", loggingInterceptorTS},
		// ignored by the root .gitignore (out-tsc/, **/tmp/, *.local.ts):
		// each would be a finding if it were linted
		{base + "out-tsc/src/common/reader.ts", ignoredReaderTS},
		{base + "tmp/scratch.ts", ignoredReaderTS},
		{base + "src/dev.local.ts", ignoredReaderTS},
	}
	var barrel strings.Builder
	for _, m := range mods {
		b := base + "src/" + m.kebab + "/"
		files = append(files,
			genFile{b + "entities/" + m.kebab + ".entity.ts", m.entityFile()},
			genFile{b + "dto/create-" + m.kebab + ".dto.ts", m.createDTOFile()},
			genFile{b + "dto/update-" + m.kebab + ".dto.ts", m.updateDTOFile()},
			genFile{b + m.kebab + ".service.ts", m.serviceFile()},
			genFile{b + m.kebab + ".controller.ts", m.controllerFile()},
			genFile{b + m.kebab + ".module.ts", m.moduleFile()},
			genFile{b + m.kebab + ".service.spec.ts", m.specFile()},
		)
		fmt.Fprintf(&barrel, "export * from './%s/%s.module';\nexport * from './%s/%s.service';\n", m.kebab, m.kebab, m.kebab, m.kebab)
	}
	files = append(files, genFile{base + "src/index.ts", barrel.String()})
	for _, f := range files {
		if err := w.write(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

// writeAPI writes apps/api, the Nest app importing every server package.
func writeAPI(w *treeWriter, pkgMods [][]*module) error {
	im := imports{}
	im.add("@nestjs/common", "Module")
	im.add("@nestjs/typeorm", "TypeOrmModule")
	var deps, list strings.Builder
	for p, mods := range pkgMods {
		fmt.Fprintf(&deps, "    \"@genws/%s\": \"workspace:*\",\n", domains[p])
		for _, m := range mods {
			im.add("@genws/"+domains[p], m.pascal+"Module")
			list.WriteString("    " + m.pascal + "Module,\n")
		}
	}
	app := im.render() + `
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
` + list.String() + `  ],
})
export class AppModule {}
`
	files := []genFile{
		{"apps/api/package.json", fmt.Sprintf(wsAPIPackageJSON, deps.String())},
		{"apps/api/tsconfig.json", wsLibTsconfig},
		{"apps/api/nest-cli.json", nestCLIJSON},
		{"apps/api/.gitignore", "dist/\nuploads/\n*.tsbuildinfo\n"},
		{"apps/api/src/main.ts", mainTS},
		{"apps/api/src/app.module.ts", app},
		{"apps/api/src/graphql.ts", "import type { Query } from '@genws/graphql-types';\n\nexport type ApiQuery = Pick<Query, '__typename'>;\n"},
		{"apps/api/uploads/seed.ts", ignoredReaderTS},
	}
	for _, f := range files {
		if err := w.write(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

// codegenSize is the size of one generated GraphQL file: about 1.5 MB
// from 100 modules, less for smaller workspaces.
func codegenSize(modules int) int { return min(1_500_000, modules*15_000) }

// writeGraphQL writes packages/graphql-types: codegen output.
func writeGraphQL(w *treeWriter, modules int, seed int64) error {
	files := []genFile{
		{"packages/graphql-types/package.json", wsGraphQLPackageJSON},
		{"packages/graphql-types/tsconfig.json", wsLibTsconfig},
		{"packages/graphql-types/.gitignore", "dist/\n*.graphql.d.ts\n"},
		{"packages/graphql-types/src/index.ts", "export * from './generated/graphql';\nexport * from './generated/operations';\n"},
		{"packages/graphql-types/src/generated/graphql.ts", codegenFile(codegenSize(modules), seed, "schema")},
		{"packages/graphql-types/src/generated/operations.ts", codegenFile(codegenSize(modules), seed+1, "operations")},
	}
	for _, f := range files {
		if err := w.write(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

// codegenFile writes GraphQL Code Generator-style types until size bytes.
func codegenFile(size int, seed int64, kind string) string {
	rng := rand.New(rand.NewPCG(uint64(seed), 0xc0de))
	var b strings.Builder
	b.WriteString("/* eslint-disable */\n/* This file is generated by the GraphQL code generator. Do not edit. */\n")
	b.WriteString("import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';\n")
	b.WriteString("export type Maybe<T> = T | null;\nexport type InputMaybe<T> = Maybe<T>;\n")
	b.WriteString("export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };\n")
	b.WriteString("export type Scalars = {\n  ID: { input: string; output: string };\n  String: { input: string; output: string };\n" +
		"  Boolean: { input: boolean; output: boolean };\n  Int: { input: number; output: number };\n" +
		"  Float: { input: number; output: number };\n  DateTime: { input: any; output: any };\n};\n\n")
	if kind == "schema" {
		b.WriteString("export type Query = {\n  __typename?: 'Query';\n  node?: Maybe<Scalars['ID']['output']>;\n};\n\n")
	}
	scalars := []string{"ID", "String", "Boolean", "Int", "Float", "DateTime"}
	for i := 0; b.Len() < size; i++ {
		n := moduleNames(i % 800)
		t := n.pascal + fmt.Sprint(i/800)
		if kind == "schema" {
			fmt.Fprintf(&b, "export type %s = {\n  __typename?: '%s';\n", t, t)
			for f := 0; f < 6+rng.IntN(10); f++ {
				s := scalars[rng.IntN(len(scalars))]
				fmt.Fprintf(&b, "  field%d%s?: Maybe<Scalars['%s']['output']>;\n", f, s, s)
			}
			b.WriteString("};\n\n")
			fmt.Fprintf(&b, "export type Query%sArgs = {\n  id: Scalars['ID']['input'];\n  first?: InputMaybe<Scalars['Int']['input']>;\n};\n\n", t)
			fmt.Fprintf(&b, "export enum %sOrderBy {\n  CreatedAtAsc = 'CREATED_AT_ASC',\n  CreatedAtDesc = 'CREATED_AT_DESC',\n}\n\n", t)
			continue
		}
		fmt.Fprintf(&b, "export type %sQueryVariables = Exact<{\n  id: Scalars['ID']['input'];\n}>;\n\n", t)
		fmt.Fprintf(&b, "export type %sQuery = { __typename?: 'Query', %s?: { __typename?: '%s', id: string, name?: string | null } | null };\n\n", t, n.camel, t)
		fmt.Fprintf(&b, "export const %sDocument = {\"kind\":\"Document\",\"definitions\":[{\"kind\":\"OperationDefinition\",\"operation\":\"query\","+
			"\"name\":{\"kind\":\"Name\",\"value\":\"%s\"},\"variableDefinitions\":[{\"kind\":\"VariableDefinition\",\"variable\":{\"kind\":\"Variable\","+
			"\"name\":{\"kind\":\"Name\",\"value\":\"id\"}},\"type\":{\"kind\":\"NonNullType\",\"type\":{\"kind\":\"NamedType\",\"name\":{\"kind\":\"Name\",\"value\":\"ID\"}}}}],"+
			"\"selectionSet\":{\"kind\":\"SelectionSet\",\"selections\":[{\"kind\":\"Field\",\"name\":{\"kind\":\"Name\",\"value\":\"%s\"}}]}}]} as unknown as DocumentNode<%sQuery, %sQueryVariables>;\n\n",
			t, t, n.camel, t, t)
	}
	return b.String()
}

// writeWeb writes apps/web, a React/Vite app: out of the default scope.
func writeWeb(w *treeWriter, modules int, seed int64) error {
	files := []genFile{
		{"apps/web/package.json", wsWebPackageJSON},
		{"apps/web/tsconfig.json", wsWebTsconfig},
		{"apps/web/.gitignore", "dist/\n.vite/\n*.local\n!.env.local.example\n"},
		{"apps/web/index.html", "<!doctype html>\n<html><body><div id=\"root\"></div><script type=\"module\" src=\"/src/main.tsx\"></script></body></html>\n"},
		{"apps/web/vite.config.ts", "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\n\nexport default defineConfig({\n  plugins: [react()],\n  server: { port: 5173 },\n});\n"},
		{"apps/web/src/main.tsx", "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { App } from './App';\n\ncreateRoot(document.getElementById('root')!).render(\n  <StrictMode>\n    <App />\n  </StrictMode>,\n);\n"},
		{"apps/web/src/App.tsx", wsWebApp},
		{"apps/web/src/api/client.ts", wsWebClient},
		{"apps/web/src/gql/graphql.ts", codegenFile(codegenSize(modules), seed+2, "schema")},
	}
	for i := 0; i < min(modules, 40); i++ {
		n := moduleNames(i)
		files = append(files, genFile{"apps/web/src/pages/" + n.pascal + "Page.tsx", webPage(n)})
	}
	for _, f := range files {
		if err := w.write(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

func webPage(n names) string {
	r := strings.NewReplacer("{{E}}", n.pascal, "{{route}}", n.route, "{{label}}", n.label)
	return r.Replace(`import { useEffect, useState } from 'react';
import { getJson } from '../api/client';

type Row = { id: string; name: string; status?: string };

export function {{E}}Page() {
  const [rows, setRows] = useState<Row[]>([]);
  const [filter, setFilter] = useState<{ status?: string; q?: string }>({});

  useEffect(() => {
    void getJson<Row[]>('/api/{{route}}').then(setRows);
  }, []);

  function clearStatus() {
    const next = { ...filter };
    delete next.status;
    setFilter(next);
  }

  return (
    <section>
      <h2>{{label}}</h2>
      <button onClick={clearStatus}>All</button>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>{r.name}</li>
        ))}
      </ul>
    </section>
  );
}
`)
}

// writeCLI writes packages/cli, a commander CLI: out of the default scope.
func writeCLI(w *treeWriter) error {
	files := []genFile{
		{"packages/cli/package.json", wsCLIPackageJSON},
		{"packages/cli/tsconfig.json", wsLibTsconfig},
		{"packages/cli/.gitignore", "dist/\n*.tgz\n"},
		{"packages/cli/src/main.ts", wsCLIMain},
	}
	for _, f := range files {
		if err := w.write(f.path, f.content); err != nil {
			return err
		}
	}
	return nil
}

const ignoredReaderTS = `import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { readFileSync } from 'fs';

@Injectable()
export class ScratchReader {
  read(): string {
    return readFileSync('/tmp/scratch.json', 'utf8');
  }
}

@Controller('scratch')
export class ScratchController {
  constructor(private readonly reader: ScratchReader) {}

  @Get()
  get(): string {
    return this.reader.read();
  }
}

@Module({ controllers: [ScratchController], providers: [ScratchReader] })
export class ScratchModule {}
`

const wsRootPackageJSON = `{
  "name": "genws",
  "private": true,
  "packageManager": "pnpm@9.12.0",
  "workspaces": ["apps/*", "packages/*"],
  "scripts": {
    "build": "pnpm -r build",
    "test": "pnpm -r test"
  },
  "devDependencies": {
    "typescript": "^5.6.3"
  }
}
`

const wsPnpmWorkspace = `# every app and package of the generated workspace
packages:
  - 'apps/*'
  - 'packages/*'
  - '!**/out-tsc/**'
`

const wsTsconfigBase = `{
  "compilerOptions": {
    "target": "es2021",
    "module": "commonjs",
    "moduleResolution": "node",
    "declaration": true,
    "sourceMap": true,
    "strict": true,
    "strictPropertyInitialization": false,
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "esModuleInterop": true,
    "skipLibCheck": true
  }
}
`

const wsLibPackageJSON = `{
  "name": "@genws/%s",
  "version": "0.0.0",
  "private": true,
  "main": "dist/index.js",
  "types": "dist/index.d.ts",
  "scripts": {
    "build": "tsc -p tsconfig.json"
  },
  "dependencies": {
    "@nestjs/common": "^10.4.6",
    "@nestjs/mapped-types": "^2.0.5",
    "@nestjs/typeorm": "^10.0.2",
    "class-validator": "^0.14.1",
    "rxjs": "^7.8.1",
    "typeorm": "^0.3.20"
  }
}
`

const wsLibTsconfig = `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "outDir": "dist",
    "rootDir": "src"
  },
  "include": ["src"]
}
`

const wsAPIPackageJSON = `{
  "name": "@genws/api",
  "version": "0.0.0",
  "private": true,
  "scripts": {
    "build": "nest build",
    "start": "nest start"
  },
  "dependencies": {
%s    "@genws/graphql-types": "workspace:*",
    "@nestjs/common": "^10.4.6",
    "@nestjs/core": "^10.4.6",
    "@nestjs/platform-express": "^10.4.6",
    "@nestjs/typeorm": "^10.0.2",
    "pg": "^8.13.0",
    "reflect-metadata": "^0.2.2",
    "rxjs": "^7.8.1",
    "typeorm": "^0.3.20"
  }
}
`

const wsGraphQLPackageJSON = `{
  "name": "@genws/graphql-types",
  "version": "0.0.0",
  "private": true,
  "main": "dist/index.js",
  "types": "dist/index.d.ts",
  "devDependencies": {
    "@graphql-codegen/cli": "^5.0.3",
    "@graphql-typed-document-node/core": "^3.2.0"
  }
}
`

const wsWebPackageJSON = `{
  "name": "@genws/web",
  "version": "0.0.0",
  "private": true,
  "type": "module",
  "scripts": {
    "dev": "vite",
    "build": "tsc -b && vite build"
  },
  "dependencies": {
    "react": "^18.3.1",
    "react-dom": "^18.3.1"
  },
  "devDependencies": {
    "@vitejs/plugin-react": "^4.3.3",
    "vite": "^5.4.10"
  }
}
`

const wsWebTsconfig = `{
  "compilerOptions": {
    "target": "ES2020",
    "lib": ["ES2020", "DOM"],
    "module": "ESNext",
    "moduleResolution": "bundler",
    "jsx": "react-jsx",
    "strict": true,
    "noEmit": true
  },
  "include": ["src"]
}
`

const wsWebApp = `import { useState } from 'react';

type Settings = { theme?: string; locale?: string };

export function App() {
  const [settings, setSettings] = useState<Settings>({ theme: 'dark', locale: 'en' });

  function resetTheme() {
    const next = { ...settings };
    delete next.theme;
    setSettings(next);
  }

  return (
    <main>
      <h1>Generated workspace</h1>
      <p>Theme: {settings.theme ?? 'system'}</p>
      <button onClick={resetTheme}>Reset theme</button>
    </main>
  );
}
`

const wsWebClient = `export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    throw new Error(path + ': ' + res.status);
  }
  return (await res.json()) as T;
}
`

const wsCLIPackageJSON = `{
  "name": "@genws/cli",
  "version": "0.0.0",
  "bin": {
    "genws": "dist/main.js"
  },
  "main": "dist/main.js",
  "dependencies": {
    "commander": "^12.1.0"
  }
}
`

const wsCLIMain = `#!/usr/bin/env node
import { Command } from 'commander';
import { execSync } from 'child_process';
import { readFileSync } from 'fs';

const program = new Command();

program.name('genws').description('workspace tools').version('0.0.0');

program
  .command('check-config <file>')
  .action((file: string) => {
    const raw = readFileSync(file, 'utf8');
    try {
      JSON.parse(raw);
    } catch (err) {
      console.error(file + ': ' + (err as Error).message);
      process.exit(1);
    }
  });

program.command('migrate').action(() => {
  execSync('pnpm --filter @genws/api typeorm migration:run', { stdio: 'inherit' });
});

program.parseAsync(process.argv).catch((err) => {
  console.error(err);
  process.exit(2);
});
`

// wsPackageGitignore is the .gitignore of server package p: the usual
// lines, varied a little per package.
func wsPackageGitignore(p int) string {
	lines := []string{"dist/", "*.tsbuildinfo", "coverage/", ".turbo/", "out-tsc/", "*.log", "!keep.log"}
	switch p % 4 {
	case 1:
		lines = append(lines, "/tmp/", "src/**/*.generated.ts", "!src/**/schema.generated.ts")
	case 2:
		lines = append(lines, "*.local.ts", "!src/config.local.ts", "reports/")
	case 3:
		lines = append(lines, "/fixtures/large/", "**/__snapshots__/", "*.orig")
	}
	return strings.Join(lines, "\n") + "\n"
}

// wsRootGitignore is the root .gitignore: common templates (Node, editors,
// operating systems, other languages of a polyglot repository) and
// anchored lines naming workspace paths, about 300 lines.
func wsRootGitignore(np int) string {
	var b strings.Builder
	b.WriteString(rootGitignoreTemplates)
	b.WriteString("\n# per-package outputs\n")
	for p := 0; p < np; p++ {
		fmt.Fprintf(&b, "/packages/%s/coverage-final.json\n/packages/%s/src/**/*.snap.ts\n", domains[p], domains[p])
	}
	return b.String()
}

const rootGitignoreTemplates = `# Logs
logs
*.log
npm-debug.log*
yarn-debug.log*
yarn-error.log*
lerna-debug.log*
pnpm-debug.log*
.pnpm-debug.log*
report.[0-9]*.[0-9]*.[0-9]*.[0-9]*.json

# Runtime data
pids
*.pid
*.seed
*.pid.lock

# Coverage
lib-cov
coverage
*.lcov
.nyc_output
junit.xml
/test-results/
/playwright-report/
/blob-report/
/playwright/.cache/

# Dependencies
node_modules/
jspm_packages/
bower_components
web_modules/
.pnp.*
.yarn/*
!.yarn/patches
!.yarn/plugins
!.yarn/releases
!.yarn/sdks
!.yarn/versions
.yarn-integrity

# Build output
dist
build
out-tsc/
*.tsbuildinfo
.rpt2_cache/
.rts2_cache_cjs/
.rts2_cache_es/
.rts2_cache_umd/
build/Release
.next
.nuxt
.output
.vuepress/dist
.docusaurus
.svelte-kit
/storybook-static
.vercel
.netlify
.turbo
.nx/cache
.nx/workspace-data
.angular/cache
.parcel-cache
.cache
.vite
.eslintcache
.stylelintcache
.node_repl_history
*.tgz
.npm
.grunt
.lock-wscript
.fusebox/
.dynamodb/
.serverless/
.tern-port
.vscode-test
.webpack/
.esbuild/
.swc/

# Environment
.env
.env.*
!.env.example
!.env.test.example
*.local
*.local.ts
!*.local.example.ts
.envrc
secrets/
*.pem
*.key
!**/fixtures/**/*.key
id_rsa*
*.p12
*.pfx
credentials.json
service-account*.json

# Scratch
tmp/
temp/
**/tmp/
*.tmp
*.bak
*.orig
*.rej
*.swp
*.swo
*~
\#*\#
.\#*
*.sublime-workspace
*.sublime-project

# Editors
.idea/
*.iml
*.ipr
*.iws
.vscode/*
!.vscode/settings.json
!.vscode/tasks.json
!.vscode/launch.json
!.vscode/extensions.json
!.vscode/*.code-snippets
.history/
*.vsix
.fleet/
.zed/
Session.vim
Sessionx.vim
[._]*.s[a-v][a-z]
!*.svg
[._]*.sw[a-p]
[._]s[a-rt-v][a-z]
[._]ss[a-gi-z]
[._]sw[a-p]
tags
[._]*.un~
.netrwhist

# Operating systems
.DS_Store
.AppleDouble
.LSOverride
._*
.DocumentRevisions-V100
.fseventsd
.Spotlight-V100
.TemporaryItems
.Trashes
.VolumeIcon.icns
.com.apple.timemachine.donotpresent
.AppleDB
.AppleDesktop
Network Trash Folder
Temporary Items
.apdisk
Thumbs.db
Thumbs.db:encryptable
ehthumbs.db
ehthumbs_vista.db
*.stackdump
[Dd]esktop.ini
$RECYCLE.BIN/
*.cab
*.msi
*.msix
*.msm
*.msp
*.lnk
.fuse_hidden*
.directory
.Trash-*
.nfs*

# Python tooling (scripts/)
__pycache__/
*.py[cod]
*$py.class
*.so
.Python
.venv
venv/
env/
ENV/
.mypy_cache/
.pytest_cache/
.ruff_cache/
*.egg-info/
.eggs/
pip-log.txt
.ipynb_checkpoints

# Go tooling (tools/)
*.exe
*.exe~
*.dll
*.dylib
*.test
*.out
go.work.sum

# Java and Gradle (android shell)
*.class
*.jar
!gradle/wrapper/gradle-wrapper.jar
*.war
*.ear
hs_err_pid*
.gradle
local.properties
captures/
.externalNativeBuild
.cxx/

# Infrastructure
**/.terraform/*
*.tfstate
*.tfstate.*
crash.log
crash.*.log
*.tfvars
*.tfvars.json
override.tf
override.tf.json
*_override.tf
*_override.tf.json
.terraformrc
terraform.rc
.pulumi/
cdk.out/
.aws-sam/
*.retry
docker-compose.override.yml
.docker/

# Databases and uploads
*.sqlite
*.sqlite3
*.db
!/packages/*/fixtures/*.db
dump.rdb
/data/
/uploads/
/apps/api/uploads/
/apps/api/public/generated/
/apps/web/public/build/

# Generated
**/__generated__/local-*
**/generated-local/
*.generated.local.ts
/docs/api/
/reports/
/benchmarks/results/
prisma/*.db
prisma/migrations/dev/
schema.graphql.bak
graphql.schema.json.bak
`
