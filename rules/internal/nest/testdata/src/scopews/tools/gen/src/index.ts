import { Project } from 'ts-morph';

new Project().addSourceFilesAtPaths('apps/**/*.ts');
