export class UserEntity {
  id: string;
  email: string;
  constructor(input: Partial<UserEntity>) {
    Object.assign(this, input); // want "warning: `Object.assign\\(this, ...\\)` gives each `UserEntity` instance the keys of its input, so instances get different hidden classes on the request path; assign the known fields one by one" "via UsersController.create -> UsersService.create -> UserEntity.constructor"
  }
}

export class AuditEntry {
  at: number;
  constructor(data: Record<string, unknown>) {
    Object.assign(this, { at: 0 });
    Object.assign(this, data); // want "note: `Object.assign\\(this, ...\\)` gives each `AuditEntry` instance .* in `AuditEntry.constructor`, which no entry point is known to reach"
  }
}
