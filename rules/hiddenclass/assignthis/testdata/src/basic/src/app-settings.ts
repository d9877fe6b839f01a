export class AppConfig {
  port: number;
  constructor(env: NodeJS.ProcessEnv) {
    Object.assign(this, env); // want "note: `Object\\.assign\\(this, …\\)` gives instances different shapes in `AppConfig\\.constructor` \\(startup code\\); assign the known fields one by one"
  }
}
