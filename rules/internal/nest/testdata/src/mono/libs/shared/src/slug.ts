export function slugify(s: string) {
  return s.toLowerCase().replace(/\s+/g, '-');
}
