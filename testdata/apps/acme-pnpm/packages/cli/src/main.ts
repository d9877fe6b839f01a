#!/usr/bin/env node
import { Command } from 'commander';
import { readFileSync } from 'fs';
import { seedCommand } from './seed';

const program = new Command();

program.name('acme').description('Acme platform tools').version('0.0.0');

program
  .command('check-config <file>')
  .description('validate a platform config file')
  .action((file: string) => {
    const raw = readFileSync(file, 'utf8');
    try {
      JSON.parse(raw);
    } catch (err) {
      console.error(`${file}: ${(err as Error).message}`);
      process.exit(1);
    }
  });

program.addCommand(seedCommand);

program.parseAsync(process.argv).catch((err) => {
  console.error(err);
  process.exit(2);
});
