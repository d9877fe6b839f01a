export function sleepSync(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}
