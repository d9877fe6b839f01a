import { Command } from 'commander';
import { execSync } from 'child_process';

export const seedCommand = new Command('seed')
  .description('load demo accounts into a local database')
  .option('--url <url>', 'database url', 'postgres://localhost/acme')
  .action((opts: { url: string }) => {
    execSync(`psql ${opts.url} -f seeds/accounts.sql`, { stdio: 'inherit' });
    process.exit(0);
  });
