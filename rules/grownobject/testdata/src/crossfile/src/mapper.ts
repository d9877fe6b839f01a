export function toDto(u: { id: string; name: string }) {
  const dto: any = {}; // want "warning: object dto is created as a literal in toDto and then given new properties id, name, each one a new hidden class on the request path; create it as one literal with all properties \\(undefined for values not known yet\\)"
  dto.id = u.id;
  dto.name = u.name;
  return dto;
}
