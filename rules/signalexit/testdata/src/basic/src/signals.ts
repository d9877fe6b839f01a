export function onUsr2() {
  process.exit(0); // want "warning: the `SIGUSR2` handler calls `process\\.exit\\(\\)` without awaiting `app\\.close\\(\\)` first: `onModuleDestroy`, `beforeApplicationShutdown` and `onApplicationShutdown` never run, even with `enableShutdownHooks\\(\\)`; await `app\\.close\\(\\)` before exiting"
}

export async function drainThenExit(app: { close(): Promise<void> }) {
  process.exit(1); // exits before the close below: but this function is no handler, not reported
  await app.close();
}
