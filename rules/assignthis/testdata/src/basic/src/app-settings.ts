export class AppConfig {
  port: number;
  constructor(env: NodeJS.ProcessEnv) {
    Object.assign(this, env); // want "note: Object.assign\\(this, ...\\) in AppConfig.constructor .* \\(startup code\\)"
  }
}
