// imported by main.ts: runs in the Nest process
export function installExitHandler() {
  process.on('SIGINT', () => {
    process.exit(0); // want "warning: the `SIGINT` handler calls `process\\.exit\\(\\)` without awaiting `app\\.close\\(\\)` first: `onModuleDestroy`, `beforeApplicationShutdown` and `onApplicationShutdown` never run, even with `enableShutdownHooks\\(\\)`; await `app\\.close\\(\\)` before exiting"
  });
}
