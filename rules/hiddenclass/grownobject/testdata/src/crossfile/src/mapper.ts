export function toDto(u: { id: string; name: string }) {
  const dto: any = {}; // want "warning: literal `dto` later gets `id` and `name`, each a new hidden class on the request path; put every property in the literal"
  dto.id = u.id;
  dto.name = u.name;
  return dto;
}
