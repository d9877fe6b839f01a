export function farewell(name: string): string {
  return `bye ${name}`;
}
