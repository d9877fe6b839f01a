import { Project } from 'ts-morph';
import { writeFileSync } from 'fs';

const project = new Project({ tsConfigFilePath: 'apps/api/tsconfig.app.json' });
const controllers = project.getSourceFiles('apps/api/src/**/*.controller.ts');
const names = controllers.flatMap((f) => f.getClasses().map((c) => c.getName() ?? 'Anonymous'));
writeFileSync('libs/shared-types/src/generated/controllers.json', JSON.stringify(names, null, 2));
process.exit(0);
