export function drain(): void {
  setTimeout(() => {
    process.exit(0);
  }, 1000);
}
