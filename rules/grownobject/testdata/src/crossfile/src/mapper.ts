export function toDto(u: { id: string; name: string }) {
  const dto: any = {}; // want "warning: object dto is created as a literal in toDto .* request path \\(reached from UsersController.me\\)"
  dto.id = u.id;
  dto.name = u.name;
  return dto;
}
