import { CommandFactory } from 'nest-commander';
import { SeedModule } from '@ws/nestlib';

// A nest-commander entry point: it imports no @nestjs/* package itself,
// the bootstrap call is what makes it Nest code.
async function main(): Promise<void> {
  await CommandFactory.run(SeedModule, ['warn', 'error']);
}

void main();
