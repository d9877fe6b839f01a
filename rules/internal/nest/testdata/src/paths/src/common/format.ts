export function formatUser(u: { id: string }) {
  return `user:${u.id}`;
}
