// Imported by nothing, but part of the Nest app's package.
export function pad(s: string): string {
  return s.padStart(8);
}
