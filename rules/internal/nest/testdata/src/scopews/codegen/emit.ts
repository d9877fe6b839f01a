import { generate } from '@graphql-codegen/cli';

// Belongs to the root package: no package.json of its own.
void generate({ schema: 'schema.graphql', generates: {} });
