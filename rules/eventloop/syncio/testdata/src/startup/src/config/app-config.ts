import { readFileSync } from 'fs';

// A plain configuration object read once at import time, as in many apps
// written before @nestjs/config.
export class AppConfig {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  typeOrmOptions() {
    return {
      type: 'mysql' as const,
      host: this.env.DB_HOST,
      ssl: this.env.DB_CA ? { ca: readFileSync(this.env.DB_CA) } : undefined,
    };
  }
}

export const appConfig = new AppConfig(process.env);
