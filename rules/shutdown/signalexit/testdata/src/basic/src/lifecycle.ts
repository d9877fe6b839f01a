// imported by main.ts: runs in the Nest process
export function installExitHandler() {
  process.on('SIGINT', () => {
    process.exit(0); // want "warning: the `SIGINT` handler calls `process\\.exit\\(\\)` before `app\\.close\\(\\)` finishes, so Nest's shutdown hooks never run; `await app\\.close\\(\\)` first"
  });
}
