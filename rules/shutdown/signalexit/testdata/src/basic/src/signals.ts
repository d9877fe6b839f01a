export function onUsr2() {
  process.exit(0); // want "warning: the `SIGUSR2` handler calls `process\\.exit\\(\\)` before `app\\.close\\(\\)` finishes, so Nest's shutdown hooks never run; `await app\\.close\\(\\)` first"
}

export async function drainThenExit(app: { close(): Promise<void> }) {
  process.exit(1); // exits before the close below: but this function is no handler, not reported
  await app.close();
}
