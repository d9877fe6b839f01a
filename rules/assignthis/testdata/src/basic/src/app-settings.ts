export class AppConfig {
  port: number;
  constructor(env: NodeJS.ProcessEnv) {
    Object.assign(this, env); // want "note: `Object.assign\\(this, ...\\)` gives each `AppConfig` instance .* in `AppConfig.constructor` \\(startup code\\)"
  }
}
